import type { Doc } from '../../types.js';
import { splitTitles, titleModifiers } from '../cues.js';
import { gaz } from '../gazetteer.js';
import { type Draft } from './draft.js';
import { defineRule } from './rule.js';
import { honorificSet, titleSet, orgCueSet, PLACE_BITS } from './words.js';
import { tokText, isCapitalized, lowerNoDot } from './tokens.js';

const splitTitleSet = new Set(splitTitles);
const modifierSet = new Set(titleModifiers);

/**
 * Splits a mention at a title written before a name: "Foreign Minister Jane Doe" (tagged as one
 * span of any type) becomes PERSON "Jane Doe" with role "Foreign Minister"; a place or
 * organization before the title stays a mention of its own ("Ruritanian Ambassador",
 * "U.S. Cardinal John Roe" -> PLACE "U.S." + PERSON "John Roe", role "Cardinal"). A span not
 * tagged PERSON is split only when a word after the title is a known given name.
 */
export function splitAtTitles(doc: Doc, drafts: Draft[], gz: Uint16Array): Draft[] {
  const low = (i: number): string => lowerNoDot(tokText(doc, i));
  const out: Draft[] = [];
  for (const d of drafts) {
    let t = -1;
    for (let i = d.b - 2; i >= d.a; i--) {
      if (splitTitleSet.has(low(i)) && isCapitalized(doc, i)) {
        t = i;
        break;
      }
    }
    if (t < 0) {
      out.push(d);
      continue;
    }
    let rs = t;
    while (rs - 1 >= d.a && isCapitalized(doc, rs - 1) && (modifierSet.has(low(rs - 1)) || splitTitleSet.has(low(rs - 1)))) rs--;
    if (rs - 1 >= d.a && gz[rs - 1]! & gaz.DEMONYM) rs--;
    let re = t + 1;
    if (re + 1 < d.b && low(re) === 'of' && (modifierSet.has(low(re + 1)) || orgCueSet.has(low(re + 1)))) re += 2;
    while (re < d.b - 1 && honorificSet.has(tokText(doc, re).toLowerCase())) re++;
    if (re >= d.b || !isCapitalized(doc, re)) {
      out.push(d);
      continue;
    }
    let named = d.type === 'PERSON';
    for (let i = re; i < d.b && !named; i++) if (gz[i]! & gaz.NAME) named = true;
    if (gz[d.b - 1]! & (gaz.ORG_CUE | gaz.ORG_SUFFIX | gaz.PLACE_CUE)) named = false;
    if (!named) {
      out.push(d);
      continue;
    }
    if (rs > d.a) {
      // What stands before the role is a place when a gazetteer knows a word of it or its head
      // is a place word ("Ruriton County"), else the office's organization.
      let place = (gz[rs - 1]! & gaz.PLACE_CUE) !== 0 && isCapitalized(doc, rs - 1);
      for (let i = d.a; i < rs; i++) if (gz[i]! & PLACE_BITS) place = true;
      out.push({ a: d.a, b: rs, type: place ? 'PLACE' : d.type === 'PERSON' ? 'ORGANIZATION' : d.type, confidence: d.confidence });
    }
    // "Chief of Staff Jane Roe" with only "Staff Jane Roe" tagged: the role takes in "Chief of".
    let roleStart = rs;
    if (rs === d.a && rs >= 2 && tokText(doc, rs - 1) === 'of' && isCapitalized(doc, rs - 2) && (titleSet.has(low(rs - 2)) || splitTitleSet.has(low(rs - 2)))) roleStart = rs - 2;
    const role = doc.text.slice(doc.tokens[roleStart]!.start, doc.tokens[re - 1]!.end);
    out.push({ a: re, b: d.b, type: 'PERSON', confidence: d.confidence, role });
  }
  return out;
}

export const splitAtTitlesRule = defineRule('split-at-titles', (s, { doc, gz }) => {
  s.drafts = splitAtTitles(doc, s.drafts, gz);
});
