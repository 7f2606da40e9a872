/**
 * Issue 15: a document without a published date was recognized three times (twice by the
 * date-document stage, once more by the date stage). Recognition reads the text only, so the
 * date-document stage now recognizes once and resolves that twice.
 */
import { describe, expect, it, vi } from 'vitest';
import type { Doc } from '../../src/types.js';

const calls = vi.hoisted(() => ({ n: 0 }));
vi.mock('../../src/dates/recognize.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/dates/recognize.js')>();
  return { ...real, recognize: (...args: Parameters<typeof real.recognize>) => { calls.n++; return real.recognize(...args); } };
});

const { dateDocument } = await import('../../src/stages/date-document.js');
const { splitSentences } = await import('../../src/stages/split-sentences.js');

describe('the date-document stage', () => {
  it('recognizes each sentence once, even when it resolves the text twice', () => {
    const text = 'The bridge was closed on March 4, 2021.\nIt reopened on Friday, March 5.\nCrews left on March 6.';
    const doc: Doc = { id: 'd', source: 'd.txt', title: '', text, published: null, publishedSource: 'none', sentences: [], tokens: [], entities: [], dates: [], events: [] };
    const split = splitSentences()(doc);
    calls.n = 0;
    const dated = dateDocument({ defaultPublished: null, preferPast: true })(split);
    expect(dated.published).toBe('2021-03-06');
    expect(calls.n).toBe(split.sentences.length);
  });
});
