import type { Doc } from '../../types.js';
import { gaz } from '../gazetteer.js';
import { type Draft } from './draft.js';
import { defineRule } from './rule.js';
import { isCapitalized } from './tokens.js';

/**
 * A person span that starts with a country ("... Minister of Ruritania Ivan Petrov" tagged as
 * "Ruritania Ivan Petrov") is a place and a person; a country that is also a given name
 * ("Jordan") is left alone.
 */
export function splitLeadingPlace(doc: Doc, drafts: Draft[], gz: Uint16Array): Draft[] {
  const out: Draft[] = [];
  for (const d of drafts) {
    const g = gz[d.a]!;
    if (d.type === 'PERSON' && d.b - d.a >= 2 && g & (gaz.COUNTRY | gaz.CAPITAL) && !(g & gaz.NAME) && isCapitalized(doc, d.a + 1)) {
      out.push({ a: d.a, b: d.a + 1, type: 'PLACE', confidence: d.confidence });
      out.push({ ...d, a: d.a + 1 });
    } else out.push(d);
  }
  return out;
}

export const splitLeadingPlaceRule = defineRule('split-leading-place', (s, { doc, gz }) => {
  s.drafts = splitLeadingPlace(doc, s.drafts, gz);
});
