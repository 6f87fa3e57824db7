/**
 * Hostile input within the body limit: regular expressions built to make backtracking engines
 * explode, in every place a route can carry one, and objects near the 3 MiB limit with
 * thousands of rules, matches, headers, filters, backends and parents. Each must be answered
 * with a well-formed AdmissionReview, within a budget derived from a baseline measured in the
 * same test (no bare wall-clock limit): a hostile request may take at most `ratio` times the
 * baseline plus a fixed slack for scheduling noise on a shared machine.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJudge } from '../../src/admission/judge.ts';
import { policy as buildPolicy, view, compiled } from '../builders.ts';
import { startWebhook } from '../support/https-server.ts';
import { admissionReview } from '../support/reviews.ts';
import { answerProblem, median, timed } from './support.ts';

const bodyLimit = 3 * 1024 * 1024;
/** Fixed slack added to every budget: GC pauses and a busy 2-core machine, not our code. */
const slackMs = 250;

const parent = { group: '', kind: 'Service', name: 'echo' };
const backend = { name: 'echo-v1', port: 80 };

function route(kind: 'HTTPRoute' | 'GRPCRoute', spec: Record<string, unknown>, metadata: Record<string, unknown> = {}) {
  return {
    apiVersion: 'gateway.networking.k8s.io/v1',
    kind,
    metadata: { name: 'hostile', namespace: 'default', ...metadata },
    spec: { parentRefs: [parent], ...spec },
  };
}

/** A rule with one match carrying `pattern` where the kind allows a regular expression. */
function regexRoute(place: 'path' | 'header' | 'query' | 'grpc-service' | 'grpc-method', pattern: string) {
  const regex = { type: 'RegularExpression' };
  switch (place) {
    case 'path':
      return route('HTTPRoute', { rules: [{ matches: [{ path: { ...regex, value: pattern } }], backendRefs: [backend] }] });
    case 'header':
      return route('HTTPRoute', { rules: [{ matches: [{ headers: [{ ...regex, name: 'x-a', value: pattern }] }], backendRefs: [backend] }] });
    case 'query':
      return route('HTTPRoute', { rules: [{ matches: [{ queryParams: [{ ...regex, name: 'q', value: pattern }] }], backendRefs: [backend] }] });
    case 'grpc-service':
      return route('GRPCRoute', { rules: [{ matches: [{ method: { ...regex, service: pattern, method: 'Get' } }], backendRefs: [backend] }] });
    case 'grpc-method':
      return route('GRPCRoute', { rules: [{ matches: [{ method: { ...regex, service: 'svc.v1', method: pattern } }], backendRefs: [backend] }] });
  }
}

const alternation = (n: number) => Array.from({ length: n }, (_, i) => `alt${i}`).join('|');
/** Patterns that take exponential time in a backtracking engine, and patterns that stress a parser. */
const hostilePatterns: [string, string][] = [
  ['(a+)+$', '(a+)+$'],
  ['nested stars', '((a*)*)*b'],
  ['overlapping alternation', '(a|aa|aaa)+$'],
  ['(x+x+)+y', '(x+x+)+y'],
  ['(.*a){25}', '(.*a){25}'],
  ['email-style', '^([a-zA-Z0-9])(([\\-.]|[_]+)?([a-zA-Z0-9]+))*(@){1}[a-z0-9]+[.]{1}(([a-z]{2,3})|([a-z]{2,3}[.]{1}[a-z]{2,3}))$'],
  ['nested counted repetition', '((a{1,100}){1,100}){1,100}'],
  ['repetition over the RE2 limit', 'a{1001}'],
  ['backreference (not RE2)', '(a+)\\1'],
  ['lookahead (not RE2)', '(?=(a+))a*b\\1'],
  ['alternation at the length limit', alternation(140).slice(0, 1024)],
  ['1024 stars', 'a*'.repeat(512)],
  ['1024 unicode classes', '\\p{Greek}+'.repeat(102).slice(0, 1020)],
  ['1024 open parentheses', '('.repeat(512) + ')'.repeat(512)],
  ['1 MiB pattern', 'a'.repeat(1024 * 1024)],
  ['1 MiB alternation', alternation(120_000).slice(0, 1024 * 1024)],
];
const places = ['path', 'header', 'query', 'grpc-service', 'grpc-method'] as const;

/**
 * Near-limit objects: a route made of `count` copies of one repeated part. `fullCount` is the
 * most copies that fit under the body limit (with room for the envelope).
 */
interface Oversized {
  readonly unit: (i: number) => unknown;
  readonly build: (items: unknown[]) => unknown;
}

function fullCount({ unit, build }: Oversized): number {
  const empty = JSON.stringify(admissionReview({ object: build([]) })).length;
  // The widest copy (eight-digit indexes, as the offsets below reach; odd and even), plus its comma.
  const size = Math.max(...[99_999_998, 99_999_999].map((i) => JSON.stringify(unit(i)).length)) + 1;
  return Math.floor((bodyLimit - empty - 8192) / size);
}

/** `count` copies; `offset` makes every copy new (the regex check memoizes verdicts, and a warm memo is not the cost measured). */
const items = (count: number, unit: (i: number) => unknown, offset: number) => Array.from({ length: count }, (_, i) => unit(offset + i));
const oneRule = (rule: Record<string, unknown>) => route('HTTPRoute', { rules: [{ ...rule }] });

const oversized: [string, Oversized][] = [
  ['rules', { unit: (i) => ({ name: `r${i % 7}`, matches: [{ path: { type: 'PathPrefix', value: `/p${i}` } }], backendRefs: [backend] }), build: (rules) => route('HTTPRoute', { rules }) }],
  ['duplicate headers in one match', { unit: (i) => ({ name: `X-H${i % 3}`, value: 'v' }), build: (headers) => oneRule({ matches: [{ headers }], backendRefs: [backend] }) }],
  ['matches', { unit: (i) => ({ headers: [{ name: 'a', value: `${i}` }, { name: 'A', value: 'x' }] }), build: (matches) => oneRule({ matches, backendRefs: [backend] }) }],
  ['distinct 1 KiB regular expressions', {
    unit: (i) => ({ path: { type: 'RegularExpression', value: 'a*'.repeat(508) + String(i).padStart(8, '0') } }),
    build: (matches) => oneRule({ matches, backendRefs: [backend] }),
  }],
  ['header modifier filters', {
    unit: (i) => ({ type: 'RequestHeaderModifier', requestHeaderModifier: { set: [{ name: `h${i % 5}`, value: 'v' }], add: [{ name: `H${i % 5}`, value: 'v' }], remove: [`h${i % 5}`, 'bad header'] } }),
    build: (filters) => oneRule({ filters, backendRefs: [backend] }),
  }],
  ['backendRefs to missing Services', { unit: (i) => ({ name: `missing-${i}`, port: 80 + (i % 3) }), build: (backendRefs) => oneRule({ backendRefs }) }],
  ['parentRefs to missing Services', {
    unit: (i) => ({ group: i % 2 ? '' : 'gateway.networking.k8s.io', kind: 'Service', name: `svc-${i}`, port: i }),
    build: (parentRefs) => ({ ...route('HTTPRoute', {}), spec: { parentRefs, rules: [{ backendRefs: [{ name: 'gone', port: 80 }] }] } }),
  }],
  ['gRPC method matches', {
    unit: (i) => ({ method: { type: 'RegularExpression', service: i % 2 ? '' : `s${i}(`, method: '' } }),
    build: (matches) => route('GRPCRoute', { rules: [{ matches, backendRefs: [backend] }] }),
  }],
];

describe('hostile input', () => {
  let webhook: Awaited<ReturnType<typeof startWebhook>>;
  let baselineMs = 0;
  const policy = buildPolicy();

  const judge = async (door: 'validate' | 'mutate', object: unknown, operation: 'CREATE' | 'UPDATE' = 'CREATE') => {
    const review = admissionReview({ object, operation, ...(operation === 'UPDATE' ? { oldObject: object && { ...(object), spec: { parentRefs: [parent] } } } : {}) });
    const text = JSON.stringify({ ...review, request: { ...review.request, name: 'hostile' } });
    const { ms, value } = await timed(() => webhook.post(`/${door}`, text));
    return { ms, bytes: text.length, answer: value, uid: review.request.uid };
  };

  beforeAll(async () => {
    webhook = await startWebhook(createJudge({ view, policy: () => compiled(policy) }));
    const normal = route('HTTPRoute', {
      rules: [
        { matches: [{ path: { type: 'RegularExpression', value: '/api/v[0-9]+/.*' }, headers: [{ name: 'x-env', value: 'prod' }] }], backendRefs: [backend] },
        { matches: [{ path: { type: 'PathPrefix', value: '/' } }], backendRefs: [backend] },
      ],
    });
    for (let i = 0; i < 20; i++) await judge('validate', normal);
    const samples: number[] = [];
    for (let i = 0; i < 40; i++) samples.push((await judge(i % 2 ? 'validate' : 'mutate', normal)).ms);
    baselineMs = median(samples);
    console.log(`hostile: baseline ${baselineMs.toFixed(2)} ms per normal request; budget 50x + ${slackMs} ms`);
  });
  afterAll(() => webhook.close());

  describe.each(places)('regular expressions in %s matches', (place) => {
    it.each(hostilePatterns)('%s: judged within the budget, and invalid RE2 is denied as MR307', async (_, pattern) => {
      const { ms, answer, uid } = await judge('validate', regexRoute(place, pattern));
      expect(answerProblem(answer.status, answer.text, uid, 'validate')).toBeUndefined();
      expect(ms).toBeLessThan(50 * baselineMs + slackMs);
      const { response } = answer.json();
      if (!response.allowed) expect(response.status.message).toMatch(/^MR307 /);
    });
  });

  // The budget for a near-limit object: 50 times a normal request, plus 8 times what a twentieth
  // of the object costs, scaled up 20 times (8: other test files share the CPU meanwhile): cost
  // linear in the object's size passes, a quadratic step (20 x 20 = 400 times the slice) does not.
  it.each(oversized)('thousands of %s near the body limit: judged at both doors in time linear in the size', async (what, shape) => {
    const count = fullCount(shape);
    let offset = 0;
    const fresh = (n: number) => {
      offset += 1_000_000;
      return shape.build(items(n, shape.unit, offset));
    };
    // /mutate on UPDATE reads the same as on CREATE (it never ratchets): three combinations.
    for (const [door, operation] of [['validate', 'CREATE'], ['validate', 'UPDATE'], ['mutate', 'CREATE']] as const) {
      {
        const sliceMs = median([(await judge(door, fresh(Math.ceil(count / 20)), operation)).ms, (await judge(door, fresh(Math.ceil(count / 20)), operation)).ms, (await judge(door, fresh(Math.ceil(count / 20)), operation)).ms]);
        const full = fresh(count);
        const budget = 50 * baselineMs + 8 * 20 * sliceMs + slackMs;
        const { ms, bytes, answer, uid } = await judge(door, full, operation);
        console.log(
          `hostile: ${count} ${what}, ${door} ${operation}: ${(bytes / 1024 / 1024).toFixed(2)} MiB in ${ms.toFixed(0)} ms ` +
            `(a twentieth: ${sliceMs.toFixed(0)} ms; budget ${budget.toFixed(0)} ms); answer ${(answer.text.length / 1024).toFixed(0)} KiB`,
        );
        expect(bytes).toBeLessThan(bodyLimit);
        expect(answer.status).toBe(200);
        expect(answerProblem(answer.status, answer.text, uid, door)).toBeUndefined();
        expect(ms).toBeLessThan(budget);
      }
    }
  }, 60_000);
});
