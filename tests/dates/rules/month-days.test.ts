import { describe, expect, it } from 'vitest';
import { datesOf } from '../../dates-helpers.js';

// 2024-01-17 is a Wednesday.
const PUB = '2024-01-17';

describe('sets, ranges and idioms', () => {
  it('the second day of "March 3 and 4" takes the first one\'s year', () => {
    const found = datesOf('The talks will be held on March 3 and 4.', PUB);
    expect(found.map((d) => [d.text, d.value])).toEqual([['March 3', '2024-03-03'], ['4', '2024-03-04']]);
  });
});
