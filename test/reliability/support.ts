/**
 * Shared checks for the reliability tests and the long load run: what a well-formed answer of
 * /validate and /mutate is, memory sampling after a full GC, and timing without wall-clock bounds.
 */
import v8 from 'node:v8';
import vm from 'node:vm';
import { errorDefinitions } from '../../src/errors.ts';

/**
 * A full garbage collection. `--expose-gc` is turned on at run time (vitest workers do not get
 * the flag), then the `gc` function is fetched from a fresh context, where V8 installs it.
 */
const collectGarbage: () => void = (() => {
  v8.setFlagsFromString('--expose-gc');
  return vm.runInNewContext('gc') as () => void;
})();

/** Heap and RSS in bytes, after a full GC. */
export function memoryAfterGc(): { heapUsed: number; rss: number } {
  collectGarbage();
  collectGarbage();
  const usage = process.memoryUsage();
  return { heapUsed: usage.heapUsed, rss: usage.rss };
}

/** Megabytes with one decimal, for the printed figures. */
export function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** The median of a non-empty list. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** Milliseconds `work` took (monotonic clock). */
export async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = process.hrtime.bigint();
  const value = await work();
  return { ms: Number(process.hrtime.bigint() - started) / 1e6, value };
}

/**
 * Why an HTTP answer of /validate or /mutate is not acceptable, or undefined when it is.
 *
 * Acceptable: a 200 with an AdmissionReview (`kind`, an admission apiVersion, `response.uid`
 * equal to `uid` when one was sent, `allowed` a boolean, warnings strings of at most 120
 * characters, a denial with a 403 status and a message, a patch only as base64 JSON Patch of
 * add/replace operations, and no GAMMA_ERR_INTERNAL warning: the judge must not throw on any
 * input), or a 4xx whose JSON body carries a known `GAMMA_ERR_` code and a message. A 5xx, a
 * body that is not JSON, or anything else is not.
 */
export function answerProblem(status: number, text: string, uid: string | undefined, door: 'validate' | 'mutate'): string | undefined {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return `status ${status}: body is not JSON: ${text.slice(0, 200)}`;
  }
  if (status >= 400 && status < 500) {
    const { code, message } = (body ?? {}) as { code?: unknown; message?: unknown };
    if (typeof code !== 'string' || !(code in errorDefinitions)) return `status ${status}: no known code: ${text.slice(0, 200)}`;
    if (typeof message !== 'string' || message === '') return `status ${status}: no message`;
    return undefined;
  }
  if (status !== 200) return `status ${status}: ${text.slice(0, 200)}`;
  const review = body as { apiVersion?: unknown; kind?: unknown; response?: Record<string, unknown> } | null;
  if (review?.kind !== 'AdmissionReview') return 'kind is not AdmissionReview';
  if (review.apiVersion !== 'admission.k8s.io/v1' && review.apiVersion !== 'admission.k8s.io/v1beta1') return `apiVersion ${String(review.apiVersion)}`;
  const response = review.response;
  if (!response) return 'no response';
  if (uid !== undefined && response.uid !== uid) return `uid ${String(response.uid)} is not the request's ${uid}`;
  if (typeof response.allowed !== 'boolean') return 'allowed is not a boolean';
  const warnings = response.warnings;
  if (warnings !== undefined) {
    if (!Array.isArray(warnings) || !warnings.every((w) => typeof w === 'string' && w.length <= 120)) return 'warnings malformed';
    if (warnings.some((w: string) => w.startsWith('GAMMA_ERR_INTERNAL'))) return `the judge threw: ${warnings.join(' | ')}`;
  }
  if (!response.allowed) {
    const s = response.status as { code?: unknown; message?: unknown } | undefined;
    if (s?.code !== 403 || typeof s.message !== 'string') return 'denial without a 403 status and message';
  }
  if (response.patch !== undefined) {
    if (door !== 'mutate') return 'a patch from /validate';
    if (response.patchType !== 'JSONPatch' || typeof response.patch !== 'string') return 'patch without patchType JSONPatch';
    let operations: unknown;
    try {
      operations = JSON.parse(Buffer.from(response.patch, 'base64').toString('utf8'));
    } catch {
      return 'patch is not base64 JSON';
    }
    if (!Array.isArray(operations) || operations.length === 0) return 'patch is not a non-empty array';
    for (const op of operations as { op?: unknown; path?: unknown }[]) {
      if (op.op !== 'add' && op.op !== 'replace') return `patch op ${String(op.op)}`;
      if (typeof op.path !== 'string' || !op.path.startsWith('/')) return `patch path ${String(op.path)}`;
    }
  }
  return undefined;
}
