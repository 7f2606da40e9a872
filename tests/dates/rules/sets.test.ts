import { describe, expect, it } from 'vitest';
import { mention } from '../../dates-helpers.js';

// 2024-01-17 is a Wednesday.
const PUB = '2024-01-17';

describe('sets, ranges and idioms', () => {
  it.each([
    ['The ferry sails each Thursday in summer.', 'each Thursday', 'XXXX-WXX-4'],
    ['The choir sings every Sunday morning.', 'every Sunday morning', 'XXXX-WXX-7TMO'],
    ['Farmers gather there each July.', 'each July', 'XXXX-07'],
    ['Buses leave on Friday and Saturday nights.', 'Friday', 'XXXX-WXX-5'],
    ['Buses leave on Friday and Saturday nights.', 'Saturday nights', 'XXXX-WXX-6TNI'],
  ])('a repeated day or month is a SET: %s', (sentence, phrase, value) => {
    expect(mention(sentence, PUB, phrase)).toMatchObject({ timexType: 'SET', value });
  });
});
