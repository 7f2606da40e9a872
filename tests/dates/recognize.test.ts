import { describe, expect, it } from 'vitest';
import { mention } from '../dates-helpers.js';

// 2024-01-17 is a Wednesday.
const PUB = '2024-01-17';

describe('expressions counted from a day written next to them', () => {
  it('"the week of March 6" is that week', () => {
    expect(mention('The hearing may be held the week of March 6, 2023.', PUB, 'the week of March 6, 2023')).toMatchObject({ value: '2023-W10', precision: 'week' });
  });

  it('"the day before last Tuesday" is the Monday', () => {
    // Published on a Wednesday: last Tuesday is the day before.
    expect(mention("The day before last Tuesday's vote, the mayor resigned.", PUB, 'The day before last Tuesday')).toMatchObject({ value: '2024-01-15' });
    expect(mention('The ship docked the day after Christmas.', PUB, 'the day after Christmas')).toMatchObject({ value: '2023-12-26' });
  });
});
