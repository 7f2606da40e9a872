import { describe, expect, it } from 'vitest';
import { resolveDates } from '../src/stages/resolve-dates.js';
import { datesOf, mention } from './dates-helpers.js';

// 2024-01-17 is a Wednesday.
const PUB = '2024-01-17';

describe('explicit dates', () => {
  it.each([
    ['The plant closed on March 5, 2021.', 'March 5, 2021', '2021-03-05', 'day'],
    ['The plant closed on 5 March 2021.', '5 March 2021', '2021-03-05', 'day'],
    ['Sales peaked in August 2019.', 'August 2019', '2019-08', 'month'],
    ['The law dates from 1996.', '1996', '1996', 'year'],
    ['Prices rose in the third quarter of 2022.', 'the third quarter of 2022', '2022-Q3', 'quarter'],
    ['Rents doubled in the 1990s.', 'the 1990s', '199', 'decade'],
    ['The file is stamped 2022-11-30.', '2022-11-30', '2022-11-30', 'day'],
  ])('%s', (sentence, phrase, value, precision) => {
    const m = mention(sentence, PUB, phrase);
    expect(m.value).toBe(value);
    expect(m.precision).toBe(precision);
    expect(m.anchor).toBe('absolute');
    expect(m.timexType).toBe('DATE');
  });
});

describe('weekdays lean to the past', () => {
  it.each([
    ['The mayor resigned Monday.', 'Monday', '2024-01-15'],
    ['The mayor resigned Friday.', 'Friday', '2024-01-12'],
    ['The mayor spoke Wednesday in the capital.', 'Wednesday', '2024-01-17'],
    ['The mayor resigned last Wednesday.', 'last Wednesday', '2024-01-10'],
  ])('%s', (sentence, phrase, value) => {
    const m = mention(sentence, PUB, phrase);
    expect(m.value).toBe(value);
    expect(m.anchor).toBe('published');
    expect(m.planned).toBe(false);
  });

  it('a forward-pointing clause takes the next one', () => {
    const m = mention('The mayor will visit the port on Friday.', PUB, 'Friday');
    expect(m.value).toBe('2024-01-19');
    expect(m.planned).toBe(true);
  });

  it('a plan ("is scheduled to") points forward too', () => {
    expect(mention('The vote is scheduled to take place Monday.', PUB, 'Monday').value).toBe('2024-01-22');
  });

  it('the date of a report stays past even when the report is about the future', () => {
    expect(mention('The minister said Monday that the bridge would reopen.', PUB, 'Monday').value).toBe('2024-01-15');
  });

  it('preferPast: false reads a bare weekday forward', () => {
    expect(mention('The mayor resigned Friday.', PUB, 'Friday', { preferPast: false }).value).toBe('2024-01-19');
  });
});

describe('month and month-day without a year', () => {
  it.each([
    ['Exports fell in December.', 'December', '2023-12'],
    ['The strike began on Dec. 12.', 'Dec. 12', '2023-12-12'],
    ['The strike began on January 3.', 'January 3', '2024-01-03'],
    ['The company was founded in October.', 'October', '2023-10'],
  ])('%s', (sentence, phrase, value) => {
    expect(mention(sentence, PUB, phrase).value).toBe(value);
  });

  it('a forward clause moves a month-day ahead', () => {
    const m = mention('The envoy may return by Jan. 26.', PUB, 'Jan. 26');
    expect(m.value).toBe('2024-01-26');
    expect(m.planned).toBe(true);
  });

  it.each([
    ['The firm switched to a calendar year in December.', '2022-12'],
    ['The regional office was closed in December.', '2022-12'],
    ['The firm will switch to a calendar year in December.', '2023-12'],
    ['The firm agreed to sell the unit in December.', '2023-12'],
    ['The firm has moved its head office in December.', '2023-12'],
    ['In December the firm switched to a calendar year.', '2022-12'],
    ['In December the regional office closed its doors.', '2022-12'],
    ['In December the firm will switch to a calendar year.', '2023-12'],
    ['In December the firm is expected to switch to a calendar year.', '2023-12'],
    ['In December the firm has to switch to a calendar year.', '2023-12'],
  ])('a month after "in" in a clause told in the simple past has passed: %s', (sentence, value) => {
    // 2023-10-20: December is two months ahead and ten behind.
    expect(mention(sentence, '2023-10-20', 'December').value).toBe(value);
  });

  it('"the year-ago quarter" after a month is the quarter holding that month, a year back', () => {
    const text = 'The group changed its fiscal year in September. In the year-ago quarter it lost money.';
    expect(mention(text, '2023-10-20', 'the year-ago quarter')).toMatchObject({ value: '2022-Q3', precision: 'quarter' });
  });

  it('a future month in a forward clause is this year', () => {
    expect(mention('The ministers will meet again in March.', PUB, 'March').value).toBe('2024-03');
  });
});

describe('deictic expressions against the published date', () => {
  it.each([
    ['Shares slid yesterday.', 'yesterday', '2024-01-16', 'day'],
    ['Shares slid today.', 'today', '2024-01-17', 'day'],
    ['Shares slid last month.', 'last month', '2023-12', 'month'],
    ['Shares slid last year.', 'last year', '2023', 'year'],
    ['Shares slid last week.', 'last week', '2024-W02', 'week'],
    ['Shares slid this week.', 'this week', '2024-W03', 'week'],
    ['The board met two weeks ago.', 'two weeks ago', '2024-W01', 'week'],
    ['The board met three days ago.', 'three days ago', '2024-01-14', 'day'],
    ['Profit rose in the fourth quarter.', 'the fourth quarter', '2023-Q4', 'quarter'],
    ['Talks resumed last fall.', 'last fall', '2023-FA', 'quarter'],
  ])('%s', (sentence, phrase, value, precision) => {
    const m = mention(sentence, PUB, phrase);
    expect(m.value).toBe(value);
    expect(m.precision).toBe(precision);
    expect(m.anchor).toBe('published');
  });

  it('present, past and future references', () => {
    expect(mention('Prices are now stable.', PUB, 'now').value).toBe('PRESENT_REF');
    expect(mention('Prices have recently fallen.', PUB, 'recently').value).toBe('PAST_REF');
    expect(mention('Prices may rise in the near future.', PUB, 'the near future').value).toBe('FUTURE_REF');
  });

  it('times of day join the day they are written with', () => {
    expect(mention('The blast came at 10 p.m. Tuesday.', PUB, '10 p.m. Tuesday').value).toBe('2024-01-16T22:00');
    expect(mention('Rescuers arrived Tuesday night.', PUB, 'Tuesday night').value).toBe('2024-01-16TNI');
    const t = mention('The blast came at 10 p.m. Tuesday.', PUB, '10 p.m. Tuesday');
    expect(t.timexType).toBe('TIME');
  });
});

describe('anaphora against the date last mentioned', () => {
  it('"the same day" and "the next day" follow the last date', () => {
    const text = 'The ship sank on March 3, 2019. Divers reached it the same day. The navy arrived the next day.';
    expect(mention(text, PUB, 'the same day')).toMatchObject({ value: '2019-03-03', anchor: 'previous-date' });
    expect(mention(text, PUB, 'the next day')).toMatchObject({ value: '2019-03-04', anchor: 'previous-date' });
  });

  it('"that week" and "a day later" follow the last date', () => {
    const text = 'The accord was signed on June 10, 2020. Two ministers resigned that week. A third quit a day later.';
    expect(mention(text, PUB, 'that week').value).toBe('2020-W24');
    expect(mention(text, PUB, 'a day later').value).toBe('2020-06-11');
  });

  it('"a year earlier" keeps the quarter talked about', () => {
    const text = 'Profit rose in the third quarter of 2022. A year earlier, the firm lost money.';
    expect(mention(text, PUB, 'A year earlier').value).toBe('2021-Q3');
  });
});

describe('durations and sets carry no calendar date', () => {
  it.each([
    ['The siege lasted two decades.', 'two decades', 'P2DE'],
    ['The talks went on for 72 hours.', '72 hours', 'PT72H'],
    ['The strike lasted two weeks.', 'two weeks', 'P2W'],
  ])('%s', (sentence, phrase, value) => {
    const m = mention(sentence, PUB, phrase);
    expect(m).toMatchObject({ timexType: 'DURATION', value, precision: null });
  });

  it('frequencies are sets', () => {
    expect(mention('The fair is held every year.', PUB, 'every year')).toMatchObject({ timexType: 'SET', value: 'P1Y', precision: null });
  });
});

describe('no published date', () => {
  it('explicit dates resolve, relative ones stay null', () => {
    const found = datesOf('The dam burst on May 2, 2018. Crews arrived Tuesday and again last week.', null);
    const byText = Object.fromEntries(found.map((d) => [d.text, d]));
    expect(byText['May 2, 2018']).toMatchObject({ value: '2018-05-02', anchor: 'absolute' });
    expect(byText.Tuesday).toMatchObject({ value: null, anchor: 'none', precision: null });
    expect(byText['last week']).toMatchObject({ value: null, anchor: 'none' });
  });

  it('a month-day without a year is not guessed', () => {
    expect(mention('The fire started on Aug. 9.', null, 'Aug. 9')).toMatchObject({ value: null, anchor: 'none' });
  });
});

describe('stage contract', () => {
  it('mentions are sorted, inside the text and inside their sentence', () => {
    const text = 'On Monday, the court ruled. In 2019 and again last year, the firm appealed.\nThe next hearing is set for March 4.';
    const found = datesOf(text, PUB);
    expect(found.length).toBeGreaterThanOrEqual(4);
    for (let i = 1; i < found.length; i++) expect(found[i]!.start).toBeGreaterThanOrEqual(found[i - 1]!.end);
    for (const d of found) expect(d.end).toBeLessThanOrEqual(text.length);
  });

  it('rejects unknown and ill-typed options', () => {
    expect(() => resolveDates({ preferPastt: true } as never)).toThrow(/unknown option `preferPastt`/);
    expect(() => resolveDates({ preferPast: 'yes' } as never)).toThrow(/must be a boolean/);
  });
});

describe('anaphora and deadlines (added)', () => {
  it('"the next morning" is the morning after the last day mentioned', () => {
    const text = 'The suspect was arrested on Monday. He appeared in court the next morning.';
    expect(mention(text, '2024-01-17', 'the next morning')).toMatchObject({ value: '2024-01-16TMO', anchor: 'previous-date' });
  });

  it('a weekday a deadline is set to lies ahead; "until Monday, they had" looks back', () => {
    expect(mention('The board postponed the vote until Monday.', '2024-01-17', 'Monday')).toMatchObject({ value: '2024-01-22', planned: true });
    expect(mention('Until Monday, the police had named no suspect.', '2024-01-17', 'Monday')).toMatchObject({ value: '2024-01-15' });
  });
});

describe('year-ago quarters (added)', () => {
  it('"last year\'s quarter" stays a quarter even after a year was mentioned', () => {
    const text = 'Sales for 2023 rose. Exports for last year\'s quarter were flat.';
    expect(mention(text, '2024-11-01', "last year's quarter")).toMatchObject({ value: '2023-Q3', precision: 'quarter' });
  });
});
