import { describe, expect, it } from 'vitest';
import { datesOf, mention } from '../../dates-helpers.js';

// 2024-01-17 is a Wednesday.
const PUB = '2024-01-17';

describe('numeric and compact calendar formats', () => {
  it.each([
    ['The lease was signed on 3/14/2023.', '3/14/2023', '2023-03-14'],
    ['The lease was signed on 14/3/2023.', '14/3/2023', '2023-03-14'],
    ['The lease was signed on 14.03.2023.', '14.03.2023', '2023-03-14'],
    ['The lease was signed on 03-14-2023.', '03-14-2023', '2023-03-14'],
    ['The lease was signed on 2023/03/14.', '2023/03/14', '2023-03-14'],
    ['The lease was signed on 14-Mar-2023.', '14-Mar-2023', '2023-03-14'],
    ["The lease was signed Mar 14th '23.", "Mar 14th '23", '2023-03-14'],
  ])('%s', (sentence, phrase, value) => {
    expect(mention(sentence, PUB, phrase)).toMatchObject({ value, precision: 'day', anchor: 'absolute' });
  });

  it.each([
    ['The patch moved the tool to 3.5.10 overnight.'],
    ['She won the set 6-4-6 in a tie-break.'],
    ['The form dated 31/31/2023 was rejected.'],
  ])('no date in %s', (sentence) => {
    expect(datesOf(sentence, PUB).filter((d) => /\d[./-]\d/.test(d.text))).toEqual([]);
  });
});
