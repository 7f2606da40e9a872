import { nameVariantScore } from '../../names/variants.js';
import type { CorpusPhase } from '../phase.js';
import { isPlaceNamedOrganization } from '../place-names.js';
import { ScoredPairs } from '../scored-pairs.js';
import { compare, type Node } from '../state.js';
import type { EntityType } from '../../types.js';

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
    // Blocks by type, then skeleton, with no key string made per node (this phase runs over every
    // node of the run: about 700,000 at 10M tokens, and its garbage was the dedupe's peak).
    const blocks = new Map<EntityType, Map<string, Node[]>>();
    for (const n of nodes) {
      if (n.weak || n.surf.tokens.length === 0 || isPlaceNamedOrganization(state, n)) continue;
      let ofType = blocks.get(n.type);
      if (ofType === undefined) blocks.set(n.type, (ofType = new Map()));
      const block = ofType.get(n.surf.skeleton);
      if (block === undefined) ofType.set(n.surf.skeleton, [n]);
      else block.push(n);
    }
    // Candidate pairs in typed arrays, not an object each (about one pair per node: 650,000 at 10M tokens).
    const candidates = new ScoredPairs();
    const pair = (a: Node, b: Node, score: number): void => candidates.push(a.index, b.index, score);
    // Types, then skeletons, in code-unit order: the order of the key "type NUL skeleton".
    for (const type of [...blocks.keys()].sort(compare)) {
      const ofType = blocks.get(type)!;
      for (const skeleton of [...ofType.keys()].sort(compare)) {
        const block = ofType.get(skeleton)!;
        // Compare distinct forms only: a block can hold the same name from thousands of documents.
        // Nodes of one cleaned form and kind, the groups in the order first seen.
        const byNorm = new Map<string, Map<string, Node[]>>();
        const groups: Node[][] = [];
        for (const n of block) {
          let byKind = byNorm.get(n.surf.norm);
          if (byKind === undefined) byNorm.set(n.surf.norm, (byKind = new Map()));
          const kind = n.kind ?? '';
          const list = byKind.get(kind);
          if (list === undefined) {
            const made = [n];
            byKind.set(kind, made);
            groups.push(made);
          } else list.push(n);
        }
        for (const g of groups) for (let i = 1; i < g.length; i++) pair(g[0]!, g[i]!, 1);
        for (let i = 0; i < groups.length; i++) {
          for (let j = i + 1; j < groups.length; j++) {
            const a = groups[i]![0]!;
            const b = groups[j]![0]!;
            if ((a.surf.acronym !== null || b.surf.acronym !== null) && a.surf.norm !== b.surf.norm) continue;
            const score = nameVariantScore(a.surf, b.surf, a.type);
            if (score > 0) pair(a, b, score);
          }
        }
      }
    }
    blocks.clear();
    // Two forms the recognizer typed differently meet here only because run-types.ts gave the name one type.
    const rule = (a: Node, b: Node) => (a.typedAs !== b.typedAs ? 'run-type' : a.surf.norm === b.surf.norm ? 'exact' : 'variant');
    for (const e of candidates.order()) {
      const a = nodes[candidates.a(e)]!;
      const b = nodes[candidates.b(e)]!;
      union(a, b, rule(a, b), candidates.score(e), null);
    }
  },
};
