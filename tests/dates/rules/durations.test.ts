import { describe, expect, it } from 'vitest';
import { datesOf } from '../../dates-helpers.js';

// 2024-01-17 is a Wednesday.
const PUB = '2024-01-17';

describe('offsets from an event are durations', () => {
  it('"a second attempt" is no duration', () => {
    expect(datesOf('A second attempt also failed.', PUB)).toEqual([]);
  });
});
