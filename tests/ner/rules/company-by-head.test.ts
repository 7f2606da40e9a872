import { describe, expect, it } from 'vitest';
import { sentenceOfTokens } from '../../../src/ner/rules/draft.js';
import { companyByHead } from '../../../src/ner/rules/company-by-head.js';
import { docOf, draft, shown } from './helpers.js';

describe('companyByHead', () => {
  it('makes a person ending in a company word an organization, with the short name', () => {
    const doc = docOf('Garvey Brewing bought Tolland Partners Limited Partnership and Brix S.A. Garvey said so; Ann Garvey did not.');
    const drafts = [
      draft(doc, 'Garvey Brewing', 'PERSON'), draft(doc, 'Tolland Partners Limited Partnership', 'PERSON'), draft(doc, 'Brix S.A.', 'PERSON'),
      draft(doc, 'Garvey', 'PERSON', 10, 1), draft(doc, 'Ann Garvey', 'PERSON'),
    ];
    expect(shown(doc, companyByHead(doc, drafts))).toEqual([
      'Garvey Brewing/ORGANIZATION', 'Tolland Partners Limited Partnership/ORGANIZATION', 'Brix S.A./ORGANIZATION', 'Garvey/ORGANIZATION', 'Ann Garvey/PERSON',
    ]);
  });

  it('makes a place ending in a company word an organization, but not a bank', () => {
    const doc = docOf('Velmar Airlines flew to Zentor Bank. Dask Aircraft built it.');
    const drafts = [draft(doc, 'Velmar Airlines', 'PLACE'), draft(doc, 'Zentor Bank', 'PLACE'), draft(doc, 'Dask Aircraft', 'PERSON')];
    expect(shown(doc, companyByHead(doc, drafts))).toEqual(['Velmar Airlines/ORGANIZATION', 'Zentor Bank/PLACE', 'Dask Aircraft/ORGANIZATION']);
  });

  it('leaves one-word persons and persons whose last word is a name', () => {
    const doc = docOf('Group leader Tom Marsh met Capital.');
    const drafts = [draft(doc, 'Tom Marsh', 'PERSON'), draft(doc, 'Capital', 'PERSON')];
    expect(shown(doc, companyByHead(doc, drafts))).toEqual(['Tom Marsh/PERSON', 'Capital/PERSON']);
  });
});

describe('companyByHead with the sentence of each token', () => {
  it('takes in a title word left before a company name, and company words left after a name', () => {
    const doc = docOf('General Tarvo and Admiral Holdings bought Korvane Computer and Delmo Inc. from Ann Reyes.');
    const drafts = [draft(doc, 'Tarvo', 'PERSON'), draft(doc, 'Holdings', 'PERSON'), draft(doc, 'Korvane', 'ORGANIZATION'), draft(doc, 'Delmo', 'PERSON'), draft(doc, 'Ann Reyes', 'PERSON')];
    expect(shown(doc, companyByHead(doc, drafts, sentenceOfTokens(doc)))).toEqual([
      'Tarvo/PERSON', 'Admiral Holdings/ORGANIZATION', 'Korvane Computer/ORGANIZATION', 'Delmo Inc./ORGANIZATION', 'Ann Reyes/PERSON',
    ]);
  });
});

describe('companyByHead and a lone company word', () => {
  it('takes in the capitalized word before a company word tagged alone', () => {
    const doc = docOf('Shares of Korvane Computer rose, unlike those of the Computer Museum.');
    const drafts = [draft(doc, 'Computer', 'ORGANIZATION', 10, 0), draft(doc, 'Computer Museum', 'ORGANIZATION')];
    expect(shown(doc, companyByHead(doc, drafts, sentenceOfTokens(doc)))).toEqual(['Korvane Computer/ORGANIZATION', 'Computer Museum/ORGANIZATION']);
  });
});
