import { describe, expect, it } from 'vitest';
import { datesOf, mention } from '../../dates-helpers.js';

// 2024-01-17 is a Wednesday.
const PUB = '2024-01-17';

describe('offsets from an event are durations', () => {
  it('"the fiscal year ended June 30" is a duration', () => {
    expect(mention('Sales rose in the fiscal year ended June 30.', PUB, 'the fiscal year')).toMatchObject({ timexType: 'DURATION', value: 'P1Y' });
  });
});

describe('names that look like dates', () => {
  it.each([
    ['The minister spoke on "This Week" about the budget.'],
  ])('%s', (sentence) => {
    expect(datesOf(sentence, PUB).filter((d) => d.timexType === 'DATE')).toEqual([]);
  });
});

describe('expressions counted from a day written next to them', () => {
  it('"since year-end" is the last year-end passed', () => {
    expect(mention('The index has gained 4% since year-end.', PUB, 'year-end').value).toBe('2023');
    expect(mention('The deal should close by year-end.', PUB, 'year-end').value).toBe('2024');
  });
});
