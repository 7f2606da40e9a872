/**
 * A pool of worker threads that runs the per-document stages (a `DocumentProcessor`).
 *
 * Each worker builds `processDocument(config)` once, so wink-nlp and the NER model load once per
 * thread, and then takes batches of source documents. Documents handed to `process()` wait in a
 * queue here; whenever a worker has a free slot it gets the next batch. A worker holds at most
 * two batches (one running, one waiting in its port) so it never idles between messages, and a
 * batch takes a fair share of what is waiting, capped by `maxBatchDocs` and `maxBatchChars`:
 * while documents trickle in they go one by one, once they queue up they go in batches and the
 * cost of a message is shared. `concurrency` (what runPipeline lets in flight) is sized to keep
 * every slot fed; p-queue in runPipeline stops reading when that many are in flight.
 *
 * Output does not depend on the pool: each document is processed by the same pure function
 * whichever thread runs it, and runPipeline sorts processed documents by id before the corpus
 * stages, so tables are byte-identical to an inline run (tests/workers-identical.test.ts).
 *
 * Workers run compiled JavaScript (`dist/src/workers/worker.js`): from dist/ it is this module's
 * sibling; from src/ (tsx, vitest) the build's copy is used, so build first (`npm test` does).
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Config } from '../config.js';
import { DatelineError, codes, type ErrorCode } from '../errors.js';
import type { DocumentProcessor, Timings } from '../pipeline.js';
import type { ProcessedDoc, SourceDoc } from '../types.js';
import type { BatchRequest, SerializedError, WorkerInit, WorkerMessage } from './protocol.js';

/** Options of the worker pool. */
export interface PoolOptions {
  /**
   * Number of worker threads, from 1 up.
   * @default `config.workers`, where 0 means one per core (`os.availableParallelism()`)
   */
  size?: number;
  /** Most documents sent to a worker in one message. @default 32 */
  maxBatchDocs?: number;
  /** Most UTF-16 units of text in one message; a batch always holds at least one document. @default 262144 */
  maxBatchChars?: number;
  /** The worker script. @default the compiled `dist/src/workers/worker.js` */
  workerUrl?: URL;
}

/**
 * Worker threads for `config.workers` (0: one per core), never more than the cores: each worker
 * holds its own models (about 60 MB), so a thousand of them exhaust memory while running no
 * faster than one per core. A larger request is capped (the run warns: `workerRequestCapped`).
 */
export function workerCount(config: Pick<Config, 'workers'>, cores = availableParallelism()): number {
  return config.workers === 0 ? cores : Math.min(config.workers, cores);
}

/** The warning for a worker request above the cores, or null when it is within them. */
export function workerRequestCapped(config: Pick<Config, 'workers'>, cores = availableParallelism()): string | null {
  return config.workers > cores ? `${config.workers} workers asked for, but this machine has ${cores} core(s): running ${cores} (more threads than cores only cost memory)` : null;
}

/** Batches a worker may hold at once: one running, one waiting in its port. */
const SLOTS = 2;

/** Documents a pool of `size` workers takes in flight: every slot of every worker full. */
export function poolConcurrency(size: number, maxBatchDocs = 32): number {
  return size * SLOTS * maxBatchDocs;
}

/** A worker that stopped unexpectedly is replaced, but not forever. */
const MAX_RESTARTS = 3;

interface Job {
  source: SourceDoc;
  resolve: (value: { doc: ProcessedDoc; timings: Timings }) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  /** Batches sent and not yet answered, by batch number. */
  batches: Map<number, Job[]>;
  closing: boolean;
}

/** A started pool of worker threads; `close()` stops them. */
export interface WorkerPool extends DocumentProcessor {
  /** Number of worker threads. */
  readonly size: number;
}

/**
 * Starts `size` worker threads and waits until every one has built its stages. A worker that
 * cannot build them (a missing or invalid model) fails the start with that worker's error, so a
 * bad setup stops the run before any document is read, as it does in the inline processor.
 */
export async function startWorkerPool(config: Config, options: PoolOptions = {}): Promise<WorkerPool> {
  const size = options.size ?? workerCount(config);
  const maxBatchDocs = options.maxBatchDocs ?? 32;
  const maxBatchChars = options.maxBatchChars ?? 262_144;
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`Expected \`size\` to be an integer from 1 up, got ${String(size)}`);
  if (!Number.isInteger(maxBatchDocs) || maxBatchDocs < 1) throw new RangeError(`Expected \`maxBatchDocs\` to be an integer from 1 up, got ${String(maxBatchDocs)}`);
  if (!Number.isInteger(maxBatchChars) || maxBatchChars < 1) throw new RangeError(`Expected \`maxBatchChars\` to be an integer from 1 up, got ${String(maxBatchChars)}`);
  const url = options.workerUrl ?? defaultWorkerUrl();
  const init: WorkerInit = { config };

  const waiting: Job[] = [];
  const slots: Slot[] = [];
  let nextBatch = 0;
  let restarts = 0;
  let broken: Error | undefined;
  let closed = false;
  let pumpScheduled = false;

  /** Starts one worker; resolves once it is ready, rejects if it cannot build its stages. */
  function spawn(index: number): Promise<Slot> {
    return new Promise((resolveReady, rejectReady) => {
      const worker = new Worker(url, { workerData: init, name: `dateline-worker-${index}` });
      const slot: Slot = { worker, batches: new Map(), closing: false };
      let ready = false;
      worker.on('message', (message: WorkerMessage) => {
        if (message.type === 'ready') {
          ready = true;
          resolveReady(slot);
        } else if (message.type === 'init-failed') {
          slot.closing = true;
          void worker.terminate();
          const error = revive(message.error);
          if (ready) fail(error);
          else rejectReady(error);
        } else {
          const jobs = slot.batches.get(message.batch);
          if (jobs === undefined) return;
          slot.batches.delete(message.batch);
          message.results.forEach((outcome, i) => {
            const job = jobs[i]!;
            if (outcome.ok) job.resolve({ doc: outcome.doc, timings: outcome.timings });
            else job.reject(revive(outcome.error));
          });
          pump();
        }
      });
      let lastError: Error | undefined;
      worker.on('error', (error) => {
        lastError = error;
      });
      worker.on('exit', (code) => {
        if (slot.closing) return;
        const why = new Error(`worker thread ${index} stopped (${lastError?.message ?? `exit code ${code}`})`);
        if (!ready) {
          rejectReady(why);
          return;
        }
        // Its documents fail (each reported, the batch carries on); a fresh worker takes its place.
        for (const jobs of slot.batches.values()) for (const job of jobs) job.reject(why);
        slot.batches.clear();
        const at = slots.indexOf(slot);
        if (at >= 0) slots.splice(at, 1);
        if (closed) return;
        if (restarts++ >= MAX_RESTARTS) {
          fail(new Error(`worker threads stopped ${restarts} times; giving up (last: ${why.message})`));
          return;
        }
        spawn(index).then(
          (fresh) => {
            if (closed) {
              fresh.closing = true;
              void fresh.worker.terminate();
              return;
            }
            slots.push(fresh);
            pump();
          },
          (error: Error) => fail(error),
        );
      });
    });
  }

  /** The pool cannot go on: every waiting and running document fails with `error`. */
  function fail(error: Error): void {
    broken ??= error;
    for (const job of waiting.splice(0)) job.reject(error);
    for (const slot of slots) {
      for (const jobs of slot.batches.values()) for (const job of jobs) job.reject(error);
      slot.batches.clear();
    }
  }

  /** Hands waiting documents to workers with a free slot, least busy first. */
  function pump(): void {
    while (waiting.length > 0) {
      let best: Slot | undefined;
      let free = 0;
      for (const slot of slots) {
        const f = SLOTS - slot.batches.size;
        if (f <= 0 || slot.closing) continue;
        free += f;
        if (best === undefined || slot.batches.size < best.batches.size) best = slot;
      }
      if (best === undefined) return;
      // A fair share of what is waiting, so one worker does not take everything while another idles.
      const share = Math.min(maxBatchDocs, Math.ceil(waiting.length / free));
      const jobs: Job[] = [];
      let chars = 0;
      while (jobs.length < share && waiting.length > 0) {
        const next = waiting[0]!;
        if (jobs.length > 0 && chars + next.source.text.length > maxBatchChars) break;
        chars += next.source.text.length;
        jobs.push(waiting.shift()!);
      }
      const batch = nextBatch++;
      best.batches.set(batch, jobs);
      const request: BatchRequest = { type: 'batch', batch, docs: jobs.map((j) => j.source) };
      best.worker.postMessage(request);
    }
  }

  /**
   * Documents handed over in one turn of the event loop (runPipeline adds them in bursts) are
   * pumped together, so the first batches are not all single documents.
   */
  function schedulePump(): void {
    if (pumpScheduled) return;
    pumpScheduled = true;
    setImmediate(() => {
      pumpScheduled = false;
      pump();
    });
  }

  const started = await Promise.allSettled(Array.from({ length: size }, (_, i) => spawn(i)));
  for (const s of started) if (s.status === 'fulfilled') slots.push(s.value);
  const failed = started.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failed !== undefined) {
    closed = true;
    await Promise.all(slots.map((slot) => ((slot.closing = true), slot.worker.terminate())));
    throw failed.reason;
  }

  return {
    size,
    concurrency: poolConcurrency(size, maxBatchDocs),
    process(source) {
      if (closed) return Promise.reject(new Error('the worker pool is closed'));
      if (broken !== undefined) return Promise.reject(broken);
      return new Promise((resolve, reject) => {
        waiting.push({ source, resolve, reject });
        schedulePump();
      });
    },
    async close() {
      if (closed) return;
      closed = true;
      fail(new Error('the worker pool was closed while documents were in flight'));
      await Promise.all(slots.map((slot) => ((slot.closing = true), slot.worker.terminate())));
      slots.length = 0;
    },
  };
}

/** The compiled worker next to this module, or the build's copy when this module runs from src/. */
function defaultWorkerUrl(): URL {
  const self = fileURLToPath(import.meta.url);
  const url = self.endsWith('.ts') ? new URL('../../dist/src/workers/worker.js', import.meta.url) : new URL('./worker.js', import.meta.url);
  if (!existsSync(url)) throw new Error(`the compiled worker ${fileURLToPath(url)} is missing; run \`npm run build\` first`);
  return url;
}

/** An error from a worker, as a DatelineError again when it was one (same code and message). */
function revive(e: SerializedError): Error {
  let error: Error;
  if (e.name === 'DatelineError' && e.code !== undefined && (codes as readonly string[]).includes(e.code)) {
    error = new DatelineError(e.code as ErrorCode, e.message, { ...(e.file === undefined ? {} : { file: e.file }), ...(e.line === undefined ? {} : { line: e.line }) });
  } else {
    error = new Error(e.message);
    error.name = e.name;
  }
  if (e.stack !== undefined) error.stack = e.stack;
  return error;
}
