/** Questions the rules ask of a token or a span: its text, case, spacing, and the sentence around it. */
import type { Doc } from '../../types.js';
import type { PlaceResolver } from '../../geo/types.js';
import { gaz } from '../gazetteer.js';
import { letterTable, lowerTable } from '../hash.js';
import { type Draft } from './draft.js';
import { creedSet, honorificSet, titleSet } from './words.js';

export function tokText(doc: Doc, i: number): string {
  const t = doc.tokens[i]!;
  return doc.text.slice(t.start, t.end);
}

/** The token starts with an upper-case letter. */
export function isCapitalized(doc: Doc, i: number): boolean {
  const c = doc.text.charCodeAt(doc.tokens[i]!.start);
  return lowerTable[c] !== c;
}

/**
 * Whether a word is written capitalized somewhere inside a sentence (not as its first word), so a
 * first word capitalized only because it comes first ("Rumors spread") can be told from a name.
 * The set is built on the first question, once per document.
 */
export function capitalizedInside(doc: Doc, sentOf: Int32Array): (w: string) => boolean {
  let inner: Set<string> | undefined;
  return (w) => {
    if (inner === undefined) {
      inner = new Set<string>();
      for (let i = 1; i < doc.tokens.length; i++) if (sentOf[i]! >= 0 && sentOf[i - 1] === sentOf[i] && isCapitalized(doc, i)) inner.add(tokText(doc, i));
    }
    return inner.has(w);
  };
}

/** The token starts with a letter. */
export function isWord(doc: Doc, i: number): boolean {
  return letterTable[doc.text.charCodeAt(doc.tokens[i]!.start)] === 1;
}

/** Token i ends exactly where token i + 1 starts (no space between). */
export function glued(doc: Doc, i: number): boolean {
  return doc.tokens[i]!.end === doc.tokens[i + 1]!.start;
}

export function lowerNoDot(s: string): string {
  return s.toLowerCase().replace(/\.$/, '');
}

/** Most letters of the sentence are capitals (an all-caps headline or wire slug). */
export function shouting(doc: Doc, si: number): boolean {
  const s = doc.sentences[si]!;
  const t = doc.text.slice(s.start, s.end);
  const upper = t.replace(/[^\p{Lu}]/gu, '').length;
  const lower = t.replace(/[^\p{Ll}]/gu, '').length;
  return upper > lower;
}

/** Every word of the span is a word of faith or a nationality ("Sunni", "Shia-Sunni", "Iranian"). */
export function isCreed(doc: Doc, d: Draft, gz: Uint16Array): boolean {
  let words = 0;
  for (let i = d.a; i < d.b; i++) {
    if (!isWord(doc, i)) continue;
    words++;
    if (!creedSet.has(tokText(doc, i).toLowerCase()) && !(gz[i]! & gaz.DEMONYM)) return false;
  }
  return words > 0;
}

/** Does `name` resolve to one country or first-level region? */
export function isRegionName(places: PlaceResolver, name: string): boolean {
  const link = places.resolve(name, { cue: null, countries: [] });
  return link !== null && link.gazetteerId !== null && (link.kind === 'region' || link.kind === 'country');
}

/** Lower-case words that may not stand between a name and the pronoun that refers back to it. */
const newSubjects = new Set(['that', 'who', 'which', 'whose', 'he', 'she', 'they', 'it', 'we', 'i', 'you', 'his', 'her', 'its', 'their', 'him', 'them']);

/**
 * Is the span followed in its sentence, after at most three lower-case words (no pronoun or
 * relative word among them, nothing capitalized, no punctuation), by one of `pronouns`? "X
 * today unveiled its ...", "X asserted his ...".
 */
export function referredBy(doc: Doc, d: Draft, sentOf: Int32Array, pronouns: ReadonlySet<string>): boolean {
  const n = doc.tokens.length;
  for (let k = d.b, steps = 0; k < n && sentOf[k] === sentOf[d.a] && steps <= 3; k++, steps++) {
    const w = tokText(doc, k);
    if (pronouns.has(w)) return true;
    if (!isWord(doc, k) || isCapitalized(doc, k) || newSubjects.has(w)) return false;
  }
  return false;
}

/**
 * Removes from `names` every name the document gives person evidence for: a name of two words or
 * more that starts with a given name ("Jane Roe"), a title or an honorific right before a PERSON
 * mention ("Dr. Roe"), or the name inside a longer person's name ("Roe" after "Ana Roe").
 */
export function dropPersonEvidence(doc: Doc, drafts: readonly Draft[], sentOf: Int32Array, gz: Uint16Array, names: Set<string>): void {
  for (const d of drafts) {
    if (d.type !== 'PERSON') continue;
    const key = doc.text.slice(doc.tokens[d.a]!.start, doc.tokens[d.b - 1]!.end);
    if (names.has(key)) {
      if (d.b - d.a > 1 && gz[d.a]! & gaz.NAME) names.delete(key);
      if (d.a > 0 && sentOf[d.a - 1] === sentOf[d.a]) {
        const before = tokText(doc, d.a - 1);
        if (titleSet.has(lowerNoDot(before)) || honorificSet.has(before.toLowerCase())) names.delete(key);
      }
    }
    if (d.b - d.a > 1) for (const c of [...names]) if (c !== key && ` ${key} `.includes(` ${c} `)) names.delete(c);
  }
}
