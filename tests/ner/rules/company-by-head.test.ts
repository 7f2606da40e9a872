import { describe, expect, it } from 'vitest';
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

  it('leaves one-word persons and persons whose last word is a name', () => {
    const doc = docOf('Group leader Tom Marsh met Capital.');
    const drafts = [draft(doc, 'Tom Marsh', 'PERSON'), draft(doc, 'Capital', 'PERSON')];
    expect(shown(doc, companyByHead(doc, drafts))).toEqual(['Tom Marsh/PERSON', 'Capital/PERSON']);
  });
});
