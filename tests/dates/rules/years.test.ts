import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { datesOf } from '../../dates-helpers.js';

// 2024-01-17 is a Wednesday.
const PUB = '2024-01-17';

describe('sets, ranges and idioms', () => {
  it('"from 2011 to 2015" is two years; "2000 to 3000 sheep" no year', () => {
    expect(datesOf('She taught there from 2011 to 2015.', PUB).map((d) => d.value)).toEqual(['2011', '2015']);
    expect(datesOf('The farm kept 2000 to 3000 sheep.', PUB)).toEqual([]);
  });
});

describe('year ranges', () => {
  it.each([
    ['The drought of 1957-58 emptied the wells.', ['1957', '58'], ['1957', '1958']],
    ['She chaired the board in 2009-2010.', ['2009', '2010'], ['2009', '2010']],
    ['The war of 1939\u201345 ended the old order.', ['1939', '45'], ['1939', '1945']],
    ['Profits fell in the 1999-2000 season.', ['1999', '2000'], ['1999', '2000']],
  ])('a range is two dates, the end taking its century from the start: %s', (sentence, texts, values) => {
    const found = datesOf(sentence, PUB);
    expect(found.map((d) => d.text)).toEqual(texts);
    expect(found.map((d) => d.value)).toEqual(values);
  });

  it.each([['He dialled 1999-01 by mistake.'], ['The grant paid 1500-1800 dollars a year.'], ['Tickets for flight 1957-58 sold out.']])('no range: %s', (sentence) => {
    expect(datesOf(sentence, PUB).filter((d) => d.precision === 'year')).toEqual([]);
  });
});

describe('numbers that are not years', () => {
  it('a street number is no year, but a year before a street name still is', () => {
    expect(datesOf('The clinic at 1999 Harbor Street closed.', PUB)).toEqual([]);
    expect(datesOf('In 1999 Harbor Street was paved.', PUB).map((d) => d.value)).toEqual(['1999']);
  });

  // Four digits that could be a year (1000-2099), in contexts that make them something else.
  const yearLike = fc.integer({ min: 1000, max: 2099 });
  const clock = fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 })).map(([h, m]) => `${String(h).padStart(2, '0')}${String(m).padStart(2, '0')}`);
  const zone = fc.constantFrom('GMT', 'UTC', 'EST', 'CET', 'hours');
  const contexts: Array<fc.Arbitrary<[string, string]>> = [
    fc.tuple(clock, zone).map(([c, z]) => [c, `at ${c} ${z}`]),
    clock.map((c) => [c, `at ${c}Z`]),
    yearLike.map((n) => [String(n), `$${n}`]),
    fc.tuple(yearLike, fc.constantFrom('people', 'dollars', 'percent', '%', 'troops', 'tons', 'votes', 'million')).map(([n, u]) => [String(n), `${n} ${u}`]),
    fc.tuple(yearLike, fc.constantFrom('Harbor Street', 'Elm Ave.', 'North Lake Road', 'Mill Lane')).map(([n, s]) => [String(n), `at ${n} ${s}`]),
    fc.tuple(fc.constantFrom('flight', 'Room', 'No.', 'model', 'route', 'code', 'page', '#'), yearLike).map(([p, n]) => [String(n), `${p} ${n}`]),
    fc.tuple(yearLike, yearLike).map(([a, b]) => [String(a), `${a},${String(b).slice(1)}`]),
    fc.tuple(fc.integer({ min: 0, max: 199 }), fc.integer({ min: 0, max: 199 })).map(([a, b]) => [`${a}-${b}`, `won ${a}-${b}`]),
  ];

  it('no clock time, amount, street number, code or score is read as a year', () => {
    fc.assert(
      fc.property(fc.oneof(...contexts), ([digits, phrase]) => {
        const text = `Officials checked ${phrase} again.`;
        const at = text.indexOf(digits);
        const years = datesOf(text, PUB).filter((d) => d.start < at + digits.length && at < d.end && d.timexType === 'DATE');
        expect(years).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});
