import type { Doc } from '../../types.js';
import { companyHeads } from '../cues.js';
import { gaz } from '../gazetteer.js';
import { type Draft } from './draft.js';
import { defineRule } from './rule.js';
import { PLACE_BITS } from './words.js';
import { tokText, capitalizedInside, isCapitalized, shouting } from './tokens.js';

/** Not "group": "Working Group", "Contact Group", a tournament's "Elite Group" are no companies. */
const companyHeadSet = new Set(companyHeads.filter((w) => w !== 'group'));
/** Gazetteer bits that make a capitalized word something else than a company's first word. */
const OTHER_BITS = PLACE_BITS | gaz.DEMONYM | gaz.TITLE | gaz.CALENDAR | gaz.PLACE_CUE | gaz.ORG_CUE | gaz.ORG_SUFFIX;

/**
 * A company name the tagger left untagged or called MISC. A MISC span of two or more Title Case
 * words that ends in a company word ("Zentor Computer"), the words before it no place,
 * nationality, title or cue word; or a capitalized word followed by company words ("Acme
 * Computer", "Zentor Pharmaceuticals Inc."), neither of them in a span already. Not in a sentence
 * written in capitals. The first word must be a plain Title Case word that the gazetteer knows as
 * no place, nationality, title, month or cue word; first in its sentence, it must be tagged a
 * proper noun or be written capitalized inside a sentence elsewhere in the document ("Chemical
 * Products rose" opens a sentence with a common word).
 */
export function findUntaggedCompanies(doc: Doc, drafts: Draft[], misc: readonly Draft[], sentOf: Int32Array, gz: Uint16Array): { drafts: Draft[]; misc: Draft[] } {
  const n = doc.tokens.length;
  const covered = new Uint8Array(n);
  for (const d of drafts) covered.fill(1, d.a, d.b);
  for (const d of misc) covered.fill(1, d.a, d.b);
  const head = (i: number): boolean => i < n && isCapitalized(doc, i) && companyHeadSet.has(tokText(doc, i).toLowerCase().replace(/\./g, ''));
  const innerHas = capitalizedInside(doc, sentOf);
  const added: Draft[] = [];
  const keptMisc: Draft[] = [];
  // A MISC span of Title Case words ending in company words ("Zentor Computer").
  for (const d of misc) {
    let plain = d.b - d.a >= 2 && head(d.b - 1) && !shouting(doc, sentOf[d.a]!);
    for (let i = d.a; i < d.b - 1 && plain; i++) plain = /^\p{Lu}\p{Ll}+$/u.test(tokText(doc, i)) && !(gz[i]! & OTHER_BITS);
    if (plain) added.push({ ...d, type: 'ORGANIZATION' });
    else keptMisc.push(d);
  }
  for (let i = 0; i + 1 < n; i++) {
    // Cheap tests first: most tokens are not capitalized.
    if (covered[i] === 1 || !isCapitalized(doc, i) || sentOf[i]! < 0 || gz[i]! & OTHER_BITS || !/^\p{Lu}\p{Ll}+$/u.test(tokText(doc, i))) continue;
    if (covered[i + 1] === 1 || !isCapitalized(doc, i + 1) || !head(i + 1) || sentOf[i + 1] !== sentOf[i] || companyHeadSet.has(tokText(doc, i).toLowerCase())) continue;
    const first = i === 0 || sentOf[i - 1] !== sentOf[i];
    if (first && doc.tokens[i]!.pos !== 'PROPN' && !innerHas(tokText(doc, i))) continue;
    if (shouting(doc, sentOf[i]!)) continue;
    let b = i + 2;
    while (b < n && sentOf[b] === sentOf[i] && covered[b] === 0 && head(b)) b++;
    // "Inc." written with its dot as a token of its own.
    if (b < n && tokText(doc, b) === '.' && covered[b] === 0 && doc.tokens[b]!.start === doc.tokens[b - 1]!.end && /^\p{Lu}\p{Ll}{1,3}$/u.test(tokText(doc, b - 1))) b++;
    added.push({ a: i, b, type: 'ORGANIZATION', confidence: 0 });
    covered.fill(1, i, b);
    i = b - 1;
  }
  return { drafts: added.length === 0 ? drafts : [...drafts, ...added].sort((x, y) => x.a - y.a), misc: keptMisc };
}

export const findUntaggedCompaniesRule = defineRule('find-untagged-companies', (s, { doc, sentOf, gz }) => {
  const r = findUntaggedCompanies(doc, s.drafts, s.misc, sentOf, gz);
  s.drafts = r.drafts;
  s.misc = r.misc;
});
