import type { CorpusPhase } from '../phase.js';

/**
 * Makes the merges the phases before it proposed from one and the same state, strongest first
 * (ties by node order), so none of them sees the others' effects when it is found.
 */
export const joinProposedMerges: CorpusPhase = {
  name: 'join-proposed-merges',
  scope: 'corpus',
  run({ proposed, union }) {
    proposed.sort((p, q) => q.score - p.score || p.a.index - q.a.index || p.b.index - q.b.index);
    for (const e of proposed) union(e.a, e.b, e.rule, e.score, null);
    proposed.length = 0;
  },
};
