import { givenName, isFullName, loneWord } from '../match.js';
import type { DocumentPhase } from '../phase.js';

/**
 * A lone given name joins the one full name of the document that starts with it ("Ana" for
 * "Ana Ruiz"), when nothing else explained it (it is nobody's surname here).
 */
export const documentGivenNames: DocumentPhase = {
  name: 'document-given-names',
  scope: 'document',
  run({ shortScore, find, clusterOf, union }, docId, list) {
    for (const s of list) {
      const word = s.type === 'PERSON' && !s.weak ? loneWord(s.surf) : null;
      if (word === null) continue;
      if ([...clusterOf(find(s.index)).forms.values()].some(isFullName)) continue;
      if (list.some((f) => f.type === 'PERSON' && isFullName(f.surf) && shortScore(s.surf, f.surf) > 0)) continue;
      const fits = list.filter((f) => f.type === 'PERSON' && givenName(f.surf) === word);
      if (new Set(fits.map((f) => find(f.index))).size !== 1) continue;
      if (union(fits[0]!, s, 'given-name', 0.8, docId)) s.weak = true;
    }
  },
};
