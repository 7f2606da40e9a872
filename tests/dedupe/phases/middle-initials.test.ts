import { describe, expect, it } from 'vitest';
import { doc, run, groups } from '../../dedupe-helpers.js';

describe('across documents: middle-initials', () => {
  it('joins full names that differ by a middle initial, and then the short form that fits both', () => {
    const docs = [
      doc('d1', [['PERSON', 'Peter J. Maddox']]),
      doc('d2', [['PERSON', 'Peter John Maddox']]),
      doc('d3', [['PERSON', 'Peter Maddox']]),
    ];
    expect(groups(docs)).toEqual([['Peter J. Maddox', 'Peter John Maddox', 'Peter Maddox']]);
    expect(run(docs).merges.map((m) => m.rule)).toContain('middle-initial');
  });

  it('keeps full names whose middle initial does not fit apart', () => {
    const docs = [doc('d1', [['PERSON', 'Peter J. Maddox']]), doc('d2', [['PERSON', 'Peter Karl Maddox']])];
    expect(run(docs).entities).toHaveLength(2);
  });
});
