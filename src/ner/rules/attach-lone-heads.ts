import type { Doc } from '../../types.js';
import { type Draft } from './draft.js';
import { defineRule } from './rule.js';
import { orgHeadSet, placeHeadSet } from './words.js';
import { tokText, isCapitalized } from './tokens.js';

/**
 * A head word standing alone ("Province", "Ministry") right after a name was cut from it: it
 * rejoins that name. (Elsewhere it may be a name of its own: "the Gulf".)
 */
export function attachLoneHeads(doc: Doc, drafts: Draft[]): Draft[] {
  const out: Draft[] = [];
  for (const d of drafts) {
    const lone = d.b === d.a + 1 && isCapitalized(doc, d.a) && /\p{Ll}/u.test(tokText(doc, d.a));
    const word = lone ? tokText(doc, d.a).toLowerCase() : '';
    if (!lone || !(placeHeadSet.has(word) || orgHeadSet.has(word))) {
      out.push(d);
      continue;
    }
    const last = out[out.length - 1];
    if (last !== undefined && last.b === d.a) last.b = d.b;
    else out.push(d);
  }
  return out;
}

export const attachLoneHeadsRule = defineRule('attach-lone-heads', (s, { doc }) => {
  s.drafts = attachLoneHeads(doc, s.drafts);
});
