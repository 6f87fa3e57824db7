import { describe, expect, it } from 'vitest';
import { parseSource } from '../../src/cli/lint/documents.ts';
import { locate } from '../../src/cli/lint/positions.ts';

const text = `# a route
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: web
spec:
  parentRefs:
  - kind: Service
    name: web
  rules:
    - matches:
        - headers:
            - name: x-a
              value: "1"
            - {name: X-A, value: "2"}
      backendRefs:
        - name: web
          weight: 0
  extra: &shared
    inner: 1
  again: *shared
`;

describe('locate', () => {
  const parsed = parseSource({ name: 'r.yaml', file: undefined, text, json: false });
  const manifest = parsed.objects[0]!;
  const at = (path: readonly (string | number)[]) => {
    const { line, column, exact } = locate(manifest.document, manifest.base, path);
    return { line, column, exact };
  };

  it.each([
    [['spec', 'parentRefs', 0], 8, 5, true],
    [['spec', 'parentRefs', 0, 'name'], 9, 5, true],
    [['spec', 'parentRefs', 0, 'group'], 8, 5, false],
    [['spec', 'hostnames'], 6, 1, false],
    [['spec', 'rules', 0, 'matches', 0, 'headers', 0, 'name'], 13, 15, true],
    [['spec', 'rules', 0, 'matches', 0, 'headers', 1, 'name'], 15, 16, true],
    [['spec', 'rules', 0, 'matches', 0, 'headers', 1], 15, 15, true],
    [['spec', 'rules', 0, 'backendRefs', 0, 'port'], 17, 11, false],
    [['spec', 'rules', 0, 'backendRefs', 0, 'weight'], 18, 11, true],
    [['spec', 'rules', 3, 'backendRefs'], 10, 3, false],
    [['spec', 'again', 'inner'], 20, 5, true],
    [[], 2, 1, true],
  ])('%s is at %i:%i', (path, line, column, exact) => {
    expect(at(path)).toEqual({ line, column, exact });
  });

  it('gives a key the key as region and a collection its first line', () => {
    const key = locate(manifest.document, manifest.base, ['spec', 'parentRefs', 0, 'name']);
    expect([key.line, key.column, key.endLine, key.endColumn]).toEqual([9, 5, 9, 9]);
    const item = locate(manifest.document, manifest.base, ['spec', 'parentRefs', 0]);
    expect([item.line, item.column, item.endLine, item.endColumn]).toEqual([8, 5, 8, 18]);
  });

  it('places fields of a List item inside the item', () => {
    const list = parseSource({
      name: 'l.yaml',
      file: undefined,
      json: false,
      text: 'kind: List\nitems:\n- kind: A\n  spec: {x: 1}\n- kind: B\n  spec:\n    hostnames: [a]\n',
    });
    const second = list.objects[1]!;
    expect(locate(second.document, second.base, ['spec', 'hostnames'])).toMatchObject({ line: 7, column: 5, exact: true });
    expect(locate(second.document, second.base, ['spec', 'rules'])).toMatchObject({ line: 6, column: 3, exact: false });
    expect(locate(second.document, second.base, [])).toMatchObject({ line: 5, column: 3, exact: true });
  });

  it('places fields of a JSON document', () => {
    const json = parseSource({
      name: 'r.json',
      file: undefined,
      json: true,
      text: '{\n  "kind": "HTTPRoute",\n  "spec": {\n    "hostnames": ["a"]\n  }\n}\n',
    });
    const object = json.objects[0]!;
    expect(locate(object.document, object.base, ['spec', 'hostnames', 0])).toMatchObject({ line: 4, column: 19, exact: true });
  });
});
