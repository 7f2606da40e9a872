import type { PlaceLink } from '../types.js';

/** What the text says about a place besides its name. */
export interface PlaceHint {
  /** A kind word written with it ("X province", "the city of X"), if any. */
  cue: 'country' | 'region' | 'city' | null;
  /** ISO 3166-1 alpha-2 codes of the countries named in the same document, sorted. */
  countries: readonly string[];
}

/** Links a place name to a gazetteer entry; `null` when the name is unknown. Pure and deterministic. */
export interface PlaceResolver {
  resolve(name: string, hint: PlaceHint): PlaceLink | null;
}
