import { describe, expect, it } from 'vitest';
import { mention } from '../dates-helpers.js';

// 2024-01-17 is a Wednesday.
const PUB = '2024-01-17';

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

describe('future tense and modals lean forward', () => {
  it.each([
    ['The bridge should be completed in October.', 'October', '2024-10'],
    ['The line could reopen in March.', 'March', '2024-03'],
    ['The fund must be repaid in June.', 'June', '2024-06'],
    ['The mill is expected to restart on Friday.', 'Friday', '2024-01-19'],
  ])('%s', (sentence, phrase, value) => {
    expect(mention(sentence, PUB, phrase).value).toBe(value);
  });

  it('a modal perfect still tells the past', () => {
    expect(mention('The bridge should have been completed in October.', PUB, 'October').value).toBe('2023-10');
  });
});
