import type { PlaceLink } from '../../types.js';
import type { KindCue } from '../../names/normalize.js';
import type { CorpusPhase } from '../phase.js';

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
      const countries = new Set<string>();
      for (const n of places) {
        const link = resolve(n.surf.display, n.surf.cue, []);
        if (link?.kind === 'country' && link.countryCode !== null) countries.add(link.countryCode);
      }
      const context = [...countries].sort();
      for (const n of places) {
        n.link = resolve(n.surf.display, n.surf.cue, context);
        n.kind = n.surf.cue ?? (n.link !== null && n.link.kind !== 'other' ? n.link.kind : null);
      }
    }
  },
};
