/**
 * The light part of every document is what a run keeps in memory per document: it must not cost
 * a hidden class of its own per document (as the rest-and-spread copy did, about 500 bytes each),
 * and it must say what the document said.
 */
import { deserialize, serialize, setFlagsFromString } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { docMeta } from '../src/corpus.js';
import { stringInterner } from '../src/gc.js';
import type { ProcessedDoc } from '../src/types.js';

setFlagsFromString('--allow-natives-syntax');
const haveSameMap = new Function('a', 'b', 'return %HaveSameMap(a, b)') as (a: object, b: object) => boolean;

/** A processed document as the main thread receives it from a worker: a structured clone. */
function received(i: number, withLine: boolean): ProcessedDoc {
  const doc: ProcessedDoc = {
    id: `doc-${i}`,
    source: withLine ? 'part-1.jsonl' : `story-${i}.txt`,
    ...(withLine ? { line: i + 1 } : {}),
    title: `Title ${i}`,
    published: i % 7 === 0 ? null : `2020-01-${String((i % 28) + 1).padStart(2, '0')}`,
    publishedSource: i % 7 === 0 ? 'none' : 'metadata',
    ...(i % 11 === 0 ? { url: `https://example.org/${i}` } : {}),
    sentenceCount: 3 + (i % 5),
    tokenCount: 40 + i,
    entities: [],
    dates: [],
    events: [],
    fingerprints: { exact: '', minhash: [], paragraphs: [] },
    droppedParagraphs: i % 5 === 0 ? [1, 2] : [],
  };
  return deserialize(serialize(doc)) as ProcessedDoc;
}

describe('docMeta', () => {
  it('gives the light parts of a run one hidden class (per kind of input)', () => {
    for (const withLine of [true, false]) {
      const metas = Array.from({ length: 5000 }, (_, i) => docMeta(received(i, withLine))).filter((m) => m.url === undefined);
      const differing = metas.filter((m) => !haveSameMap(metas[0]!, m)).length;
      expect(differing).toBe(0);
    }
  });

  it('keeps every field but the mentions, dates, events and fingerprints, with their counts', () => {
    const doc = { ...received(10, true), url: 'https://example.org/x', entities: [{} as never, {} as never], dates: [{} as never] };
    const meta = docMeta(doc);
    const { entities: _e, dates: _d, events: _v, fingerprints: _f, ...rest } = doc;
    expect(meta).toEqual({ ...rest, entityCount: 2, dateCount: 1 });
    const bare = docMeta(received(3, false));
    expect('line' in bare).toBe(false);
    expect('url' in bare).toBe(false);
  });

  it('gives one copy of a repeated string through the interner', () => {
    const intern = stringInterner();
    const a = ['2020', '01-05'].join('-');
    const b = ['2020-01', '05'].join('-');
    expect(intern(a)).toBe(a);
    expect(intern(b)).toBe(a);
  });
});
