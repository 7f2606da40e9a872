/**
 * The documents of a run on files wait for the barrier in a temporary file of the output folder
 * (src/io/doc-spill.ts): they come back as they went in, the file is named in the folder's
 * manifest before it exists (so a killed run's file is removed by the next run), and it is gone
 * once read back or when the run lets go of it.
 */
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { spillStore } from '../src/io/doc-spill.js';
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
  it('gives back every document as it went in, in order, large ones too, and removes its file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dateline-spill-'));
    const store = await spillStore(dir);
    const docs = [...Array.from({ length: 3000 }, (_, i) => doc(`d${i}`)), doc('big', 1_500_000), doc('last')];
    for (const d of docs) store.add(d);
    expect(spillFiles(dir)).toHaveLength(1);
    const back = store.takeAll();
    expect(back).toEqual(docs);
    expect(spillFiles(dir)).toEqual([]);
    store.close();
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
  it('gives back the documents added and is empty afterwards', () => {
    const store = memoryStore();
    const docs = [doc('a'), doc('b')];
    for (const d of docs) store.add(d);
    expect(store.takeAll()).toEqual(docs);
    expect(store.takeAll()).toEqual([]);
  });
});
