import type { Doc } from '../../types.js';
import { type Draft } from './draft.js';
import { defineRule } from './rule.js';
import { tokText } from './tokens.js';

/**
 * Words before a place name that say place ("in X", "from X"), or a modifier rather than a
 * person ("the X side", "the Visitors' X").
 */
const placeWords = new Set(['in', 'to', 'from', 'of', 'at', 'near', 'into', 'across', 'via', 'toward', 'towards', 'outside', 'inside', 'throughout', 'the', 'a', 'an', "'s", '’s', "'", '’', 'its', 'their']);

/**
 * A one-word PLACE that is the family name of a person named in full elsewhere in the document
 * ("Ana Velmar ... Velmar said") is that person: the tagger's guess from a place of the same
 * name gives way to the document's own evidence. Not after a word of place ("in Velmar", "from
 * Velmar"), an article or a possessive ("the Velmar side"), and not when the document also writes
 * the word after such a word (a town and a person of the same name in one story).
 */
export function personBySurname(doc: Doc, drafts: Draft[], sentOf: Int32Array): Draft[] {
  const surnames = new Set<string>();
  for (const d of drafts) if (d.type === 'PERSON' && d.b - d.a >= 2) surnames.add(tokText(doc, d.b - 1));
  if (surnames.size === 0) return drafts;
  const placeBefore = (d: Draft): boolean => d.a > 0 && sentOf[d.a - 1] === sentOf[d.a] && placeWords.has(tokText(doc, d.a - 1).toLowerCase());
  // The words written after a word of place anywhere in the document, tagged or not.
  const places = new Set<string>();
  for (let i = 1; i < doc.tokens.length; i++) if (sentOf[i - 1] === sentOf[i] && surnames.has(tokText(doc, i)) && placeBefore({ a: i, b: i + 1, type: 'PLACE', confidence: 0 })) places.add(tokText(doc, i));
  return drafts.map((d) => (d.type === 'PLACE' && d.b === d.a + 1 && surnames.has(tokText(doc, d.a)) && !places.has(tokText(doc, d.a)) ? { ...d, type: 'PERSON' as const } : d));
}

export const personBySurnameRule = defineRule('person-by-surname', (s, { doc, sentOf }) => {
  s.drafts = personBySurname(doc, s.drafts, sentOf);
});
