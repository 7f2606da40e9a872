import { surface } from '../../names/normalize.js';
import type { PlaceLink } from '../../types.js';
import type { CorpusPhase } from '../phase.js';
import type { Node } from '../state.js';

/**
 * An organization written with its country ("Ruritanian Interior Ministry" as "Ruritania Interior
 * Ministry", "U.S. Coast Guard") and the bare form ("Coast Guard") join when the run qualifies
 * that bare name with one country only, and every document with the bare form is about that
 * country: it names a place in it, or writes the qualified form itself. Needs the gazetteer (the qualifier is
 * a country name or code it knows).
 */
export const countryQualifiedOrganizations: CorpusPhase = {
  name: 'country-qualified-organizations',
  scope: 'corpus',
  run({ config, nodes, byDoc, find, union }) {
    const resolver = config.places;
    if (resolver === null) return;
    const countryCache = new Map<string, string | null>();
    const countryOf = (name: string): string | null => {
      let v = countryCache.get(name);
      if (v === undefined) {
        // Only a name the gazetteer has as a country entry ("Ruritania", "U.S."), not a town.
        const link: PlaceLink | null = resolver.resolve(name, { cue: null, countries: [] });
        countryCache.set(name, (v = link?.kind === 'country' && link.gazetteerId !== null ? link.countryCode : null));
      }
      return v;
    };
    // A name recurs in many documents: split each written form once.
    const qualifiers = new Map<string, { country: string; bare: string } | null>();
    const qualifier = (display: string): { country: string; bare: string } | null => {
      let v = qualifiers.get(display);
      if (v !== undefined) return v;
      v = null;
      const words = display.split(' ');
      for (let k = 1; k <= Math.min(3, words.length - 1); k++) {
        const country = countryOf(words.slice(0, k).join(' '));
        if (country === null) continue;
        const bare = surface(words.slice(k).join(' '), 'ORGANIZATION');
        if (bare.tokens.length > 0 && bare.acronym === null) v = { country, bare: bare.loose };
        break;
      }
      qualifiers.set(display, v);
      return v;
    };
    // Bare name (loose key) -> the countries that qualify it in the run, and one qualified node per country.
    const qualified = new Map<string, Map<string, Node>>();
    const docCountries = new Map<string, Set<string>>();
    const about = (docId: string): Set<string> => {
      let s = docCountries.get(docId);
      if (s === undefined) docCountries.set(docId, (s = new Set()));
      return s;
    };
    for (const n of nodes) {
      if (n.type === 'PLACE' && n.link?.countryCode != null) about(n.docId).add(n.link.countryCode);
      if (n.type !== 'ORGANIZATION' || n.surf.acronym !== null || n.surf.tokens.length < 2) continue;
      const q = qualifier(n.surf.display);
      if (q === null) continue;
      let byCountry = qualified.get(q.bare);
      if (byCountry === undefined) qualified.set(q.bare, (byCountry = new Map()));
      if (!byCountry.has(q.country)) byCountry.set(q.country, n);
      about(n.docId).add(q.country);
    }
    if (qualified.size === 0) return;
    // The bare forms by cluster: a cluster joins only when every document it has the bare form in
    // is about the country (the same bare name in two documents is already one cluster).
    const bareByRoot = new Map<number, Node[]>();
    for (const list of byDoc.values()) {
      for (const b of list) {
        if (b.type !== 'ORGANIZATION' || b.surf.acronym !== null || qualified.get(b.surf.loose)?.size !== 1) continue;
        const r = find(b.index);
        const bare = bareByRoot.get(r);
        if (bare === undefined) bareByRoot.set(r, [b]);
        else bare.push(b);
      }
    }
    for (const bare of bareByRoot.values()) {
      const [country, q] = [...qualified.get(bare[0]!.surf.loose)!.entries()][0]!;
      if (bare.every((b) => about(b.docId).has(country))) union(q, bare[0]!, 'country-qualified', 0.85, null);
    }
  },
};
