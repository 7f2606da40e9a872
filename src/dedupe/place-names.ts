import { bareLink } from '../geo/bare-link.js';
import type { PlaceResolver } from '../geo/types.js';
import type { DedupeState, Node } from './state.js';

/** Whether a name as written is a place the gazetteer knows (with no kind word and no country context). */
export function isPlaceName(places: PlaceResolver | null, name: string): boolean {
  return places !== null && bareLink(places, name) !== null;
}

const placeKeys = new WeakMap<readonly Node[], Set<string>>();

/**
 * An organization named by a place alone, which the run also writes as that place: a town's
 * club, team or council ("Velmora beat Dunmore 3-1" beside "flooding in Velmora"). Which body
 * such a name means changes from story to story, even within one results table, so the name is
 * no evidence across documents. A company that shares a town's name but is never written as a
 * place in the run keeps its joins. The place keys of the run are built once per state.
 */
export function isPlaceNamedOrganization(state: Pick<DedupeState, 'config' | 'nodes'>, n: Node): boolean {
  // Written in capitals too ("VELMORA 5 Dunmore 3" in a results table), which the name cleaning reads as an acronym.
  if (n.type !== 'ORGANIZATION' || n.surf.cue !== null || n.surf.loose === '') return false;
  let keys = placeKeys.get(state.nodes);
  if (keys === undefined) {
    keys = new Set();
    for (const p of state.nodes) if (p.type === 'PLACE' && p.surf.cue === null && !p.virtual) keys.add(p.surf.loose);
    placeKeys.set(state.nodes, keys);
  }
  return keys.has(n.surf.loose) && isPlaceName(state.config.places, n.surf.display);
}
