import { describe, expect, it } from 'vitest';
import { doc, run } from '../../dedupe-helpers.js';

describe('within a document: document-variants', () => {
  it('joins a name with the kind word to the bare name in one document', () => {
    expect(run([doc('d1', [['PLACE', 'Lorca province'], ['PLACE', 'Lorca']])]).entities).toHaveLength(1);
  });
});
