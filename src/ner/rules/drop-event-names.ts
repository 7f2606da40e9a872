import type { Doc } from '../../types.js';
import { type Draft } from './draft.js';
import { defineRule } from './rule.js';
import { tokText, isCapitalized } from './tokens.js';

/** Head words of the names of events, shows and contests ("... Air Show", "... Cup"). */
const eventHeads = new Set([
  'show', 'expo', 'exhibition', 'festival', 'summit', 'fair', 'olympics', 'games', 'championship',
  'championships', 'cup', 'awards', 'marathon', 'tournament', 'grand prix', 'prix', 'week', 'day',
]);

/**
 * A name of two or more words ending in a capitalized event word ("the Valdor Air Show", "the
 * Kessel Cup", "Ruritania Fashion Week") names an event, which is none of person, organization
 * and place: it is dropped (the tagger's MISC).
 */
export function dropEventNames(doc: Doc, drafts: Draft[]): Draft[] {
  return drafts.filter((d) => !(d.b - d.a >= 2 && isCapitalized(doc, d.b - 1) && eventHeads.has(tokText(doc, d.b - 1).toLowerCase())));
}

export const dropEventNamesRule = defineRule('drop-event-names', (s, { doc }) => {
  s.drafts = dropEventNames(doc, s.drafts);
});
