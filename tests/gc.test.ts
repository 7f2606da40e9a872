/** collectGarbage (src/gc.ts) runs a full collection: what nothing reaches is gone afterwards. */
import { getHeapSpaceStatistics, getHeapStatistics } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { allocationSitePretenuring, collectGarbage, collectGarbageIfGrown } from '../src/gc.js';

describe('collectGarbage', () => {
  it('collects an object nothing reaches any more', async () => {
    const ref = ((): WeakRef<object> => new WeakRef({ rows: Array.from({ length: 1000 }, (_, i) => ({ i })) }))();
    // A WeakRef's target is kept until the current job ends.
    await new Promise((done) => setTimeout(done, 0));
    collectGarbage();
    expect(ref.deref()).toBeUndefined();
  });
});

describe('collectGarbageIfGrown', () => {
  const mb = 2 ** 20;

  it('collects once the heap in use has grown past the bound since the last collection, and not before', () => {
    collectGarbage();
    // Nothing has grown since: no collection.
    expect(collectGarbageIfGrown(16 * mb)).toBe(false);
    // 48 MB held in the old generation (a large array), then let go of.
    let held: number[] | null = Array.from({ length: 6 * mb }, (_, i) => i + 0.5);
    const before = getHeapStatistics().used_heap_size;
    expect(held.length).toBe(6 * mb);
    held = null;
    // Still under a bound larger than the garbage: no collection, and the garbage is still there.
    expect(collectGarbageIfGrown(1024 * mb)).toBe(false);
    expect(getHeapStatistics().used_heap_size).toBeGreaterThan(before - 16 * mb);
    // Over the bound: collected, and the heap in use is back down.
    expect(collectGarbageIfGrown(16 * mb)).toBe(true);
    expect(getHeapStatistics().used_heap_size).toBeLessThan(before - 32 * mb);
    expect(held).toBeNull();
  });
});

describe('allocationSitePretenuring', () => {
  // A site whose first objects all live long, then whose objects die at once: with pretenuring,
  // V8 goes on making them in the old generation, where they wait for a full collection.
  const oldSpaceGrowth = (): number => {
    // A function of its own each time: its allocation site starts with no history.
    const pattern = new Function('stats', `
      const kept = [];
      let max = 0;
      for (let i = 0; i < 4e6; i++) {
        const o = { i, tag: 'x', list: [i] };
        if (i < 2e6) kept.push(o);
        if (kept.length > 200000) kept.length = 0;
        if (i % 50000 === 0) max = Math.max(max, stats());
      }
      return max;
    `) as (stats: () => number) => number;
    collectGarbage();
    const oldSpace = (): number => getHeapSpaceStatistics().find((s) => s.space_name === 'old_space')!.space_size;
    const start = oldSpace();
    return pattern(oldSpace) - start;
  };

  it('off, short-lived objects of a site that kept its first ones stay out of the old generation', () => {
    const mb = 2 ** 20;
    try {
      allocationSitePretenuring(true);
      const on = oldSpaceGrowth();
      allocationSitePretenuring(false);
      const off = oldSpaceGrowth();
      expect(off).toBeLessThan(on - 16 * mb);
    } finally {
      allocationSitePretenuring(true);
    }
  });
});
