import { alikeByInitials } from '../match.js';
import { variantScore } from '../../names/variants.js';
import type { CorpusPhase } from '../phase.js';

/**
 * Proposes joining a multi-word name to the one cluster of its type holding an acronym of its
 * initials, when that cluster also has a long form that fits the name (a bare acronym is weak
 * evidence across documents: many names share initials). Joined by join-proposed-merges.
 */
export const crossDocumentAcronyms: CorpusPhase = {
  name: 'cross-document-acronyms',
  scope: 'corpus',
  run({ nodes, parent, initials, clusterOf, roots, proposed }) {
    const acronymOwners = new Map<string, number[]>();
    for (const r of roots()) {
      for (const a of clusterOf(r).acronyms) {
        const owners = acronymOwners.get(a);
        if (owners === undefined) acronymOwners.set(a, [r]);
        else owners.push(r);
      }
    }
    for (const r of roots()) {
      const c = clusterOf(r);
      const type = nodes[c.nodes[0]!]!.type;
      for (const ni of c.nodes) {
        const f = nodes[ni]!;
        if (f.surf.acronym !== null || f.surf.tokens.length < 2) continue;
        const owners = new Set<number>();
        for (const ini of initials(f.surf)) {
          for (const o of acronymOwners.get(ini) ?? []) if (o !== r && nodes[o]!.type === type) owners.add(o);
        }
        if (owners.size !== 1) continue;
        const o = [...owners][0]!;
        if (parent[o] !== o) continue;
        const other = clusterOf(o);
        const longForms = [...other.forms.values()].filter((s) => s.acronym === null && s.tokens.length >= 2);
        // A bare acronym seen nowhere with its long form is not evidence enough across documents
        // ("GM" could be any company of those initials): it needs a long form that fits this name.
        if (!longForms.some((s) => variantScore(s, f.surf) > 0 || alikeByInitials(s, f.surf, initials))) continue;
        const acr = other.nodes.map((i) => nodes[i]!).find((n) => n.surf.acronym !== null)!;
        proposed.push({ a: f, b: acr, rule: 'acronym-initials', score: 0.8 });
      }
    }
  },
};
