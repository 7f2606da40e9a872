/**
 * `dateline worker --redis URL`: takes documents from the queue, runs the per-document stages on
 * them and returns their processed form. Start one per core, on any number of machines that reach
 * the Redis server. Each worker runs one document at a time in a thread of its own
 * (document-job.ts, a BullMQ sandboxed processor), so its main thread keeps renewing the job's
 * lock however long a document takes; if the process dies, the lock expires and BullMQ's stalled
 * check gives the job to another worker.
 */
import { Worker } from 'bullmq';
import { defaultQueueName, redisConnection, type QueueJobData } from './connection.js';
import type { QueueJobResult } from './queue-processor.js';

export interface QueueWorkerOptions {
  redis: string;
  /** @default 'dateline' */
  queue?: string;
  /**
   * How long a job stays locked to a worker that stopped renewing it, in milliseconds: after a
   * worker dies, its document goes to another worker within about this long.
   * @default 30000
   */
  lockMs?: number;
  /** Called as each document starts and ends (for `--verbose`). */
  onJob?: (event: 'start' | 'done' | 'failed', docId: string) => void;
}

export interface QueueWorker {
  /** Resolves once the worker is connected and taking jobs. */
  ready: Promise<void>;
  /** Finishes the document in hand, then disconnects. */
  close(): Promise<void>;
}

export function startQueueWorker(options: QueueWorkerOptions): QueueWorker {
  const connection = redisConnection(options.redis);
  const lockMs = options.lockMs ?? 30_000;
  const worker = new Worker<QueueJobData, QueueJobResult>(options.queue ?? defaultQueueName, new URL('./document-job.js', import.meta.url), {
    connection,
    concurrency: 1,
    useWorkerThreads: true,
    lockDuration: lockMs,
    stalledInterval: Math.max(1000, Math.floor(lockMs / 2)),
    // A document whose worker died is given to another, up to three times.
    maxStalledCount: 3,
  });
  const onJob = options.onJob;
  if (onJob !== undefined) {
    worker.on('active', (job) => onJob('start', job.data.source.id));
    worker.on('completed', (job) => onJob('done', job.data.source.id));
    worker.on('failed', (job) => job && onJob('failed', job.data.source.id));
  }
  worker.on('error', (error) => process.stderr.write(`dateline worker: ${error.message}\n`));
  return {
    ready: worker.waitUntilReady().then(() => undefined),
    close: () => worker.close(),
  };
}
