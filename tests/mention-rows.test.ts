/**
 * The mentions table of a run is made as it is read (`MentionRows`, src/stages/build-tables.ts):
 * every way of reading it (slices of any size, from anywhere; one pass through) gives the rows of
 * the table in the same order, entity ids joined, documents dropped as duplicates left out.
 */
import { describe, expect, it } from 'vitest';
import { MentionEntities } from './mention-lookup.js';
import { MentionRows, type MentionSource } from '../src/stages/build-tables.js';
import type { DateRecord, MentionRecord, ProcessedDoc } from '../src/types.js';

function doc(id: string, entities: Array<[number, number, string]>, dates: Array<[number, number, string]>): ProcessedDoc {
  return {
    id, source: 'x.jsonl', title: '', published: null, publishedSource: 'none', sentenceCount: 1, tokenCount: 10,
    entities: entities.map(([start, end, text]): MentionRecord => ({ start, end, text, type: 'PERSON', sentence: 0 })),
    dates: dates.map(([start, end, text]): DateRecord => ({ start, end, text, sentence: 0, timexType: 'DATE', value: '2031-01-02', precision: 'day', planned: false, anchor: 'absolute' })),
    events: [], droppedParagraphs: [], fingerprints: { exact: id, minhash: [], paragraphs: [] },
  };
}

const docs = [
  doc('a', [[10, 14, 'Ann'], [0, 3, 'Bo']], [[5, 9, 'May 2']]),
  doc('b', [], []),
  doc('c', [[0, 4, 'Cy']], []),
  doc('d', [], [[1, 2, 'Jan 2'], [7, 9, 'Feb 2']]),
];
/** A document of the mentions table, read from memory. */
const inMemory = (d: ProcessedDoc): MentionSource => ({ meta: { id: d.id, entityCount: d.entities.length, dateCount: d.dates.length }, read: () => d });

const ids = new MentionEntities();
ids.set('a', 0, 'per_bo');
ids.set('a', 10, 'per_ann');
ids.set('c', 0, 'per_cy');

describe('MentionRows', () => {
  const rows = new MentionRows(docs.map(inMemory), ids);
  const all = [...rows];

  it('lists each document\'s mentions and dates by offset, with their entity ids', () => {
    expect(rows.length).toBe(6);
    expect(all.map((r) => [r['doc_id'], r['start'], r['type'], r['entity_id']])).toEqual([
      ['a', 0, 'PERSON', 'per_bo'], ['a', 5, 'DATE', null], ['a', 10, 'PERSON', 'per_ann'],
      ['c', 0, 'PERSON', 'per_cy'], ['d', 1, 'DATE', null], ['d', 7, 'DATE', null],
    ]);
    expect(all[0]!['mention_id']).toBe('a:0-3');
  });

  it('gives the same rows in slices of every size and from every start', () => {
    for (let size = 1; size <= 7; size++) {
      const out = [];
      for (let from = 0; from < rows.length; from += size) out.push(...rows.slice(from, from + size));
      expect(out).toEqual(all);
    }
    for (let from = 0; from <= 6; from++) for (let to = 0; to <= 8; to++) expect(rows.slice(from, to)).toEqual(all.slice(from, to));
    expect(rows.slice()).toEqual(all);
    expect(rows.slice(-2)).toEqual(all.slice(-2));
  });

  it('is empty for no documents', () => {
    const none = new MentionRows([], ids);
    expect(none.length).toBe(0);
    expect([...none]).toEqual([]);
    expect(none.slice(0, 10)).toEqual([]);
  });
});

describe('processCorpus', () => {
  it('builds the tables from the documents of its source, reading them again for the mentions table', async () => {
    const { processCorpus } = await import('../src/pipeline.js');
    const { parseConfig } = await import('../src/config.js');
    const { memoryDocs } = await import('../src/corpus.js');
    const given = [doc('b', [[0, 4, 'Cy']], []), doc('a', [[0, 3, 'Bo']], [[5, 9, 'May 2']])];
    const source = memoryDocs(given);
    const reads: number[] = [];
    const tables = processCorpus(parseConfig({ input: 'in', output: 'out' }))({ ...source, read: (i) => (reads.push(i), source.read(i)) });
    const before = reads.length;
    expect(before).toBeGreaterThan(0);
    expect(tables.documents.map((d) => d['doc_id'])).toEqual(['a', 'b']);
    expect([...tables.mentions].map((m) => m['mention_id'])).toEqual(['a:0-3', 'a:5-9', 'b:0-4']);
    expect(reads.slice(before)).toEqual([0, 1]);
    expect(tables.people.map((p) => p['name']).sort()).toEqual(['Bo', 'Cy']);
  });
});
