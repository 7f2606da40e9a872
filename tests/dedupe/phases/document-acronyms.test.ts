import { describe, expect, it } from 'vitest';
import { doc, together } from '../../dedupe-helpers.js';

describe('within a document: document-acronyms', () => {
  it('joins an acronym formed from the initials of a name, skipping "of" and "the"', () => {
    const d = doc('a', [['ORGANIZATION', 'Council of the Grain Exporters'], ['ORGANIZATION', 'CGE']]);
    expect(together([d], 'Council of the Grain Exporters', 'CGE')).toBe(true);
  });
});
