/**
 * One type per name over the whole run, decided before the nodes are blocked by type: the
 * recognizer labels each document on its own, so one company can be an organization in one
 * article and a person in the next ("X Grumman said"), and blocking by type then keeps it in two
 * rows. The type most mentions of the name carry wins; mentions keep their own type in the
 * mentions table, only the entity is typed once. A tie changes nothing.
 *
 * Person and organization labels are always pooled. A place label takes part only when the name
 * is a country the gazetteer knows ("U.S." written as a modifier is often typed an organization):
 * a town and the team or company named after it ("X City" and "X City" the club) are two entities.
 */
import type { PlaceResolver } from '../geo/types.js';
import { surface } from '../names/normalize.js';
import type { EntityType, ProcessedDoc } from '../types.js';

/** The name's type over the run, for a mention written `text` and typed `type` in its document. */
export type RunType = (text: string, type: EntityType) => EntityType;

export function runTypes(docs: Iterable<ProcessedDoc>, places: PlaceResolver | null): RunType {
  // The same few thousand names recur in a million mentions: clean and look up each written form once.
  const keys = new Map<string, string>();
  const key = (text: string): string => {
    let k = keys.get(text);
    if (k === undefined) keys.set(text, (k = surface(text, 'ORGANIZATION').norm));
    return k;
  };
  const countries = new Map<string, boolean>();
  const isCountry = (text: string): boolean => {
    if (places === null) return false;
    let v = countries.get(text);
    if (v === undefined) {
      const link = places.resolve(surface(text, 'PLACE').display, { cue: null, countries: [] });
      countries.set(text, (v = link !== null && link.kind === 'country' && link.gazetteerId !== null));
    }
    return v;
  };
  const pooled = (text: string, type: EntityType): boolean => type !== 'PLACE' || isCountry(text);
  const counts = new Map<string, Map<EntityType, number>>();
  for (const doc of docs) {
    for (const m of doc.entities) {
      if (!pooled(m.text, m.type)) continue;
      const k = key(m.text);
      if (k === '') continue;
      let byType = counts.get(k);
      if (byType === undefined) counts.set(k, (byType = new Map()));
      byType.set(m.type, (byType.get(m.type) ?? 0) + 1);
    }
  }
  const winner = new Map<string, EntityType>();
  for (const [k, byType] of counts) {
    if (byType.size < 2) continue;
    const ranked = [...byType.entries()].sort((a, b) => b[1] - a[1]);
    if (ranked[0]![1] > ranked[1]![1]) winner.set(k, ranked[0]![0]);
  }
  if (winner.size === 0) return (_, type) => type;
  return (text, type) => (pooled(text, type) ? winner.get(key(text)) ?? type : type);
}
