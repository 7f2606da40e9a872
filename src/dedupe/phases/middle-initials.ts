import { middleInitialKey, middleInitialMatch } from '../match.js';
import type { CorpusPhase } from '../phase.js';
import { compare, type Node } from '../state.js';

/** Full names that differ only by a middle initial ("Ana M. Ruiz", "Ana Maria Ruiz") join when one cluster fits. */
export const middleInitials: CorpusPhase = {
  name: 'middle-initials',
  scope: 'corpus',
  run({ nodes, find, union }) {
    const byEnds = new Map<string, Node[]>();
    for (const n of nodes) {
      if (n.type !== 'PERSON' || n.weak) continue;
      const k = middleInitialKey(n.surf);
      if (k === null) continue;
      const bucket = byEnds.get(k);
      if (bucket === undefined) byEnds.set(k, [n]);
      else if (!bucket.some((b) => b.surf.norm === n.surf.norm)) bucket.push(n);
    }
    for (const [, bucket] of [...byEnds.entries()].sort((p, q) => compare(p[0], q[0]))) {
      for (const a of bucket) {
        const fits = bucket.filter((b) => b !== a && find(b.index) !== find(a.index) && middleInitialMatch(a.surf, b.surf));
        if (new Set(fits.map((b) => find(b.index))).size === 1) union(a, fits[0]!, 'middle-initial', 0.9, null);
      }
    }
  },
};
