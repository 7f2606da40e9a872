/**
 * The coordinator's side of the distributed mode: a DocumentProcessor whose documents run on
 * `dateline worker` processes anywhere, through a BullMQ queue in Redis. Each document is one job;
 * the result comes back as the job's return value, through the queue's event stream. The corpus
 * stages still run here, after the barrier, so the tables are those of a local run: the pipeline
 * sorts documents by id before them, whatever order the workers finish in.
 *
 * A worker that dies mid-document loses nothing: its lock on the job expires and BullMQ's stalled
 * check hands the job to another worker (up to `maxStalledCount` times, see queue-worker.ts). A
 * document whose stages throw fails once, as it would locally (retrying a deterministic error
 * gives the same error), and the run reports it with STAGE_FAILED.
 */
import { randomUUID } from 'node:crypto';
import { Queue, QueueEvents } from 'bullmq';
import { cacheFingerprint } from '../cache/fingerprint.js';
import type { Config } from '../config.js';
import { DatelineError } from '../errors.js';
import type { DocumentProcessor, Timings } from '../pipeline.js';
import type { ProcessedDoc } from '../types.js';
import { defaultQueueName, redisConnection, type QueueJobData } from './connection.js';

export interface QueueProcessorOptions {
  /** `redis://host:port[/db]`. */
  redis: string;
  /** @default 'dateline' */
  queue?: string;
  /**
   * Documents in flight at once (queued or running). It bounds what Redis and this process hold,
   * and should exceed the number of workers so none waits for work.
   * @default 64
   */
  concurrency?: number;
  /** Milliseconds to wait for Redis before the run stops with QUEUE_UNREACHABLE. @default 10000 */
  connectTimeoutMs?: number;
}

/** The result a worker returns for one document. */
export interface QueueJobResult {
  doc: ProcessedDoc;
  timings: Timings;
}

export async function startQueueProcessor(config: Config, options: QueueProcessorOptions): Promise<DocumentProcessor> {
  // Reconnect after a dropped connection (a Redis restart) until the run gives up on Redis.
  let givenUp = false;
  const connection = redisConnection(options.redis, { retryStrategy: (times) => (givenUp ? null : Math.min(times * 200, 2000)) });
  const name = options.queue ?? defaultQueueName;
  const concurrency = options.concurrency ?? 64;
  // The event stream carries every result: keep it a few batches long, not BullMQ's 10,000 events.
  const queue = new Queue<QueueJobData, QueueJobResult>(name, { connection, streams: { events: { maxLen: Math.max(1000, concurrency * 8) } } });
  const events = new QueueEvents(name, { connection });
  const closeAll = async (): Promise<void> => {
    await Promise.allSettled([events.close(), queue.close()]);
  };
  queue.on('error', () => {}); // connection errors surface as failed calls below
  events.on('error', () => {});
  try {
    await withTimeout(Promise.all([queue.waitUntilReady(), events.waitUntilReady()]), options.connectTimeoutMs ?? 10_000);
  } catch (error) {
    // Never connected: stop reconnecting and drop the sockets without waiting (close() and
    // disconnect() wait for a connection that never comes).
    givenUp = true;
    void events.disconnect().catch(() => {});
    void queue.disconnect().catch(() => {});
    throw new DatelineError('QUEUE_UNREACHABLE', `--redis ${options.redis}: cannot reach Redis (${(error as Error).message}); start redis-server or check the URL`, {}, { cause: error });
  }

  const fingerprint = cacheFingerprint(config);
  const run = randomUUID();
  let next = 0;
  const pending = new Map<string, { resolve: (r: QueueJobResult) => void; reject: (e: Error) => void }>();
  events.on('completed', ({ jobId, returnvalue }) => {
    const p = pending.get(jobId);
    if (p === undefined) return; // another run's job on a shared queue
    pending.delete(jobId);
    p.resolve((typeof returnvalue === 'string' ? JSON.parse(returnvalue) : returnvalue) as QueueJobResult);
  });
  events.on('failed', ({ jobId, failedReason }) => {
    const p = pending.get(jobId);
    if (p === undefined) return;
    pending.delete(jobId);
    p.reject(new Error(failedReason));
  });

  return {
    concurrency,
    async process(source) {
      // Job ids are unique per run (BullMQ ignores a job whose id exists): the run id, then a count
      // (BullMQ reserves ':' in ids).
      const jobId = `${run}-${next++}`;
      const result = new Promise<QueueJobResult>((resolve, reject) => pending.set(jobId, { resolve, reject }));
      try {
        await queue.add('document', { source, config, fingerprint }, { jobId, attempts: 1, removeOnComplete: true, removeOnFail: true });
      } catch (error) {
        pending.delete(jobId);
        throw error;
      }
      return result;
    },
    async close() {
      for (const [, p] of pending) p.reject(new Error('the run stopped before this document came back from a worker'));
      pending.clear();
      await closeAll();
    },
  };
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
