import type { Doc } from '../../types.js';
import { gaz, type GazTable } from '../gazetteer.js';
import { hashString } from '../hash.js';
import { type Draft } from './draft.js';
import { defineRule } from './rule.js';
import { PLACE_BITS } from './words.js';
import { tokText, capitalizedInside, isCapitalized, isCreed, isWord, referredBy, shouting } from './tokens.js';
import { companyHeads } from '../cues.js';

/**
 * Lower-case nouns that a company's name modifies ("X shares", "X's" aside: "the X board", "X
 * jets"): what a company owns, issues, employs or makes.
 */
const companyNouns = new Set([
  'shares', 'share', 'stock', 'stocks', 'shareholders', 'stockholders', 'investors', 'executives',
  'executive', 'employees', 'staff', 'workers', 'spokesman', 'spokeswoman', 'spokesperson', 'ceo',
  'chairman', 'chairwoman', 'board', 'headquarters', 'subsidiary', 'subsidiaries', 'profit',
  'profits', 'revenue', 'revenues', 'earnings', 'stake', 'brand', 'jets', 'jetliner', 'jetliners',
  'airliner', 'airliners', 'plant', 'factory', 'factories', 'stores', 'executives', 'shareholder',
]);
/** Nouns before "in" / "of" that make what follows a company ("shares in X", "founder of X"). */
const stakeNouns = new Set(['shares', 'share', 'stake', 'stakes', 'stock', 'holdings', 'holding', 'takeover', 'founder', 'founders', 'co-founder', 'cofounder', 'ceo', 'shareholders', 'shareholder']);
const companyHeadSet = new Set(companyHeads);
const personPronouns = new Set(['his', 'her', 'he', 'she', 'him']);
/** Gazetteer bits that make an untagged capitalized word something else than a company's name. */
/**
 * A word for people rather than a company: a nationality or its plural ("Ruritanians", "Valdorans"
 * when the gazetteer knows "Valdoran"), a word with an ending of nationalities or of plural
 * nouns of people ("-ish", "-ese", "-ian", "-ans", "-ers", "-ists" ...), or initials ("U.S.").
 */
export function peopleWord(word: string, lexicon?: GazTable): boolean {
  if (/(ans|ens|ers|ites|ists|ish|ese|ian|ean|can)$/.test(word) || /^(\p{Lu}\.)+$/u.test(word)) return true;
  if (lexicon === undefined) return false;
  const known = (w: string): boolean => (lexicon.get(hashString(w, true)) & gaz.DEMONYM) !== 0;
  return known(word) || (word.endsWith('s') && known(word.slice(0, -1)));
}

const OTHER_BITS = PLACE_BITS | gaz.DEMONYM | gaz.NAME | gaz.TITLE | gaz.CALENDAR | gaz.ORG_CUE | gaz.ORG_SUFFIX | gaz.PLACE_CUE;

/**
 * A name typed as something else is an organization when the words around it say company: a
 * company noun right after it ("X shares", "the X board", "X jets"), or "shares in X", "a stake
 * in X", "founder of X" before it. A one-word name the tagger left as MISC (which it keeps for
 * products, nationalities and events) is one too when a verb or a possessive follows it ("X
 * said", "X sued", "X's") and it is no word for people (a nationality, a plural of people); not
 * when a number follows (a model, "X 747"), nor when it stands first in its sentence and is
 * never capitalized inside one ("Rumors spread"). Other evidence: the name written elsewhere with
 * company words after it ("X Inc.", "X Computer") vouches for its short form; a one-word person
 * that is no given name, never part of a longer person's name in the document, and an
 * organization elsewhere in it follows the organization; a capitalized word the tagger left
 * untagged counts when the gazetteer knows it as nothing else. The evidence of one mention types
 * every mention of the same string in the document, and untagged capitalized occurrences are
 * added. A name the text refers to by "his" or "her" right after a mention ("X asserted his
 * ...", see referredBy) keeps its type whatever the evidence. Names the gazetteer knows as places or nationalities are left alone; persons are
 * retyped only by a company noun, a stake, a company word or the organization elsewhere.
 */
export function orgByCompanyContext(doc: Doc, drafts: Draft[], misc: Draft[], sentOf: Int32Array, gz: Uint16Array, lexicon?: GazTable): { drafts: Draft[]; misc: Draft[] } {
  const n = doc.tokens.length;
  const keyOf = (d: Draft): string => doc.text.slice(doc.tokens[d.a]!.start, doc.tokens[d.b - 1]!.end);
  const same = (i: number, j: number): boolean => j >= 0 && j < n && sentOf[i] === sentOf[j];
  const knownPlace = (d: Draft): boolean => {
    for (let i = d.a; i < d.b; i++) if (gz[i]! & (PLACE_BITS | gaz.DEMONYM)) return true;
    return false;
  };
  const nounAfter = (d: Draft): boolean => same(d.a, d.b) && companyNouns.has(tokText(doc, d.b)) && !/^\p{Lu}/u.test(tokText(doc, d.b));
  const stakeBefore = (d: Draft): boolean => same(d.a, d.a - 2) && /^(in|of)$/.test(tokText(doc, d.a - 1)) && stakeNouns.has(tokText(doc, d.a - 2).toLowerCase());
  const verbAfter = (d: Draft): boolean => {
    if (!same(d.a, d.b)) return false;
    const t = doc.tokens[d.b]!;
    // "X said", "X sued", and the possessive of an agent ("X's new design").
    if (tokText(doc, d.b) === "'s" || tokText(doc, d.b) === '’s') return true;
    if (!(t.pos === 'VERB' || t.pos === 'AUX') || isCapitalized(doc, d.b)) return false;
    return true;
  };
  // Whether each sentence is written in capitals, worked out once per sentence.
  const shout = new Int8Array(doc.sentences.length).fill(-1);
  const shoutingAt = (si: number): boolean => {
    if (shout[si] === -1) shout[si] = shouting(doc, si) ? 1 : 0;
    return shout[si] === 1;
  };
  const plain = (d: Draft): boolean => {
    if (!isCapitalized(doc, d.a) || shoutingAt(sentOf[d.a]!) || isCreed(doc, d, gz)) return false;
    // Initials with dots ("U.S.") are rather places.
    if (d.b === d.a + 1 && /^(\p{Lu}\.)+$/u.test(tokText(doc, d.a))) return false;
    for (let i = d.a; i < d.b; i++) if (/\d/.test(tokText(doc, i))) return false;
    return !(same(d.a, d.b) && /\d/.test(tokText(doc, d.b)));
  };
  const confirmed = new Set<string>();
  // "X Inc.", "X Computer": the name before the company words.
  const head = (i: number): boolean => isCapitalized(doc, i) && companyHeadSet.has(tokText(doc, i).toLowerCase().replace(/\./g, ''));
  for (const d of drafts) {
    if (d.type !== 'ORGANIZATION' || d.b - d.a < 2) continue;
    let b = d.b;
    while (b > d.a && (head(b - 1) || (tokText(doc, b - 1) === '.' && b - 1 > d.a))) b--;
    if (b < d.b && b > d.a) confirmed.add(keyOf({ ...d, b }));
  }
  // A one-word person that is no given name, never part of a longer person's name in the
  // document, and an organization elsewhere in it: the organization's evidence wins.
  const orgWords = new Set<string>();
  const personParts = new Set<string>();
  for (const d of drafts) {
    if (d.type === 'ORGANIZATION' && d.b === d.a + 1) orgWords.add(keyOf(d));
    if (d.type === 'PERSON' && d.b - d.a > 1) for (let i = d.a; i < d.b; i++) personParts.add(tokText(doc, i));
  }
  for (const d of drafts) {
    if (d.type === 'PERSON' && d.b === d.a + 1 && !(gz[d.a]! & gaz.NAME) && orgWords.has(keyOf(d)) && !personParts.has(keyOf(d))) confirmed.add(keyOf(d));
  }
  // Untagged capitalized words the gazetteer knows as nothing else.
  const taken = new Uint8Array(n);
  for (const d of drafts) taken.fill(1, d.a, d.b);
  for (const d of misc) taken.fill(1, d.a, d.b);
  for (let i = 0; i < n; i++) {
    // Cheap tests first: most tokens are not capitalized.
    if (taken[i] === 1 || sentOf[i]! < 0 || !isCapitalized(doc, i) || gz[i]! & OTHER_BITS || !isWord(doc, i)) continue;
    const d: Draft = { a: i, b: i + 1, type: 'ORGANIZATION', confidence: 0 };
    if (!(nounAfter(d) || stakeBefore(d)) || !/^\p{Lu}\p{Ll}+$/u.test(tokText(doc, i))) continue;
    if (plain(d)) confirmed.add(keyOf(d));
  }
  for (const d of drafts) {
    if (d.type === 'ORGANIZATION' || !plain(d) || knownPlace(d)) continue;
    if (nounAfter(d) || stakeBefore(d)) confirmed.add(keyOf(d));
  }
  // Capitalized words seen inside a sentence (not first): a first word may be capitalized only
  // because it comes first ("Rumors spread").
  const innerHas = capitalizedInside(doc, sentOf);
  const firstWord = (d: Draft): boolean => d.a === 0 || sentOf[d.a - 1] !== sentOf[d.a];
  for (const d of misc) {
    if (!plain(d) || knownPlace(d)) continue;
    if (firstWord(d) && !(nounAfter(d) || stakeBefore(d)) && !innerHas(tokText(doc, d.a))) continue;
    if (nounAfter(d) || stakeBefore(d) || (d.b === d.a + 1 && verbAfter(d) && !peopleWord(tokText(doc, d.a), lexicon))) confirmed.add(keyOf(d));
  }
  if (confirmed.size === 0) return { drafts, misc };
  // A name the text refers to by "his" or "her" ("X asserted his influence") is a person's.
  for (const d of drafts) if (confirmed.has(keyOf(d)) && referredBy(doc, d, sentOf, personPronouns)) confirmed.delete(keyOf(d));
  for (const d of misc) if (confirmed.has(keyOf(d)) && referredBy(doc, d, sentOf, personPronouns)) confirmed.delete(keyOf(d));
  if (confirmed.size === 0) return { drafts, misc };
  const out = drafts.map((d) => (d.type !== 'ORGANIZATION' && confirmed.has(keyOf(d)) && !knownPlace(d) ? { ...d, type: 'ORGANIZATION' as const } : d));
  const keptMisc: Draft[] = [];
  for (const d of misc) {
    if (confirmed.has(keyOf(d)) && plain(d)) out.push({ ...d, type: 'ORGANIZATION' });
    else keptMisc.push(d);
  }
  // Untagged capitalized occurrences of a confirmed name (not in a line written in capitals).
  const covered = new Uint8Array(n);
  for (const d of out) covered.fill(1, d.a, d.b);
  for (const d of keptMisc) covered.fill(1, d.a, d.b);
  const byFirst = new Map<string, string[][]>();
  // Every confirmed name starts with a capital (the usual case): only capitalized tokens can start one.
  const allCapitalized = [...confirmed].every((key) => /^\p{Lu}/u.test(key));
  for (const key of confirmed) {
    const toks = key.split(/\s+/u);
    const list = byFirst.get(toks[0]!) ?? [];
    list.push(toks);
    byFirst.set(toks[0]!, list);
  }
  for (let i = 0; i < n; i++) {
    if (covered[i] === 1 || !isWord(doc, i) || (allCapitalized && !isCapitalized(doc, i))) continue;
    for (const toks of byFirst.get(tokText(doc, i)) ?? []) {
      const b = i + toks.length;
      if (b > n || sentOf[b - 1] !== sentOf[i] || sentOf[i]! < 0 || shoutingAt(sentOf[i]!)) continue;
      let ok = true;
      for (let k = 1; k < toks.length && ok; k++) ok = covered[i + k] === 0 && tokText(doc, i + k) === toks[k];
      // Not glued to a word or number ("X-based" is cut elsewhere; "X747" is no mention of X).
      if (!ok || (b < n && doc.tokens[b]!.start === doc.tokens[b - 1]!.end && /^[\p{L}\p{N}]/u.test(tokText(doc, b)))) continue;
      out.push({ a: i, b, type: 'ORGANIZATION', confidence: 0 });
      covered.fill(1, i, b);
      break;
    }
  }
  return { drafts: out.sort((x, y) => x.a - y.a), misc: keptMisc };
}

export const orgByCompanyContextRule = defineRule('org-by-company-context', (s, { doc, sentOf, gz, lexicon }) => {
  const r = orgByCompanyContext(doc, s.drafts, s.misc, sentOf, gz, lexicon);
  s.drafts = r.drafts;
  s.misc = r.misc;
});
