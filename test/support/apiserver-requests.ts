/**
 * The requests a real kube-apiserver has answered, from its own `/metrics`
 * (`apiserver_request_total`): the real server's counterpart of the fake's `count()`, for tests
 * and the bench that assert how many writes, GETs or 409s a component caused. The counters are
 * server-wide and cumulative: take a snapshot before the part that matters and count the
 * difference. Requests the API server makes to itself (its own Leases) are left out.
 */
import type { KubeClient } from '../../src/kube/client.ts';

/** What to count; every given field must match. `verb` as the API server labels it. */
export interface ServedFilter {
  readonly verb?: 'GET' | 'LIST' | 'WATCH' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  readonly resource?: string;
  /** `status` for the subresource; '' for the main resource. */
  readonly subresource?: string;
  readonly code?: number;
  /** `cluster` (all namespaces), `namespace` (one namespace's collection) or `resource` (one object). */
  readonly scope?: 'cluster' | 'namespace' | 'resource';
}

interface Sample {
  readonly verb: string;
  readonly resource: string;
  readonly subresource: string;
  readonly code: number;
  readonly scope: string;
  readonly value: number;
}

/** Counts of served requests at one moment. */
export interface ServedRequests {
  count(filter?: ServedFilter): number;
  /** Requests matching `filter` served after `earlier` and up to this snapshot. */
  since(earlier: ServedRequests, filter?: ServedFilter): number;
}

const line = /^apiserver_request_total\{([^}]*)\} (\S+)$/;
const label = /(\w+)="([^"]*)"/g;

function parse(text: string): Sample[] {
  const samples: Sample[] = [];
  for (const row of text.split('\n')) {
    const match = line.exec(row);
    if (!match) continue;
    const labels = Object.fromEntries([...(match[1] ?? '').matchAll(label)].map((m) => [m[1], m[2]]));
    if (labels.system_client !== '' && labels.system_client !== undefined) continue;
    samples.push({
      verb: labels.verb ?? '', resource: labels.resource ?? '', subresource: labels.subresource ?? '',
      code: Number(labels.code), scope: labels.scope ?? '', value: Number(match[2]),
    });
  }
  return samples;
}

function matches(sample: Sample, filter: ServedFilter): boolean {
  return (filter.verb === undefined || filter.verb === sample.verb)
    && (filter.resource === undefined || filter.resource === sample.resource)
    && (filter.subresource === undefined || filter.subresource === sample.subresource)
    && (filter.code === undefined || filter.code === sample.code)
    && (filter.scope === undefined || filter.scope === sample.scope);
}

/** Reads `/metrics` of the API server `kube` talks to (needs the admin credentials envtest writes). */
export async function servedRequests(kube: KubeClient): Promise<ServedRequests> {
  const text = await kube.request({ method: 'GET', path: '/metrics' });
  if (typeof text !== 'string') throw new Error('the API server /metrics answer was not text');
  const samples = parse(text);
  const snapshot: ServedRequests = {
    count: (filter = {}) => samples.filter((s) => matches(s, filter)).reduce((sum, s) => sum + s.value, 0),
    since: (earlier, filter) => snapshot.count(filter) - earlier.count(filter),
  };
  return snapshot;
}
