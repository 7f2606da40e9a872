import type { Doc } from '../../types.js';
import { type Draft } from './draft.js';
import { defineRule } from './rule.js';
import { tokText } from './tokens.js';

/** Words that introduce a translation of a name ("which means", "meaning", "literally"). */
const glossCues = new Set(['means', 'meaning', 'meant', 'literally', 'translates', 'translated']);
const openQuotes = new Set(["'", '"', '‘', '“', '«']);
const closeQuotes = new Set(["'", '"', '’', '”', '»']);

/**
 * A translation in quotes after "means", "meaning", "literally" or "translates/translated (as|to)"
 * ("..., which means 'Sons of the Storm', ...") glosses a name already written: the tagger's
 * pieces of it ("Storm" as a person) are dropped unless one mention covers the quoted phrase
 * whole.
 */
export function dropSplitGlosses(doc: Doc, drafts: Draft[], sentOf: Int32Array): Draft[] {
  const n = doc.tokens.length;
  const drop = new Uint8Array(n);
  let any = false;
  for (let i = 0; i < n; i++) {
    if (!glossCues.has(tokText(doc, i).toLowerCase())) continue;
    let q = i + 1;
    if (q < n && /^(as|to)$/.test(tokText(doc, q))) q++;
    if (q >= n || sentOf[q] !== sentOf[i] || !openQuotes.has(tokText(doc, q))) continue;
    let c = q + 1;
    while (c < n && c <= q + 10 && sentOf[c] === sentOf[i] && !closeQuotes.has(tokText(doc, c))) c++;
    if (c >= n || sentOf[c] !== sentOf[i] || !closeQuotes.has(tokText(doc, c)) || c === q + 1) continue;
    const whole = drafts.some((d) => d.a === q + 1 && d.b === c);
    if (whole) continue;
    drop.fill(1, q + 1, c);
    any = true;
  }
  if (!any) return drafts;
  return drafts.filter((d) => {
    for (let i = d.a; i < d.b; i++) if (drop[i] === 0) return true;
    return false;
  });
}

export const dropSplitGlossesRule = defineRule('drop-split-glosses', (s, { doc, sentOf }) => {
  s.drafts = dropSplitGlosses(doc, s.drafts, sentOf);
});
