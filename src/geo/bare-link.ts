import type { PlaceResolver } from './types.js';
import type { PlaceLink } from '../types.js';

/** Names whose bare link is kept per resolver. */
export const BARE_LINKS = 20_000;
const links = new WeakMap<PlaceResolver, Map<string, PlaceLink | null>>();

/**
 * A name's link with no kind word and no country context: what the rules that ask "is this name a
 * place, a region, a country?" need, of the same names in article after article. An answer
 * depends on the name and the resolver only (a resolver is built once and not changed after), so
 * answers are kept per resolver, for at most {@link BARE_LINKS} names (the oldest half is dropped
 * when full).
 */
export function bareLink(places: PlaceResolver, name: string): PlaceLink | null {
  let answers = links.get(places);
  if (answers === undefined) links.set(places, (answers = new Map()));
  const known = answers.get(name);
  if (known !== undefined) return known;
  const link = places.resolve(name, { cue: null, countries: [] });
  if (answers.size >= BARE_LINKS) {
    // Maps iterate in insertion order: the first keys are the oldest.
    let drop = answers.size >> 1;
    for (const key of answers.keys()) {
      if (drop-- === 0) break;
      answers.delete(key);
    }
  }
  answers.set(name, link);
  return link;
}
