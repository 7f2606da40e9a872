import { describe, expect, it } from 'vitest';
import { mention } from '../../dates-helpers.js';

// 2024-01-17 is a Wednesday.
const PUB = '2024-01-17';

describe('TimeML value conventions', () => {
  it.each([
    ['Rents doubled in the late 1970s.', 'the late 1970s', '197'],
    ['Wages stalled over the last decade.', 'the last decade', '201'],
  ])('a decade is its first three digits: %s', (sentence, phrase, value) => {
    expect(mention(sentence, PUB, phrase)).toMatchObject({ value, precision: 'decade' });
  });
});
