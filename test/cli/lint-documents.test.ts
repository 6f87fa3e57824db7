import { describe, expect, it } from 'vitest';
import { parseSource } from '../../src/cli/lint/documents.ts';
import type { Source } from '../../src/cli/lint/sources.ts';

const source = (text: string, name = 'in.yaml'): Source => ({ name, file: undefined, text, json: name.endsWith('.json') });

describe('parseSource', () => {
  it('keeps every document and picks out the objects with a kind', () => {
    const parsed = parseSource(
      source(`# leading comment
apiVersion: v1
kind: Service
metadata: {name: a}
---
---
just: values
---
apiVersion: v1
kind: Service
metadata: {name: b}
`),
    );
    expect(parsed.documents.map((d) => d.index)).toEqual([0, 1, 2, 3]);
    expect(parsed.objects.map((o) => [o.document.index, o.base, (o.object.metadata as { name: string }).name])).toEqual([
      [0, [], 'a'],
      [3, [], 'b'],
    ]);
  });

  it('expands the items of a kind: List with their place in the document', () => {
    const parsed = parseSource(
      source(`apiVersion: v1
kind: List
items:
- apiVersion: v1
  kind: Service
  metadata: {name: a}
- not-an-object
- apiVersion: v1
  kind: Service
  metadata: {name: b}
`),
    );
    expect(parsed.objects.map((o) => o.base)).toEqual([
      ['items', 0],
      ['items', 2],
    ]);
  });

  it('reads JSON', () => {
    const parsed = parseSource(source('{"apiVersion": "v1", "kind": "Service", "metadata": {"name": "j"}}\n', 'svc.json'));
    expect(parsed.objects[0]?.object).toEqual({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'j' } });
  });

  it('resolves aliases into plain data', () => {
    const parsed = parseSource(source('kind: X\na: &p {port: 80}\nb: *p\n'));
    expect(parsed.objects[0]?.object).toEqual({ kind: 'X', a: { port: 80 }, b: { port: 80 } });
  });

  it.each([
    ['an unclosed flow sequence', 'kind: X\nports: [80, 81\nname: y\n', 3],
    ['a duplicate key', 'kind: X\nname: a\nname: b\n', 3],
    ['a bad indentation in the second document', 'kind: X\n---\nkind: Y\nspec:\n  a: 1\n   b: 2\n', 5],
  ])('refuses %s with GAMMA_ERR_LINT_YAML and its line', (_, text, line) => {
    let caught: unknown;
    try {
      parseSource(source(text, 'bad.yaml'));
    } catch (error) {
      caught = error;
    }
    expect(caught).toMatchObject({ code: 'GAMMA_ERR_LINT_YAML' });
    expect((caught as Error).message).toMatch(new RegExp(`bad\\.yaml:${line}:\\d+: \\S`));
    expect((caught as Error).message).not.toMatch(/ at line \d+/);
  });

  it('refuses an alias bomb instead of expanding it', () => {
    const lines = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 0; i < 8; i++) lines.push(`${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(10).fill(`*${String.fromCharCode(97 + i)}`).join(', ')}]`);
    expect(() => parseSource(source(`kind: X\n${lines.join('\n')}\n`))).toThrow(expect.objectContaining({ code: 'GAMMA_ERR_LINT_YAML' }));
  });
});
