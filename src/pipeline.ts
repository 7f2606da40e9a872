/**
 * The pipeline, as a table of contents: per-document stages in order, then a barrier, then the
 * corpus stages. Each stage is a factory in src/stages/; options are checked when it is built.
 *
 *   ingest (HTML markup read on the workers) -> split -> date the document -> recognize -> resolve dates -> extract events -> compact
 *   ===== barrier: every document has arrived =====
 *   dedupe documents -> dedupe entities -> merge events -> build tables -> (export, in src/io/)
 */
import PQueue from 'p-queue';
import type { Config } from './config.js';
import { corpusState, memoryDocs, type CorpusStage, type DocSource } from './corpus.js';
import { DatelineError } from './errors.js';
import { allocationSitePretenuring, collectGarbage } from './gc.js';
import type { Failure } from './ingest/types.js';
import { buildTables } from './stages/build-tables.js';
import { compactDocument } from './stages/compact-document.js';
import { dateDocument } from './stages/date-document.js';
import { dedupeDocuments } from './stages/dedupe-documents.js';
import { dedupeEntities } from './stages/dedupe-entities.js';
import { extractEvents } from './stages/extract-events.js';
import { mergeEvents } from './stages/merge-events.js';
import { recognizeEntities } from './stages/recognize-entities.js';
import { resolveDates } from './stages/resolve-dates.js';
import { readMarkup } from './stages/ingest.js';
import { splitSentences } from './stages/split-sentences.js';
import { processInSections, timeLimit } from './sections.js';
import type { BuiltTables } from './tables.js';
import type { Doc, DocStage, ProcessedDoc, SourceDoc } from './types.js';

/** The per-document stages, in order. */
export function documentStages(config: Config): Array<[name: string, stage: DocStage]> {
  return [
    ['split', splitSentences()],
    ['date-document', dateDocument({ defaultPublished: config.dates.defaultPublished, preferPast: config.dates.preferPast })],
    ['recognize', recognizeEntities({})],
    ['resolve-dates', resolveDates({ preferPast: config.dates.preferPast })],
    ['extract-events', extractEvents({})],
  ];
}

/** Per-stage wall time in milliseconds, summed over documents (or once for corpus stages). */
export type Timings = Record<string, number>;

/** Runs every per-document stage on one document and compacts it for the barrier. */
export function processDocument(config: Config): (source: SourceDoc, timings?: Timings) => ProcessedDoc {
  const stages = documentStages(config);
  const compact = compactDocument();
  const { sectionChars, documentSeconds } = config.limits;
  return (input, timings) => {
    // A page's markup deferred by the reading thread is read here, on the worker.
    const t = performance.now();
    const source = readMarkup(input, config);
    if (input.markup !== undefined && timings) timings['read-markup'] = (timings['read-markup'] ?? 0) + performance.now() - t;
    // A long document goes through the stages a section at a time, and a time limit is checked
    // between stages and sections (src/sections.ts).
    const check = timeLimit(source, documentSeconds);
    const runStages = (part: SourceDoc): Doc => {
      let doc: Doc = { ...part, sentences: [], tokens: [], entities: [], dates: [], events: [] };
      for (const [name, stage] of stages) {
        check();
        const t0 = performance.now();
        doc = stage(doc);
        if (timings) timings[name] = (timings[name] ?? 0) + performance.now() - t0;
      }
      return doc;
    };
    const doc = processInSections(source, sectionChars, runStages, check);
    check();
    const t0 = performance.now();
    const processed = compact(doc);
    if (timings) timings['compact'] = (timings['compact'] ?? 0) + performance.now() - t0;
    return processed;
  };
}

/** The corpus stages, in order; each runs once, after every document has arrived. */
export function corpusStages(config: Config): Array<[name: string, stage: CorpusStage]> {
  return [
    ['dedupe-documents', dedupeDocuments({ threshold: config.dedupe.nearDuplicateThreshold })],
    ['dedupe-entities', dedupeEntities({ overrides: config.dedupe.overrides })],
    ['merge-events', mergeEvents({})],
    ['build-tables', buildTables()],
  ];
}

/** Told as each corpus stage starts: its name, its 1-based place and how many there are. */
export type CorpusStageListener = (name: string, step: number, steps: number) => void;

/**
 * Runs the corpus stages on the documents that arrived; the tables are the last stage's output
 * (the mentions table reads the documents again as it is written: keep `docs` until then).
 */
export function processCorpus(config: Config): (docs: DocSource, timings?: Timings, onStage?: CorpusStageListener) => BuiltTables {
  const stages = corpusStages(config);
  return (docs, timings, onStage) => {
    let state = corpusState(docs);
    for (const [i, [name, stage]] of stages.entries()) {
      onStage?.(name, i + 1, stages.length);
      // Each stage starts without the last one's garbage (src/gc.ts).
      collectGarbage();
      const t0 = performance.now();
      state = stage(state);
      if (timings) timings[name] = performance.now() - t0;
    }
    if (state.tables === null) throw new DatelineError('STAGE_FAILED', 'the corpus stages built no tables (the last one must be build-tables)');
    return state.tables;
  };
}

/**
 * Where processed documents wait for the barrier and the corpus stages read them: in memory
 * ({@link memoryStore}), or for a run on files in a temporary file of the output folder
 * (`spillStore`, src/io/doc-spill.ts).
 */
export interface DocStore {
  add(doc: ProcessedDoc): void;
  /** At the barrier: every document added, in doc-id order. Nothing is added afterwards. */
  finish(): DocSource;
  /** Lets go of whatever is held (the file, when there is one). Safe to call more than once; the source is unusable afterwards. */
  close(): void;
}

/** The documents in an array. */
export function memoryStore(): DocStore {
  let docs: ProcessedDoc[] = [];
  return {
    add: (doc) => void docs.push(doc),
    finish: () => {
      const out = memoryDocs(docs);
      docs = [];
      return out;
    },
    close: () => {
      docs = [];
    },
  };
}

/** Something that runs the per-document stages: in this thread, or on a pool of workers. */
export interface DocumentProcessor {
  process(source: SourceDoc): Promise<{ doc: ProcessedDoc; timings: Timings }>;
  /** How many documents may be in flight at once. */
  readonly concurrency: number;
  close(): Promise<void>;
}

/** Runs the per-document stages in this thread. */
export function inlineProcessor(config: Config): DocumentProcessor {
  const run = processDocument(config);
  return {
    concurrency: 1,
    async process(source) {
      const timings: Timings = {};
      return { doc: run(source, timings), timings };
    },
    async close() {},
  };
}

export interface RunResult {
  tables: BuiltTables;
  /** Documents (or lines) that failed, in file and line order. */
  failures: Failure[];
  timings: Timings;
  documentsRead: number;
  tokens: number;
}

export type SourceItem = { kind: 'doc'; doc: SourceDoc } | { kind: 'failure'; failure: Failure };

/**
 * The core, in memory: documents in, tables out. Per-document work goes through `processor`
 * (p-queue bounds what is in flight so reading never outruns it); corpus stages run once every
 * document has arrived. A document whose stages throw is reported and the batch carries on.
 */
export async function runPipeline(
  sources: AsyncIterable<SourceItem> | Iterable<SourceItem>,
  config: Config,
  options: {
    processor?: DocumentProcessor;
    onDocument?: (done: number, source: SourceDoc) => void;
    onStage?: CorpusStageListener;
    /**
     * Where processed documents wait for the barrier (src/io/doc-spill.ts); in memory by default.
     * Closed here when the run fails; otherwise the caller closes it once the tables are written
     * (the mentions table reads the documents from it).
     */
    store?: DocStore;
  } = {},
): Promise<RunResult> {
  // V8's default for the per-document phase; off again at the barrier (src/gc.ts).
  allocationSitePretenuring(true);
  const processor = options.processor ?? inlineProcessor(config);
  const corpus = processCorpus(config);
  const timings: Timings = {};
  const failures: Failure[] = [];
  const store = options.store ?? memoryStore();
  let documentsRead = 0;
  let tokens = 0;
  const seen = new Map<string, string>();
  const queue = new PQueue({ concurrency: Math.max(1, processor.concurrency) });
  let done = 0;
  const t0 = performance.now();
  try {
    for await (const item of sources) {
      if (item.kind === 'failure') {
        failures.push(item.failure);
        continue;
      }
      const source = item.doc;
      const where = `${source.source}${source.line === undefined ? '' : `:${source.line}`}`;
      const first = seen.get(source.id);
      if (first !== undefined) {
        failures.push({ file: source.source, ...(source.line === undefined ? {} : { line: source.line }), docId: source.id, code: 'INPUT_DUPLICATE_ID', message: `${where}: the id "${source.id}" was already used by ${first}; this document is skipped (ids must be unique)` });
        continue;
      }
      seen.set(source.id, where);
      // Backpressure: never hold more than two batches' worth of documents waiting.
      await queue.onSizeLessThan(processor.concurrency * 2);
      void queue.add(async () => {
        try {
          const { doc, timings: t } = await processor.process(source);
          store.add(doc);
          documentsRead++;
          tokens += doc.tokenCount;
          for (const [k, v] of Object.entries(t)) timings[k] = (timings[k] ?? 0) + v;
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          if (error instanceof DatelineError && (error.code === 'STAGE_TIMEOUT' || error.code.startsWith('INPUT_'))) failures.push({ file: source.source, ...(source.line === undefined ? {} : { line: source.line }), docId: source.id, code: error.code, message });
          else failures.push({ file: source.source, ...(source.line === undefined ? {} : { line: source.line }), docId: source.id, code: 'STAGE_FAILED', message: `${where}: processing failed (${message})` });
        }
        options.onDocument?.(++done, source);
      });
    }
    await queue.onIdle();
  } catch (error) {
    store.close();
    throw error;
  } finally {
    await processor.close();
  }
  timings['documents (wall)'] = performance.now() - t0;

  // ===== barrier: every document has arrived =====
  // The corpus stages' garbage stays young (src/gc.ts); the per-document phase had V8's default.
  allocationSitePretenuring(false);
  let tables: BuiltTables;
  try {
    tables = corpus(store.finish(), timings, options.onStage);
  } catch (error) {
    store.close();
    throw error;
  }
  failures.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : (a.line ?? 0) - (b.line ?? 0)));
  return { tables, failures, timings, documentsRead, tokens };
}

export { DatelineError };
