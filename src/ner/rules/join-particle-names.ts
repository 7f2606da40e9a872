import type { Doc } from '../../types.js';
import { gaz } from '../gazetteer.js';
import { type Draft } from './draft.js';
import { defineRule } from './rule.js';
import { tokText, isCapitalized, isWord } from './tokens.js';

/** Lower-case particles of family names written with spaces ("von der", "van", "de", "bin"). */
const nameParticles = new Set(['von', 'van', 'der', 'den', 'de', 'da', 'di', 'du', 'del', 'della', 'dos', 'das', 'do', 'ter', 'ten', 'bin', 'ibn', 'bint', 'al', 'el', 'le', 'la', 'zu', 'af', 'av']);

/**
 * A person's name with particles, "Given von der Family", that the tagger cut at the particles
 * (and may have typed apart, the given name as a place, the family name as an organization): a
 * mention starting with a known given name, one or two lower-case particles, then a capitalized
 * word (a mention or not) is one PERSON. (join-split-names joins one particle between two
 * mentions of the same type.)
 */
export function joinParticleNames(doc: Doc, input: Draft[], sentOf: Int32Array, gz: Uint16Array): Draft[] {
  const n = doc.tokens.length;
  const drafts = [...input];
  const startsAt = new Map<number, number>();
  drafts.forEach((d, k) => startsAt.set(d.a, k));
  const gone = new Set<number>();
  for (let k = 0; k < drafts.length; k++) {
    const d = drafts[k]!;
    if (gone.has(k) || d.b - d.a > 2 || !(gz[d.a]! & gaz.NAME) || !(d.type === 'PERSON' || !(gz[d.a]! & (gaz.COUNTRY | gaz.CAPITAL | gaz.CITY_BIG)))) continue;
    let p = d.b;
    while (p < n && p - d.b < 2 && sentOf[p] === sentOf[d.a] && nameParticles.has(tokText(doc, p))) p++;
    if (p === d.b || p >= n || sentOf[p] !== sentOf[d.a] || !isWord(doc, p) || !isCapitalized(doc, p)) continue;
    const rk = startsAt.get(p);
    let b = p + 1;
    if (rk !== undefined) {
      if (drafts[rk]!.b - drafts[rk]!.a > 2) continue;
      b = drafts[rk]!.b;
      gone.add(rk);
    } else if (drafts.some((o) => o.a <= p && p < o.b)) continue;
    drafts[k] = { ...d, b, type: 'PERSON', role: undefined, longForm: undefined, confidence: Math.min(d.confidence, rk === undefined ? d.confidence : drafts[rk]!.confidence) };
  }
  return drafts.filter((_, k) => !gone.has(k));
}

export const joinParticleNamesRule = defineRule('join-particle-names', (s, { doc, sentOf, gz }) => {
  s.drafts = joinParticleNames(doc, s.drafts, sentOf, gz);
});
