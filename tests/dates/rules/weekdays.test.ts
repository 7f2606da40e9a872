import { describe, expect, it } from 'vitest';
import { mention } from '../../dates-helpers.js';

// 2024-01-17 is a Wednesday.
const PUB = '2024-01-17';

describe('weekdays against the last date', () => {
  it('"the previous Friday" is the Friday before the day last mentioned', () => {
    const text = 'Shares fell on Tuesday, Jan. 9. They had been flat since the previous Friday.';
    expect(mention(text, PUB, 'the previous Friday')).toMatchObject({ value: '2024-01-05', anchor: 'previous-date' });
  });
});
