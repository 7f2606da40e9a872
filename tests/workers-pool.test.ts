/**
 * The pool's own behaviour, with small stand-in worker scripts instead of the real stages:
 * batching and answer order, per-document errors, a worker that dies, a worker that cannot start.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../src/config.js';
import { DatelineError } from '../src/errors.js';
import type { SourceDoc } from '../src/types.js';
import { poolConcurrency, startWorkerPool, workerCount } from '../src/workers/pool.js';

const dir = mkdtempSync(join(tmpdir(), 'dateline-pool-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Writes a stand-in worker: `body` handles one source document `s` and returns a processed one. */
function fakeWorker(name: string, body: string, init = "port.postMessage({ type: 'ready' });"): URL {
  const file = join(dir, `${name}.mjs`);
  writeFileSync(
    file,
    `import { parentPort as port, threadId } from 'node:worker_threads';
${init}
port.on('message', (m) => {
  const results = m.docs.map((s) => {
    try { return { ok: true, doc: (${body})(s), timings: { fake: 1 } }; }
    catch (e) { return { ok: false, error: { name: e.name, message: e.message, code: e.code } }; }
  });
  port.postMessage({ type: 'batch', batch: m.batch, results });
});
`,
  );
  return pathToFileURL(file);
}

const config = parseConfig({ workers: 2 });
const source = (i: number, text = `text ${i}`): SourceDoc => ({ id: `d${i}`, source: 'x.jsonl', line: i + 1, title: '', text, published: null, publishedSource: 'none' });

describe('worker pool', () => {
  it('answers every document with its own result, across threads and batches', async () => {
    const url = fakeWorker('echo', "(s) => ({ id: s.id, upper: s.text.toUpperCase(), batchSize: m.docs.length, thread: threadId })");
    const pool = await startWorkerPool(config, { size: 2, maxBatchDocs: 4, workerUrl: url });
    try {
      expect(pool.size).toBe(2);
      expect(pool.concurrency).toBe(poolConcurrency(2, 4));
      const results = await Promise.all(Array.from({ length: 50 }, (_, i) => pool.process(source(i))));
      results.forEach((r, i) => {
        const doc = r.doc as unknown as { id: string; upper: string };
        expect(doc.id).toBe(`d${i}`);
        expect(doc.upper).toBe(`TEXT ${i}`);
        expect(r.timings).toEqual({ fake: 1 });
      });
      const docs = results.map((r) => r.doc as unknown as { batchSize: number; thread: number });
      // 50 documents handed over at once go in batches of up to 4, to both threads.
      expect(Math.max(...docs.map((d) => d.batchSize))).toBe(4);
      expect(new Set(docs.map((d) => d.thread)).size).toBe(2);
    } finally {
      await pool.close();
    }
  });

  it('caps a batch by characters, but always sends at least one document', async () => {
    const url = fakeWorker('sizes', '(s) => ({ id: s.id, batchSize: m.docs.length })');
    const pool = await startWorkerPool(config, { size: 1, maxBatchDocs: 32, maxBatchChars: 100, workerUrl: url });
    try {
      const results = await Promise.all(Array.from({ length: 10 }, (_, i) => pool.process(source(i, 'x'.repeat(60)))));
      for (const r of results) expect((r.doc as unknown as { batchSize: number }).batchSize).toBe(1);
      const big = await pool.process(source(99, 'y'.repeat(1000)));
      expect((big.doc as unknown as { batchSize: number }).batchSize).toBe(1);
    } finally {
      await pool.close();
    }
  });

  it('fails only the document whose stages throw, keeping the error code and message', async () => {
    const url = fakeWorker('throws', "(s) => { if (s.id === 'd3') { const e = new Error('no good: ' + s.id); e.name = 'DatelineError'; e.code = 'STAGE_FAILED'; throw e; } return { id: s.id }; }");
    const pool = await startWorkerPool(config, { size: 2, workerUrl: url });
    try {
      const settled = await Promise.allSettled(Array.from({ length: 6 }, (_, i) => pool.process(source(i))));
      expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
      const reason = (settled[3] as PromiseRejectedResult).reason as DatelineError;
      expect(reason).toBeInstanceOf(DatelineError);
      expect(reason.code).toBe('STAGE_FAILED');
      expect(reason.message).toBe('no good: d3');
    } finally {
      await pool.close();
    }
  });

  it('fails the documents of a worker that dies, replaces it and carries on', async () => {
    const url = fakeWorker('dies', "(s) => { if (s.text === 'die') process.exit(7); return { id: s.id }; }");
    const pool = await startWorkerPool(config, { size: 1, maxBatchDocs: 1, workerUrl: url });
    try {
      await expect(pool.process(source(1, 'die'))).rejects.toThrow(/worker thread 0 stopped/);
      const after = await pool.process(source(2));
      expect((after.doc as unknown as { id: string }).id).toBe('d2');
    } finally {
      await pool.close();
    }
  });

  it('does not start when a worker cannot build its stages, and says why', async () => {
    const url = fakeWorker('bad-model', '(s) => s', "port.postMessage({ type: 'init-failed', error: { name: 'DatelineError', code: 'MODEL_INVALID', message: 'Expected an NER model file at /nowhere' } });");
    const start = startWorkerPool(config, { size: 2, workerUrl: url });
    await expect(start).rejects.toBeInstanceOf(DatelineError);
    await expect(start).rejects.toMatchObject({ code: 'MODEL_INVALID', message: 'Expected an NER model file at /nowhere' });
  });

  it('checks its options and refuses documents once closed', async () => {
    await expect(startWorkerPool(config, { size: 0 })).rejects.toThrow('Expected `size` to be an integer from 1 up, got 0');
    await expect(startWorkerPool(config, { size: 1, maxBatchDocs: 1.5 })).rejects.toThrow(/maxBatchDocs/);
    const pool = await startWorkerPool(config, { size: 1, workerUrl: fakeWorker('closed', '(s) => s') });
    await pool.close();
    await expect(pool.process(source(1))).rejects.toThrow('the worker pool is closed');
  });

  it('reads 0 workers as one per core', () => {
    expect(workerCount({ workers: 3 }, 4)).toBe(3);
    expect(workerCount({ workers: 0 })).toBeGreaterThanOrEqual(1);
  });
});
