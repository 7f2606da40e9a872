import type { Doc } from '../../types.js';
import { companyHeads } from '../cues.js';
import { type Draft } from './draft.js';
import { defineRule } from './rule.js';
import { tokText, isCapitalized } from './tokens.js';

const companyHeadSet = new Set(companyHeads);

/**
 * A PERSON span of two or more words ending in a company word ("Roe Investments", "Doe
 * Partners Limited Partnership", "Acme S.A.") is an organization; so are the PERSON mentions
 * of its name without the company words in the same document ("Roe" after "Roe Investments").
 */
export function companyByHead(doc: Doc, drafts: Draft[]): Draft[] {
  const keyOf = (a: number, b: number): string => doc.text.slice(doc.tokens[a]!.start, doc.tokens[b - 1]!.end);
  const head = (i: number): boolean => isCapitalized(doc, i) && companyHeadSet.has(tokText(doc, i).toLowerCase().replace(/\./g, ''));
  const short = new Set<string>();
  for (const d of drafts) {
    if (d.type !== 'PERSON' || d.b - d.a < 2) continue;
    let b = d.b;
    while (b > d.a && (head(b - 1) || (tokText(doc, b - 1) === '.' && b - 1 > d.a))) b--;
    if (b === d.b || b === d.a) continue;
    d.type = 'ORGANIZATION';
    short.add(keyOf(d.a, b));
  }
  if (short.size > 0) for (const d of drafts) if (d.type === 'PERSON' && short.has(keyOf(d.a, d.b))) d.type = 'ORGANIZATION';
  return drafts;
}

export const companyByHeadRule = defineRule('company-by-head', (s, { doc }) => {
  s.drafts = companyByHead(doc, s.drafts);
});
