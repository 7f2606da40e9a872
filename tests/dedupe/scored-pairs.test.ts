/** ScoredPairs (src/dedupe/scored-pairs.ts): pairs kept in chunks, read back and ordered strongest first. */
import { describe, expect, it } from 'vitest';
import { ScoredPairs } from '../../src/dedupe/scored-pairs.js';

describe('ScoredPairs', () => {
  it('gives back every pair across chunk boundaries, ordered by score (descending), then first and second node', () => {
    const pairs = new ScoredPairs();
    const made: Array<[number, number, number]> = [];
    // Past two chunks (65,536 pairs each), with ties in score and in the first node.
    let x = 12345;
    const next = (): number => (x = (x * 1103515245 + 12345) % 2 ** 31);
    for (let i = 0; i < 150_000; i++) {
      const p: [number, number, number] = [next() % 5_000, next() % 5_000, (next() % 7) / 7];
      made.push(p);
      pairs.push(...p);
    }
    expect(pairs.length).toBe(150_000);
    for (const e of [0, 65_535, 65_536, 131_072, 149_999]) expect([pairs.a(e), pairs.b(e), pairs.score(e)]).toEqual(made[e]);
    const expected = made.map((_, i) => i).sort((p, q) => made[q]![2] - made[p]![2] || made[p]![0] - made[q]![0] || made[p]![1] - made[q]![1]);
    const got = [...pairs.order()].map((e) => [pairs.a(e), pairs.b(e), pairs.score(e)]);
    expect(got).toEqual(expected.map((i) => made[i]));
  });

  it('is empty until a pair is added', () => {
    const pairs = new ScoredPairs();
    expect(pairs.length).toBe(0);
    expect([...pairs.order()]).toEqual([]);
  });
});
