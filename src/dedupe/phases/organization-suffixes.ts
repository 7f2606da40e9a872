import { organizationCore } from '../../names/organization.js';
import type { CorpusPhase } from '../phase.js';
import { isPlaceNamedOrganization } from '../place-names.js';
import { compare, type Node } from '../state.js';

/**
 * Organizations whose names differ only by a legal designator or generic head ("X Holdings PLC",
 * "X Group", "X Motor Company") join each other and the bare name ("X") anywhere in the run.
 * The designators are listed in src/names/organization.ts. A bare name that is a place ("X" for
 * a town) is left out: the town's clubs and firms share it.
 */
export const organizationSuffixes: CorpusPhase = {
  name: 'organization-suffixes',
  scope: 'corpus',
  run(state) {
    const { nodes, union } = state;
    const byCore = new Map<string, { suffixed: Node[]; bare: Node[] }>();
    const group = (k: string) => {
      let g = byCore.get(k);
      if (g === undefined) byCore.set(k, (g = { suffixed: [], bare: [] }));
      return g;
    };
    for (const n of nodes) {
      if (n.type !== 'ORGANIZATION' || n.surf.tokens.length === 0) continue;
      const core = organizationCore(n.surf);
      if (core !== null) group(core).suffixed.push(n);
    }
    for (const n of nodes) {
      if (n.type !== 'ORGANIZATION' || n.surf.tokens.length === 0 || isPlaceNamedOrganization(state, n)) continue;
      const g = byCore.get(n.surf.loose);
      if (g !== undefined) g.bare.push(n);
    }
    for (const [, g] of [...byCore.entries()].sort((p, q) => compare(p[0], q[0]))) {
      const [first, ...rest] = [...g.suffixed, ...g.bare].sort((a, b) => a.index - b.index);
      for (const n of rest) union(first!, n, 'org-suffix', 0.9, null);
    }
  },
};
