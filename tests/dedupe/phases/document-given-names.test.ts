import { describe, expect, it } from 'vitest';
import { doc, run, groups } from '../../dedupe-helpers.js';

describe('within a document: document-given-names', () => {
  it('joins a lone given name to the one full name of the document that starts with it', () => {
    const d = doc('a', [['PERSON', 'Nadia Farouk'], ['PERSON', 'Nadia']]);
    expect(groups([d])).toEqual([['Nadia', 'Nadia Farouk']]);
    expect(run([d]).merges.map((m) => m.rule)).toContain('given-name');
  });

  it('leaves a lone given name alone when two people in the document have it, or it is a surname there', () => {
    expect(run([doc('a', [['PERSON', 'Nadia Farouk'], ['PERSON', 'Nadia Selim'], ['PERSON', 'Nadia']])]).entities).toHaveLength(3);
    const d = doc('b', [['PERSON', 'Grant Ellis'], ['PERSON', 'Maya Grant'], ['PERSON', 'Tom Grant'], ['PERSON', 'Grant']]);
    expect(groups([d]).find((g) => g.includes('Grant'))).toEqual(['Grant']);
  });
});
