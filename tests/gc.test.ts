/** collectGarbage (src/gc.ts) runs a full collection: what nothing reaches is gone afterwards. */
import { describe, expect, it } from 'vitest';
import { collectGarbage } from '../src/gc.js';

describe('collectGarbage', () => {
  it('collects an object nothing reaches any more', async () => {
    const ref = ((): WeakRef<object> => new WeakRef({ rows: Array.from({ length: 1000 }, (_, i) => ({ i })) }))();
    // A WeakRef's target is kept until the current job ends.
    await new Promise((done) => setTimeout(done, 0));
    collectGarbage();
    expect(ref.deref()).toBeUndefined();
  });
});
