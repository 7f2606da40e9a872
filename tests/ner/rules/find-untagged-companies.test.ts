import { describe, expect, it } from 'vitest';
import { docFeatures } from '../../../src/ner/tagger.js';
import { sentenceOfTokens } from '../../../src/ner/rules/draft.js';
import { findUntaggedCompanies } from '../../../src/ner/rules/find-untagged-companies.js';
import { model, docOf, draft, shown } from './helpers.js';

function run(text: string, drafts: (doc: ReturnType<typeof docOf>) => ReturnType<typeof draft>[] = () => []): string[] {
  const doc = docOf(text);
  const df = docFeatures(model(), doc.text, doc.tokens, doc.sentences);
  return shown(doc, findUntaggedCompanies(doc, drafts(doc), [], sentenceOfTokens(doc), df.gz).drafts);
}

describe('findUntaggedCompanies', () => {
  it('adds an untagged capitalized word followed by company words, with "Inc." and its dot', () => {
    expect(run('Yesterday Quorvex Computer Inc. cut prices.')).toEqual(['Quorvex Computer Inc./ORGANIZATION']);
    expect(run('Shares of Brindle Pharmaceuticals rose.')).toEqual(['Brindle Pharmaceuticals/ORGANIZATION']);
  });

  it('makes a MISC span of Title Case words ending in a company word an organization, and keeps other MISC spans', () => {
    const doc = docOf('Zentor Computer sold the Velt Phone to Dask.');
    const df = docFeatures(model(), doc.text, doc.tokens, doc.sentences);
    const r = findUntaggedCompanies(doc, [], [draft(doc, 'Zentor Computer', 'ORGANIZATION'), draft(doc, 'Velt Phone', 'ORGANIZATION')], sentenceOfTokens(doc), df.gz);
    expect(shown(doc, r.drafts)).toEqual(['Zentor Computer/ORGANIZATION']);
    expect(shown(doc, r.misc)).toEqual(['Velt Phone/ORGANIZATION']);
  });

  it('leaves spans already tagged, places, titles, group words and lines in capitals alone', () => {
    expect(run('Quorvex Computer said so.', (doc) => [draft(doc, 'Quorvex', 'PERSON')])).toEqual(['Quorvex/PERSON']);
    expect(run('Factories in London Steel towns closed.')).toEqual([]);
    expect(run('The panel met the Working Group on Monday.')).toEqual([]);
    expect(run('QUORVEX COMPUTER CUTS PRICES')).toEqual([]);
  });

  it('takes a first word of a sentence only when it is a proper noun or capitalized inside a sentence elsewhere', () => {
    expect(run('Quorvex Computer cut prices. Analysts liked Quorvex.')).toEqual(['Quorvex Computer/ORGANIZATION']);
    expect(run('Home Computer sales slowed.')).toEqual([]);
  });
});
