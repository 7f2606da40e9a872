import type { Doc } from '../../types.js';
import { gaz } from '../gazetteer.js';
import { type Draft } from './draft.js';
import { defineRule } from './rule.js';
import { PLACE_BITS } from './words.js';
import { tokText } from './tokens.js';

/**
 * Lower-case nouns of facilities, services and divisions that a place name modifies ("the Ruriton
 * hospital", "Ruriton police", "the Ruriton border").
 */
const facilityNouns = new Set([
  'hospital', 'airport', 'police', 'province', 'district', 'border', 'city', 'town', 'village',
  'region', 'county', 'area', 'port', 'prison', 'jail', 'bazaar', 'market', 'highway', 'outskirts',
]);

/**
 * A single proper name typed ORGANIZATION right before a lower-case facility noun ("outside the
 * Ruriton hospital") is a PLACE when the gazetteer knows it as a city, region or country and not
 * as a given name (unless a country or large city), it is not written in capitals (an acronym),
 * and no other mention of it in the document is an organization.
 */
export function placeBeforeFacility(doc: Doc, drafts: Draft[], sentOf: Int32Array, gz: Uint16Array): Draft[] {
  const n = doc.tokens.length;
  const keyOf = (d: Draft): string => doc.text.slice(doc.tokens[d.a]!.start, doc.tokens[d.b - 1]!.end);
  const modifies = (d: Draft): boolean => d.b === d.a + 1 && d.b < n && sentOf[d.b] === sentOf[d.a] && facilityNouns.has(tokText(doc, d.b));
  const orgElsewhere = new Set<string>();
  for (const d of drafts) if (d.type === 'ORGANIZATION' && !modifies(d)) orgElsewhere.add(keyOf(d));
  for (const d of drafts) {
    if (d.type !== 'ORGANIZATION' || !modifies(d) || !/\p{Ll}/u.test(tokText(doc, d.a))) continue;
    const g = gz[d.a]!;
    if (!(g & PLACE_BITS) || g & (gaz.ORG_CUE | gaz.ORG_SUFFIX)) continue;
    if (g & gaz.NAME && !(g & (gaz.COUNTRY | gaz.CAPITAL | gaz.CITY_BIG))) continue;
    if (orgElsewhere.has(keyOf(d))) continue;
    d.type = 'PLACE';
  }
  return drafts;
}

export const placeBeforeFacilityRule = defineRule('place-before-facility', (s, { doc, sentOf, gz }) => {
  s.drafts = placeBeforeFacility(doc, s.drafts, sentOf, gz);
});
