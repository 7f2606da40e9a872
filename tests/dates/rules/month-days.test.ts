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

describe('ranges of days', () => {
  it('"March 3-5" is two dates, the end in the start\'s month', () => {
    expect(datesOf('The fair runs March 3-5 in the old hall.', PUB).map((d) => [d.text, d.value])).toEqual([['March 3', '2024-03-03'], ['5', '2024-03-05']]);
  });

  it('a year after the end is the start\'s year too', () => {
    expect(datesOf('The fair ran Oct. 12\u201314, 2022.', PUB).map((d) => [d.text, d.value])).toEqual([['Oct. 12', '2022-10-12'], ['14, 2022', '2022-10-14']]);
    expect(datesOf('Talks were held April 24 and 25, 1998, in Oslo.', PUB).map((d) => d.value)).toEqual(['1998-04-24', '1998-04-25']);
  });

  it('no range when the second number is not after the first ("March 5-3")', () => {
    expect(datesOf('The tie on March 5-3 was replayed.', PUB).map((d) => d.text)).toEqual(['March 5']);
  });
});
