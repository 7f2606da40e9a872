/**
 * Pairwise tests between cleaned person and organization names: short forms of a person's name,
 * middle initials, and whether two names can belong to one entity at all (the guard against chained
 * merges). Spelling-variant scores are in src/names/variants.ts.
 */
import { nameParticles, type Surface } from '../names/normalize.js';
import { organizationCoreTokens } from '../names/organization.js';
import { keyOf, nameVariantScore, variantScore } from '../names/variants.js';

/** Tokens that carry a name (particles such as "al", "ul", "van" removed). */
function content(tokens: readonly string[]): string[] {
  return tokens.filter((t) => !nameParticles.has(t));
}

/**
 * Score when `short` is a short form of the person name `full`: a trailing part of it ("Smith",
 * "van der Berg", "Garcia-Marquez" of "Gabriel Garcia-Marquez"), or its first and last names
 * with middle names left out. 0 otherwise.
 */
export function shortFormScore(short: Surface, full: Surface): number {
  if (short.last !== full.last || short.tokens.length === 0 || content(short.tokens).length >= content(full.tokens).length) return 0;
  let best = 0;
  for (let i = 1; i < full.tokens.length; i++) {
    const suffix = full.tokens.slice(i);
    if (nameParticles.has(suffix[0]!) && !nameParticles.has(short.tokens[0]!)) continue;
    if (content(suffix).length === 0) continue;
    best = Math.max(best, variantScore(short, keyOf(suffix)));
  }
  const sc = content(short.tokens);
  const fc = content(full.tokens);
  if (sc.length >= 2) {
    const first = variantScore(keyOf([sc[0]!]), keyOf([fc[0]!]));
    const last = variantScore(keyOf([sc.at(-1)!]), keyOf([fc.at(-1)!]));
    if (first > 0 && last > 0) best = Math.max(best, round(Math.min(first, last) * 0.95));
  }
  return best;
}

/**
 * The form has two or more words besides particles (a given name and a surname at least); a
 * hyphenated compound ("Garcia-Marquez") is one word.
 */
export function isFullName(s: Surface): boolean {
  return content(s.groups).length >= 2;
}

/**
 * "Ana M. Ruiz" and "Ana Maria Ruiz": the same given name and surname, the same number of words,
 * and each middle word the same or an initial of the other, with at least one initial.
 */
export function middleInitialMatch(a: Surface, b: Surface): boolean {
  const ac = content(a.tokens);
  const bc = content(b.tokens);
  if (ac.length < 3 || ac.length !== bc.length || ac[0] !== bc[0] || ac.at(-1) !== bc.at(-1) || ac[0]!.length < 2) return false;
  let initials = 0;
  for (let i = 1; i < ac.length - 1; i++) {
    const [x, y] = [ac[i]!, bc[i]!];
    if (x === y) continue;
    if ((x.length === 1 && y.length > 1 && y.startsWith(x)) || (y.length === 1 && x.length > 1 && x.startsWith(y))) initials++;
    else return false;
  }
  return initials > 0;
}

/**
 * The key {@link middleInitialMatch} pairs within: given name, surname and number of words
 * ("Ana M. Ruiz" and "Ana Maria Ruiz" share one), or null for a name of fewer than three words.
 */
export function middleInitialKey(s: Surface): string | null {
  const c = content(s.tokens);
  return c.length < 3 ? null : `${c[0]!}\u0000${c.at(-1)!}\u0000${c.length}`;
}

/**
 * The given name of a full person name (its first word besides particles; a hyphenated compound
 * is one word, so "Ana-Maria Ruiz" gives "ana-maria" and "Smith-Jones" none), or null.
 */
export function givenName(s: Surface): string | null {
  const c = content(s.groups);
  return c.length >= 2 && c[0]!.length > 1 ? c[0]! : null;
}

/** The one word of a single-word person name ("Ruiz", "Ana-Maria"), or null. */
export function loneWord(s: Surface): string | null {
  const c = content(s.groups);
  return c.length === 1 ? c[0]! : null;
}

/**
 * Whether two person names can be one person. Two full names must be spelling variants, or one a
 * short form of the other, or share the surname with one given name an initial of the other.
 * "Jane Doe" and "John Doe" cannot; "Doe" and "John Doe" can.
 */
export function personsCompatible(a: Surface, b: Surface): boolean {
  if (!isFullName(a) || !isFullName(b)) return true;
  if (nameVariantScore(a, b, 'PERSON') > 0 || shortFormScore(a, b) > 0 || shortFormScore(b, a) > 0 || middleInitialMatch(a, b)) return true;
  const ac = content(a.tokens);
  const bc = content(b.tokens);
  const sameLast = variantScore(keyOf([ac.at(-1)!]), keyOf([bc.at(-1)!])) > 0;
  const initial = (x: string, y: string) => x.length === 1 && y.startsWith(x);
  return sameLast && (initial(ac[0]!, bc[0]!) || initial(bc[0]!, ac[0]!));
}

/**
 * Whether two multi-word organization names can be one organization: variants, the same name
 * but for a designator (src/names/organization.ts), or the same initials with each pair of words starting alike ("Kurd Freedom Front" and "Kurdistan
 * Freedom Front"). Single words and acronyms are checked elsewhere.
 */
export function orgsCompatible(a: Surface, b: Surface, initials: (s: Surface) => string[]): boolean {
  if (a.acronym !== null || b.acronym !== null || a.tokens.length < 2 || b.tokens.length < 2) return true;
  if (variantScore(a, b) > 0) return true;
  // The same name with and without a designator ("X Holdings PLC", "X Group"), spelled alike.
  const ca = organizationCoreTokens(a) ?? a;
  const cb = organizationCoreTokens(b) ?? b;
  if (ca.loose === cb.loose || ((ca !== a || cb !== b) && ca.tokens.length >= 2 && cb.tokens.length >= 2 && sameWordsAlike(ca.tokens, cb.tokens))) return true;
  // The same name with and without a leading qualifier ("Ruritania Coast Guard", "Coast Guard").
  const [short, long] = a.tokens.length <= b.tokens.length ? [a, b] : [b, a];
  if (short.tokens.length < long.tokens.length && short.tokens.every((t, i) => t === long.tokens[long.tokens.length - short.tokens.length + i])) return true;
  return alikeByInitials(a, b, initials);
}

/** Same initials and each pair of content words agrees on its first three letters (spelling-folded). */
export function alikeByInitials(a: Surface, b: Surface, initials: (s: Surface) => string[]): boolean {
  const ia = initials(a);
  const ib = new Set(initials(b));
  if (!ia.some((x) => ib.has(x))) return false;
  return sameWordsAlike(a.tokens, b.tokens);
}

/** The same number of content words, each pair agreeing on its first three letters (spelling-folded). */
function sameWordsAlike(a: readonly string[], b: readonly string[]): boolean {
  const wa = content(a).filter((t) => !['of', 'the', 'and', 'for'].includes(t));
  const wb = content(b).filter((t) => !['of', 'the', 'and', 'for'].includes(t));
  if (wa.length !== wb.length) return false;
  return wa.every((w, i) => keyOf([w]).loose.slice(0, 3) === keyOf([wb[i]!]).loose.slice(0, 3));
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
