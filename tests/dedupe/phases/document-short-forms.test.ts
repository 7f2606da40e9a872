import { describe, expect, it } from 'vitest';
import { doc, groups, together } from '../../dedupe-helpers.js';

describe('within a document: document-short-forms', () => {
  it('resolves a surname and an honorific form to the full name already seen', () => {
    const d = doc('a', [['PERSON', 'Petra Doran'], ['PERSON', 'Mrs. Doran'], ['PERSON', 'Doran']]);
    expect(groups([d])).toEqual([['Doran', 'Mrs. Doran', 'Petra Doran']]);
  });

  it('resolves a multi-word surname with particles', () => {
    const d = doc('a', [['PERSON', 'Karel van der Velde'], ['PERSON', 'Mr. van der Velde']]);
    expect(together([d], 'Karel van der Velde', 'Mr. van der Velde')).toBe(true);
  });

  it('leaves a surname alone when two people in the document share it', () => {
    const d = doc('a', [['PERSON', 'Lina Okafor'], ['PERSON', 'Samuel Okafor'], ['PERSON', 'Okafor']]);
    expect(groups([d])).toEqual([['Lina Okafor'], ['Okafor'], ['Samuel Okafor']]);
  });
});
