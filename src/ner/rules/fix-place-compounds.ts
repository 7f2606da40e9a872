import type { Doc } from '../../types.js';
import type { PlaceResolver } from '../../geo/types.js';
import { gaz } from '../gazetteer.js';
import { type Draft } from './draft.js';
import { defineRule } from './rule.js';
import { placeHeadSet } from './words.js';
import { tokText, glued, isRegionName } from './tokens.js';

/**
 * Place names the tagger cut or glued: "X and Y Province" (or "X and Y province") is one region
 * when neither part is a country; "Ruritania-Valdoria" made of two countries is two places
 * ("the Ruritania-Valdoria border") unless `places` knows the whole as one name.
 */
export function fixPlaceCompounds(doc: Doc, drafts: Draft[], sentOf: Int32Array, gz: Uint16Array, places?: PlaceResolver): Draft[] {
  const n = doc.tokens.length;
  const COUNTRYISH = gaz.COUNTRY | gaz.CAPITAL;
  const anyBits = (d: Draft, bits: number): boolean => {
    for (let i = d.a; i < d.b; i++) if (gz[i]! & bits) return true;
    return false;
  };
  const out: Draft[] = [];
  for (const d of drafts) {
    const last = out[out.length - 1];
    if (
      last !== undefined && last.type === 'PLACE' && d.type === 'PLACE' && d.a === last.b + 1 && sentOf[d.a] === sentOf[last.a] &&
      tokText(doc, last.b) === 'and' && !anyBits(last, COUNTRYISH) && !anyBits(d, COUNTRYISH) &&
      (placeHeadSet.has(tokText(doc, d.b - 1).toLowerCase()) || (d.b < n && sentOf[d.b] === sentOf[d.a] && placeHeadSet.has(tokText(doc, d.b).toLowerCase())))
    ) {
      last.b = d.b;
      last.confidence = Math.min(last.confidence, d.confidence);
      continue;
    }
    // Two countries joined by a hyphen, unless the whole is itself one country's name ("Guinea-Bissau").
    if (
      d.type === 'PLACE' && d.b - d.a === 3 && tokText(doc, d.a + 1) === '-' && glued(doc, d.a) && glued(doc, d.a + 1) &&
      gz[d.a]! & COUNTRYISH && gz[d.a + 2]! & COUNTRYISH &&
      !(places !== undefined && isRegionName(places, doc.text.slice(doc.tokens[d.a]!.start, doc.tokens[d.b - 1]!.end)))
    ) {
      out.push({ ...d, b: d.a + 1 }, { ...d, a: d.a + 2 });
      continue;
    }
    out.push(d);
  }
  return out;
}

export const fixPlaceCompoundsRule = defineRule('fix-place-compounds', (s, { doc, sentOf, gz, places }) => {
  s.drafts = fixPlaceCompounds(doc, s.drafts, sentOf, gz, places);
});
