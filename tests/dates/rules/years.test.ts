import { describe, expect, it } from 'vitest';
import { datesOf } from '../../dates-helpers.js';

// 2024-01-17 is a Wednesday.
const PUB = '2024-01-17';

describe('sets, ranges and idioms', () => {
  it('"from 2011 to 2015" is two years; "2000 to 3000 sheep" no year', () => {
    expect(datesOf('She taught there from 2011 to 2015.', PUB).map((d) => d.value)).toEqual(['2011', '2015']);
    expect(datesOf('The farm kept 2000 to 3000 sheep.', PUB)).toEqual([]);
  });
});
