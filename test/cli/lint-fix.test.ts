import { describe, expect, it } from 'vitest';
import { parseSource, type ManifestDocument } from '../../src/cli/lint/documents.ts';
import { patchDocument, patchValue, parsePointer, renderSource, styleOf } from '../../src/cli/lint/fix.ts';
import type { JsonPatchOperation } from '../../src/core/types.ts';

const parse = (text: string, name = 'r.yaml') => parseSource({ name, file: undefined, text, json: name.endsWith('.json') });

function fix(text: string, operations: JsonPatchOperation[], name = 'r.yaml', objectIndex = 0): string {
  const parsed = parse(text, name);
  const target = parsed.objects[objectIndex]!;
  patchDocument(target.document, target.base, operations);
  return renderSource(text, name.endsWith('.json'), parsed.documents, new Set<ManifestDocument>([target.document]));
}

describe('parsePointer', () => {
  it.each([
    ['', []],
    ['/spec/rules/0/backendRefs/1/port', ['spec', 'rules', '0', 'backendRefs', '1', 'port']],
    ['/metadata/annotations/a~1b~0c', ['metadata', 'annotations', 'a/b~c']],
    ['/a/', ['a', '']],
  ])('%s', (pointer, tokens) => {
    expect(parsePointer(pointer)).toEqual(tokens);
  });

  it('refuses a pointer without a leading slash', () => {
    expect(() => parsePointer('spec/rules')).toThrow(expect.objectContaining({ code: 'GAMMA_ERR_LINT_FIX' }));
  });
});

const route = `# the echo route
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: echo # owned by team a
spec:
  parentRefs:
  - kind: Service # mesh parent
    group: gateway.networking.k8s.io # wrong group
    name: echo
  rules:
  - backendRefs:
    # the only backend
    - name: echo-v1
      weight: 9
    - name: echo-v2
`;

describe('patchDocument', () => {
  it('replaces a scalar in place, keeping its comment, key order and every other comment', () => {
    const out = fix(route, [{ op: 'replace', path: '/spec/parentRefs/0/group', value: '' }]);
    expect(out).toBe(route.replace('group: gateway.networking.k8s.io # wrong group', 'group: "" # wrong group'));
  });

  it('adds a missing key at the end of its mapping, in the file\'s sequence style', () => {
    const out = fix(route, [
      { op: 'add', path: '/spec/rules/0/backendRefs/0/port', value: 8080 },
      { op: 'add', path: '/spec/rules/0/backendRefs/1/port', value: 8080 },
    ]);
    expect(out).toBe(
      route
        .replace('      weight: 9\n', '      weight: 9\n      port: 8080\n')
        .replace('    - name: echo-v2\n', '    - name: echo-v2\n      port: 8080\n'),
    );
  });

  it('sets a key that a replace names but the file leaves to the CRD default', () => {
    const text = 'kind: HTTPRoute\nspec:\n  parentRefs:\n  - kind: Service\n    name: echo\n';
    expect(fix(text, [{ op: 'replace', path: '/spec/parentRefs/0/group', value: '' }])).toBe(
      'kind: HTTPRoute\nspec:\n  parentRefs:\n  - kind: Service\n    name: echo\n    group: ""\n',
    );
  });

  it('adds objects, inserts into sequences and appends with -', () => {
    const text = 'kind: HTTPRoute\nspec:\n  rules:\n    - name: a\n    - name: c\n';
    const out = fix(text, [
      { op: 'add', path: '/spec/rules/1', value: { name: 'b' } },
      { op: 'add', path: '/spec/rules/-', value: { name: 'd' } },
      { op: 'add', path: '/spec/rules/0/timeouts', value: { request: '10s' } },
    ]);
    expect(out).toBe(
      'kind: HTTPRoute\nspec:\n  rules:\n    - name: a\n      timeouts:\n        request: 10s\n    - name: b\n    - name: c\n    - name: d\n',
    );
  });

  it('patches the right item of a kind: List', () => {
    const text = 'kind: List\nitems:\n- kind: A\n  spec: {}\n- kind: B\n  spec:\n    x: 1\n';
    expect(fix(text, [{ op: 'add', path: '/spec/y', value: 2 }], 'l.yaml', 1)).toBe(
      'kind: List\nitems:\n- kind: A\n  spec: {}\n- kind: B\n  spec:\n    x: 1\n    y: 2\n',
    );
  });

  it.each([
    ['a missing parent', { op: 'add', path: '/spec/nothing/here', value: 1 }],
    ['an index past the end', { op: 'replace', path: '/spec/parentRefs/5/group', value: '' }],
    ['a non-numeric index', { op: 'add', path: '/spec/parentRefs/x', value: {} }],
    ['the whole object', { op: 'replace', path: '', value: {} }],
    ['a scalar parent', { op: 'add', path: '/kind/x', value: 1 }],
  ] as const)('refuses %s with GAMMA_ERR_LINT_FIX', (_, operation) => {
    const parsed = parse(route);
    const target = parsed.objects[0]!;
    expect(() => patchDocument(target.document, target.base, [operation])).toThrow(
      expect.objectContaining({ code: 'GAMMA_ERR_LINT_FIX' }),
    );
  });
});

describe('renderSource', () => {
  it('copies untouched documents byte for byte and re-serialises only the changed one', () => {
    const first = '# first\napiVersion: v1\nkind: Service\nmetadata: {name: a}   # odd spacing kept\n';
    const third = '---\n# third\nkind: Service\nports: [ 80,81 ]\n...\n';
    const text = `${first}---\n${route}${third}`;
    const parsed = parse(text);
    const target = parsed.objects[1]!;
    patchDocument(target.document, target.base, [{ op: 'replace', path: '/spec/parentRefs/0/group', value: '' }]);
    const out = renderSource(text, false, parsed.documents, new Set([target.document]));
    expect(out).toBe(`${first}---\n${route.replace('gateway.networking.k8s.io # wrong', '"" # wrong')}${third}`);
  });

  it('writes JSON back as JSON with the source indentation and key order', () => {
    const text = '{\n    "kind": "HTTPRoute",\n    "spec": {"rules": [{"backendRefs": [{"name": "a"}]}]}\n}\n';
    expect(fix(text, [{ op: 'add', path: '/spec/rules/0/backendRefs/0/port', value: 80 }], 'r.json')).toBe(
      JSON.stringify({ kind: 'HTTPRoute', spec: { rules: [{ backendRefs: [{ name: 'a', port: 80 }] }] } }, null, 4) + '\n',
    );
  });
});

describe('styleOf', () => {
  it.each([
    ['sequences under their key, indent 2', 'a:\n- x: 1\n  y:\n    z: 1\n', { indent: 2, indentSeq: false }],
    ['indented sequences, indent 4', 'a:\n    b:\n        - 1\n', { indent: 4, indentSeq: true }],
    ['flow only', '{a: [1]}\n', { indent: 2, indentSeq: true }],
  ])('%s', (_, text, expected) => {
    expect(styleOf(parse(text).documents[0]!)).toMatchObject({ ...expected, lineWidth: 0 });
  });
});

describe('patchValue', () => {
  it('patches a copy and leaves the input alone', () => {
    const input = { spec: { rules: [{ backendRefs: [{ name: 'a' }] }], parentRefs: [{ kind: 'Service' }] } };
    const before = structuredClone(input);
    const out = patchValue(input, [
      { op: 'add', path: '/spec/rules/0/backendRefs/0/port', value: 80 },
      { op: 'replace', path: '/spec/parentRefs/0/group', value: '' },
      { op: 'add', path: '/spec/rules/0', value: { name: 'first' } },
    ]);
    expect(input).toEqual(before);
    expect(out).toEqual({
      spec: { rules: [{ name: 'first' }, { backendRefs: [{ name: 'a', port: 80 }] }], parentRefs: [{ kind: 'Service', group: '' }] },
    });
  });

  it('refuses a missing parent', () => {
    expect(() => patchValue({}, [{ op: 'add', path: '/a/b', value: 1 }])).toThrow(expect.objectContaining({ code: 'GAMMA_ERR_LINT_FIX' }));
  });
});
