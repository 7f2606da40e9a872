import { describe, expect, it } from 'vitest';
import { doc, groups, run } from '../../dedupe-helpers.js';

describe('across documents: organization-suffixes', () => {
  it('joins a company with and without its legal designator or generic head, in any document', () => {
    const docs = [
      doc('d1', [['ORGANIZATION', 'Velmora Holdings PLC']]),
      doc('d2', [['ORGANIZATION', 'Velmora Group']]),
      doc('d3', [['ORGANIZATION', 'Velmora']]),
      doc('d4', [['ORGANIZATION', 'Tarkin Motor Company'], ['ORGANIZATION', 'Quillon Computer']]),
      doc('d5', [['ORGANIZATION', 'Tarkin'], ['ORGANIZATION', 'Quillon Inc.'], ['ORGANIZATION', 'Quillon']]),
    ];
    expect(groups(docs)).toEqual([
      ['Quillon', 'Quillon Computer', 'Quillon Inc.'],
      ['Tarkin', 'Tarkin Motor Company'],
      ['Velmora', 'Velmora Group', 'Velmora Holdings PLC'],
    ]);
    expect(run(docs).merges.filter((m) => m.rule === 'org-suffix').length).toBeGreaterThanOrEqual(4);
  });

  it('joins a long form written with its own acronym to the same long form with a designator', () => {
    const docs = [
      doc('d1', [['ORGANIZATION', 'Northern Grain Exchange Company NGE']]),
      doc('d2', [['ORGANIZATION', 'Northern Grain Exchange Ltd.']]),
    ];
    expect(run(docs).entities).toHaveLength(1);
  });

  it('keeps a name whose last word only looks like a designator apart, and does not join a person', () => {
    const docs = [
      doc('d1', [['ORGANIZATION', 'Velmora Corps']]),
      doc('d2', [['ORGANIZATION', 'Velmora']]),
      doc('d3', [['PERSON', 'Tarkin'], ['PERSON', 'Mila Tarkin']]),
      doc('d4', [['ORGANIZATION', 'Tarkin Motors']]),
    ];
    expect(groups(docs)).toEqual([['Mila Tarkin', 'Tarkin'], ['Tarkin Motors'], ['Velmora'], ['Velmora Corps']]);
  });
});
