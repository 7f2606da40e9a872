import { describe, expect, it } from 'vitest';
import { datesOf, mention } from '../../dates-helpers.js';

// 2024-01-17 is a Wednesday.
const PUB = '2024-01-17';

describe('names that look like dates', () => {
  it.each([
    ['The interview aired on USA Today and other outlets.'],
  ])('%s', (sentence) => {
    expect(datesOf(sentence, PUB).filter((d) => d.timexType === 'DATE')).toEqual([]);
  });
});

describe('sets, ranges and idioms', () => {
  it.each([
    ['Few in today\'s world remember the strike.'],
  ])('no date in: %s', (sentence) => {
    expect(datesOf(sentence, PUB)).toEqual([]);
  });
});

describe('the age in general', () => {
  it('"the engineers of tomorrow" is no day', () => {
    expect(datesOf('The academy trains the engineers of tomorrow.', PUB)).toEqual([]);
  });

  it('"the end of today" is still the day', () => {
    expect(mention('The offer lapses at the end of today.', PUB, 'today').value).toBe('2024-01-17');
  });
});
