import type { Doc, EntityType } from '../../types.js';
import { type Draft } from './draft.js';
import { defineRule } from './rule.js';

/**
 * One type per surface string in a document: mentions of the same string that the tagger typed
 * differently vote with their confidence; a mention takes the winning type unless it is itself
 * confident (a team named after its city and the city can then keep apart, as in the data).
 */
export function oneLabelPerName(doc: Doc, drafts: Draft[], keepAbove = 1e9): Draft[] {
  const votes = new Map<string, Map<EntityType, number>>();
  const keyOf = (d: Draft): string => doc.text.slice(doc.tokens[d.a]!.start, doc.tokens[d.b - 1]!.end);
  const keys = drafts.map(keyOf);
  drafts.forEach((d, i) => {
    let v = votes.get(keys[i]!);
    if (v === undefined) votes.set(keys[i]!, (v = new Map()));
    v.set(d.type, (v.get(d.type) ?? 0) + d.confidence);
  });
  drafts.forEach((d, i) => {
    const v = votes.get(keys[i]!)!;
    if (v.size < 2 || d.longForm !== undefined || d.confidence > keepAbove) return;
    let best: EntityType = d.type;
    let bestVotes = -1;
    for (const [t, c] of v) {
      if (c > bestVotes) {
        best = t;
        bestVotes = c;
      }
    }
    d.type = best;
  });
  return drafts;
}

export const oneLabelPerNameRule = defineRule('one-label-per-name', (s, { doc, keepAbove }) => {
  s.drafts = oneLabelPerName(doc, s.drafts, keepAbove);
});
