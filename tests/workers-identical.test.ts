/**
 * Worker threads change where the per-document stages run, never what they produce: every table
 * written by a pool of workers is byte-identical to the inline single-thread run's, on the sample
 * input and on a small generated corpus whose documents finish out of order.
 *
 * The workers run the compiled stages (dist/), so build first (`npm test` does).
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseConfig, type Config } from '../src/config.js';
import { inlineProcessor, type DocumentProcessor } from '../src/pipeline.js';
import { splitSentences } from '../src/stages/split-sentences.js';
import type { Doc } from '../src/types.js';
import { runOnFiles } from '../src/run.js';
import { startWorkerPool } from '../src/workers/pool.js';

const work = mkdtempSync(join(tmpdir(), 'dateline-workers-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Every output file's bytes by name; run-report.json holds timings and thread counts, so it is left out. */
function outputs(dir: string): Map<string, Buffer> {
  const files = readdirSync(dir).filter((f) => f !== 'run-report.json').sort();
  return new Map(files.map((f) => [f, readFileSync(join(dir, f))]));
}

async function run(input: string, name: string, processor: (config: Config) => Promise<DocumentProcessor>): Promise<{ files: Map<string, Buffer>; documents: number; failures: number }> {
  const output = join(work, name);
  const config = parseConfig({ input, output, cache: { enabled: false, dir: join(work, 'cache') } });
  const summary = await runOnFiles(config, { processor: await processor(config) });
  return { files: outputs(output), documents: summary.documentsRead, failures: summary.failures.length };
}

/** A seeded generator, so the corpus is the same on every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Short made-up news articles (names, bodies and events invented for this test), some with a
 * published date and some without, some long and some a line, a repeated caption, an exact
 * duplicate, and ids in no particular order, in JSONL and text files.
 */
function writeCorpus(dir: string): void {
  const rand = random(7);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const first = ['Maren', 'Tobias', 'Ilse', 'Rafael', 'Nadia', 'Corin', 'Selma', 'Dario'];
  const last = ['Holtby', 'Vance', 'Okafor', 'Lindqvist', 'Marchetti', 'Duarte', 'Kessler', 'Amundsen'];
  const orgs = ['Northbridge Water Authority', 'the Coastal Ferry Union', 'Halden Steelworks', 'the Regional Health Board', 'Veltro Bank'];
  const places = ['Lisbon', 'Toronto', 'Nairobi', 'Osaka', 'Marseille', 'Quito'];
  const months = ['January', 'March', 'May', 'July', 'September', 'November'];
  const days = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'];
  const person = (): string => `${pick(first)} ${pick(last)}`;
  const templates = [
    () => `${person()}, the chief executive of ${pick(orgs)}, said on ${pick(days)} that it would open an office in ${pick(places)}.`,
    () => `Police in ${pick(places)} said ${2 + Math.floor(rand() * 9)} people were killed when a bridge collapsed on ${pick(months)} ${1 + Math.floor(rand() * 27)}.`,
    () => `${person()} will meet ${person()} in ${pick(places)} next week to sign a trade agreement.`,
    () => `On ${pick(months)} ${1 + Math.floor(rand() * 27)}, 2022, ${pick(orgs)} announced new rules for ${pick(places)}.`,
    () => `"We expect talks to resume in ${pick(months)}," ${person()} told reporters in ${pick(places)} last ${pick(days)}.`,
    () => `${pick(orgs)} and ${pick(orgs)} held a meeting in ${pick(places)} two days ago.`,
  ];
  const article = (): string => {
    const lines = [`${pick(orgs)} plans change in ${pick(places)}`];
    const paragraphs = 1 + Math.floor(rand() * 6);
    for (let p = 0; p < paragraphs; p++) lines.push(Array.from({ length: 1 + Math.floor(rand() * 4) }, () => pick(templates)()).join(' '));
    if (rand() < 0.2) lines.splice(1, 0, 'Photo: the harbour at dawn.', '', lines[1] ?? 'Text.', 'Photo: the harbour at dawn.');
    return lines.join('\n');
  };
  const records: string[] = [];
  const ids = Array.from({ length: 70 }, (_, i) => `g-${((i * 37) % 70).toString().padStart(3, '0')}`);
  let duplicate = '';
  for (const id of ids) {
    const text = article();
    duplicate ||= text;
    const published = rand() < 0.7 ? `2022-${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}` : undefined;
    records.push(JSON.stringify({ id, title: text.slice(0, text.indexOf('\n')), text, ...(published === undefined ? {} : { published }) }));
  }
  records.push(JSON.stringify({ id: 'g-dup', text: duplicate, published: '2022-06-01' }));
  mkdirSync(join(dir, 'feed'), { recursive: true });
  writeFileSync(join(dir, 'feed', 'a.jsonl'), `${records.slice(0, 40).join('\n')}\n`);
  writeFileSync(join(dir, 'feed', 'b.jsonl'), `${records.slice(40).join('\n')}\nnot json\n`);
  for (let i = 0; i < 4; i++) writeFileSync(join(dir, `2022-0${i + 1}-1${i}-story.txt`), article());
}

describe('a document read after others', () => {
  // wink-nlp adds unseen words to its lexicon as it reads, and its tokenizer keeps a word with an
  // apostrophe whole only when the lexicon knows it: without forgetting between documents, a
  // worker's output would depend on which documents that worker happened to read before.
  const doc = (id: string, text: string): Doc => ({ id, source: 'x.txt', title: '', text, published: null, publishedSource: 'none', sentences: [], tokens: [], entities: [], dates: [], events: [] });
  const words = (d: Doc): string[] => d.tokens.map((t) => d.text.slice(t.start, t.end));

  it('is split into the same tokens as when read first', () => {
    const split = splitSentences();
    const probe = doc('probe', "LAST QUENTARO'S PAY DATE WAS MONDAY");
    const first = split(probe);
    expect(words(first)).toEqual(['LAST', 'QUENTARO', "'S", 'PAY', 'DATE', 'WAS', 'MONDAY']);
    for (const teacher of ["RATED BY QUENTARO'S.", "QUENTARO'S, the agency", "QUENTARO'S-rated bonds"]) {
      split(doc('teacher', teacher));
      const again = split(probe);
      expect(words(again), teacher).toEqual(words(first));
      expect(again.tokens).toEqual(first.tokens);
      expect(again.sentences).toEqual(first.sentences);
    }
  });
});

describe('worker threads', () => {
  it('write tables byte-identical to the inline run on the sample input', async () => {
    const input = resolve('input');
    const inline = await run(input, 'sample-inline', async (c) => inlineProcessor(c));
    const pooled = await run(input, 'sample-pool', (c) => startWorkerPool(c, { size: 2 }));
    expect(inline.documents).toBeGreaterThan(0);
    expect([...pooled.files.keys()]).toEqual([...inline.files.keys()]);
    for (const [name, bytes] of inline.files) expect(pooled.files.get(name)?.equals(bytes), name).toBe(true);
  }, 120_000);

  it('write tables byte-identical to the inline run on a generated corpus, whatever the batch size', async () => {
    const input = join(work, 'generated');
    writeCorpus(input);
    const inline = await run(input, 'gen-inline', async (c) => inlineProcessor(c));
    expect(inline.documents).toBe(75);
    expect(inline.failures).toBe(1); // the line that is not JSON
    // Something to compare: the stages found mentions and events in the made-up articles.
    expect(inline.files.get('mentions.csv')!.toString('utf8').trim().split('\n').length).toBeGreaterThan(50);
    expect(inline.files.get('events.csv')!.toString('utf8').trim().split('\n').length).toBeGreaterThan(5);
    for (const [size, maxBatchDocs] of [
      [2, 1],
      [3, 5],
    ] as const) {
      const pooled = await run(input, `gen-pool-${size}-${maxBatchDocs}`, (c) => startWorkerPool(c, { size, maxBatchDocs }));
      expect(pooled.documents).toBe(75);
      expect([...pooled.files.keys()]).toEqual([...inline.files.keys()]);
      for (const [name, bytes] of inline.files) expect(pooled.files.get(name)?.equals(bytes), `${name} (${size} workers, batches of ${maxBatchDocs})`).toBe(true);
    }
  }, 180_000);
});

describe('one worker', () => {
  // The stages' models (wink-nlp, the recognizer) are loaded on a worker thread, which goes when
  // the processor closes, rather than in this thread, where they stayed through the corpus stages.
  it('is a pool of one thread, not this thread, and gives the inline result', async () => {
    const { createProcessor } = await import('../src/workers/create-processor.js');
    const { poolConcurrency } = await import('../src/workers/pool.js');
    const config = parseConfig({ workers: 1, cache: { enabled: false } });
    const processor = await createProcessor(config);
    const inline = inlineProcessor(config);
    try {
      expect(processor.workers).toBe(1);
      expect(processor.concurrency).toBe(poolConcurrency(1));
      const source = { id: 'a', source: 'a.txt', title: '', text: 'Mara Velden met the Ostrava council in Verdi on Monday, 3 March 2031.', published: '2031-03-04', publishedSource: 'metadata' as const };
      expect((await processor.process(source)).doc).toEqual((await inline.process(source)).doc);
    } finally {
      await processor.close();
      await inline.close();
    }
  });
});
