/**
 * A cluster larger than a function call takes arguments (about 125,000 in V8): joining it into a
 * cluster with a smaller root index once overflowed the stack (`push(...nodes)`), which a name
 * in every document of a very large run (a country's) would reach.
 */
import { describe, expect, it } from 'vitest';
import { createState } from '../../src/dedupe/state.js';
import { doc } from '../dedupe-helpers.js';

describe('a very large cluster', () => {
  it('joins into another without overflowing the stack', () => {
    const n = 150_001;
    const docs = Array.from({ length: n }, (_, i) => doc(`d${String(i).padStart(6, '0')}`, [['PLACE', 'Velmora']]));
    const state = createState(() => docs, { merge: [], forbid: [], places: null, ablate: new Set() });
    expect(state.nodes).toHaveLength(n);
    const [first, second] = [state.nodes[0]!, state.nodes[1]!];
    // Every node but the first into the second's cluster (root 1), then that cluster into the first's.
    for (let i = 2; i < n; i++) expect(state.union(state.nodes[i]!, second, 'exact', 1, null)).toBe(true);
    expect(state.clusterOf(1).nodes).toHaveLength(n - 1);
    expect(state.union(second, first, 'exact', 1, null)).toBe(true);
    expect(state.find(n - 1)).toBe(0);
    expect(state.clusterOf(0).nodes).toHaveLength(n);
    expect(state.roots()).toEqual([0]);
  }, 60_000);
});
