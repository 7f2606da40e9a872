/**
 * Issue 17: a page's own date in any of the forms news sites use, in precedence order, and
 * `documents.published_source` naming the form. Each page of the fixture carries one form (and
 * some a weaker one beside it, which must lose); the relative dates in the text then resolve.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config.js';
import { dayFromUrl } from '../../src/ingest/html.js';
import { runOnFiles } from '../../src/run.js';

const fixture = 'tests/fixtures/html-published-date';
type Row = Record<string, unknown>;
let out: string;
const read = (name: string): Row[] => readFileSync(join(out, `${name}.jsonl`), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Row);

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), 'dateline-html-dates-'));
  await runOnFiles(parseConfig({ input: `${fixture}/input`, output: out, workers: 1, cache: { enabled: false }, export: { formats: ['jsonl'] } }));
}, 120_000);

describe('the published date of an HTML page', () => {
  it('comes from the best form the page has, and published_source names it', () => {
    const expected = JSON.parse(readFileSync(`${fixture}/expected/documents.json`, 'utf8')) as Row[];
    const got = read('documents').map((d) => ({ doc_id: d['doc_id'], published: d['published'], published_source: d['published_source'] }));
    expect(got.sort((a, b) => String(a.doc_id).localeCompare(String(b.doc_id)))).toEqual(expected);
  });

  it('dates the relative words of the text ("on Tuesday") from it', () => {
    const tuesday = read('mentions').find((m) => m['doc_id'] === 'url-path' && m['text'] === 'Tuesday');
    // 2023-05-08 is a Monday: the Tuesday before it.
    expect(tuesday?.['value']).toBe('2023-05-02');
  });
});

describe('dayFromUrl', () => {
  it.each([
    ['https://a.example/news/2024/01/17/story-title/', '2024-01-17'],
    ['https://a.example/2024-01-17/story', '2024-01-17'],
    ['https://a.example/world/2024/01/17', '2024-01-17'],
  ])('%s', (url, day) => {
    expect(dayFromUrl(url)).toBe(day);
  });

  it.each([['https://a.example/2024/13/01/x'], ['https://a.example/story?date=2024/01/17/'], ['https://2024.example/01/17/x'], ['https://a.example/id/20240117/x']])('no day in %s', (url) => {
    expect(dayFromUrl(url)).toBeNull();
  });
});
