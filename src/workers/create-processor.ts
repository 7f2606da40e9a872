/**
 * The processor a run uses, from the configuration: where the per-document stages run (this
 * thread or a pool of worker threads) and whether results come from the per-document cache.
 *
 * A pool of `workers` threads; 0 means one per core (`os.availableParallelism()`). One worker is a
 * pool of one thread too, not this thread: the stages' models (wink-nlp, the recognizer, some
 * 100 MB of heap and their garbage) then go when the pool closes instead of staying in this heap
 * through the corpus stages, and this thread reads and parses input meanwhile. Measured on the
 * bench's 10-million-token corpus, one worker: peak memory 1,123 -> 998 MB, per-document phase
 * 128 -> 112 s, tables byte-identical (docs/scaling.md). (`inlineProcessor`, src/pipeline.ts, runs
 * the stages in this thread when `runPipeline` is called without a processor.)
 */
import { cachedProcessor } from '../cache/cached-processor.js';
import { openDocCache, type CacheStats, type DocCache } from '../cache/doc-cache.js';
import { cacheFingerprint } from '../cache/fingerprint.js';
import type { Config } from '../config.js';
import { DatelineError } from '../errors.js';
import type { DocumentProcessor } from '../pipeline.js';
import { startQueueProcessor, type QueueProcessorOptions } from '../queue/queue-processor.js';
import { poolConcurrency, startWorkerPool, workerCount } from './pool.js';

/** The run's processor, with what run-report.json says about it. */
export interface RunProcessor extends DocumentProcessor {
  /** Threads running the per-document stages; 1 is this thread, 0 none (the stages run on queue workers). */
  readonly workers: number;
  /** What the cache did (complete after `close()`), or null when the cache is off. */
  cacheStats(): CacheStats | null;
  /** The per-document cache, or null when it is off (the run memo keys on it). */
  readonly cache: DocCache | null;
}

/**
 * With `queue`, the stages run on `dateline worker` processes through Redis (src/queue/) instead
 * of threads here; the cache, when on, still answers first, so only new documents are queued.
 */
export async function createProcessor(config: Config, options: { queue?: QueueProcessorOptions; onWarning?: (message: string) => void } = {}): Promise<RunProcessor> {
  const queue = options.queue;
  const workers = queue === undefined ? workerCount(config) : 0;
  const start = (): Promise<DocumentProcessor> =>
    queue !== undefined ? startQueueProcessor(config, queue) : startWorkerPool(config, { size: workers });
  if (!config.cache.enabled) {
    // Workers load their models while this thread builds the corpus stages and starts reading.
    const inner = queue !== undefined ? await start() : deferred(start(), poolConcurrency(workers));
    return { workers, concurrency: inner.concurrency, process: (s) => inner.process(s), close: () => inner.close(), cacheStats: () => null, cache: null };
  }
  let cache;
  try {
    cache = await openDocCache({ dir: config.cache.dir, fingerprint: cacheFingerprint(config) });
  } catch (error) {
    const why = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    // A cache that cannot be written (read-only, not ours) only costs speed: the run goes on without it, and says so.
    if (why === 'EACCES' || why === 'EPERM' || why === 'EROFS') {
      options.onWarning?.(`\`cache.dir\` ${config.cache.dir}: the cache folder cannot be written (${why}); running without the cache`);
      return createProcessor({ ...config, cache: { ...config.cache, enabled: false } }, options);
    }
    throw new DatelineError('CONFIG_INVALID', `\`cache.dir\` ${config.cache.dir}: cannot use the cache folder (${why}); choose another folder or run with --no-cache`, { file: config.cache.dir }, { cause: error });
  }
  const inner = cachedProcessor({ cache, start, concurrency: Math.max(16, queue !== undefined ? (queue.concurrency ?? 64) : poolConcurrency(workers)) });
  return { workers, concurrency: inner.concurrency, process: (s) => inner.process(s), close: () => inner.close(), cacheStats: () => ({ ...cache.stats }), cache };
}

/**
 * A processor still starting: documents wait for it. If it cannot start, each document is
 * refused and `close()` throws the start error, so the run stops with it (as a failed inline
 * start would) rather than reporting every document as failed.
 */
function deferred(starting: Promise<DocumentProcessor>, concurrency: number): DocumentProcessor {
  let failure: { error: unknown } | undefined;
  starting.catch((error: unknown) => {
    failure = { error };
  });
  return {
    concurrency,
    async process(source) {
      return (await starting).process(source);
    },
    async close() {
      await starting.catch(() => {});
      if (failure !== undefined) throw failure.error;
      await (await starting).close();
    },
  };
}
