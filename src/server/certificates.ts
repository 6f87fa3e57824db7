import { createHash, randomUUID, X509Certificate } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, watch, writeFileSync, type FSWatcher } from 'node:fs';
import path from 'node:path';
import { createSecureContext } from 'node:tls';
import { generate } from 'selfsigned';
import { GammaError } from '../errors.ts';

/** A certificate chain and its private key, PEM-encoded. */
export interface KeyPair {
  readonly cert: string;
  readonly key: string;
}

/** Where the development certificates live, and the names they cover. */
export interface DevelopmentCertificates {
  readonly caFile: string;
  readonly certFile: string;
  readonly keyFile: string;
  readonly subjectAltNames: readonly string[];
  /** False when existing files were reused. */
  readonly generated: boolean;
}

/**
 * The SANs of the development server certificate: loopback, and the in-cluster names the API
 * server uses to reach the webhook's Service.
 */
export function developmentSubjectAltNames(serviceName: string, namespace: string): string[] {
  return [
    'localhost',
    '127.0.0.1',
    `${serviceName}.${namespace}.svc`,
    `${serviceName}.${namespace}.svc.cluster.local`,
  ];
}

/**
 * Makes (or reuses) a development CA and a server certificate signed by it in `dir`. Existing
 * files are reused when they cover the same SANs and are valid for at least one more day;
 * keys are written with mode 0600.
 */
export async function ensureDevelopmentCertificates(
  dir: string,
  subjectAltNames: readonly string[],
  now: Date = new Date(),
): Promise<DevelopmentCertificates> {
  const files = {
    caFile: path.join(dir, 'ca.crt'),
    certFile: path.join(dir, 'tls.crt'),
    keyFile: path.join(dir, 'tls.key'),
  };
  if (reusable(files.certFile, files.keyFile, subjectAltNames, now)) {
    return { ...files, subjectAltNames, generated: false };
  }
  mkdirSync(dir, { recursive: true });
  const notAfterDate = new Date(now.getTime() + 365 * 24 * 3600 * 1000);
  const ca = await generate([{ name: 'commonName', value: `gamma-webhook development CA ${randomUUID().slice(0, 8)}` }], {
    keyType: 'ec',
    algorithm: 'sha256',
    notBeforeDate: now,
    notAfterDate,
    extensions: [
      { name: 'basicConstraints', cA: true, critical: true },
      { name: 'keyUsage', keyCertSign: true, cRLSign: true, digitalSignature: true, critical: true },
    ],
  });
  const server = await generate([{ name: 'commonName', value: subjectAltNames[0] ?? 'localhost' }], {
    keyType: 'ec',
    algorithm: 'sha256',
    notBeforeDate: now,
    notAfterDate,
    ca: { key: ca.private, cert: ca.cert },
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: subjectAltNames.map((name) =>
          /^[0-9.]+$/.test(name) || name.includes(':') ? { type: 7 as const, ip: name } : { type: 2 as const, value: name },
        ),
      },
    ],
  });
  writeFileSync(files.caFile, ca.cert);
  writeFileSync(path.join(dir, 'ca.key'), ca.private, { mode: 0o600 });
  writeFileSync(files.certFile, server.cert);
  writeFileSync(files.keyFile, server.private, { mode: 0o600 });
  return { ...files, subjectAltNames, generated: true };
}

function reusable(certFile: string, keyFile: string, subjectAltNames: readonly string[], now: Date): boolean {
  if (!existsSync(certFile) || !existsSync(keyFile)) return false;
  try {
    const certificate = new X509Certificate(readFileSync(certFile));
    const covered = subjectAltNames.every((name) =>
      /^[0-9.]+$/.test(name) ? certificate.checkIP(name) !== undefined : certificate.checkHost(name) !== undefined,
    );
    return covered && new Date(certificate.validTo).getTime() > now.getTime() + 24 * 3600 * 1000;
  } catch {
    return false;
  }
}

/**
 * Reads a key pair and checks that the key matches the certificate. Throws
 * GAMMA_ERR_CERTIFICATE naming the file when it cannot be read or the pair does not match.
 */
export function loadKeyPair(certFile: string, keyFile: string): KeyPair {
  let pair: KeyPair;
  try {
    pair = { cert: readFileSync(certFile, 'utf8'), key: readFileSync(keyFile, 'utf8') };
  } catch (error) {
    throw new GammaError('GAMMA_ERR_CERTIFICATE', `cannot read ${certFile} or ${keyFile}`, { cause: error });
  }
  try {
    createSecureContext(pair);
  } catch (error) {
    throw new GammaError('GAMMA_ERR_CERTIFICATE', `${certFile} and ${keyFile} are not a matching PEM pair`, { cause: error });
  }
  return pair;
}

/**
 * The notAfter of the serving certificate: the first in the chain, the one the server presents
 * as its own. The pair must come from loadKeyPair, which has already parsed it.
 */
export function certificateNotAfter(pair: KeyPair): Date {
  return new X509Certificate(pair.cert).validToDate;
}

/**
 * Watches a key pair and calls `onChange` with each new valid pair. Kubernetes rotates a
 * mounted Secret by swapping a symlink in the directory, so the directories are watched (not
 * the files), and a periodic check catches what the watcher misses. A half-written pair (new
 * certificate, old key) is reported through `onInvalid` and retried on the next event, while
 * the server keeps serving the previous pair.
 */
export function watchKeyPair(
  certFile: string,
  keyFile: string,
  handlers: { onChange: (pair: KeyPair) => void; onInvalid: (error: GammaError) => void },
  pollIntervalMs = 10_000,
): { close: () => void } {
  let lastDigest = digest(loadKeyPair(certFile, keyFile));
  let pending: NodeJS.Timeout | undefined;
  const check = () => {
    pending = undefined;
    let pair: KeyPair;
    try {
      pair = loadKeyPair(certFile, keyFile);
    } catch (error) {
      handlers.onInvalid(error as GammaError);
      return;
    }
    const current = digest(pair);
    if (current === lastDigest) return;
    lastDigest = current;
    handlers.onChange(pair);
  };
  // Editors and Secret updates write in several steps: settle for a moment before reading.
  const schedule = () => {
    pending ??= setTimeout(check, 50).unref();
  };
  const watchers: FSWatcher[] = [...new Set([path.dirname(certFile), path.dirname(keyFile)])].map((dir) =>
    watch(dir, { persistent: false }, schedule),
  );
  const poll = setInterval(check, pollIntervalMs).unref();
  return {
    close: () => {
      for (const watcher of watchers) watcher.close();
      clearInterval(poll);
      if (pending) clearTimeout(pending);
    },
  };
}

function digest(pair: KeyPair): string {
  return createHash('sha256').update(pair.cert).update('\0').update(pair.key).digest('hex');
}
