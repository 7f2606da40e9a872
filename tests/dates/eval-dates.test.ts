/** The dates eval scores MEANTIME as ../shared/eval/MEANTIME-DEV.md "How to score / Dates" says. */
import { describe, expect, it } from 'vitest';
import { canonicalValue, score, type GoldDoc } from '../../scripts/eval/dates.js';
import type { DateMention } from '../../src/types.js';

const pred = (start: number, end: number, value: string | null, timexType: DateMention['timexType'] = 'DATE'): DateMention => ({
  start, end, sentence: 0, timexType, value, precision: 'day', planned: false, anchor: 'published',
});
//            0         1         2         3         4         5
//            0123456789012345678901234567890123456789012345678901234
const text = 'Title\nMay 3, 2010\nOn Monday, for two weeks, at 18:00 UTC. Later on May 9 and more.';

const doc = (timexes: GoldDoc['timexes'], annotatedEnd = 60): GoldDoc => ({ id: 'd', published: '2010-05-03', text, timexes, annotated_end: annotatedEnd });

describe('MEANTIME scoring', () => {
  it('ignores predictions past annotated_end and those over a DURATION or SET only', () => {
    const g = doc([
      { start: 6, end: 17, type: 'DATE', value: '2010-05-03' },
      { start: 29, end: 38, type: 'DURATION', value: 'P2W' },
    ], 45);
    const s = score([g], [[pred(6, 17, '2010-05-03'), pred(33, 38, 'P2W', null), pred(52, 57, '2010-05-09')]]);
    expect(s).toEqual({ nGold: 1, nPred: 1, strict: 1, relaxed: 1, valueOk: 1 });
  });

  it('matches one to one, each gold taking the prediction that overlaps it most', () => {
    const g = doc([{ start: 18, end: 27, type: 'DATE', value: '2010-05-03' }]);
    // Two predictions overlap the gold "On Monday": the longer overlap wins; the other is a false positive.
    const s = score([g], [[pred(18, 20, '2010-05-01'), pred(21, 27, '2010-05-03')]]);
    expect(s).toEqual({ nGold: 1, nPred: 2, strict: 0, relaxed: 1, valueOk: 1 });
  });

  it('compares values case-insensitively and in one spelling', () => {
    expect(canonicalValue('2009-12-15t18z')).toBe(canonicalValue('2009-12-15T18:00Z'));
    expect(canonicalValue('2000-W6')).toBe('2000-W06');
  });
});
