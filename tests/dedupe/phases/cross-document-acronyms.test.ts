import { describe, expect, it } from 'vitest';
import { doc, run } from '../../dedupe-helpers.js';

describe('across documents: cross-document-acronyms', () => {
  it('joins a bare acronym across documents only to a long form it is known by somewhere', () => {
    // Initials alone are weak evidence across documents: many names share them.
    const bare = [doc('d1', [['ORGANIZATION', 'Coastal Defence League']]), doc('d2', [['ORGANIZATION', 'CDL']])];
    expect(run(bare).entities).toHaveLength(2);
    const known = [
      doc('d1', [['ORGANIZATION', 'Coastal Defense League']]),
      doc('d2', [['ORGANIZATION', 'CDL']]),
      doc('d3', [['ORGANIZATION', 'CDL', { longFormText: 'Coastal Defence League' }], ['ORGANIZATION', 'Coastal Defence League']]),
    ];
    expect(run(known).entities).toHaveLength(1);
  });
});
