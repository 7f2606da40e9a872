import type { CorpusPhase } from '../phase.js';
import type { Node } from '../state.js';

/** Places the gazetteer links to one entry ("U.S.", "United States of America") are one place. */
export const gazetteerPlaces: CorpusPhase = {
  name: 'gazetteer-places',
  scope: 'corpus',
  run({ nodes, union }) {
    const byGazetteer = new Map<string, Node>();
    for (const n of nodes) {
      const id = n.link?.gazetteerId;
      if (n.type !== 'PLACE' || id == null || n.weak) continue;
      const first = byGazetteer.get(id);
      if (first === undefined) byGazetteer.set(id, n);
      else union(first, n, 'gazetteer', 0.9, null);
    }
  },
};
