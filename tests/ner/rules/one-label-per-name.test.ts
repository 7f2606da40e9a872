import { describe, expect, it } from 'vitest';
import { oneLabelPerName } from '../../../src/ner/rules/one-label-per-name.js';
import { docOf, draft } from './helpers.js';

describe('oneLabelPerName', () => {
  it('gives the same string one type by confidence, unless a mention is itself confident', () => {
    const doc = docOf('Kerrow rose. Kerrow fell. Kerrow won. Kerrow lost.');
    const drafts = [
      draft(doc, 'Kerrow', 'PLACE', 8, 0),
      draft(doc, 'Kerrow', 'ORGANIZATION', 2, 1),
      draft(doc, 'Kerrow', 'PLACE', 9, 2),
      draft(doc, 'Kerrow', 'ORGANIZATION', 50, 3),
    ];
    const out = oneLabelPerName(doc, drafts, 20);
    expect(out.map((d) => d.type)).toEqual(['ORGANIZATION', 'ORGANIZATION', 'ORGANIZATION', 'ORGANIZATION']);
    const out2 = oneLabelPerName(doc, [draft(doc, 'Kerrow', 'PLACE', 30, 0), draft(doc, 'Kerrow', 'ORGANIZATION', 2, 1), draft(doc, 'Kerrow', 'PLACE', 9, 2)], 20);
    expect(out2.map((d) => d.type)).toEqual(['PLACE', 'PLACE', 'PLACE']);
  });
});
