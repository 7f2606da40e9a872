import type { Doc } from '../../types.js';
import { companyHeads } from '../cues.js';
import { type Draft } from './draft.js';
import { defineRule } from './rule.js';
import { tokText, isCapitalized } from './tokens.js';
import { titleSet } from './words.js';

const companyHeadSet = new Set(companyHeads);
const placeLikeHeads = new Set(['bank', 'mills']);

/**
 * A PERSON span of two or more words ending in a company word ("Roe Investments", "Doe
 * Partners Limited Partnership", "Acme S.A.") is an organization; so are the PERSON mentions
 * of its name without the company words in the same document ("Roe" after "Roe Investments").
 * With `sentOf`, a capitalized title word the tagger left out right before such a name is taken
 * in ("General Motors", "Admiral Insurance" are companies, not a general and an admiral), and so
 * are company words left out right after a name ("Acme Computer", "Acme Inc."). A PLACE span
 * ending in a company word ("Zentor Airlines") is an organization too, unless the word is one
 * that also ends place names ("West Bank", "... Mills").
 */
export function companyByHead(doc: Doc, drafts: Draft[], sentOf?: Int32Array): Draft[] {
  const keyOf = (a: number, b: number): string => doc.text.slice(doc.tokens[a]!.start, doc.tokens[b - 1]!.end);
  const head = (i: number): boolean => isCapitalized(doc, i) && companyHeadSet.has(tokText(doc, i).toLowerCase().replace(/\./g, ''));
  const short = new Set<string>();
  if (sentOf !== undefined) {
    // "General Motors", "Admiral Insurance": a capitalized title word left untagged right before
    // a name that ends in a company word is the company's first word, not a title.
    const covered = new Uint8Array(doc.tokens.length);
    for (const d of drafts) covered.fill(1, d.a, d.b);
    for (const d of drafts) {
      const t = d.a - 1;
      if (t < 0 || covered[t] === 1 || sentOf[t] !== sentOf[d.a] || !head(d.b - 1) || !isCapitalized(doc, t)) continue;
      // A lone company word ("Computer") takes in any capitalized word before it; a longer name
      // only a title word.
      if (!titleSet.has(tokText(doc, t).toLowerCase()) && !(d.b === d.a + 1 && /^\p{Lu}\p{Ll}+$/u.test(tokText(doc, t)))) continue;
      d.a = t;
      d.type = 'ORGANIZATION';
      delete d.role;
    }
    // "Acme Computer", "Acme Inc.": company words the tagger left out right after a name join it.
    for (const d of drafts) {
      let b = d.b;
      while (b < doc.tokens.length && covered[b] === 0 && sentOf[b] === sentOf[d.a] && head(b) && !shoutingWord(doc, b)) b++;
      if (b < doc.tokens.length && b > d.b && tokText(doc, b) === '.' && covered[b] === 0 && /^[\p{Lu}][\p{Ll}]{1,3}$/u.test(tokText(doc, b - 1)) && doc.tokens[b]!.start === doc.tokens[b - 1]!.end) b++;
      if (b === d.b) continue;
      covered.fill(1, d.b, b);
      d.b = b;
      d.type = 'ORGANIZATION';
      delete d.longForm;
    }
  }
  for (const d of drafts) {
    // A place named after a company word ("Zentor Airlines", "Acme Holdings") is the company;
    // not a bank or mills, which name places too ("West Bank").
    if (d.type === 'PLACE' && d.b - d.a >= 2 && head(d.b - 1) && !placeLikeHeads.has(tokText(doc, d.b - 1).toLowerCase())) d.type = 'ORGANIZATION';
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

export const companyByHeadRule = defineRule('company-by-head', (s, { doc, sentOf }) => {
  s.drafts = companyByHead(doc, s.drafts, sentOf);
});

/** A word in capitals ("INC" in a headline) is not taken for a company word after a name. */
function shoutingWord(doc: Doc, i: number): boolean {
  const t = tokText(doc, i);
  return t.length > 1 && t === t.toUpperCase();
}
