import { describe, expect, it } from 'vitest';
import { datesOf, mention } from './dates-helpers.js';

// 2024-01-17 is a Wednesday.
const PUB = '2024-01-17';

describe('TimeML value conventions', () => {
  it.each([
    ['Rents doubled in the late 1970s.', 'the late 1970s', '197'],
    ['Wages stalled over the last decade.', 'the last decade', '201'],
  ])('a decade is its first three digits: %s', (sentence, phrase, value) => {
    expect(mention(sentence, PUB, phrase)).toMatchObject({ value, precision: 'decade' });
  });

  it('"Easter week" is a week', () => {
    expect(mention('The ferries ran late during Easter week.', '2024-04-10', 'Easter week')).toMatchObject({ value: '2024-W13', precision: 'week' });
  });
});

describe('offsets from an event are durations', () => {
  it.each([
    ['The plant reopened a month after the flood receded.', 'a month', 'P1M'],
    ['A neighbour saw the van ten days before the fire.', 'ten days', 'P10D'],
  ])('%s', (sentence, phrase, value) => {
    expect(mention(sentence, PUB, phrase)).toMatchObject({ timexType: 'DURATION', value });
  });

  it('without a complement "a day after" still follows the last date', () => {
    const text = 'The levee broke on May 4, 2021. Crews sealed it a day after.';
    expect(mention(text, PUB, 'a day after')).toMatchObject({ value: '2021-05-05', anchor: 'previous-date' });
  });

  it('"a second attempt" is no duration', () => {
    expect(datesOf('A second attempt also failed.', PUB)).toEqual([]);
  });

  it('"the fiscal year ended June 30" is a duration', () => {
    expect(mention('Sales rose in the fiscal year ended June 30.', PUB, 'the fiscal year')).toMatchObject({ timexType: 'DURATION', value: 'P1Y' });
  });
});

describe('the period a report is about', () => {
  it('"for the year" is the year of the period talked about', () => {
    expect(mention('For the year, shipments were flat.', PUB, 'the year').value).toBe('2024');
    const text = 'Profit rose in 2019. By the end of the year the debt was gone.';
    expect(mention(text, PUB, 'the end of the year').value).toBe('2019');
  });

  it('a closing day does not replace the quarter a report is about', () => {
    const text = 'The bank lost money in the quarter ended Sept. 30, 2023. It had earned $2 million in the year-ago quarter.';
    expect(mention(text, PUB, 'the quarter')).toMatchObject({ value: '2023-Q3' });
    expect(mention(text, PUB, 'the year-ago quarter').value).toBe('2022-Q3');
  });

  it('"last year\'s third quarter" keeps its quarter', () => {
    expect(mention("Margins were thin in last year's third quarter.", PUB, "last year's third quarter").value).toBe('2023-Q3');
  });

  it('"the quarter a year ago" is one expression', () => {
    const text = 'Revenue rose in the third quarter of 2023. For the quarter a year ago, the firm earned less.';
    expect(mention(text, PUB, 'the quarter a year ago').value).toBe('2022-Q3');
  });
});

describe('weekdays against the last date', () => {
  it('"the previous Friday" is the Friday before the day last mentioned', () => {
    const text = 'Shares fell on Tuesday, Jan. 9. They had been flat since the previous Friday.';
    expect(mention(text, PUB, 'the previous Friday')).toMatchObject({ value: '2024-01-05', anchor: 'previous-date' });
  });
});

describe('tense', () => {
  it('a plan in the past perfect was for a day now past', () => {
    expect(mention('The offer had been due to expire Friday.', PUB, 'Friday').value).toBe('2024-01-12');
  });

  it('a month set as a deadline lies ahead', () => {
    expect(mention('The lender wants the loan repaid by August.', PUB, 'August').value).toBe('2024-08');
  });

  it('a fronted month narrates the past', () => {
    expect(mention('In October, the board hired a new chief.', PUB, 'October').value).toBe('2023-10');
  });

  it('"is expected in March" points forward', () => {
    expect(mention('The sale is expected in March.', PUB, 'March')).toMatchObject({ value: '2024-03', planned: true });
  });
});

describe('names that look like dates', () => {
  it.each([
    ['The envoys met Jan Novak in Prague.'],
    ['The minister spoke on "This Week" about the budget.'],
    ['The interview aired on USA Today and other outlets.'],
    ['Unemployment is near its quarter-century low.'],
  ])('%s', (sentence) => {
    expect(datesOf(sentence, PUB).filter((d) => d.timexType === 'DATE')).toEqual([]);
  });
});

describe('a month-day in a narrative about another year', () => {
  it('takes the year of the date written just before it in the paragraph', () => {
    const text = 'In this photo taken on May 2, 2016, guards patrol the border. The two presidents announced May 3 that they would build a fence.';
    expect(mention(text, PUB, 'May 3')).toMatchObject({ value: '2016-05-03', anchor: 'previous-date' });
  });

  it('but not across a paragraph', () => {
    const text = 'The general was killed on Jan. 3, 2020.\nOn Jan. 15, officials met in the capital.';
    expect(mention(text, PUB, 'Jan. 15')).toMatchObject({ value: '2024-01-15', anchor: 'published' });
  });
});

describe('plans', () => {
  it('"last week" is never planned, even in a clause that points forward', () => {
    expect(mention('The two sides appear set to resume talks after strikes last week.', PUB, 'last week')).toMatchObject({ value: '2024-W02', planned: false });
  });
});

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

  it('"from 2011 to 2015" is two years; "2000 to 3000 sheep" no year', () => {
    expect(datesOf('She taught there from 2011 to 2015.', PUB).map((d) => d.value)).toEqual(['2011', '2015']);
    expect(datesOf('The farm kept 2000 to 3000 sheep.', PUB)).toEqual([]);
  });

  it('the second day of "March 3 and 4" takes the first one\'s year', () => {
    const found = datesOf('The talks will be held on March 3 and 4.', PUB);
    expect(found.map((d) => [d.text, d.value])).toEqual([['March 3', '2024-03-03'], ['4', '2024-03-04']]);
  });

  it.each([
    ['It felt like high noon for the council.'],
    ['Few in today\'s world remember the strike.'],
    ['Tickets were cheap at the time of its opening.'],
  ])('no date in: %s', (sentence) => {
    expect(datesOf(sentence, PUB)).toEqual([]);
  });

  it('"the day before" with an event after it is not counted from the last date', () => {
    const text = 'The mayor spoke on Jan. 9, the day before voters went to the polls.';
    expect(datesOf(text, PUB).map((d) => d.text)).toEqual(['Jan. 9']);
  });
});
