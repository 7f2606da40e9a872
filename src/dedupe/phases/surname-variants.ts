import { looseKey, nameParticles } from '../../names/normalize.js';
import { givenName, isFullName } from '../match.js';
import type { CorpusPhase } from '../phase.js';
import type { Node } from '../state.js';

/**
 * Proposes joining a surname form to the one full name of the run whose surname it is, through
 * hyphen and spacing variants: "Zand-Karimi", "Zandkarimi" and "Mr. Zand Karimi" are all the
 * surname of "Dariush Zand-Karimi". A surname form is a lone word, or the words after an
 * honorific when the first of them is nobody's given name in the run. Its key is its spelling
 * with spaces and hyphens gone (`looseKey`), compared with every trailing part of each full
 * name; more than one person fitting (or a cluster that already has a full name) leaves it
 * alone. Joined by join-proposed-merges.
 */
export const surnameVariants: CorpusPhase = {
  name: 'surname-variants',
  scope: 'corpus',
  run({ nodes, find, clusterOf, proposed }) {
    const givenNames = new Set<string>();
    for (const n of nodes) {
      if (n.type !== 'PERSON' || n.weak || n.surf.honorific) continue;
      const given = givenName(n.surf);
      if (given !== null) givenNames.add(given);
    }
    // Each trailing part of each full name (as written without an honorific), by its loose key.
    const bySurname = new Map<string, Node[]>();
    for (const n of nodes) {
      if (n.type !== 'PERSON' || n.surf.honorific || !isFullName(n.surf)) continue;
      const t = n.surf.tokens;
      for (let i = 1; i < t.length; i++) {
        if (t.slice(i).every((w) => nameParticles.has(w))) continue;
        const k = looseKey(t.slice(i));
        const list = bySurname.get(k);
        if (list === undefined) bySurname.set(k, [n]);
        else if (!list.includes(n)) list.push(n);
      }
    }
    const surnameForm = (n: Node): boolean => {
      if (n.type !== 'PERSON' || n.weak || n.surf.tokens.length === 0) return false;
      const words = n.surf.groups.filter((g) => !nameParticles.has(g));
      if (words.length === 1) return !n.surf.honorific ? !givenNames.has(words[0]!) : true;
      return n.surf.honorific && words.length <= 3 && !givenNames.has(words[0]!);
    };
    // By cluster: one whose every form is a surname form, all of whose keys fit one other cluster.
    const byRoot = new Map<number, Node[]>();
    for (const s of nodes) {
      if (!surnameForm(s)) continue;
      const r = find(s.index);
      const list = byRoot.get(r);
      if (list === undefined) byRoot.set(r, [s]);
      else list.push(s);
    }
    for (const [own, forms] of byRoot) {
      if (clusterOf(own).nodes.length !== forms.length) continue;
      const fits = new Map<number, Node>();
      for (const key of new Set(forms.map((s) => s.surf.loose))) {
        for (const f of bySurname.get(key) ?? []) {
          const r = find(f.index);
          if (r !== own && (fits.get(r)?.index ?? Infinity) > f.index) fits.set(r, f);
        }
      }
      if (fits.size !== 1) continue;
      const f = [...fits.values()][0]!;
      const s = [...forms].sort((a, b) => a.index - b.index)[0]!;
      proposed.push({ a: f, b: s, rule: 'surname-variant', score: 0.85 });
    }
  },
};
