import { describe, expect, it } from 'vitest';
import { inferPublishedFromText, isForwardLooking } from '../src/dates/index.js';
import { dateDocument } from '../src/stages/date-document.js';
import { splitSentences } from '../src/stages/split-sentences.js';
import type { Doc } from '../src/types.js';

describe('inferPublishedFromText', () => {
  it('reads the date line of an embedded post', () => {
    const text = 'Fans lined the streets.\n— Ann Example (@annexample) March 3, 2021\nThe parade went on.';
    expect(inferPublishedFromText(text)).toEqual({ date: '2021-03-03', evidence: '(@annexample) March 3, 2021' });
  });

  it('reads an "Updated:" stamp', () => {
    expect(inferPublishedFromText('Updated: Tuesday, 5 March 2024 10:00 GMT\nThe council met.')?.date).toBe('2024-03-05');
  });

  it('reads a dateline with a year', () => {
    expect(inferPublishedFromText('OSLO, June 2, 2022 - The council met.')?.date).toBe('2022-06-02');
  });

  it('pins the year of "Tuesday (January 16)" from a year stated elsewhere', () => {
    const text = 'The minister spoke on Tuesday (January 16) about the plan first drafted in 2023.';
    expect(inferPublishedFromText(text)).toEqual({ date: '2024-01-16', evidence: 'Tuesday (January 16)' });
  });

  it('takes the latest evidence', () => {
    const text = 'Updated: March 1, 2020\nA post: (@someone) February 20, 2020\nVoting began Thursday, March 5, after a 2019 delay.';
    expect(inferPublishedFromText(text)?.date).toBe('2020-03-05');
  });

  it('returns null when a weekday fits two years near the reference', () => {
    // 5 March fell on a Tuesday in 2019 and in 2024, both near the 2020 reference.
    expect(inferPublishedFromText('The vote was on Tuesday, March 5, after talks in 2020.')).toBeNull();
  });

  it('returns null with no dated evidence', () => {
    expect(inferPublishedFromText('The mayor spoke on Tuesday about the budget for 2021.')).toBeNull();
    expect(inferPublishedFromText('No dates here.')).toBeNull();
  });
});

describe('isForwardLooking', () => {
  it.each([
    ['The president will visit the region next week.', true],
    ['The vote is scheduled to take place on Monday.', true],
    ['The envoy may return by Jan. 26.', true],
    ['The president visited the region last week.', false],
    ['Police said the suspect fled on foot.', false],
    ['He may have left the country on Friday.', false],
  ])('%s', (sentence, expected) => {
    expect(isForwardLooking(sentence)).toBe(expected);
  });
});

describe('dateDocument: a month written with its year as the only evidence', () => {
  const stage = dateDocument({ defaultPublished: null, preferPast: true });
  const run = (text: string): { published: string | null; publishedSource: string } => {
    const doc: Doc = {
      id: 't', source: 't', title: '', text, published: null, publishedSource: 'none',
      sentences: [], tokens: [], entities: [], dates: [], events: [],
    };
    const out = stage(splitSentences()(doc));
    return { published: out.published, publishedSource: out.publishedSource };
  };

  it('month-days after the month tell the date', () => {
    const text = 'The dam failed on March 4 after heavy rain. Engineers had warned about cracks in February 2022. Repairs began on March 9.';
    expect(run(text)).toEqual({ published: '2022-03-09', publishedSource: 'text' });
  });

  it('a month alone gives no day', () => {
    expect(run('The dam failed in February 2022 after heavy rain.')).toEqual({ published: null, publishedSource: 'none' });
  });

  it('a weekday does not tell the date against a month', () => {
    expect(run('Engineers warned about cracks in February 2022. The dam failed on Tuesday.')).toEqual({ published: null, publishedSource: 'none' });
  });

  it('month-days long before the month give nothing', () => {
    expect(run('The dam was built on June 4. Engineers warned about cracks in February 2022.')).toEqual({ published: null, publishedSource: 'none' });
  });
});
