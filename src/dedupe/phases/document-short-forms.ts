import { isFullName } from '../match.js';
import type { DocumentPhase } from '../phase.js';

/**
 * A person's short form ("Mr. Doe", "Doe", "van der Berg") joins the one full name of the
 * document it fits; a short form so resolved is not matched across documents again (`weak`).
 */
export const documentShortForms: DocumentPhase = {
  name: 'document-short-forms',
  scope: 'document',
  run({ shortScore, find, union }, docId, list) {
    for (const s of list) {
      if (s.type !== 'PERSON') continue;
      const fits = list
        .filter((f) => f !== s && f.type === 'PERSON' && f.surf.last === s.surf.last)
        .map((f) => [f, shortScore(s.surf, f.surf)] as const)
        .filter(([, score]) => score > 0);
      const roots = new Set(fits.map(([f]) => find(f.index)));
      if (roots.size !== 1) continue;
      const [best, score] = [...fits].sort((p, q) => q[1] - p[1] || p[0].index - q[0].index)[0]!;
      if (union(best, s, 'short-form', score, docId)) s.weak = !isFullName(s.surf);
    }
  },
};
