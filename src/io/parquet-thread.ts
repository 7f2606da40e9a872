/**
 * Parquet encoding on a thread of its own. Once the corpus stages are done the worker pool is
 * closed, and this thread alone would encode every table three ways; Parquet is the dearest of
 * the three (about as long as CSV and JSONL together). `writeTables` starts every Parquet file
 * first, so the Parquet thread encodes them while this thread writes CSV and JSONL, and the export
 * takes about as long as its text formats.
 *
 * Rows go over one row group ({@link nextGroup}) at a time, the next when the last is
 * encoded: handing rows over costs a structured clone (about a tenth of the encoding), and this
 * way neither thread holds more than one group's copy. The bytes come back without a copy and are
 * those of `writeParquet`, since the same encoder makes them (tests/parquet-thread.test.ts).
 *
 * The thread starts with the first table and stops when nothing is left, so it never keeps the
 * process alive. Its script is compiled JavaScript, found as the worker pool finds its own.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { DatelineError, codes, type ErrorCode } from '../errors.js';
import { tables, type Row, type RowList, type TableName } from '../tables.js';
import { nextGroup } from './parquet.js';
import type { EncodeReply, EncodeRequest } from './parquet-worker.js';

interface Job {
  id: number;
  name: TableName;
  rows: RowList;
  /** The next row to send. */
  from: number;
  chunks: Uint8Array[];
  resolve: (chunks: Uint8Array[]) => void;
  reject: (error: Error) => void;
}

let worker: Worker | null = null;
/** Tables waiting or being encoded, in the order asked; the first one's group is in flight. */
const queue: Job[] = [];
let inFlight = false;
let nextId = 0;

/**
 * The thread's young generation is capped: it encodes one group at a time, and V8's default (up
 * to 16 MB per semi-space) kept its heap near 58 MB with 5 MB in use between groups. Measured at
 * 10M tokens (one worker): the export's peak 511 → 466 MB, its time unchanged.
 */
const threadLimits = { maxYoungGenerationSizeMb: 8 } as const;

/** The resource limits of the running Parquet thread (null when none runs). */
export function parquetThreadLimits(): Worker['resourceLimits'] | null {
  return worker?.resourceLimits ?? null;
}

function start(): Worker {
  const self = fileURLToPath(import.meta.url);
  const url = self.endsWith('.ts') ? new URL('../../dist/src/io/parquet-worker.js', import.meta.url) : new URL('./parquet-worker.js', import.meta.url);
  if (!existsSync(url)) throw new Error(`the compiled Parquet worker ${fileURLToPath(url)} is missing; run \`npm run build\` first`);
  const w = new Worker(url, { resourceLimits: threadLimits });
  w.on('message', (reply: EncodeReply) => {
    inFlight = false;
    const job = queue[0];
    if (job === undefined || job.id !== reply.id) return;
    if (!reply.ok) {
      queue.shift();
      job.reject(reply.code !== null && (codes as readonly string[]).includes(reply.code) ? new DatelineError(reply.code as ErrorCode, reply.message) : new Error(reply.message));
    } else {
      job.chunks.push(...reply.chunks);
      if (job.from >= job.rows.length) {
        queue.shift();
        job.resolve(job.chunks);
      }
    }
    pump();
  });
  const fail = (error: Error): void => {
    worker = null;
    inFlight = false;
    for (const job of queue.splice(0)) job.reject(new DatelineError('EXPORT_FAILED', `${job.name}.parquet: the Parquet thread stopped (${error.message})`, {}, { cause: error }));
  };
  w.on('error', fail);
  w.on('exit', (code) => {
    if (worker === w) fail(new Error(`exit code ${code}`));
  });
  return w;
}

/** Sends the next row group, or stops the thread when no table is left. */
function pump(): void {
  if (inFlight) return;
  const job = queue[0];
  if (job === undefined) {
    const w = worker;
    worker = null;
    void w?.terminate();
    return;
  }
  try {
    worker ??= start();
    const first = job.from === 0;
    const rows = nextGroup(tables[job.name], job.rows, job.from);
    const request: EncodeRequest = { id: job.id, name: job.name, rows, firstRow: job.from, first, last: job.from + rows.length >= job.rows.length };
    job.from += rows.length;
    worker.postMessage(request);
    inFlight = true;
  } catch (error) {
    queue.shift();
    job.reject(error instanceof Error ? error : new Error(String(error)));
    pump();
  }
}

/**
 * The pieces of a table's Parquet file, encoded on the Parquet thread. Rejects with
 * `EXPORT_FAILED` naming table, row and column as `writeParquet` would throw.
 */
export function parquetOffThread(name: TableName, rows: RowList): Promise<Uint8Array[]> {
  return new Promise((resolve, reject) => {
    queue.push({ id: nextId++, name, rows, from: 0, chunks: [], resolve, reject });
    pump();
  });
}
