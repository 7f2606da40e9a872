import { nameParticles } from '../../names/normalize.js';
import { givenName, isFullName, loneWord } from '../match.js';
import type { CorpusPhase } from '../phase.js';
import { round, type Node } from '../state.js';

/**
 * Proposes joining a person cluster without a full name (a lone surname, "Mr. Doe") to the one
 * full name in the run with that surname, or a spelling of it (never a merely similar one, never a
 * word that is somebody's given name); a cluster with a full name only looks for a longer one
 * ("Ana Ruiz" -> "Ana Maria Ruiz"). Joined by join-proposed-merges.
 */
export const crossDocumentSurnames: CorpusPhase = {
  name: 'cross-document-surnames',
  scope: 'corpus',
  run({ nodes, shortScore, find, clusterOf, roots, proposed }) {
    const givenNames = new Set<string>();
    for (const n of nodes) {
      if (n.type !== 'PERSON' || n.weak) continue;
      const given = givenName(n.surf);
      if (given !== null) givenNames.add(given);
    }
    // Full person names indexed by the skeleton of their last word: a short form shares it.
    // A cluster that has a full name only looks for a longer one ("Ana Ruiz" -> "Ana Maria
    // Ruiz"); its own short forms are explained by its full name already.
    const fullByLast = new Map<string, Map<string, Node[]>>();
    const longerByLast = new Map<string, Map<string, Node[]>>();
    const index = (map: Map<string, Map<string, Node[]>>, n: Node) => {
      const bucket = map.get(n.surf.last) ?? new Map<string, Node[]>();
      map.set(n.surf.last, bucket);
      const same = bucket.get(n.surf.norm);
      if (same === undefined) bucket.set(n.surf.norm, [n]);
      else same.push(n);
    };
    for (const n of nodes) {
      if (n.type !== 'PERSON' || !isFullName(n.surf)) continue;
      index(fullByLast, n);
      if (n.surf.groups.filter((g) => !nameParticles.has(g)).length >= 3) index(longerByLast, n);
    }
    for (const r of roots()) {
      const c = clusterOf(r);
      if (nodes[c.nodes[0]!]!.type !== 'PERSON') continue;
      const fits = new Map<number, { a: Node; b: Node; score: number }>();
      const seenForms = new Set<string>();
      const hasFull = [...c.forms.values()].some(isFullName);
      for (const ni of c.nodes) {
        const s = nodes[ni]!;
        if (seenForms.has(s.surf.norm) || (hasFull && !isFullName(s.surf))) continue;
        seenForms.add(s.surf.norm);
        // A lone word that is somebody's given name could be either: it stays where it is.
        const word = loneWord(s.surf);
        if (word !== null && givenNames.has(word)) continue;
        const targets = hasFull ? longerByLast : fullByLast;
        for (const same of (targets.get(s.surf.last) ?? new Map<string, Node[]>()).values()) {
          // Across documents only the same surname (or a spelling of it) counts, not a near one.
          const score = shortScore(s.surf, same[0]!.surf);
          if (score < 0.9) continue;
          for (const f of same) {
            const fr = find(f.index);
            if (fr !== r && (fits.get(fr)?.score ?? 0) < score) fits.set(fr, { a: f, b: s, score });
          }
        }
      }
      if (fits.size === 1) {
        const fit = [...fits.values()][0]!;
        proposed.push({ ...fit, rule: 'short-form', score: round(fit.score * 0.9) });
      }
    }
  },
};
