import type { Doc } from '../../types.js';
import { creditWords, titleModifiers } from '../cues.js';
import { type Draft } from './draft.js';
import { defineRule } from './rule.js';
import { orgCueSet, placeHeadSet, creedSet, honorificSet, titleSet } from './words.js';
import { tokText, shouting, isCreed, isWord, lowerNoDot } from './tokens.js';

const creditSet = new Set(creditWords);

/**
 * Drops what is not a name: a single character ("(R)" in a caption), a piece of a link or handle
 * (glued to "/", ".", "@" or "#" before it), words of faith or nationality alone, a credit word
 * alone ("Photo"), titles alone ("CEO", "Mr."), a head word alone after a possessive ("the Minister's Office"), and every
 * mention in a photo or video credit line ("Photo by ... via ...").
 * A one-word all-capitals PERSON in a sentence that is not itself in capitals is an acronym:
 * an organization.
 */
export function dropNonNames(doc: Doc, drafts: Draft[], sentOf: Int32Array, gz: Uint16Array): Draft[] {
  const credit = new Uint8Array(doc.sentences.length);
  doc.sentences.forEach((s, si) => {
    let i = s.tokenStart;
    while (i < s.tokenEnd && /^[(\[]$/.test(tokText(doc, i))) i++;
    if (i + 1 >= s.tokenEnd || !creditSet.has(tokText(doc, i).toLowerCase())) return;
    const next = tokText(doc, i + 1).toLowerCase();
    if (next === 'by' || next === ':' || next === 'credit' || next === 'courtesy') credit[si] = 1;
  });
  const out: Draft[] = [];
  for (const d of drafts) {
    const start = doc.tokens[d.a]!.start;
    const text = doc.text.slice(start, doc.tokens[d.b - 1]!.end);
    if (text.length < 2 || credit[sentOf[d.a]!] === 1) continue;
    if (start > 0 && /[/.@#_\p{L}\p{N}]/u.test(doc.text[start - 1]!)) continue;
    if (isCreed(doc, d, gz)) continue;
    // An organization does not end in an adjective of faith ("an ethnic Sunni Muslim group").
    if (d.type === 'ORGANIZATION' && creedSet.has(tokText(doc, d.b - 1).toLowerCase())) continue;
    if (d.b === d.a + 1 && creditSet.has(text.toLowerCase())) continue;
    // Titles alone ("CEO", "Executive Officer", "Mr.") name nobody.
    if (allTitles(doc, d)) continue;
    // A head word alone after a possessive ("the Minister's Office") names nothing by itself.
    if (d.b === d.a + 1 && d.a > 0 && /^['’]s$/.test(tokText(doc, d.a - 1)) && (orgCueSet.has(text.toLowerCase()) || placeHeadSet.has(text.toLowerCase()))) continue;
    if (d.type === 'PERSON' && d.b === d.a + 1 && /^\p{Lu}{2,5}$/u.test(text) && !shouting(doc, sentOf[d.a]!)) out.push({ ...d, type: 'ORGANIZATION' });
    else out.push(d);
  }
  return out;
}

export const dropNonNamesRule = defineRule('drop-non-names', (s, { doc, sentOf, gz }) => {
  s.drafts = dropNonNames(doc, s.drafts, sentOf, gz);
});

const modifierSet = new Set(titleModifiers);

/** Every word of the mention is a title, an honorific or a title's modifier, and one is a title. */
function allTitles(doc: Doc, d: Draft): boolean {
  let titles = 0;
  for (let i = d.a; i < d.b; i++) {
    if (!isWord(doc, i)) continue;
    const w = tokText(doc, i);
    if (titleSet.has(lowerNoDot(w)) || honorificSet.has(w.toLowerCase())) titles++;
    else if (!modifierSet.has(lowerNoDot(w))) return false;
  }
  return titles > 0;
}
