import { describe, expect, it } from 'vitest';
import { datesOf, mention } from '../../dates-helpers.js';

// 2024-01-17 is a Wednesday.
const PUB = '2024-01-17';

describe('the period a report is about', () => {
  it('a closing day does not replace the quarter a report is about', () => {
    const text = 'The bank lost money in the quarter ended Sept. 30, 2023. It had earned $2 million in the year-ago quarter.';
    expect(mention(text, PUB, 'the quarter')).toMatchObject({ value: '2023-Q3' });
    expect(mention(text, PUB, 'the year-ago quarter').value).toBe('2022-Q3');
  });

  it('"last year\'s third quarter" keeps its quarter', () => {
    expect(mention("Margins were thin in last year's third quarter.", PUB, "last year's third quarter").value).toBe('2023-Q3');
  });
});

describe('names that look like dates', () => {
  it.each([
    ['Unemployment is near its quarter-century low.'],
  ])('%s', (sentence) => {
    expect(datesOf(sentence, PUB).filter((d) => d.timexType === 'DATE')).toEqual([]);
  });
});

describe('comparisons in reports (focus)', () => {
  it('"the 2022 period" after a span of months is that span, named by its year', () => {
    const text = 'In the first nine months, the brewer earned $40 million, against $31 million in the 2022 period.';
    expect(mention(text, PUB, 'the 2022 period')).toMatchObject({ value: '2022', precision: 'year' });
  });
});

describe('expressions counted from a day written next to them', () => {
  it('"the first two quarters of 2025" is the first half', () => {
    expect(mention('Demand should stay weak through the first two quarters of 2025.', PUB, 'the first two quarters of 2025').value).toBe('2025-H1');
  });
});
