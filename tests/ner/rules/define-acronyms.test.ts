import { describe, expect, it } from 'vitest';
import { sentenceOfTokens } from '../../../src/ner/rules/draft.js';
import { defineAcronyms, initialsMatch } from '../../../src/ner/rules/define-acronyms.js';
import { docOf, draft, shown } from './helpers.js';

describe('defineAcronyms', () => {
  it('gives an acronym defined in passing the long form type and span, everywhere in the text', () => {
    const doc = docOf('The Southern Farmers Alliance (SFA) marched. Police said SFA members left.');
    const sentOf = sentenceOfTokens(doc);
    const out = defineAcronyms(doc, [draft(doc, 'Southern Farmers Alliance', 'ORGANIZATION'), draft(doc, 'SFA', 'PLACE', 1, 1)], sentOf);
    expect(shown(doc, out)).toEqual([
      'Southern Farmers Alliance/ORGANIZATION',
      'SFA/ORGANIZATION long=Southern Farmers Alliance',
      'SFA/ORGANIZATION long=Southern Farmers Alliance',
    ]);
  });

  it('matches initials loosely but not at random', () => {
    expect(initialsMatch('Islamic Revolutionary Guard Corps', 'IRGC')).toBe(true);
    expect(initialsMatch('North Atlantic Treaty Organization', 'NATO')).toBe(true);
    expect(initialsMatch('Organisation for Economic Co-operation and Development', 'OECD')).toBe(true);
    expect(initialsMatch('Bank of Valdoria', 'XYZ')).toBe(false);
  });
});
