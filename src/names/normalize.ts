/**
 * Surface-form normalization for entity dedupe: folding, honorifics, kind cues, particles, and the
 * two keys the matcher compares (a `loose` spelling key and a consonant `skeleton`).
 *
 * Every rule here is general knowledge about how names are written and transliterated (Arabic
 * articles, Persian and Urdu spellings in English, honorifics); nothing is specific to a corpus.
 */
import type { EntityType } from '../types.js';

/** What a place mention's own words say it is ("X province", "the city of X"). */
export type KindCue = 'country' | 'region' | 'city';

/** A surface form, cleaned once and compared many times. */
export interface Surface {
  /** The cleaned form as written (case kept): honorifics, "the", possessive and kind word removed. */
  display: string;
  /** Lower-cased, accent-folded tokens (split on spaces and hyphens). */
  tokens: string[];
  /** Tokens as whitespace groups: hyphenated compounds stay one group (`garcia-marquez`). */
  groups: string[];
  /** `tokens` joined with single spaces: the node key within a document. */
  norm: string;
  /** Spelling-insensitive key (see {@link looseKey}). */
  loose: string;
  /** `loose` with o/u and e/i folded (see {@link vowelFold}). */
  folded: string;
  /** Consonant skeleton of `loose` (see {@link skeleton}). */
  skeleton: string;
  /** The form as written, minus outer quotes, a leading "the" and a possessive: what aliases list. */
  written: string;
  /** Skeleton of the last word that is not a particle (a surname, for a person): a quick filter. */
  last: string;
  /** Kind word written with a place, if any. */
  cue: KindCue | null;
  /** An all-capitals abbreviation such as `IRGC` or `U.N.` (stored without dots). */
  acronym: string | null;
  /** A person's name written after an honorific ("Mr. X Y"): what follows is a surname. */
  honorific: boolean;
}

/** Honorifics and forms of address dropped before comparing person names. */
const honorifics = new Set(
  [
    'mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof', 'professor', 'sir', 'dame', 'lord', 'lady', 'madam',
    'rev', 'reverend', 'fr', 'father', 'sheikh', 'shaikh', 'sheik', 'mullah', 'maulana', 'mawlana',
    'ayatollah', 'imam', 'haji', 'hajji', 'syed', 'sayyid', 'gen', 'general', 'col', 'colonel', 'maj',
    'major', 'capt', 'captain', 'lt', 'sgt', 'sen', 'senator', 'rep', 'gov', 'governor', 'pres',
    'president', 'king', 'queen', 'prince', 'princess', 'pope', 'herr', 'frau', 'mme', 'mlle', 'sr', 'sra',
  ],
);

/** Words that name the kind of a place when written next to it. */
const kindWords: ReadonlyMap<string, KindCue> = new Map([
  ['province', 'region'], ['provinces', 'region'], ['region', 'region'], ['state', 'region'],
  ['governorate', 'region'], ['prefecture', 'region'], ['oblast', 'region'], ['territory', 'region'],
  ['county', 'region'], ['district', 'region'], ['division', 'region'], ['department', 'region'],
  ['canton', 'region'], ['emirate', 'region'], ['krai', 'region'], ['voivodeship', 'region'],
  ['city', 'city'], ['town', 'city'], ['village', 'city'], ['municipality', 'city'],
  ['republic', 'country'], ['kingdom', 'country'],
]);

/** Function words skipped when initials form an acronym ("Army of Justice" -> AJ). */
export const initialsStopwords = new Set(['of', 'the', 'and', 'for', 'in', 'on', 'at', 'to', 'a', 'an', '&', 'de', 'du', 'des', 'la', 'le', 'et']);

/** Arabic definite article as transliterated ("al", "el", "ul", "ol", "il"). */
const articles = new Set(['al', 'el', 'ul', 'ol', 'il']);

/**
 * The article assimilated to a "sun letter" ("ad-Din", "ur-Rahman", "as-Salam", "ash-Sham"):
 * only treated as the article when the next word starts with the same consonant.
 */
const sunArticle = /^[aeiou](t|th|d|dh|r|z|s|sh|n)$/;

/** Name particles that stay lower-case inside names; kept as tokens but never initials or first names. */
export const nameParticles = new Set([
  ...articles, 'bin', 'ibn', 'bint', 'ben', 'abu', 'van', 'von', 'der', 'den', 'de', 'da', 'di', 'du', 'del',
  'della', 'dos', 'das', 'la', 'le', 'ter', 'ten', 'zu', 'y',
]);

/** Accent-folds and lower-cases; typographic quotes and dashes become ASCII. */
export function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[\u2018\u2019\u02bc\u02bb`´]/g, "'")
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/ß/g, 'ss')
    .replace(/[æ]/gi, 'ae')
    .replace(/[ø]/gi, 'o')
    .replace(/[ı]/g, 'i')
    .toLowerCase();
}

const acronymShape = /^(?:[A-Z]\.?){2,8}$|^[A-Z][A-Z0-9&]{1,7}$/;

/** Cleans one surface form of an entity of `type`. */
export function surface(text: string, type: EntityType): Surface {
  let s = text.normalize('NFC').replace(/\s+/g, ' ').trim();
  // Quotes and brackets around the name, trailing punctuation.
  s = s.replace(/^[\s"'“”‘’«»([{]+/u, '').replace(/[\s"'“”‘’«»)\]}.,;:!?]+$/u, '');
  // Possessive ("Iran's", "Iran’s", "Khans'").
  s = s.replace(/(?<=\S)['’]s$/u, '').replace(/(?<=s)['’]$/u, '');
  s = s.replace(/^the\s+/i, '');
  const written = s;
  let cue: KindCue | null = null;
  if (type === 'PLACE') {
    const before = /^(city|town|province|state|region|republic|kingdom)\s+of\s+(.+)$/i.exec(s);
    if (before !== null && !/^(republic|kingdom)$/i.test(before[1]!)) {
      cue = kindWords.get(before[1]!.toLowerCase()) ?? null;
      s = before[2]!;
    } else {
      const after = /^(.+?)\s+(\p{L}+)$/u.exec(s);
      const kind = after === null ? undefined : kindWords.get(after[2]!.toLowerCase());
      if (after !== null && kind !== undefined && kind !== 'country') {
        cue = kind;
        s = after[1]!;
      }
    }
  }
  let honorific = false;
  if (type === 'PERSON') {
    // Drop leading honorifics ("Mr.", "Dr", "Sheikh"), as many as there are.
    for (;;) {
      const m = /^(\p{L}+)\.?\s+(?=\S)/u.exec(s);
      if (m === null || !honorifics.has(fold(m[1]!))) break;
      s = s.slice(m[0].length);
      honorific = true;
    }
  }
  const compact = s.replace(/\s+/g, '');
  const acronym = acronymShape.test(compact) && compact.replace(/\./g, '').length >= 2 ? compact.replace(/\./g, '') : null;
  const folded = fold(s);
  const groups = folded
    .split(/[\s]+/)
    .map((g) => g.replace(/[^\p{L}\p{N}-]+/gu, '').replace(/^-+|-+$/g, ''))
    .filter((g) => g.length > 0);
  const tokens = groups.flatMap((g) => g.split('-')).filter((t) => t.length > 0);
  const loose = looseKey(tokens);
  const lastWord = tokens.filter((t) => !nameParticles.has(t)).at(-1);
  const last = lastWord === undefined ? '' : skeleton(looseKey([lastWord]));
  return { display: s, written, last, tokens, groups, norm: tokens.join(' '), loose, folded: vowelFold(loose), skeleton: skeleton(loose), cue, acronym, honorific };
}

/**
 * Spelling-insensitive key: article variants become `al` (and assimilated ones when the next word
 * starts with their consonant), spaces, hyphens and "and" vanish ("al-Adl" = "ul Adl" = "al Adl",
 * "Anwaar ul Haq" = "Anwaarul Haq"), and common transliteration pairs fold: w/v, ou/u, ee/i, oo/u,
 * q/k, ph/f, kh/k, gh/g, dh/d, dj/j, y/i, doubled letters.
 */
export function looseKey(tokens: readonly string[]): string {
  const parts: string[] = [];
  const words = tokens.filter((t) => t !== 'and' && t !== '&');
  for (let i = 0; i < words.length; i++) {
    const t = words[i]!;
    const next = words[i + 1];
    if (articles.has(t) && next !== undefined) parts.push('al');
    else if (next !== undefined && sunArticle.test(t) && next.startsWith(t.slice(1))) parts.push('al');
    else parts.push(t);
  }
  return spellingFold(parts.join(''));
}

/**
 * Folds common transliteration alternations in an already lower-cased string, in one pass (the
 * gazetteer keys 140,000 names with it at load): ph/f, kh/k, gh/g, dh/d, dj/j, ck/k, q/k, w/v,
 * ou/u, oo/u, ee/i, y/i, and doubled letters; anything but a-z and 0-9 is dropped.
 */
export function spellingFold(input: string): string {
  const s = input.replace(/[^a-z0-9]+/g, '');
  let out = '';
  let last = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    const n = s[i + 1];
    let r = c;
    if (c === 'p' && n === 'h') (r = 'f'), i++;
    else if ((c === 'k' || c === 'g' || c === 'd') && n === 'h') i++;
    else if (c === 'd' && n === 'j') (r = 'j'), i++;
    else if (c === 'c' && n === 'k') (r = 'k'), i++;
    else if (c === 'o' && (n === 'u' || n === 'o')) (r = 'u'), i++;
    else if (c === 'e' && n === 'e') (r = 'i'), i++;
    else if (c === 'q') r = 'k';
    else if (c === 'w') r = 'v';
    else if (c === 'y') r = 'i';
    if (r !== last) out += r;
    last = r;
  }
  return out;
}

/**
 * Consonant skeleton of a loose key: the first letter (a vowel as the class `V`), then the consonants, repeats collapsed.
 * "kurd" and "kord", "kurdistan" and "kordestan" share one; "iran" and "irak" do not.
 */
export function skeleton(loose: string): string {
  if (loose.length === 0) return '';
  // A leading vowel is kept as a class ("Ebrahim" and "Ibrahim" share "Vbrhm").
  const head = /[aeiou]/.test(loose[0]!) ? 'V' : loose[0]!;
  return (head + loose.slice(1).replace(/[aeiou]/g, '')).replace(/(.)\1+/g, '$1');
}

/**
 * The loose key with o/u and e/i folded: transliterations of Persian, Arabic and Urdu swap these
 * freely ("Kordestan"/"Kurdistan", "Rostam"/"Rustam") while a/i and a/u swaps mark
 * different names ("Hassan"/"Hussein").
 */
export function vowelFold(loose: string): string {
  return loose.replace(/o/g, 'u').replace(/e/g, 'i').replace(/(.)\1+/g, '$1');
}

/** Candidate acronyms of a multi-word name (with and without particles, hyphen parts split or not). */
export function initialsOf(s: Surface): string[] {
  if (s.tokens.length < 2) return [];
  const out = new Set<string>();
  const byGroup = s.groups.filter((g) => !initialsStopwords.has(g));
  const byToken = s.tokens.filter((t) => !initialsStopwords.has(t));
  for (const words of [byGroup, byToken, byToken.filter((t) => !nameParticles.has(t))]) {
    if (words.length >= 2) out.add(words.map((w) => w[0]!).join('').toUpperCase());
  }
  return [...out].sort();
}
