import { describe, expect, it } from 'vitest';
import { datesOf, mention } from '../../dates-helpers.js';

// 2024-01-17 is a Wednesday.
const PUB = '2024-01-17';

describe('offsets from an event are durations', () => {
  it('"a second attempt" is no duration', () => {
    expect(datesOf('A second attempt also failed.', PUB)).toEqual([]);
  });
});

describe('ages and compound adjectives', () => {
  it.each([['A 22-year-old was charged.'], ['The six-month-old plan was dropped.'], ['Her 3-week-old puppy slept.'], ['An eight-year-old school closed.']])('no TIMEX in: %s', (sentence) => {
    expect(datesOf(sentence, PUB)).toEqual([]);
  });

  it('"a five-year plan" and "22 years old" stay durations', () => {
    expect(mention('The state adopted a five-year plan.', PUB, 'five-year')).toMatchObject({ timexType: 'DURATION', value: 'P5Y' });
    expect(mention('The bridge is 22 years old.', PUB, '22 years old')).toMatchObject({ timexType: 'DURATION', value: 'P22Y' });
  });
});
