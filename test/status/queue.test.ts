import { afterEach, describe, expect, it, vi } from 'vitest';
import { WorkQueue } from '../../src/status/queue.ts';

afterEach(() => {
  vi.useRealTimers();
});

describe('WorkQueue', () => {
  it('hands keys out in order and deduplicates waiting keys', async () => {
    const depths: number[] = [];
    const queue = new WorkQueue({ onDepth: (d) => depths.push(d) });
    queue.add('a');
    queue.add('b');
    queue.add('a');
    expect(queue.length).toBe(2);
    expect(await queue.get()).toBe('a');
    expect(await queue.get()).toBe('b');
    expect(queue.length).toBe(0);
    expect(queue.processing).toBe(2);
    expect(depths).toEqual([1, 2, 1, 0]);
  });

  it('never hands out a key that is being processed; an add meanwhile is queued on done', async () => {
    const queue = new WorkQueue();
    queue.add('a');
    const first = await queue.get();
    queue.add('a');
    queue.add('a');
    expect(queue.length).toBe(0);
    let second: string | undefined;
    void queue.get().then((k) => {
      second = k;
    });
    await Promise.resolve();
    expect(second).toBeUndefined();
    queue.done(first ?? '');
    await vi.waitFor(() => expect(second).toBe('a'));
    queue.done('a');
    expect(queue.length).toBe(0);
    expect(queue.processing).toBe(0);
  });

  it('is idle only with nothing waiting, delayed or being processed', async () => {
    const queue = new WorkQueue({ baseDelayMs: 5 });
    expect(queue.idle()).toBe(true);
    queue.add('a');
    expect(queue.idle()).toBe(false);
    const key = await queue.get();
    expect(queue.idle()).toBe(false);
    queue.done(key ?? '');
    expect(queue.idle()).toBe(true);
    queue.addRateLimited('a');
    expect(queue.idle()).toBe(false);
    queue.shutDown();
    expect(queue.idle()).toBe(true);
  });

  it('wakes a waiting getter on add', async () => {
    const queue = new WorkQueue();
    const pending = queue.get();
    queue.add('x');
    expect(await pending).toBe('x');
  });

  it('backs off exponentially per key, capped, and forgets on success', () => {
    vi.useFakeTimers();
    const queue = new WorkQueue({ baseDelayMs: 10, maxDelayMs: 100 });
    expect([0, 1, 2, 3, 4, 5].map((n) => queue.backoff(n))).toEqual([10, 20, 40, 80, 100, 100]);
    queue.addRateLimited('a');
    queue.addRateLimited('a');
    expect(queue.failures('a')).toBe(2);
    expect(queue.delayed).toBe(1);
    vi.advanceTimersByTime(9);
    expect(queue.length).toBe(0);
    vi.advanceTimersByTime(1);
    expect(queue.length).toBe(1);
    queue.forget('a');
    expect(queue.failures('a')).toBe(0);
  });

  it('a direct add supersedes a pending delayed add', () => {
    vi.useFakeTimers();
    const queue = new WorkQueue({ baseDelayMs: 1000 });
    queue.addRateLimited('a');
    queue.add('a');
    expect(queue.length).toBe(1);
    expect(queue.delayed).toBe(0);
    vi.advanceTimersByTime(5000);
    expect(queue.length).toBe(1);
  });

  it('keeps the earlier of two delayed adds', () => {
    vi.useFakeTimers();
    const queue = new WorkQueue();
    queue.addAfter('a', 100);
    queue.addAfter('a', 1000);
    vi.advanceTimersByTime(100);
    expect(queue.length).toBe(1);
  });

  it('shutDown resolves waiting getters with undefined and refuses new keys', async () => {
    const queue = new WorkQueue();
    const pending = queue.get();
    queue.addAfter('late', 50);
    queue.shutDown();
    expect(await pending).toBeUndefined();
    queue.add('b');
    expect(queue.length).toBe(0);
    expect(queue.delayed).toBe(0);
    expect(await queue.get()).toBeUndefined();
  });

  it('processes each key once at a time under concurrent workers', async () => {
    const queue = new WorkQueue();
    const active = new Set<string>();
    let overlaps = 0;
    let processed = 0;
    const worker = async (): Promise<void> => {
      for (;;) {
        const key = await queue.get();
        if (key === undefined) return;
        if (active.has(key)) overlaps += 1;
        active.add(key);
        await new Promise((r) => setImmediate(r));
        if (Math.random() < 0.3) queue.add(key);
        active.delete(key);
        processed += 1;
        queue.done(key);
      }
    };
    const workers = Array.from({ length: 8 }, worker);
    for (let round = 0; round < 50; round++) for (const key of ['a', 'b', 'c', 'd']) queue.add(key);
    await vi.waitFor(() => expect(queue.length + queue.processing).toBe(0), { timeout: 5000 });
    queue.shutDown();
    await Promise.all(workers);
    expect(overlaps).toBe(0);
    expect(processed).toBeGreaterThanOrEqual(4);
  });
});
