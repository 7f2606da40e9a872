import type { PlaceLink } from '../../types.js';
import type { KindCue } from '../../names/normalize.js';
import type { CorpusPhase } from '../phase.js';
import type { Node } from '../state.js';

/**
 * Links each place node to the gazetteer, with the countries its document names as context, and
 * gives it a kind (its written kind word, else the linked entry's kind). Joins nothing: the links
 * block merges of places in different countries or of different kinds, and feed gazetteer-places.
 */
export const linkPlaces: CorpusPhase = {
  name: 'link-places',
  scope: 'corpus',
  run({ config, byDoc }) {
    if (config.places === null) return;
    // A resolver is a pure function of name and hint; the same few thousand places recur in every document.
    const resolver = config.places;
    const links = new Map<string, PlaceLink | null>();
    const resolve = (name: string, cue: KindCue | null, countries: string[]): PlaceLink | null => {
      const k = `${name}\u0000${cue ?? ''}\u0000${countries.join(',')}`;
      let v = links.get(k);
      if (v === undefined) links.set(k, (v = resolver.resolve(name, { cue, countries })));
      return v;
    };
    for (const list of byDoc.values()) {
      const places = list.filter((n) => n.type === 'PLACE' && n.surf.tokens.length > 0);
      // The countries the document names, and those it names by name rather than by a code.
      const countries = new Set<string>();
      const named = new Set<string>();
      for (const n of places) {
        const link = resolve(n.surf.display, n.surf.cue, []);
        if (link?.kind !== 'country' || link.countryCode === null) continue;
        countries.add(link.countryCode);
        if (!isCode(n)) named.add(link.countryCode);
      }
      const context = [...countries].sort();
      // A code is read against the countries named by name: in "SALE LIMITS US / UK / CA" the codes
      // are a list of countries, and "US" there must not make "CA" a US state.
      const codeContext = [...named].sort();
      for (const n of places) {
        n.link = resolve(n.surf.display, n.surf.cue, isCode(n) ? codeContext : context);
        n.kind = n.surf.cue ?? (n.link !== null && n.link.kind !== 'other' ? n.link.kind : null);
      }
    }
  },
};

/** A place written as a two- or three-letter code ("CA", "U.S."). */
function isCode(n: Node): boolean {
  return /^[A-Z]{2,3}$/.test(n.surf.written.replace(/\./g, ''));
}
