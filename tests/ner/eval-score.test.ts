import { describe, expect, it } from 'vitest';
import { newTally, scoreRegionDoc, summarize } from '../../scripts/eval/ner-score.js';

describe('MEANTIME scoring of names', () => {
  it('scores only the annotated region, and ignores predictions over optional spans or over other spans without a name', () => {
    const gold = [
      { start: 0, end: 6, type: 'ORG' },
      { start: 20, end: 26, type: 'LOC' },
    ];
    const region = {
      annotatedEnd: 50,
      optional: [{ start: 30, end: 37, type: '' }],
      other: [{ start: 40, end: 48, type: 'PRODUCT' }, { start: 18, end: 28, type: 'MIXED' }],
    };
    const tally = newTally();
    const { spurious, missed } = scoreRegionDoc(gold, region, [
      { start: 0, end: 6, type: 'ORG' }, // right
      { start: 0, end: 6, type: 'ORG' }, // the same again: counted once
      { start: 20, end: 26, type: 'PER' }, // wrong type, and it overlaps a gold name: a false positive
      { start: 31, end: 36, type: 'LOC' }, // over an optional span: ignored
      { start: 41, end: 45, type: 'ORG' }, // over an "other" span and no name: ignored
      { start: 10, end: 14, type: 'PER' }, // a plain false positive
      { start: 60, end: 66, type: 'ORG' }, // beyond the region: not scored
    ], tally);
    expect(spurious.map((s) => s.start)).toEqual([20, 10]);
    expect(missed.map((s) => s.start)).toEqual([20]);
    const s = summarize(tally).micro!;
    expect([s.tp, s.fp, s.fn]).toEqual([1, 2, 1]);
  });
});
