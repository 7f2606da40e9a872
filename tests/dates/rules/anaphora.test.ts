import { describe, expect, it } from 'vitest';
import { datesOf, mention } from '../../dates-helpers.js';

// 2024-01-17 is a Wednesday.
const PUB = '2024-01-17';

describe('offsets from an event are durations', () => {
  it.each([
    ['The plant reopened a month after the flood receded.', 'a month', 'P1M'],
    ['A neighbour saw the van ten days before the fire.', 'ten days', 'P10D'],
  ])('%s', (sentence, phrase, value) => {
    expect(mention(sentence, PUB, phrase)).toMatchObject({ timexType: 'DURATION', value });
  });

  it.each([
    ['The ferry docked on June 3, 2021, two days later than planned.', 'two days', 'P2D'],
    ['Sales closed on Friday, a week earlier than expected.', 'a week', 'P1W'],
  ])('"later than planned" is the delay, not a date counted from the last one: %s', (sentence, phrase, value) => {
    expect(datesOf(sentence, PUB).some((d) => d.timexType === 'DATE' && /later|earlier/.test(d.text))).toBe(false);
    expect(mention(sentence, PUB, phrase)).toMatchObject({ timexType: 'DURATION', value });
  });

  it('without a complement "a day after" still follows the last date', () => {
    const text = 'The levee broke on May 4, 2021. Crews sealed it a day after.';
    expect(mention(text, PUB, 'a day after')).toMatchObject({ value: '2021-05-05', anchor: 'previous-date' });
  });
});

describe('the period a report is about', () => {
  it('"for the year" is the year of the period talked about', () => {
    expect(mention('For the year, shipments were flat.', PUB, 'the year').value).toBe('2024');
    const text = 'Profit rose in 2019. By the end of the year the debt was gone.';
    expect(mention(text, PUB, 'the end of the year').value).toBe('2019');
  });

  it('"the quarter a year ago" is one expression', () => {
    const text = 'Revenue rose in the third quarter of 2023. For the quarter a year ago, the firm earned less.';
    expect(mention(text, PUB, 'the quarter a year ago').value).toBe('2022-Q3');
  });

  it.each([
    ['the same period of the previous year'],
    ['the same period of the last year'],
    ['the corresponding quarter the prior year'],
  ])('"%s" is one expression, the quarter talked about a year back', (phrase) => {
    const text = `Sales doubled in the third quarter of 2023. The gain was measured against ${phrase}.`;
    expect(datesOf(text, PUB).map((d) => d.text)).toEqual(['the third quarter of 2023', phrase]);
    expect(mention(text, PUB, phrase).value).toBe('2022-Q3');
  });

  it('"the same period last year" names a quarter, not a year, also after a day', () => {
    const text = 'Deliveries in the second quarter of 2023 beat the same period last year.';
    expect(mention(text, PUB, 'the same period last year').value).toBe('2022-Q2');
    // After a day, the quarter reports cover (the last one ended before the page's date), a year back.
    const after = 'Profit for the three months to Dec. 31, 2023, beat the same period last year.';
    expect(mention(after, PUB, 'the same period last year')).toMatchObject({ value: '2022-Q4', precision: 'quarter' });
  });
});

describe('sets, ranges and idioms', () => {
  it('"the day before" with an event after it is not counted from the last date', () => {
    const text = 'The mayor spoke on Jan. 9, the day before voters went to the polls.';
    expect(datesOf(text, PUB).map((d) => d.text)).toEqual(['Jan. 9']);
  });
});

describe('expressions counted from a day written next to them', () => {
  it('"the end of the month" is the month talked about', () => {
    expect(mention('The ferry stopped on Nov. 3, 2022, and by the end of the month the port was empty.', PUB, 'the end of the month').value).toBe('2022-11');
  });
});

describe('comparisons with a span of months', () => {
  it('"the year-earlier nine months" is a duration', () => {
    expect(mention('Net for the year-earlier nine months included a one-time gain.', PUB, 'the year-earlier nine months')).toMatchObject({
      timexType: 'DURATION',
      value: 'P9M',
    });
  });
});

describe('longer spans where the words carry on', () => {
  it('"the same month a year ago" is one expression, the month a year back', () => {
    expect(mention('Orders fell from the same month a year ago.', PUB, 'the same month a year ago')).toMatchObject({ value: '2023-01' });
    expect(mention('Orders fell from the same month last year.', PUB, 'the same month last year')).toMatchObject({ value: '2023-01' });
  });

  it('"the same month a year later" counts from the month talked about', () => {
    const text = 'The mill shut in May 2019. In the same month a year later it reopened.';
    expect(mention(text, PUB, 'the same month a year later')).toMatchObject({ value: '2020-05', anchor: 'previous-date' });
  });

  it.each([
    ['Prices rose late last year.', 'late last year', '2023'],
    ['The board met earlier this month.', 'earlier this month', '2024-01'],
    ['Rates should fall later this year.', 'later this year', '2024'],
  ])('a modifier stays in the span: %s', (sentence, phrase, value) => {
    expect(mention(sentence, PUB, phrase).value).toBe(value);
  });
});
