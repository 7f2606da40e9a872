/**
 * A `DocumentProcessor` that answers from the cache when it can and asks the real processor
 * (inline or a worker pool) only on a miss. The real processor is started on the first miss, so a
 * re-run on unchanged inputs never loads wink-nlp or the NER model at all. Results are written
 * to the cache in the background; `close()` waits for them.
 */
import type { DocumentProcessor, Timings } from '../pipeline.js';
import type { DocCache } from './doc-cache.js';

/** Cache writes not yet finished before `process()` waits for one (bounds memory on a slow disk). */
const MAX_PENDING_WRITES = 64;

export interface CachedProcessorOptions {
  cache: DocCache;
  /** Starts the real processor; called once, on the first miss. */
  start: () => Promise<DocumentProcessor>;
  /**
   * Documents in flight. Hits are file reads, so this is at least the real processor's
   * concurrency and at least 16, so that reads overlap.
   */
  concurrency: number;
}

export function cachedProcessor(options: CachedProcessorOptions): DocumentProcessor {
  const { cache } = options;
  let inner: Promise<DocumentProcessor> | undefined;
  let startError: { error: unknown } | undefined;
  const writes = new Set<Promise<void>>();
  return {
    concurrency: options.concurrency,
    async process(source) {
      const t0 = performance.now();
      const key = cache.keyOf(source);
      const hit = await cache.get(key);
      if (hit !== undefined) return { doc: hit, timings: { 'cache-read': performance.now() - t0 } };
      inner ??= options.start().catch((error: unknown) => {
        startError = { error };
        throw error;
      });
      const result = await (await inner).process(source);
      while (writes.size >= MAX_PENDING_WRITES) await Promise.race(writes);
      const write = cache.put(key, result.doc).finally(() => writes.delete(write));
      writes.add(write);
      const timings: Timings = { ...result.timings };
      return { doc: result.doc, timings };
    },
    /**
     * Waits for pending writes and stops the real processor. If it could not start (a missing
     * model), that error is thrown here, so the run stops as it would have without the cache
     * instead of reporting every document as failed.
     */
    async close() {
      await Promise.all(writes);
      if (startError !== undefined) throw startError.error;
      if (inner !== undefined) await (await inner).close();
    },
  };
}
