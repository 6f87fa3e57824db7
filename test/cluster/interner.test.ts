import { describe, expect, it } from 'vitest';
import { Interner } from '../../src/cluster/interner.ts';

describe('Interner', () => {
  it('hands out the first value held under a key', () => {
    const interner = new Interner<{ port: number }>(10);
    const first = { port: 80 };
    expect(interner.intern('80', first)).toBe(first);
    expect(interner.intern('80', { port: 80 })).toBe(first);
  });

  it('holds at most `limit` values; past it, a new value is returned as it came and not held', () => {
    const interner = new Interner<{ n: number }>(2);
    const a = { n: 1 };
    interner.intern('a', a);
    interner.intern('b', { n: 2 });
    const third = { n: 3 };
    expect(interner.intern('c', third)).toBe(third);
    expect(interner.intern('c', { n: 3 })).not.toBe(third);
    // What was held before the bound stays held.
    expect(interner.intern('a', { n: 1 })).toBe(a);
  });
});
