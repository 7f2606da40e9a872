import type { Doc } from '../../types.js';
import { gaz } from '../gazetteer.js';
import { type Draft } from './draft.js';
import { defineRule } from './rule.js';
import { PLACE_BITS } from './words.js';
import { tokText, isCapitalized, glued } from './tokens.js';

/** Words that make a name before a hyphen an adjective ("Ruriton-based", "Acme-owned"). */
const compoundSuffixes = new Set(['based', 'born', 'bred', 'led', 'backed', 'owned', 'run', 'made', 'built', 'controlled', 'funded', 'financed', 'sponsored', 'supported', 'allied', 'linked', 'headquartered', 'registered', 'listed', 'style', 'held', 'dominated', 'brokered', 'operated']);
/** Suffixes after which the name before the hyphen is where someone or something is. */
const whereSuffixes = new Set(['based', 'born', 'bred', 'headquartered', 'registered', 'listed']);

/**
 * A name glued by a hyphen to a past participle ("Ruriton-based", "Acme-backed") is cut before
 * the hyphen: the name stays a mention of its own and the adjective's tail goes. A known place
 * before "-based", "-born" ... is a PLACE, a given name before "-led" ... a PERSON. What the span
 * holds after the adjective ("Ruriton-based Acme Bancorp") is a mention of its own: an
 * organization, unless the span was a person ("Ruriton-born Jane Roe").
 */
export function cutCompoundAdjectives(doc: Doc, drafts: Draft[], gz: Uint16Array): Draft[] {
  const out: Draft[] = [];
  for (const d of drafts) {
    let j = -1;
    for (let i = Math.max(d.a, 2); i < d.b; i++) {
      if (compoundSuffixes.has(tokText(doc, i).toLowerCase()) && !isCapitalized(doc, i) && tokText(doc, i - 1) === '-' && glued(doc, i - 2) && glued(doc, i - 1)) {
        j = i;
        break;
      }
    }
    if (j < 0) {
      out.push(d);
      continue;
    }
    if (j - 1 > d.a) {
      const where = whereSuffixes.has(tokText(doc, j).toLowerCase());
      const g = gz[j - 2]!;
      let type = d.type;
      if (g & PLACE_BITS && (where || !(g & gaz.NAME))) type = 'PLACE';
      else if (!where && g & gaz.NAME && j - 1 - d.a <= 3) type = 'PERSON';
      out.push({ ...d, b: j - 1, type, role: undefined, longForm: undefined });
    }
    if (j + 1 < d.b && isCapitalized(doc, j + 1)) {
      out.push(...cutCompoundAdjectives(doc, [{ ...d, a: j + 1, type: d.type === 'PERSON' ? 'PERSON' : 'ORGANIZATION', role: undefined, longForm: undefined }], gz));
    }
  }
  return out;
}

export const cutCompoundAdjectivesRule = defineRule('cut-compound-adjectives', (s, { doc, gz }) => {
  s.drafts = cutCompoundAdjectives(doc, s.drafts, gz);
  s.misc = cutCompoundAdjectives(doc, s.misc, gz);
});
