import { nameVariantScore } from '../../names/variants.js';
import type { DocumentPhase } from '../phase.js';

/**
 * Within a document, two names of one type that are spelling variants join; so does the same name
 * with and without a kind word ("Lorca province", "Lorca") when the document uses one kind only.
 * Acronyms are left to the acronym phases.
 */
export const documentVariants: DocumentPhase = {
  name: 'document-variants',
  scope: 'document',
  run({ union }, docId, list) {
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const a = list[i]!;
        const b = list[j]!;
        if (a.type !== b.type || a.surf.acronym !== null || b.surf.acronym !== null) continue;
        if (a.surf.norm === b.surf.norm) {
          // The same name with and without a kind word: one entity when the document uses one kind only.
          const cued = list.filter((n) => n.type === a.type && n.surf.norm === a.surf.norm && n.surf.cue !== null);
          if (cued.length === 1) union(a, b, 'exact', 1, docId);
          continue;
        }
        const score = nameVariantScore(a.surf, b.surf, a.type);
        if (score > 0) union(a, b, 'variant', score, docId);
      }
    }
  },
};
