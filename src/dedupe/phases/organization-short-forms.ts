import type { CorpusPhase } from '../phase.js';
import { isPlaceName } from '../place-names.js';
import { compare, type Node } from '../state.js';

/**
 * A one-word organization ("the Fund", "the Agency") joins the one multi-word organization of the
 * run whose name ends in that word ("the International Relief Fund"), when nothing else claims
 * it: no other organization cluster ends in the word or starts with it, its own cluster has no
 * longer name already, and the word is not a place the gazetteer knows (a town's name is shared
 * by its clubs and firms). A long form that joins two names with "and" claims nothing.
 */
export const organizationShortForms: CorpusPhase = {
  name: 'organization-short-forms',
  scope: 'corpus',
  run({ config, nodes, find, clusterOf, union }) {
    // Clusters whose names end in a word (one node of each to join through), and that start with it.
    const ends = new Map<string, Map<number, Node>>();
    const starts = new Map<string, Set<number>>();
    for (const n of nodes) {
      // Whole words: a hyphenated compound ("X-Y") is one; a span of two names ("X and Y") claims nothing.
      if (n.type !== 'ORGANIZATION' || n.surf.acronym !== null || n.surf.groups.length < 2) continue;
      if (n.surf.tokens.includes('and')) continue;
      const r = find(n.index);
      const last = n.surf.groups.at(-1)!;
      let byRoot = ends.get(last);
      if (byRoot === undefined) ends.set(last, (byRoot = new Map()));
      if (!byRoot.has(r)) byRoot.set(r, n);
      const first = n.surf.groups[0]!;
      let roots = starts.get(first);
      if (roots === undefined) starts.set(first, (roots = new Set()));
      roots.add(r);
    }
    const joins: Array<[Node, Node]> = [];
    for (const s of nodes) {
      if (s.type !== 'ORGANIZATION' || s.surf.acronym !== null || s.surf.groups.length !== 1 || s.weak) continue;
      const word = s.surf.groups[0]!;
      const byRoot = ends.get(word);
      if (byRoot === undefined || byRoot.size !== 1) continue;
      const [root, long] = [...byRoot.entries()][0]!;
      if ([...(starts.get(word) ?? [])].some((r) => r !== root)) continue;
      // A word that is also a place ("X" of "X United", a town's club) is as likely the town's other club.
      if (isPlaceName(config.places, s.surf.display)) continue;
      const own = find(s.index);
      if (own === root || [...clusterOf(own).forms.values()].some((f) => f.groups.length > 1)) continue;
      joins.push([long, s]);
    }
    joins.sort((p, q) => p[1].index - q[1].index || compare(p[0].surf.norm, q[0].surf.norm));
    for (const [long, s] of joins) union(long, s, 'org-short-form', 0.8, null);
  },
};
