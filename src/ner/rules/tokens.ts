/** Questions the rules ask of a token or a span: its text, case, spacing, and the sentence around it. */
import type { Doc } from '../../types.js';
import { BARE_LINKS, bareLink } from '../../geo/bare-link.js';
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
  return capitalsOutnumber(doc.text, s.start, s.end);
}

/**
 * Are there more UTF-16 code units of capital letters (`\p{Lu}`) than of small ones (`\p{Ll}`)
 * in `text[start, end)`? One pass over a table of the BMP; a letter outside it (a surrogate pair)
 * counts two units, as the length of the letters alone would.
 */
export function capitalsOutnumber(text: string, start: number, end: number): boolean {
  let upper = 0;
  let lower = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < end) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        const pair = text.slice(i, i + 2);
        if (/\p{Lu}/u.test(pair)) upper += 2;
        else if (/\p{Ll}/u.test(pair)) lower += 2;
        i++;
        continue;
      }
    }
    const k = letterCaseTable[c]!;
    if (k === 1) upper++;
    else if (k === 2) lower++;
  }
  return upper > lower;
}

/** 1 for every BMP code unit that is a capital letter (`\p{Lu}`), 2 for a small one (`\p{Ll}`); 0 for surrogates. */
const letterCaseTable: Uint8Array = (() => {
  const table = new Uint8Array(65536);
  const upper = /\p{Lu}/u;
  const lower = /\p{Ll}/u;
  for (let c = 0; c < 65536; c++) {
    if (c >= 0xd800 && c <= 0xdfff) continue;
    const ch = String.fromCharCode(c);
    table[c] = upper.test(ch) ? 1 : lower.test(ch) ? 2 : 0;
  }
  return table;
})();

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

/**
 * Does `name` resolve to one country or first-level region? The rules that join region names ask
 * this of every run of capitalized words around a particle or hyphen ("Bank of X", "X-Y"), the
 * same runs in article after article: the link is kept per resolver ({@link bareLink}).
 */
export function isRegionName(places: PlaceResolver, name: string): boolean {
  const link = bareLink(places, name);
  return link !== null && link.gazetteerId !== null && (link.kind === 'region' || link.kind === 'country');
}

/** Names whose answer `isRegionName` keeps per resolver. */
export const REGION_ANSWERS = BARE_LINKS;

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
