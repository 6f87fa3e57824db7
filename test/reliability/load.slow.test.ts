/**
 * The short load run under faults (load-run.ts), part of `npm test`: about 12 seconds of load
 * on the real `serve` process while certificates rotate, the policy ConfigMap changes, watches
 * drop, lists and watches fail, the store compacts and Services churn; then re-synchronisation
 * and a SIGTERM drain. The long run is `npm run test:load`.
 */
import { describe, expect, it } from 'vitest';
import { formatFigures, runLoad } from './load-run.ts';

describe('load under faults (short run)', () => {
  it('fails no admission, re-synchronises the cache and drains on SIGTERM', async () => {
    const figures = await runLoad({ durationMs: 12_000, clients: 6, faultEveryMs: 500 });
    console.log(`load (short run):\n${formatFigures(figures)}`);
    expect(figures.failureSamples).toEqual([]);
    expect(figures.failures).toBe(0);
    expect(figures.requests).toBeGreaterThan(500);
    for (const kind of ['allowed', 'denied', 'patched']) expect(figures.decisions[kind]).toBeGreaterThan(100);
    // Every kind of fault happened, and the webhook saw the rotations and the reloads.
    expect(Object.keys(figures.faults)).toHaveLength(6);
    expect(figures.certificateReloads).toBeGreaterThanOrEqual(1);
    expect(figures.policyReloads).toBeGreaterThanOrEqual(2);
    expect(figures.watchRestarts).toBeGreaterThan(0);
    expect(Number.isFinite(figures.resyncSeconds)).toBe(true);
    expect(figures.exitCode).toBe(0);
    // Generous: RSS after the load within 1.5 times RSS after warm-up plus 64 MB.
    expect(figures.rssAfterBytes).toBeLessThan(figures.rssBeforeBytes * 1.5 + 64 * 1024 * 1024);
  }, 120_000);
});
