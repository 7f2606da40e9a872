import { once } from 'node:events';
import { stat } from 'node:fs/promises';
import type { Config } from './config.js';
import { DatelineError } from './errors.js';
import { csvChunks, jsonlChunks } from './io/codec.js';
import { listInputs, readInput } from './io/read-inputs.js';
import { parquetOffThread } from './io/parquet-thread.js';
import { binaryWriters, prepareOutput, writeTables } from './io/write-tables.js';
import { checkOutputApart } from './io/output-guard.js';
import { allocationSitePretenuring, collectGarbage } from './gc.js';
import { spillStore } from './io/doc-spill.js';
import { noteWritten } from './io/output-manifest.js';
import { buildReport } from './report/build-report.js';
import { ingest } from './stages/ingest.js';
import { runPipeline, type DocumentProcessor, type RunResult, type SourceItem } from './pipeline.js';
import type { Failure } from './ingest/types.js';
import { tableNames, tables as tableSpecs, type BuiltTables, type Row, type TableName } from './tables.js';
import { openRunMemo, type RunMemo } from './cache/run-memo.js';
import type { PhaseState, ProgressState } from './io/progress.js';
import type { QueueProcessorOptions } from './queue/queue-processor.js';
import type { SourceDoc } from './types.js';
import { createProcessor, type RunProcessor } from './workers/create-processor.js';
import { workerRequestCapped } from './workers/pool.js';

// Binary table formats are registered here, where output is written, not by importing for effect.
// Parquet is encoded on a thread of its own while this one writes CSV and JSONL (src/io/parquet-thread.ts).
binaryWriters.parquet = parquetOffThread;

export interface RunOptions {
  /** Runs the per-document stages; defaults to `createProcessor(config)` (workers and cache per the configuration). */
  processor?: DocumentProcessor;
  /** Run the per-document stages on `dateline worker` processes through this Redis queue (src/queue/). */
  queue?: QueueProcessorOptions;
  /**
   * Called as documents finish: documents done, their total once every file has been read, and
   * the input bytes done of the total (known from the start).
   */
  onProgress?: (state: ProgressState) => void;
  /** Called as each phase after the documents starts (corpus stages, then writing the tables, file by file). */
  onPhase?: (phase: PhaseState) => void;
  /**
   * Reads one JSONL or CSV stream (standard input) instead of listing `config.input`; `path`
   * names it in failures and its extension picks the format (`stdin.jsonl`, `stdin.csv`).
   */
  stdin?: { path: string; read: () => Promise<Uint8Array> };
  /** Also writes one table, whole, to this stream (standard output) as JSONL or CSV. */
  stdout?: { table: TableName; format: 'jsonl' | 'csv'; stream: NodeJS.WritableStream };
  /** Writes the tables, report and errors into `config.output`. @default true */
  writeFolder?: boolean;
  /** Called with what the run did other than asked (workers capped at the cores, a cache it could not use). */
  onWarning?: (message: string) => void;
}

export interface RunSummary extends Omit<RunResult, 'tables'> {
  /**
   * The rows written, or null when the run was replayed from the run memo (the files are the
   * recorded ones; the memo keeps them, not their rows, so a replay never loads a large table).
   * For a run that wrote its folder, the tables can no longer be read: their rows were kept in the
   * run's temporary file (src/io/doc-spill.ts), removed when the run returned (read the files instead).
   */
  tables: BuiltTables | null;
  files: number;
  written: string[];
  report: Record<string, unknown>;
}

/**
 * The file adapter around the in-memory core: lists and reads the input, streams documents
 * through the pipeline, and writes the tables, `run-report.json` and `errors.jsonl` atomically.
 */
export async function runOnFiles(config: Config, options: RunOptions = {}): Promise<RunSummary> {
  const writeFolder = options.writeFolder ?? true;
  const { files, failures: listFailures } = options.stdin ? { files: [], failures: [] } : await listInputs(config.input, config);
  if (!options.stdin && files.length === 0 && listFailures.length === 0) {
    throw new DatelineError('INPUT_NOT_FOUND', `${config.input}: no input files match ${config.include.join(', ')}`, { file: config.input });
  }
  // Never write over the input, nor into a folder another run is writing: checked before any work.
  if (!options.stdin) await checkOutputApart(config.input, config.output, files);
  if (!writeFolder) return runLocked(config, options, files, listFailures);
  // Fail before the work, not after it, when the output cannot be written; takes the folder's
  // lock, then clears a killed run's temp files.
  const unlock = await prepareOutput(config.output);
  try {
    return await runLocked(config, options, files, listFailures);
  } finally {
    await unlock();
  }
}

async function runLocked(config: Config, options: RunOptions, files: Array<{ abs: string; rel: string }>, listFailures: Failure[]): Promise<RunSummary> {
  const writeFolder = options.writeFolder ?? true;
  // HTML pages are parsed where the stages run (the workers), not on this thread (src/stages/ingest.ts).
  const parse = ingest(config, { deferHtml: true });
  let total: number | null = null;
  let docs = 0;
  // Progress by bytes: the total from the listing; each document weighs its share of its file.
  const sizes = await fileSizes(files);
  const progress = { done: 0, bytesDone: 0, bytesTotal: [...sizes.values()].reduce((a, b) => a + b, 0) };
  const weight = new Map<string, number>();
  const weigh = (bytes: number, parsed: SourceDoc[]): void => {
    const chars = parsed.reduce((n, d) => n + d.text.length, 0);
    if (chars === 0) progress.bytesDone += bytes;
    for (const d of parsed) weight.set(d.id, (weight.get(d.id) ?? 0) + (bytes * d.text.length) / chars);
  };
  async function* items(): AsyncGenerator<SourceItem> {
    for (const failure of listFailures) yield { kind: 'failure', failure };
    if (options.stdin) {
      const bytes = await options.stdin.read();
      const parsed = parse({ path: options.stdin.path, bytes });
      progress.bytesTotal = bytes.length;
      weigh(bytes.length, parsed.docs);
      for (const failure of parsed.failures) yield { kind: 'failure', failure };
      total = parsed.docs.length;
      for (const doc of parsed.docs) {
        docs++;
        yield { kind: 'doc', doc };
      }
    }
    for (const f of files) {
      const read = await readInput(f, config.maxFileBytes);
      if (read.kind === 'failure') {
        progress.bytesDone += sizes.get(f.abs) ?? 0;
        yield { kind: 'failure', failure: read.failure };
        continue;
      }
      const parsed = parse(read.file);
      weigh(sizes.get(f.abs) ?? read.file.bytes.length, parsed.docs);
      for (const failure of parsed.failures) yield { kind: 'failure', failure };
      for (const doc of parsed.docs) {
        docs++;
        yield { kind: 'doc', doc };
      }
    }
    total = docs;
  }
  // By default: worker threads per `config.workers`, behind the per-document cache (src/workers/create-processor.ts).
  const capped = workerRequestCapped(config);
  if (capped !== null) options.onWarning?.(capped);
  const own: RunProcessor | undefined = options.processor === undefined ? await createProcessor(config, { ...(options.queue === undefined ? {} : { queue: options.queue }), ...(options.onWarning === undefined ? {} : { onWarning: options.onWarning }) }) : undefined;
  const processor = options.processor ?? own!;
  // A re-run on the same input and configuration copies the recorded tables (src/cache/run-memo.ts).
  const t0 = performance.now();
  // The memo replays files into the output folder; a run from standard input or to standard output has none to replay.
  const memo = own?.cache && writeFolder && !options.stdin && !options.stdout ? await openRunMemo({ cache: own.cache, config, files, listFailures, parse }) : null;
  const replayed = memo === null ? null : await replayRun(memo, config.output, own!, t0);
  if (replayed !== null) return { ...replayed, files: files.length };
  const onDocument = (done: number, source: SourceDoc): void => {
    progress.done = done;
    progress.bytesDone += weight.get(source.id) ?? 0;
    weight.delete(source.id);
    options.onProgress?.({ done, total, bytesDone: Math.min(progress.bytesDone, progress.bytesTotal), bytesTotal: progress.bytesTotal });
  };
  const steps = { corpus: 0 };
  const onStage = (name: string, step: number, count: number): void => {
    steps.corpus = count;
    options.onPhase?.({ name, step, steps: count + 1 });
  };
  // Documents wait for the barrier in a temporary file of the output folder (src/io/doc-spill.ts).
  const store = writeFolder ? await spillStore(config.output) : undefined;
  // The file stays until the tables are written: the mentions table reads the documents from it.
  try {
    const result = await runPipeline(items(), config, { processor, onDocument, onStage, ...(store === undefined ? {} : { store }) });
    const counts = Object.fromEntries(tableNames.map((t) => [t, result.tables[t].length]));
    const report = {
      documents: { read: result.documentsRead, failed: result.failures.length, duplicates: result.tables.duplicates.length },
      tokens: result.tokens,
      tables: counts,
      failures: result.failures,
      timings_ms: Object.fromEntries(Object.entries(result.timings).map(([k, v]) => [k, Math.round(v)])),
      workers: own?.workers ?? processor.concurrency,
      cache: own?.cacheStats() ?? null,
    };
    const errors = result.failures.map((f) => JSON.stringify({ file: f.file, line: f.line ?? null, doc_id: f.docId ?? null, code: f.code, message: f.message })).join('\n');
    const extra = {
      'run-report.json': `${JSON.stringify(report, null, 2)}\n`,
      'errors.jsonl': errors === '' ? '' : `${errors}\n`,
      // A page to look at the results, built from the tables alone (src/report/).
      'report.html': buildReport(result.tables),
    };
    if (writeFolder && result.documentsRead === 0 && result.failures.length > 0) return keepTables(config.output, result, files.length, report, extra);
    // The corpus stages' and the report's garbage goes before the export adds its own (src/gc.ts).
    collectGarbage();
    const writing = { name: 'write-tables', step: steps.corpus + 1, steps: steps.corpus + 1 };
    const fileCount = writeFolder ? tableNames.length * config.export.formats.length + Object.keys(extra).length : 0;
    let filesWritten = 0;
    options.onPhase?.({ ...writing, done: 0, total: fileCount + (options.stdout ? 1 : 0) });
    const onFile = (): void => options.onPhase?.({ ...writing, done: ++filesWritten, total: fileCount + (options.stdout ? 1 : 0) });
    const written = writeFolder ? await writeTables(config.output, result.tables, extra, { ...config.export, onFile, replaceAll: true }) : [];
    if (options.stdout) {
      await writeTableTo(options.stdout, result.tables);
      onFile();
    }
    await memo?.record(written, { failures: result.failures, documentsRead: result.documentsRead, tokens: result.tokens, report: recordedReport(report) });
    return { ...result, files: options.stdin ? 1 : files.length, written, report };
  } finally {
    store?.close();
    // The corpus stages and the export ran with V8's pretenuring off (src/gc.ts).
    allocationSitePretenuring(true);
  }
}

/** Each listed file's size in bytes (0 for one that cannot be read: it is reported when read). */
async function fileSizes(files: ReadonlyArray<{ abs: string }>): Promise<Map<string, number>> {
  const sizes = new Map<string, number>();
  for (let i = 0; i < files.length; i += 256) {
    const batch = files.slice(i, i + 256);
    const got = await Promise.all(batch.map((f) => stat(f.abs).then((s) => s.size, () => 0)));
    batch.forEach((f, j) => sizes.set(f.abs, got[j]!));
  }
  return sizes;
}

/** One table as JSONL or CSV to a stream, waiting whenever the stream asks to (a slow pipe). */
async function writeTableTo(target: NonNullable<RunOptions['stdout']>, tables: BuiltTables): Promise<void> {
  const spec = tableSpecs[target.table];
  const chunks = target.format === 'csv' ? csvChunks(spec, tables[target.table], { bom: false }) : jsonlChunks(spec, tables[target.table]);
  for (const chunk of chunks) {
    if (!target.stream.write(chunk)) await once(target.stream, 'drain');
  }
}

/**
 * A run in which every input failed has nothing to replace the tables with: the previous run's
 * tables stay as they are (empty ones would destroy good data over, say, a mistyped `fields.text`),
 * and only the report and the errors of this run are written. The CLI exits 1.
 */
async function keepTables(output: string, result: RunResult, files: number, report: Record<string, unknown>, extra: Record<string, string>): Promise<RunSummary> {
  const kept = { ...report, tablesKept: 'no document could be read: the tables of the previous run, if any, were left as they were' };
  const written = await writeTables(output, {} as Record<TableName, Row[]>, { 'run-report.json': `${JSON.stringify(kept, null, 2)}\n`, 'errors.jsonl': extra['errors.jsonl']! }, { formats: [], excelBom: false });
  return { ...result, files, written, report: kept };
}

/** The parts of run-report.json that describe the result, not this run of it. */
function recordedReport(report: Record<string, unknown>): Record<string, unknown> {
  const { timings_ms: _t, workers: _w, cache: _c, ...rest } = report;
  return rest;
}

/** Copies a recorded run's outputs and writes a fresh run-report.json; null when nothing is recorded. */
async function replayRun(memo: RunMemo, output: string, processor: RunProcessor, t0: number): Promise<Omit<RunSummary, 'files'> | null> {
  const hit = await memo.replay(output);
  if (hit === null) return null;
  await processor.close(); // never started: a replay runs no stages
  const timings = { replay: performance.now() - t0 };
  const report = { ...hit.summary.report, timings_ms: { replay: Math.round(timings.replay) }, workers: processor.workers, cache: { ...processor.cacheStats(), replayedRun: memo.key } };
  const written = await writeTables(output, {} as Record<TableName, Row[]>, { 'run-report.json': `${JSON.stringify(report, null, 2)}\n` }, { formats: [], excelBom: false });
  // The replay wrote the run's whole output: older files of formats no longer configured go.
  await noteWritten(output, [], [...hit.written, ...written], true);
  return { tables: null, failures: hit.summary.failures, timings, documentsRead: hit.summary.documentsRead, tokens: hit.summary.tokens, written: [...hit.written, ...written], report };
}
