import { nameVariantScore } from '../../names/variants.js';
import type { CorpusPhase } from '../phase.js';
import { isPlaceNamedOrganization } from '../place-names.js';
import { compare, type Node } from '../state.js';

/**
 * Across documents, the same name and its spelling variants join, blocked by type and consonant
 * skeleton; the strongest pairs first. Short forms already resolved in their document stay out,
 * and so does an organization named by a place alone (a town's club, team or council: which one
 * changes from story to story, so the same name in two documents is no evidence of one body).
 */
export const crossDocumentVariants: CorpusPhase = {
  name: 'cross-document-variants',
  scope: 'corpus',
  run(state) {
    const { nodes, union } = state;
    const blocks = new Map<string, Node[]>();
    for (const n of nodes) {
      if (n.weak || n.surf.tokens.length === 0 || isPlaceNamedOrganization(state, n)) continue;
      const k = `${n.type}\u0000${n.surf.skeleton}`;
      const block = blocks.get(k);
      if (block === undefined) blocks.set(k, [n]);
      else block.push(n);
    }
    const edges: Array<{ a: Node; b: Node; score: number }> = [];
    for (const block of [...blocks.entries()].sort((p, q) => compare(p[0], q[0])).map(([, v]) => v)) {
      // Compare distinct forms only: a block can hold the same name from thousands of documents.
      const byNorm = new Map<string, Node[]>();
      for (const n of block) {
        const k = `${n.surf.norm}\u0000${n.kind ?? ''}`;
        const list = byNorm.get(k);
        if (list === undefined) byNorm.set(k, [n]);
        else list.push(n);
      }
      const groups = [...byNorm.values()];
      for (const g of groups) for (let i = 1; i < g.length; i++) edges.push({ a: g[0]!, b: g[i]!, score: 1 });
      for (let i = 0; i < groups.length; i++) {
        for (let j = i + 1; j < groups.length; j++) {
          const a = groups[i]![0]!;
          const b = groups[j]![0]!;
          if ((a.surf.acronym !== null || b.surf.acronym !== null) && a.surf.norm !== b.surf.norm) continue;
          const score = nameVariantScore(a.surf, b.surf, a.type);
          if (score > 0) edges.push({ a, b, score });
        }
      }
    }
    edges.sort((p, q) => q.score - p.score || p.a.index - q.a.index || p.b.index - q.b.index);
    // Two forms the recognizer typed differently meet here only because run-types.ts gave the name one type.
    const rule = (e: { a: Node; b: Node }) => (e.a.typedAs !== e.b.typedAs ? 'run-type' : e.a.surf.norm === e.b.surf.norm ? 'exact' : 'variant');
    for (const e of edges) union(e.a, e.b, rule(e), e.score, null);
  },
};
