import type { Doc } from '../../types.js';
import { gaz } from '../gazetteer.js';
import { type Draft } from './draft.js';
import { defineRule } from './rule.js';
import { tokText, dropPersonEvidence, isCapitalized, referredBy, shouting } from './tokens.js';

const its = new Set(['its']);

/**
 * A PERSON the text refers to by "its" is no person: "X today unveiled its new phone", "X said
 * its output rose", "X and its partners". The name is followed, in its sentence, by at most
 * three lower-case words (no pronoun or relative word among them, nothing capitalized, no
 * punctuation) and then "its". A name of two words or more that starts with a given name ("Jane
 * Roe said its profits ...": a spokesperson speaking of a company) or that the document writes with a title or
 * an honorific, or as part of a longer person's name, keeps its type. Every PERSON mention of the
 * same string in the document follows, and untagged capitalized occurrences are added (not in a
 * line written in capitals, nor over a MISC span).
 */
export function orgByIts(doc: Doc, drafts: Draft[], misc: readonly Draft[], sentOf: Int32Array, gz: Uint16Array): Draft[] {
  const n = doc.tokens.length;
  const keyOf = (d: Draft): string => doc.text.slice(doc.tokens[d.a]!.start, doc.tokens[d.b - 1]!.end);
  const confirmed = new Set<string>();
  for (const d of drafts) {
    if (d.type !== 'PERSON' || !isCapitalized(doc, d.a)) continue;
    // A given name first in a name of two words or more ("Jane Roe"); a one-word name is checked
    // against the longer names of the document below ("Roe" after "Jane Roe").
    const named = d.b - d.a > 1 && (gz[d.a]! & gaz.NAME) !== 0;
    if (!named && referredBy(doc, d, sentOf, its)) confirmed.add(keyOf(d));
  }
  if (confirmed.size === 0) return drafts;
  // Person evidence anywhere in the document vetoes: a title or honorific before a mention, or
  // the name inside a longer person's name.
  dropPersonEvidence(doc, drafts, sentOf, gz, confirmed);
  if (confirmed.size === 0) return drafts;
  const out = drafts.map((d) => (d.type === 'PERSON' && confirmed.has(keyOf(d)) ? { ...d, type: 'ORGANIZATION' as const } : d));
  const covered = new Uint8Array(n);
  for (const d of out) covered.fill(1, d.a, d.b);
  for (const d of misc) covered.fill(1, d.a, d.b);
  const shout = new Int8Array(doc.sentences.length).fill(-1);
  for (const key of confirmed) {
    const toks = key.split(/\s+/u);
    for (let i = 0; i + toks.length <= n; i++) {
      if (covered[i] === 1 || tokText(doc, i) !== toks[0] || sentOf[i]! < 0) continue;
      const b = i + toks.length;
      let ok = sentOf[b - 1] === sentOf[i];
      for (let k = 1; k < toks.length && ok; k++) ok = covered[i + k] === 0 && tokText(doc, i + k) === toks[k];
      if (!ok) continue;
      // Not glued to a word or number after it ("X-based", "X747").
      if (b < n && doc.tokens[b]!.start === doc.tokens[b - 1]!.end && /^[\p{L}\p{N}]/u.test(tokText(doc, b))) continue;
      const si = sentOf[i]!;
      if (shout[si] === -1) shout[si] = shouting(doc, si) ? 1 : 0;
      if (shout[si] === 1) continue;
      out.push({ a: i, b, type: 'ORGANIZATION', confidence: 0 });
      covered.fill(1, i, b);
    }
  }
  return out.sort((x, y) => x.a - y.a);
}

export const orgByItsRule = defineRule('org-by-its', (s, { doc, sentOf, gz }) => {
  s.drafts = orgByIts(doc, s.drafts, s.misc, sentOf, gz);
});
