/**
 * The per-document cache on its own: keys, the fingerprint, atomic entries, corrupt entries,
 * bounded growth, and the processor wrapper (hits skip the real processor, which starts lazily).
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cachedProcessor } from '../src/cache/cached-processor.js';
import { openDocCache } from '../src/cache/doc-cache.js';
import { cacheFingerprint, fingerprintParts, stableJson } from '../src/cache/fingerprint.js';
import { parseConfig } from '../src/config.js';
import { DatelineError } from '../src/errors.js';
import type { DocumentProcessor } from '../src/pipeline.js';
import type { ProcessedDoc, SourceDoc } from '../src/types.js';

const root = mkdtempSync(join(tmpdir(), 'dateline-cache-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let n = 0;
const freshDir = (): string => join(root, `c${n++}`);

const config = parseConfig({});
const fp = cacheFingerprint(config);
const source: SourceDoc = { id: 'a1', source: 'news/a.jsonl', line: 3, title: 'Harbour works', text: 'The harbour board met on Monday.\nWork starts in May.', published: '2023-04-02', publishedSource: 'metadata' };
const processed = (id: string, extra: Partial<ProcessedDoc> = {}): ProcessedDoc => ({
  id,
  source: 'news/a.jsonl',
  line: 3,
  title: 'Harbour works',
  published: '2023-04-02',
  publishedSource: 'metadata',
  sentenceCount: 2,
  tokenCount: 11,
  entities: [{ start: 4, end: 17, type: 'ORGANIZATION', sentence: 0, text: 'harbour board' }],
  dates: [{ start: 25, end: 31, sentence: 0, timexType: 'DATE', value: '2023-03-27', precision: 'day', planned: false, anchor: 'published', text: 'Monday' }],
  events: [],
  fingerprints: { exact: 'abc', minhash: [1, 2, 3.5], paragraphs: ['p0', 'p1'] },
  droppedParagraphs: [],
  ...extra,
});

describe('cache keys', () => {
  it('change with every field of the source document', async () => {
    const cache = await openDocCache({ dir: freshDir(), fingerprint: fp });
    const key = cache.keyOf(source);
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(cache.keyOf({ ...source })).toBe(key);
    for (const change of [{ text: `${source.text} ` }, { id: 'a2' }, { title: 'Harbour' }, { published: '2023-04-03' }, { publishedSource: 'text' as const }, { line: 4 }, { source: 'b.jsonl' }, { url: 'https://example.org/a' }]) {
      expect(cache.keyOf({ ...source, ...change }), JSON.stringify(change)).not.toBe(key);
    }
  });

  it('change with the configuration the stages see, not with where files go or how many threads run', () => {
    expect(cacheFingerprint(parseConfig({ dates: { preferPast: false } }))).not.toBe(fp);
    expect(cacheFingerprint(parseConfig({ dates: { defaultPublished: '2020-01-01' } }))).not.toBe(fp);
    expect(cacheFingerprint(parseConfig({ workers: 7, output: 'elsewhere', input: 'x', cache: { dir: '/tmp/y' }, export: { formats: ['csv'] } }))).toBe(fp);
  });

  it('cover the package version, the dependencies, the code and the models', () => {
    const parts = fingerprintParts(config);
    expect(parts.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(parts.dependencies['wink-nlp']).toMatch(/^\d+\.\d+\.\d+/);
    expect(parts.code).toMatch(/^[0-9a-f]{64}$/);
    expect(parts.models).toMatch(/^[0-9a-f]{64}$/);
    expect(Object.keys(parts.config)).toContain('dates');
    expect(Object.keys(parts.config)).not.toContain('workers');
  });

  it('differ between two packages whose models differ', () => {
    const a = join(root, 'pkg-a');
    const b = join(root, 'pkg-b');
    for (const [dir, bytes] of [[a, 'model one'], [b, 'model two']] as const) {
      mkdirSync(join(dir, 'models'), { recursive: true });
      writeFileSync(join(dir, 'package.json'), JSON.stringify({ version: '1.0.0' }));
      writeFileSync(join(dir, 'models', 'm.bin'), bytes);
    }
    expect(cacheFingerprint(config, a)).not.toBe(cacheFingerprint(config, b));
  });

  it('hash JSON with sorted keys', () => {
    expect(stableJson({ b: 1, a: { d: [2, { f: 1, e: 0 }], c: null } })).toBe('{"a":{"c":null,"d":[2,{"e":0,"f":1}]},"b":1}');
  });
});

describe('cache entries', () => {
  it('round-trip a processed document exactly', async () => {
    const dir = freshDir();
    const cache = await openDocCache({ dir, fingerprint: fp });
    const key = cache.keyOf(source);
    expect(await cache.get(key)).toBeUndefined();
    await cache.put(key, processed('a1'));
    const again = await openDocCache({ dir, fingerprint: fp });
    expect(await again.get(key)).toEqual(processed('a1'));
    expect(again.stats).toMatchObject({ hits: 1, misses: 0, corrupt: 0 });
    expect(cache.stats).toMatchObject({ hits: 0, misses: 1, writes: 1, writeErrors: 0 });
    // One file per key in a folder named after its first two hex digits, no temporary files left.
    const shard = join(cache.generationDir, key.slice(0, 2));
    expect(readdirSync(shard)).toEqual([`${key}.json`]);
  });

  it('treat a corrupt or foreign entry as absent', async () => {
    const cache = await openDocCache({ dir: freshDir(), fingerprint: fp });
    const key = cache.keyOf(source);
    await cache.put(key, processed('a1'));
    const file = join(cache.generationDir, key.slice(0, 2), `${key}.json`);
    const good = readFileSync(file, 'utf8');
    for (const bad of [good.slice(0, good.length / 2), '', 'null', JSON.stringify({ key: 'f'.repeat(64), doc: processed('a1') }), JSON.stringify({ key, doc: { id: 'a1' } })]) {
      writeFileSync(file, bad);
      expect(await cache.get(key)).toBeUndefined();
    }
    expect(cache.stats.corrupt).toBe(5);
    await cache.put(key, processed('a1'));
    expect(await cache.get(key)).toEqual(processed('a1'));
  });

  it('count a failed write instead of failing the run', async () => {
    const dir = freshDir();
    const cache = await openDocCache({ dir, fingerprint: fp });
    const key = cache.keyOf(source);
    // A file where the shard folder should be: the write cannot happen.
    writeFileSync(join(cache.generationDir, key.slice(0, 2)), 'in the way');
    await cache.put(key, processed('a1'));
    expect(cache.stats.writeErrors).toBe(1);
    expect(cache.stats.firstWriteError).toMatch(/EEXIST|ENOTDIR/);
  });

  it('keep the most recently used generations and remove the rest', async () => {
    const dir = freshDir();
    const old = ['0000000000000001', '0000000000000002', '0000000000000003', '0000000000000004', '0000000000000005'];
    old.forEach((g, i) => {
      mkdirSync(join(dir, 'v1', g, 'ab'), { recursive: true });
      writeFileSync(join(dir, 'v1', g, 'last-used'), '');
      const t = new Date(Date.UTC(2020, 0, 1 + i));
      utimesSync(join(dir, 'v1', g, 'last-used'), t, t);
    });
    mkdirSync(join(dir, 'v1', 'not-a-generation'));
    const cache = await openDocCache({ dir, fingerprint: fp, keepGenerations: 3 });
    expect(cache.stats.removedGenerations).toBe(3);
    expect(readdirSync(join(dir, 'v1')).sort()).toEqual(['0000000000000004', '0000000000000005', fp.slice(0, 16), 'not-a-generation'].sort());
  });

  it('checks its options', async () => {
    await expect(openDocCache({ dir: freshDir(), fingerprint: 'abc' })).rejects.toThrow(/fingerprint/);
    await expect(openDocCache({ dir: freshDir(), fingerprint: fp, keepGenerations: 0 })).rejects.toThrow(/keepGenerations/);
  });
});

describe('cached processor', () => {
  const counting = (): DocumentProcessor & { calls: number; started: number; closed: number } => {
    const p = {
      calls: 0,
      started: 0,
      closed: 0,
      concurrency: 1,
      async process(s: SourceDoc) {
        p.calls++;
        return { doc: processed(s.id, { tokenCount: s.text.length }), timings: { split: 1 } };
      },
      async close() {
        p.closed++;
      },
    };
    return p;
  };

  it('asks the real processor only on a miss, and starts it only then', async () => {
    const dir = freshDir();
    const inner = counting();
    const start = async (): Promise<DocumentProcessor> => (inner.started++, inner);
    const first = cachedProcessor({ cache: await openDocCache({ dir, fingerprint: fp }), start, concurrency: 16 });
    const a = await first.process(source);
    await first.close();
    expect(inner).toMatchObject({ calls: 1, started: 1, closed: 1 });
    expect(a.timings).toEqual({ split: 1 });

    const second = cachedProcessor({ cache: await openDocCache({ dir, fingerprint: fp }), start, concurrency: 16 });
    const b = await second.process(source);
    const c = await second.process({ ...source, text: 'Something else entirely.' });
    await second.close();
    expect(b.doc).toEqual(a.doc);
    expect(Object.keys(b.timings)).toEqual(['cache-read']);
    expect(c.doc.tokenCount).toBe('Something else entirely.'.length);
    expect(inner).toMatchObject({ calls: 2, started: 2, closed: 2 });

    // All hits: the real processor is never started.
    const third = cachedProcessor({ cache: await openDocCache({ dir, fingerprint: fp }), start, concurrency: 16 });
    await third.process(source);
    await third.close();
    expect(inner.started).toBe(2);
  });

  it('stops the run with the start error when the real processor cannot start', async () => {
    const failing = cachedProcessor({
      cache: await openDocCache({ dir: freshDir(), fingerprint: fp }),
      start: () => Promise.reject(new DatelineError('MODEL_INVALID', 'Expected an NER model file at /nowhere')),
      concurrency: 16,
    });
    await expect(failing.process(source)).rejects.toThrow('Expected an NER model file');
    await expect(failing.close()).rejects.toMatchObject({ code: 'MODEL_INVALID' });
  });
});
