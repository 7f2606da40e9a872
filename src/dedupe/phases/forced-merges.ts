import { surface } from '../../names/normalize.js';
import type { CorpusPhase } from '../phase.js';

/** Joins every node with either form of a `dedupe.overrides.merge` pair, whatever the guards say. */
export const forcedMerges: CorpusPhase = {
  name: 'forced-merges',
  scope: 'corpus',
  run({ config, nodes, union }) {
    for (const [a, b] of config.merge) {
      for (const type of ['PERSON', 'ORGANIZATION', 'PLACE'] as const) {
        const x = surface(a, type).norm;
        const y = surface(b, type).norm;
        const matching = nodes.filter((n) => n.type === type && (n.surf.norm === x || n.surf.norm === y));
        const first = matching[0];
        if (first === undefined) continue;
        for (const n of matching.slice(1)) union(first, n, 'override', 1, null, true);
      }
    }
  },
};
