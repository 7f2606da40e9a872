/** collectGarbage (src/gc.ts) runs a full collection: what nothing reaches is gone afterwards. */
import { getHeapStatistics } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { collectGarbage, collectGarbageIfGrown } from '../src/gc.js';

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
