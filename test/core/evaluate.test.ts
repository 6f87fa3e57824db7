import { describe, expect, it } from 'vitest';
import { staticView } from '../../src/cluster/static-view.ts';
import { formatFinding, readSubmission, referencedServices } from '../../src/core/index.ts';
import { backend, create, defaultPolicy, httpRoute, meshParent, policy, services, summarize, update, view, judgeAll } from '../builders.ts';

const ext = httpRoute({ parentRefs: [meshParent('ext')] });

describe('evaluate', () => {
  it('judges nothing for a route without mesh parent, an exempt namespace, or a spec-unchanged UPDATE', () => {
    expect(judgeAll(create(httpRoute({ parentRefs: [{ name: 'gw' }] })), view, defaultPolicy).judged).toBe(false);
    expect(judgeAll(create(ext), view, policy({ exemptions: { namespaces: ['default'] } })).judged).toBe(false);
    const labelled = staticView([...services, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default', labels: { skip: 'yes' } } }]);
    const bySelector = policy({ exemptions: { namespaceSelector: { matchExpressions: [{ key: 'skip', operator: 'In', values: ['yes'] }] } } });
    expect(judgeAll(create(ext), labelled, bySelector).judged).toBe(false);
    expect(judgeAll(create(ext), view, bySelector).judged).toBe(true);
    const relabelled = { ...ext, metadata: { ...ext.metadata, labels: { a: 'b' } } };
    expect(judgeAll(update(ext, relabelled), view, defaultPolicy)).toMatchObject({ judged: false, findings: [] });
  });

  it('ratchets on UPDATE: a finding already on the stored object warns, a new one denies', () => {
    const changed = httpRoute({ parentRefs: [meshParent('ext')], rules: [{ backendRefs: [backend('echo-v2')] }] });
    const evaluation = judgeAll(update(ext, changed), view, defaultPolicy);
    expect(evaluation.findings).toEqual([expect.objectContaining({ ruleId: 'MR103', action: 'warn', ratcheted: true })]);
    const worse = httpRoute({ parentRefs: [meshParent('ext')], rules: [{ backendRefs: [backend('ext')] }] });
    expect(summarize(judgeAll(update(ext, worse), view, defaultPolicy))).toEqual(['MR103 warn spec.parentRefs[0]', 'MR202 deny spec.rules[0].backendRefs[0]']);
  });

  it('applies per-rule overrides and strict mode', () => {
    const missing = httpRoute({ parentRefs: [meshParent('nope')] });
    expect(summarize(judgeAll(create(missing), view, policy({ strict: true })))).toEqual(['MR102 deny spec.parentRefs[0]']);
    expect(summarize(judgeAll(create(missing), view, policy({ rules: { MR102: { action: 'off' } } })))).toEqual([]);
    expect(summarize(judgeAll(create(ext), view, policy({ rules: { MR103: { action: 'warn' } } })))).toEqual(['MR103 warn spec.parentRefs[0]']);
  });

  it('formats findings as docs/rules.md shows', () => {
    const evaluation = judgeAll(create(httpRoute({ parentRefs: [{ ...meshParent(), group: 'gateway.networking.k8s.io' }] })), view, defaultPolicy);
    expect(evaluation.findings.map(formatFinding)).toEqual([
      'MR101 spec.parentRefs[0]: kind Service needs group "" (core); got gateway.networking.k8s.io',
    ]);
  });

  it('keeps every warning line within 120 characters for typical names', () => {
    const route = httpRoute({
      hostnames: ['a.example'],
      parentRefs: [meshParent('echo', { port: 81, sectionName: 'grpc' })],
      rules: [{ backendRefs: [backend('missing-service', { namespace: 'other' }), backend('echo', { port: 9999 })] }, {}],
    });
    for (const line of judgeAll(create(route), view, defaultPolicy).findings.map(formatFinding)) {
      expect(line.length, line).toBeLessThanOrEqual(120);
    }
  });

  it('lists the core Services a route names, once each', () => {
    const route = httpRoute({
      parentRefs: [meshParent('echo'), { kind: 'Service', name: 'misgrouped' }, { name: 'gw' }],
      rules: [
        { backendRefs: [backend('echo'), backend('x', { namespace: 'other' }), backend('y', { group: 'example.com', kind: 'Thing' })] },
        { filters: [{ type: 'RequestMirror', requestMirror: { backendRef: { name: 'mirror', port: 80 } } }], backendRefs: [backend('echo')] },
      ],
    });
    expect(referencedServices(readSubmission(create(route)).route)).toEqual([
      { namespace: 'default', name: 'echo' },
      { namespace: 'default', name: 'misgrouped' },
      { namespace: 'other', name: 'x' },
      { namespace: 'default', name: 'mirror' },
    ]);
  });

  it('lists the ServiceImport backends a route names, once each, marked as such', () => {
    const mc = { group: 'multicluster.x-k8s.io', kind: 'ServiceImport' };
    const route = httpRoute({
      parentRefs: [meshParent('echo')],
      rules: [
        { backendRefs: [backend('east', mc), backend('west', { ...mc, namespace: 'other' }), backend('echo', { group: 'example.com', kind: 'ServiceImport' })] },
        { filters: [{ type: 'RequestMirror', requestMirror: { backendRef: { ...mc, name: 'mirror', port: 80 } } }], backendRefs: [backend('east', mc)] },
      ],
    });
    expect(referencedServices(readSubmission(create(route)).route)).toEqual([
      { namespace: 'default', name: 'echo' },
      { namespace: 'default', name: 'east', kind: 'ServiceImport' },
      { namespace: 'other', name: 'west', kind: 'ServiceImport' },
      { namespace: 'default', name: 'mirror', kind: 'ServiceImport' },
    ]);
  });
});
