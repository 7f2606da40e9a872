import type { Doc, EntityType } from '../../types.js';
import { gaz } from '../gazetteer.js';
import { type Draft } from './draft.js';
import { defineRule } from './rule.js';
import { PLACE_BITS } from './words.js';
import { tokText, isWord } from './tokens.js';

/**
 * A dash with a space on each side separates names, it does not join them: a span the tagger ran
 * over one ("Velmar - Ana Dask" in a list of scorers, "Port Ruy - Zentor" for a company and its
 * home town) is cut there into its parts; not when each part is one word and none a country,
 * capital or big city ("Zal - Mort" in text written with spaces around every hyphen). When the
 * first part is a place the gazetteer knows, it is a place and the parts after it persons (the
 * lists of scorers by country); otherwise every part keeps the span's type. Parts with no word
 * are dropped. Glued hyphens ("Smith-Jones") are not touched.
 */
export function splitAtSpacedDashes(doc: Doc, drafts: Draft[], gz: Uint16Array): Draft[] {
  const spaced = (i: number): boolean =>
    /^[-–—]$/u.test(tokText(doc, i)) && i > 0 && i + 1 < doc.tokens.length && doc.tokens[i - 1]!.end < doc.tokens[i]!.start && doc.tokens[i]!.end < doc.tokens[i + 1]!.start;
  let any = false;
  for (const d of drafts) for (let i = d.a + 1; i < d.b - 1 && !any; i++) any = spaced(i);
  if (!any) return drafts;
  const placeAt = (a: number, b: number): boolean => {
    for (let i = a; i < b; i++) if (gz[i]! & PLACE_BITS) return true;
    return false;
  };
  const BIG = gaz.COUNTRY | gaz.CAPITAL | gaz.CITY_BIG | gaz.REGION;
  const out: Draft[] = [];
  for (const d of drafts) {
    const parts: Array<{ a: number; b: number }> = [];
    let a = d.a;
    for (let i = d.a + 1; i < d.b - 1; i++) {
      if (!spaced(i)) continue;
      parts.push({ a, b: i });
      a = i + 1;
    }
    parts.push({ a, b: d.b });
    const kept = parts.filter((p) => {
      for (let k = p.a; k < p.b; k++) if (isWord(doc, k)) return true;
      return false;
    });
    // One word on each side is rather one name written with spaces around its hyphen ("Zal -
    // Mort" in pre-tokenized text), unless one of them is a country, a capital or a big city.
    const whole = parts.length === 1 || (kept.every((p) => p.b - p.a === 1) && !kept.some((p) => gz[p.a]! & BIG));
    if (whole) {
      out.push(d);
      continue;
    }
    // "Country - Scorer", "Home Town - Company": after a place, a part names what belongs there.
    const firstIsPlace = kept.length > 0 && kept[0]!.a === d.a && placeAt(kept[0]!.a, kept[0]!.b);
    kept.forEach((p, k) => {
      const type: EntityType = firstIsPlace ? (k === 0 ? 'PLACE' : 'PERSON') : d.type;
      out.push({ a: p.a, b: p.b, type, confidence: d.confidence });
    });
  }
  return out;
}

export const splitAtSpacedDashesRule = defineRule('split-at-spaced-dashes', (s, { doc, gz }) => {
  s.drafts = splitAtSpacedDashes(doc, s.drafts, gz);
});
