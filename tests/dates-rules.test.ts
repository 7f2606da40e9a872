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

describe('comparisons in reports (focus)', () => {
  it('a closing day after a span of months becomes the period compared with', () => {
    const text = 'Back in 2017 the chain was sold. For the six months ended Aug. 12, 2023, the chain earned $4 million, compared with $9 million a year earlier.';
    expect(mention(text, PUB, 'a year earlier').value).toBe('2022');
  });

  it('a planned quarter does not become the quarter a report is about', () => {
    const text = 'The grocer said third-quarter profit rose. It will take a fourth-quarter charge for the closures. Sales in the latest quarter were flat, against $3 million a year ago.';
    expect(mention(text, PUB, 'the latest quarter').value).toBe('2023-Q3');
    expect(mention(text, PUB, 'a year ago').value).toBe('2022-Q3');
  });

  it('a side remark about another quarter keeps the quarter reported on', () => {
    const text = 'The miller posted higher fourth-quarter profit. After a weak third quarter, costs eased. Charges in the year-earlier period were larger.';
    expect(mention(text, PUB, 'the year-earlier period').value).toBe('2022-Q4');
  });

  it('"the 2022 period" after a span of months is that span, named by its year', () => {
    const text = 'In the first nine months, the brewer earned $40 million, against $31 million in the 2022 period.';
    expect(mention(text, PUB, 'the 2022 period')).toMatchObject({ value: '2022', precision: 'year' });
  });
});

describe('expressions counted from a day written next to them', () => {
  it('"the week of March 6" is that week', () => {
    expect(mention('The hearing may be held the week of March 6, 2023.', PUB, 'the week of March 6, 2023')).toMatchObject({ value: '2023-W10', precision: 'week' });
  });

  it('"the day before last Tuesday" is the Monday', () => {
    // Published on a Wednesday: last Tuesday is the day before.
    expect(mention("The day before last Tuesday's vote, the mayor resigned.", PUB, 'The day before last Tuesday')).toMatchObject({ value: '2024-01-15' });
    expect(mention('The ship docked the day after Christmas.', PUB, 'the day after Christmas')).toMatchObject({ value: '2023-12-26' });
  });

  it('"the first two quarters of 2025" is the first half', () => {
    expect(mention('Demand should stay weak through the first two quarters of 2025.', PUB, 'the first two quarters of 2025').value).toBe('2025-H1');
  });

  it('"since year-end" is the last year-end passed', () => {
    expect(mention('The index has gained 4% since year-end.', PUB, 'year-end').value).toBe('2023');
    expect(mention('The deal should close by year-end.', PUB, 'year-end').value).toBe('2024');
  });

  it('"the end of the month" is the month talked about', () => {
    expect(mention('The ferry stopped on Nov. 3, 2022, and by the end of the month the port was empty.', PUB, 'the end of the month').value).toBe('2022-11');
  });
});

describe('clauses across brackets and quotes', () => {
  it('a parenthesis is as forward as the words before it', () => {
    const text = "'The convoy will leave at dawn (6 a.m. Friday),' the colonel said.";
    expect(mention(text, PUB, '6 a.m. Friday').value).toBe('2024-01-19T06:00');
  });

  it('a quote that closes a sentence ends the clause even without a sentence break', () => {
    const s = "The output will grow in the spring.'' The figures showed that prices fell in December.";
    expect(mention(s, PUB, 'December').value).toBe('2023-12');
  });
});

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

  it('a clock time with no dots does not take the full stop', () => {
    expect(mention('The bridge opened on May 2, 2023 at 5pm.', PUB, 'May 2, 2023 at 5pm').value).toBe('2023-05-02T17:00');
  });
});

describe('present and future references', () => {
  it('"Now," opening a sentence is a discourse marker, not the present', () => {
    expect(datesOf('Now, the council says, the bridge is safe.', PUB)).toEqual([]);
    expect(mention('Now the bridge is safe again.', PUB, 'Now').value).toBe('PRESENT_REF');
    expect(mention('The bridge, the council says, is now safe.', PUB, 'now').value).toBe('PRESENT_REF');
  });

  it.each([
    ['The port will soon reopen to tankers.', 'soon'],
    ['Inspectors may soon close the mine.', 'soon'],
  ])('"soon" in a forward clause is the near future: %s', (sentence, phrase) => {
    expect(mention(sentence, PUB, phrase)).toMatchObject({ value: 'FUTURE_REF', timexType: 'DATE' });
  });

  it.each([
    ['The mayor was soon released on bail.'],
    ['They will leave as soon as the storm passes.'],
    ['The rally began soon after dawn.'],
  ])('"soon" in a narrative or a comparison is no time: %s', (sentence) => {
    expect(datesOf(sentence, PUB).filter((d) => d.value === 'FUTURE_REF')).toEqual([]);
  });
});

describe('parts of the day', () => {
  it('"in the morning" is the morning of the day last mentioned', () => {
    const text = 'The storm hit the coast on Tuesday. Crews cleared the roads in the morning.';
    expect(mention(text, PUB, 'the morning')).toMatchObject({ value: '2024-01-16TMO', timexType: 'TIME' });
  });

  it('"by mid-afternoon" with no day before it is the document date', () => {
    expect(mention('By mid-afternoon, the water had receded.', PUB, 'mid-afternoon')).toMatchObject({ value: '2024-01-17TAF', timexType: 'TIME' });
  });

  it('"the morning of" leaves the day to the date after it', () => {
    expect(datesOf('Crews worked through the morning of the flood.', PUB).filter((d) => d.text === 'the morning')).toEqual([]);
  });

  it.each([
    ['The ferry will leave at 5 in the morning.', '5 in the morning', '2024-01-17T05:00'],
    ['The depot opens at 3 in the afternoon.', '3 in the afternoon', '2024-01-17T15:00'],
    ['The shop closes at 11 at night.', '11 at night', '2024-01-17T23:00'],
  ])('a clock hour with its half of the day: %s', (sentence, phrase, value) => {
    expect(mention(sentence, PUB, phrase)).toMatchObject({ value, timexType: 'TIME' });
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

describe('the age in general', () => {
  it('"the engineers of tomorrow" is no day', () => {
    expect(datesOf('The academy trains the engineers of tomorrow.', PUB)).toEqual([]);
  });

  it('"the end of today" is still the day', () => {
    expect(mention('The offer lapses at the end of today.', PUB, 'today').value).toBe('2024-01-17');
  });
});
