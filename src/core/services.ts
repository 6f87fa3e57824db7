/** Small questions about Services the parent and backend rules share. */
import type { ServiceInfo, ServicePortInfo } from './view.ts';

/** `namespace/name`, the way messages name a Service. */
export function serviceKey(namespace: string, name: string): string {
  return `${namespace}/${name}`;
}

/** A ServiceImport's key where Services and ServiceImports share one key space (never a `serviceKey`). */
export function serviceImportKey(namespace: string, name: string): string {
  return `ServiceImport ${serviceKey(namespace, name)}`;
}

export function isExternalName(service: ServiceInfo): boolean {
  return service.type === 'ExternalName';
}

export function isHeadless(service: ServiceInfo): boolean {
  return service.clusterIP === 'None';
}

/** A Service or a ServiceImport: what has ports. */
type HasPorts = Pick<ServiceInfo, 'ports'>;

export function portByNumber(service: HasPorts, port: number): ServicePortInfo | undefined {
  return service.ports.find((p) => p.port === port);
}

export function portByName(service: ServiceInfo, name: string): ServicePortInfo | undefined {
  return service.ports.find((p) => p.name === name);
}

/** The Service's port numbers, for hints: `80, 8080`. */
export function portList(service: HasPorts): string {
  return service.ports.map((p) => p.port).join(', ') || 'none';
}

/** The message for a port number no Service can have (a port is 1 to 65535), undefined for a valid one. */
export function portOutOfRange(port: number): string | undefined {
  return port >= 1 && port <= 65535 ? undefined : `port ${port} is out of range; a Service port is 1 to 65535`;
}
