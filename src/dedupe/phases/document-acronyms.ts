import type { DocumentPhase } from '../phase.js';

/** An acronym built from the initials of a name in the same document joins it, when one cluster fits. */
export const documentAcronyms: DocumentPhase = {
  name: 'document-acronyms',
  scope: 'document',
  run({ initials, find, union }, docId, list) {
    for (const acr of list) {
      if (acr.surf.acronym === null) continue;
      const targets = list.filter((n) => n.type === acr.type && n.surf.acronym === null && initials(n.surf).includes(acr.surf.acronym!));
      const roots = new Set(targets.map((n) => find(n.index)));
      if (roots.size === 1) union(targets[0]!, acr, 'acronym-initials', 0.9, docId);
    }
  },
};
