import type { Doc } from '../../types.js';
import { institutionWords } from '../cues.js';
import { gaz } from '../gazetteer.js';
import { type Draft } from './draft.js';
import { defineRule } from './rule.js';
import { orgHeadSet, placeHeadSet } from './words.js';
import { tokText, isCapitalized } from './tokens.js';

const institutionSet = new Set(institutionWords);

/**
 * The head word decides the type of a multi-word name: "... Ministry", "... Front", "... Inc"
 * make an organization, "... Province", "... River" a place (a cue word ending a one-word
 * mention, like "Front" alone, proves nothing). Person names are left alone unless they end in
 * a company suffix.
 */
export function typeByHeadWord(doc: Doc, drafts: Draft[], gz: Uint16Array): Draft[] {
  for (const d of drafts) {
    if (d.b - d.a < 2 || !isCapitalized(doc, d.b - 1)) continue;
    const head = tokText(doc, d.b - 1).toLowerCase();
    if (gz[d.b - 1]! & gaz.ORG_SUFFIX) d.type = 'ORGANIZATION';
    else if (d.type === 'PERSON') {
      // A long "person" with an institution inside ("... Memorial Hospital Ruriton") is one.
      if (d.b - d.a < 3) continue;
      for (let i = d.a + 1; i < d.b; i++) if (isCapitalized(doc, i) && institutionSet.has(tokText(doc, i).toLowerCase())) d.type = 'ORGANIZATION';
      continue;
    }
    else if (orgHeadSet.has(head)) d.type = 'ORGANIZATION';
    else if (placeHeadSet.has(head)) d.type = 'PLACE';
  }
  return drafts;
}

export const typeByHeadWordRule = defineRule('type-by-head-word', (s, { doc, gz }) => {
  s.drafts = typeByHeadWord(doc, s.drafts, gz);
});
