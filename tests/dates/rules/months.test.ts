import { describe, expect, it } from 'vitest';
import { datesOf } from '../../dates-helpers.js';

// 2024-01-17 is a Wednesday.
const PUB = '2024-01-17';

describe('names that look like dates', () => {
  it.each([
    ['The envoys met Jan Novak in Prague.'],
  ])('%s', (sentence) => {
    expect(datesOf(sentence, PUB).filter((d) => d.timexType === 'DATE')).toEqual([]);
  });
});
