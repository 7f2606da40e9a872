import type { Doc } from '../../types.js';
import { type Draft, withoutOverlap } from './draft.js';
import { defineRule } from './rule.js';
import { particles } from './words.js';
import { tokText, isCapitalized, isWord, glued } from './tokens.js';

/** Particles that may stand between two capitalized words with spaces ("Osama bin Laden"). */
const spacedParticles = new Set(['bin', 'ibn', 'bint', 'al', 'el', 'ul', 'ud', 'ur', 'uz', 'van', 'von', 'der', 'de', 'da', 'di', 'du', 'del', 'dos', 'la', 'le']);

/**
 * Joins what the tokenizer split inside a name: hyphenated parts ("al-Adl", "Smith-Jones",
 * "Sar-e-Pol") and spaced particles between two capitalized words ("bin", "van").
 */
export function joinSplitNames(doc: Doc, drafts: Draft[], sentOf: Int32Array): Draft[] {
  const n = doc.tokens.length;
  const out: Draft[] = [];
  for (const d0 of drafts) {
    const d = { ...d0 };
    // Extend right over "-word" chains glued to the span.
    // The part after the hyphen is capitalized ("-Jones") or a particle that itself leads on to
    // a capitalized part ("-e-Pol", "-ud-Din"); "Ohio-based" stays apart.
    const hyphenAt = (i: number): boolean => i + 1 < n && sentOf[i + 1] === sentOf[d.a] && tokText(doc, i) === '-' && glued(doc, i - 1) && glued(doc, i);
    for (;;) {
      if (hyphenAt(d.b) && isWord(doc, d.b + 1) && isCapitalized(doc, d.b + 1)) d.b += 2;
      else if (hyphenAt(d.b) && particles.has(tokText(doc, d.b + 1).toLowerCase()) && hyphenAt(d.b + 2) && isCapitalized(doc, d.b + 3)) d.b += 4;
      // "Abu Omar" + " al-Masri": a particle glued by a hyphen to a capitalized word.
      else if (d.b + 2 < n && sentOf[d.b + 2] === sentOf[d.a] && particles.has(tokText(doc, d.b).toLowerCase()) && hyphenAt(d.b + 1) && isCapitalized(doc, d.b + 2)) d.b += 3;
      else break;
    }
    // Extend left over "word-" glued to the span when the word is a particle or capitalized.
    while (d.a - 2 >= 0 && sentOf[d.a - 2] === sentOf[d.a] && tokText(doc, d.a - 1) === '-' && glued(doc, d.a - 2) && glued(doc, d.a - 1)) {
      const w = tokText(doc, d.a - 2);
      if (!(particles.has(w.toLowerCase()) || isCapitalized(doc, d.a - 2))) break;
      d.a -= 2;
    }
    // A name does not start with a particle ("ul-Adl"): take in the capitalized words before it.
    if (particles.has(tokText(doc, d.a).toLowerCase()) && !isCapitalized(doc, d.a)) {
      while (d.a - 1 >= 0 && sentOf[d.a - 1] === sentOf[d.b - 1] && isCapitalized(doc, d.a - 1) && isWord(doc, d.a - 1)) d.a--;
    }
    out.push(d);
  }
  // Merge spans that now overlap or touch through a glued hyphen.
  out.sort((x, y) => x.a - y.a || y.b - x.b);
  const merged: Draft[] = [];
  for (const d of out) {
    const last = merged[merged.length - 1];
    if (last !== undefined && d.a < last.b) {
      last.b = Math.max(last.b, d.b);
      continue;
    }
    // "Osama bin Laden": PERSON, particle, capitalized token(s) tagged or not.
    if (last !== undefined && last.type === d.type && d.a === last.b + 1 && spacedParticles.has(tokText(doc, last.b)) && sentOf[d.a] === sentOf[last.a]) {
      last.b = d.b;
      continue;
    }
    // "Minister of Ruritania Abu ul Haq": a place that ran into a given name, a particle, and the
    // rest of the person: the place ends before the given name.
    if (last !== undefined && last.type === 'PLACE' && d.type === 'PERSON' && last.b - last.a >= 2 && d.a === last.b + 1 && spacedParticles.has(tokText(doc, last.b)) && sentOf[d.a] === sentOf[last.a] && isCapitalized(doc, last.b - 1)) {
      d.a = last.b - 1;
      last.b -= 1;
    }
    merged.push(d);
  }
  return merged;
}

export const joinSplitNamesRule = defineRule('join-split-names', (s, { doc, sentOf }) => {
  s.drafts = joinSplitNames(doc, s.drafts, sentOf);
  s.misc = withoutOverlap(joinSplitNames(doc, s.misc, sentOf), s.drafts);
});
