/**
 * Messages between the pool (main thread) and a worker thread. Everything here crosses a
 * `postMessage`, so it is plain data (structured clone): no classes, no functions.
 */
import type { Config } from '../config.js';
import type { Timings } from '../pipeline.js';
import type { ProcessedDoc, SourceDoc } from '../types.js';

/** What a worker is started with (`workerData`). */
export interface WorkerInit {
  config: Config;
}

/** An error as it crosses a thread boundary; `code` and `file`/`line` survive for DatelineError. */
export interface SerializedError {
  name: string;
  message: string;
  code?: string;
  file?: string;
  line?: number;
  stack?: string;
}

/** Main thread to worker: process these documents, answer with the same `batch` number. */
export interface BatchRequest {
  type: 'batch';
  batch: number;
  docs: SourceDoc[];
}

/** The outcome for one document of a batch, in the order the batch listed them. */
export type DocOutcome = { ok: true; doc: ProcessedDoc; timings: Timings } | { ok: false; error: SerializedError };

/** Worker to main thread. */
export type WorkerMessage =
  /** The stages are built (models loaded); the worker takes batches now. */
  | { type: 'ready' }
  /** Building the stages failed (a missing or invalid model): the run cannot start. */
  | { type: 'init-failed'; error: SerializedError }
  | { type: 'batch'; batch: number; results: DocOutcome[] };

export function serializeError(error: unknown): SerializedError {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error) };
  const e = error as Error & { code?: unknown; file?: unknown; line?: unknown };
  return {
    name: e.name,
    message: e.message,
    ...(typeof e.code === 'string' ? { code: e.code } : {}),
    ...(typeof e.file === 'string' ? { file: e.file } : {}),
    ...(typeof e.line === 'number' ? { line: e.line } : {}),
    ...(e.stack === undefined ? {} : { stack: e.stack }),
  };
}
