import type { Doc } from '../../types.js';
import { gaz } from '../gazetteer.js';
import { type Draft } from './draft.js';
import { defineRule } from './rule.js';
import { joinerSet } from './words.js';
import { tokText, isCapitalized, isWord } from './tokens.js';

/** Small words a Title Case heading leaves in lower case. */
const headingSmallWords = new Set(['a', 'an', 'to', 'as', 'by', 'with', 'after', 'over', 'into', 'from', 'vs', 'via', 'but', 'or', 'nor', 'per', 'amid', 'off', 'up', 'out']);
/** Gazetteer bits that vouch for a heading word on their own. */
const STRONG_BITS = gaz.CITY_BIG | gaz.COUNTRY | gaz.CAPITAL | gaz.REGION | gaz.ORG_SUFFIX | gaz.ORG_CUE | gaz.PLACE_CUE;
/** Bits too common to vouch alone (the name lists hold words like "Past"; small towns are called "Normal"). */
const WEAK_BITS = gaz.NAME | gaz.CITY;

/**
 * Headings written in Title Case ("Earlier Clashes", "Talks to Resume After Long Pause") look
 * like names to the tagger. In a line of capitalized words (and small function words) without a
 * full stop, a mention is
 * kept only when a gazetteer knows one of its words, it is all capitals, or the same string is a
 * mention elsewhere in the document.
 */
export function dropTitleCaseHeadings(doc: Doc, drafts: Draft[], sentOf: Int32Array, gz: Uint16Array): Draft[] {
  const heading = new Uint8Array(doc.sentences.length);
  let any = false;
  doc.sentences.forEach((s, si) => {
    const size = s.tokenEnd - s.tokenStart;
    if (size > 20) return;
    // The whole line: the sentence is alone in its paragraph.
    const prev = doc.sentences[si - 1];
    const next = doc.sentences[si + 1];
    if ((prev !== undefined && prev.paragraph === s.paragraph) || (next !== undefined && next.paragraph === s.paragraph)) return;
    const last = tokText(doc, s.tokenEnd - 1);
    if (last === '.' || last === '?' || last === '!') return;
    let titleCase = 0;
    for (let i = s.tokenStart; i < s.tokenEnd; i++) {
      // Numbers make it a table row ("Ruritania 2 Valdoria 1"), not a heading.
      if (/\d/.test(tokText(doc, i))) return;
      if (!isWord(doc, i)) continue;
      if (!isCapitalized(doc, i)) {
        const w = tokText(doc, i).toLowerCase();
        if (!joinerSet.has(w) && !headingSmallWords.has(w)) return;
      } else if (/\p{Ll}/u.test(tokText(doc, i))) titleCase++;
    }
    if (titleCase > 0) {
      heading[si] = 1;
      any = true;
    }
  });
  if (!any) return drafts;
  const keyOf = (d: Draft): string => doc.text.slice(doc.tokens[d.a]!.start, doc.tokens[d.b - 1]!.end);
  const elsewhere = new Set<string>();
  for (const d of drafts) if (heading[sentOf[d.a]!] === 0) elsewhere.add(keyOf(d));
  return drafts.filter((d) => {
    if (heading[sentOf[d.a]!] === 0 || elsewhere.has(keyOf(d))) return true;
    // A strong gazetteer word or an all-capitals word keeps it; weakly known words keep it only
    // when every word is known and there are two or more, or it is a one-word person's name.
    let weak = 0;
    let words = 0;
    for (let i = d.a; i < d.b; i++) {
      if (gz[i]! & STRONG_BITS) return true;
      if (!/\p{Ll}/u.test(tokText(doc, i)) && isWord(doc, i)) return true;
      if (!isWord(doc, i)) continue;
      words++;
      if (gz[i]! & WEAK_BITS) weak++;
    }
    // A person whose first word is on the name lists is a byline ("Jane Roe") or a heading
    // about someone; a single weakly known word of another type ("Normal") is not enough.
    const personName = d.type === 'PERSON' && (gz[d.a]! & gaz.NAME) !== 0;
    return (weak === words && words >= 2) || personName;
  });
}

export const dropTitleCaseHeadingsRule = defineRule('drop-title-case-headings', (s, { doc, sentOf, gz }) => {
  s.drafts = dropTitleCaseHeadings(doc, s.drafts, sentOf, gz);
});
