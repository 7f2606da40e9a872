/**
 * Spelling-variant scores between cleaned names: the one similarity that both the entity dedupe
 * and the place gazetteer use (see normalize.ts for the keys it compares).
 */
import { distance } from 'fastest-levenshtein';
import type { EntityType } from '../types.js';
import { looseKey, nameParticles, skeleton, vowelFold, type Surface } from './normalize.js';

/**
 * Similarity of two spelling variants of one name, or 0 when they are not variants.
 *
 * Two forms are variants when their consonant skeletons are equal (vowel changes, w/v, doubled
 * letters, particles and spacing are already folded) and their loose keys, with o/u and e/i
 * folded too, differ by at most one edit in five characters (one edit for keys of five, none for shorter keys). The skeleton keeps Iran/Iraq and
 * Kerman/Kermanshah apart; the edit budget keeps short skeletons from matching wildly different vowels.
 */
type Keys = Pick<Surface, 'loose' | 'skeleton'> & { folded?: string };

export function variantScore(a: Keys, b: Keys): number {
  if (a.loose.length === 0 || b.loose.length === 0) return 0;
  if (a.loose === b.loose) return 1;
  if (a.skeleton !== b.skeleton) return 0;
  const len = Math.max(a.loose.length, b.loose.length);
  if (len <= 4) return 0;
  const allowed = len <= 5 ? 1 : Math.floor(len / 5);
  const fa = a.folded ?? vowelFold(a.loose);
  const fb = b.folded ?? vowelFold(b.loose);
  if (fa === fb) return 0.95;
  const d = distance(fa, fb);
  return d <= allowed ? round(0.95 - d / len) : 0;
}

/**
 * {@link variantScore} for names of an entity type. For two person names with the same number of
 * words the words must also be variants one by one, so the edit budget of a long name is not
 * spent on its given name ("Hassan X" and "Hussein X" are two people).
 */
export function nameVariantScore(a: Surface, b: Surface, type: EntityType): number {
  const score = variantScore(a, b);
  if (score === 0 || type !== 'PERSON' || a.loose === b.loose) return score;
  const ac = words(a.groups);
  const bc = words(b.groups);
  if (ac.length !== bc.length || ac.length < 2) return score;
  const split = (g: string) => g.split('-').filter((t) => t.length > 0);
  return ac.every((w, i) => variantScore(keyOf(split(w)), keyOf(split(bc[i]!))) > 0) ? score : 0;
}

/** Name words with a free-standing article joined to the word before it ("Anwaar ul" = "Anwaarul"). */
function words(groups: readonly string[]): string[] {
  const out: string[] = [];
  for (const g of groups) {
    if (out.length > 0 && /^[aeiou]l$/.test(g)) out[out.length - 1] += g;
    else if (!nameParticles.has(g)) out.push(g);
  }
  return out;
}

/** The loose key and skeleton of a list of tokens. */
export function keyOf(tokens: readonly string[]): Pick<Surface, 'loose' | 'skeleton'> {
  const loose = looseKey(tokens);
  return { loose, skeleton: skeleton(loose) };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
