import type { DocumentPhase } from '../phase.js';

/** An acronym defined in the text ("the Northern Rivers Water Authority (NRWA)") joins its long form. */
export const acronymDefinitions: DocumentPhase = {
  name: 'acronym-definitions',
  scope: 'document',
  run({ definitions, union }, docId) {
    for (const [acr, long] of definitions.get(docId) ?? []) union(long, acr, 'acronym', 1, docId);
  },
};
