import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { resolveDates } from '../src/stages/resolve-dates.js';
import { splitSentences } from '../src/stages/split-sentences.js';
import type { Doc } from '../src/types.js';

/**
 * Golden scenario: an article of our own with a published date and relative dates of every kind
 * (weekday, "yesterday", "last week", "two days later", "a year earlier", month without a year,
 * forward-pointing plans). `expected/dates.json` holds the values a careful reader gives.
 */
const dir = new URL('./fixtures/date-relative-to-published/', import.meta.url);
const read = (path: string): string => readFileSync(new URL(path, dir), 'utf8');

interface Expected {
  text: string;
  type: string;
  value: string | null;
  anchor: string;
  planned: boolean;
}

function run(text: string, published: string | null): Expected[] {
  const doc: Doc = {
    id: 'date-relative-to-published', source: 'input/article.txt', title: '', text, published,
    publishedSource: published === null ? 'none' : 'metadata', sentences: [], tokens: [], entities: [], dates: [], events: [],
  };
  const out = resolveDates()(splitSentences()(doc));
  return out.dates.map((d) => ({ text: text.slice(d.start, d.end), type: d.timexType, value: d.value, anchor: d.anchor, planned: d.planned }));
}

describe('golden: date-relative-to-published', () => {
  const text = read('input/article.txt');
  const published = read('input/published.txt').trim();
  const expected = JSON.parse(read('expected/dates.json')) as Expected[];

  it('resolves every date of the article against its published date', () => {
    expect(run(text, published)).toEqual(expected);
  });

  it('spans are sorted, inside the text, and each inside its sentence', () => {
    const doc: Doc = {
      id: 'g', source: 'g', title: '', text, published, publishedSource: 'metadata',
      sentences: [], tokens: [], entities: [], dates: [], events: [],
    };
    const out = resolveDates()(splitSentences()(doc));
    let prev = 0;
    for (const d of out.dates) {
      expect(d.start).toBeGreaterThanOrEqual(prev);
      expect(d.end).toBeLessThanOrEqual(text.length);
      const s = out.sentences[d.sentence]!;
      expect(d.start).toBeGreaterThanOrEqual(s.start);
      expect(d.end).toBeLessThanOrEqual(s.end);
      prev = d.end;
    }
  });

  it('without a published date, explicit dates still resolve and relative ones stay unresolved', () => {
    const got = run(text, null);
    const byText = new Map(got.map((d) => [d.text, d]));
    expect(byText.get('Feb. 27')?.value).toBeNull();
    expect(byText.get('2023')?.value).toBe('2023');
    expect(byText.get('the 1990s')?.value).toBe('199');
    for (const phrase of ['Tuesday', 'Yesterday', 'last week', 'next month', 'two weeks ago']) {
      expect(byText.get(phrase)).toMatchObject({ value: null, anchor: 'none' });
    }
  });
});
