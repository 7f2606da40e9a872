/**
 * The documents of a run on files wait for the barrier in a temporary file of the output folder
 * (src/io/doc-spill.ts): they come back as they went in, the file is named in the folder's
 * manifest before it exists (so a killed run's file is removed by the next run), each document
 * can be read again from it by the corpus stages, and it is gone once the run lets go of it.
 */
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { docMeta, spentFingerprints } from '../src/corpus.js';
import { spillBlockRows, spillStore } from '../src/io/doc-spill.js';
import { memoryStore } from '../src/pipeline.js';
import { readManifest, removeStaged } from '../src/io/output-manifest.js';
import type { ProcessedDoc } from '../src/types.js';

function doc(id: string, words = 3): ProcessedDoc {
  const text = Array.from({ length: words }, (_, i) => `word${i}`).join(' ');
  return {
    id, source: 'in.jsonl', line: 1, title: `Title of ${id}`, published: '2031-02-03', publishedSource: 'metadata', sentenceCount: 1, tokenCount: words,
    entities: [{ start: 0, end: 5, text: 'Alder', type: 'PERSON', sentence: 0, repeated: true }],
    dates: [{ start: 6, end: 9, text: 'May', sentence: 0, timexType: 'DATE', value: null, precision: null, planned: false, anchor: 'none' }],
    events: [{ sentence: 0, sentenceText: text, sentenceStart: 0, date: 0, type: 'meeting', trigger: 'met', actors: [0], targets: [], places: [], others: [], fatalities: null }],
    fingerprints: { exact: 'ab', minhash: [1, 0xffffffff], paragraphs: ['cd'], paragraphSpans: [[0, 5]], paragraphWords: [1] },
    droppedParagraphs: [],
  };
}

const spillFiles = (dir: string): string[] => readdirSync(dir).filter((n) => n.endsWith('.spill'));

describe('spillStore', () => {
  it('gives back every document as it went in, in doc-id order, large ones too, and removes its file when closed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dateline-spill-'));
    const store = await spillStore(dir);
    const docs = [doc('last'), ...Array.from({ length: 3000 }, (_, i) => doc(`d${i}`)), doc('big', 1_500_000)];
    for (const d of docs) store.add(d);
    expect(spillFiles(dir)).toHaveLength(1);
    const source = store.finish();
    const sorted = [...docs].sort((a, b) => (a.id < b.id ? -1 : 1));
    expect(source.meta.map((m) => m.id)).toEqual(sorted.map((d) => d.id));
    expect(source.meta[0]).toEqual({ ...docMeta(sorted[0]!) });
    expect(source.meta.every((m) => m.entityCount === 1 && m.dateCount === 1)).toBe(true);
    // Any document, in any order, any number of times; its fingerprints until they are spent.
    for (const i of [3001, 0, 1500, 0]) {
      expect(source.fingerprints(i)).toEqual(sorted[i]!.fingerprints);
      expect(source.read(i)).toEqual({ ...sorted[i]!, fingerprints: spentFingerprints });
    }
    source.spendFingerprints();
    expect(() => source.fingerprints(0)).toThrow(/spent/);
    expect(source.read(2).events).toEqual(sorted[2]!.events);
    expect(spillFiles(dir)).toHaveLength(1);
    store.close();
    expect(spillFiles(dir)).toEqual([]);
    expect(() => source.read(0)).toThrow(/closed/);
  });

  it('is named in the manifest before it is written, so the next run removes a killed run\'s file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dateline-spill-'));
    writeFileSync(join(dir, 'mine.spill'), 'a file of the user: never touched');
    const store = await spillStore(dir);
    store.add(doc('a'));
    const [name] = spillFiles(dir).filter((n) => n !== 'mine.spill');
    expect((await readManifest(dir)).staging).toContain(name);
    // As if killed here: the next run's clean-up removes the file and only it.
    await removeStaged(dir);
    expect(spillFiles(dir)).toEqual(['mine.spill']);
    store.close();
  });

  it('keeps rows made from the documents (the tables) in its file, read back in order by slice or in full, beside the documents', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dateline-spill-'));
    const store = await spillStore(dir);
    store.add(doc('a'));
    const source = store.finish();
    const a = source.rows();
    const b = source.rows();
    const count = 2 * spillBlockRows + 17;
    const made = Array.from({ length: count }, (_, i) => ({ n: i, name: `row ${i}`, list: [String(i)], none: null }));
    // Two tables at once, their records interleaved in the file (the events and their reports are).
    for (const row of made) {
      a.push(row);
      if (row.n % 3 === 0) b.push({ n: row.n });
    }
    const rows = a.done();
    expect(a.done()).toBe(rows);
    expect(() => a.push({ n: -1 })).toThrow(/done/);
    expect(rows.length).toBe(count);
    expect([...rows]).toEqual(made);
    expect([...b.done()]).toEqual(made.filter((r) => r.n % 3 === 0).map((r) => ({ n: r.n })));
    // Slices as the writers take them (across records, past the end, from the end), and the documents still read.
    expect(rows.slice(spillBlockRows - 2, spillBlockRows + 3)).toEqual(made.slice(spillBlockRows - 2, spillBlockRows + 3));
    expect(rows.slice(0, 3)).toEqual(made.slice(0, 3));
    expect(rows.slice(count - 5, count + 10)).toEqual(made.slice(count - 5));
    expect(rows.slice(-3)).toEqual(made.slice(-3));
    expect(rows.slice(5, 5)).toEqual([]);
    expect(rows.slice()).toEqual(made);
    expect(source.read(0).id).toBe('a');
    expect(memoryStore().finish().rows().done()).toEqual([]);
    store.close();
    expect(spillFiles(dir)).toEqual([]);
    expect(() => [...rows]).toThrow(/closed/);
  });

  it('removes its file when let go of without being read (a failed run)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dateline-spill-'));
    const store = await spillStore(dir);
    store.add(doc('a'));
    store.close();
    store.close();
    expect(spillFiles(dir)).toEqual([]);
    expect(() => store.add(doc('b'))).toThrow(/closed/);
  });
});

describe('memoryStore', () => {
  it('gives back the documents added, in doc-id order, and lets go of their fingerprints when told', () => {
    const store = memoryStore();
    const docs = [doc('b'), doc('a')];
    for (const d of docs) store.add(d);
    const source = store.finish();
    expect(source.meta.map((m) => m.id)).toEqual(['a', 'b']);
    expect(source.read(0)).toBe(docs[1]);
    expect(source.fingerprints(1)).toBe(docs[0]!.fingerprints);
    source.spendFingerprints();
    expect(source.read(1)).toEqual({ ...docs[0]!, fingerprints: spentFingerprints });
    expect(source.read(1).entities).toBe(docs[0]!.entities);
    expect(store.finish().meta).toEqual([]);
  });
});
