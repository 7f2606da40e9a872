/**
 * The programmatic API, what `import { extract } from 'dateline'` gives:
 *
 * ```ts
 * import { extract } from 'dateline';
 * const { tables, failures } = await extract(articles, { dates: { defaultPublished: '2024-01-16' } });
 * for (const event of tables.events) console.log(event.date, event.type, event.sentence);
 * ```
 *
 * Articles are plain objects (`id`, `text`, optional `title`, `published`, `url`, with field
 * names from `fields` as in JSONL input), from an array, any iterable or an async iterable (a
 * database cursor, a stream of parsed lines). They are consumed as the stages keep up, and each
 * article's text is let go once its own stages are done, as on the command line.
 */
import { parseConfig, type Config, type ConfigInput } from './config.js';
import { DatelineError } from './errors.js';
import { allocationSitePretenuring } from './gc.js';
import type { Failure } from './ingest/types.js';
import { recordToDoc } from './ingest/record.js';
import { runPipeline, type RunResult, type SourceItem } from './pipeline.js';
import { tableNames, tables as tableSpecs, type Row, type TableName, type TableSpec } from './tables.js';
import { createProcessor } from './workers/create-processor.js';

export { DatelineError, tableNames, tableSpecs as tables };
export type { ConfigInput, Failure, Row, TableName, TableSpec };
export type { ErrorCode } from './errors.js';

/** One article. Other keys are ignored; the field names can be changed with `fields`. */
export interface Article {
  /** Unique id (a string or a number); `articles:<n>` (1-based position) when absent. */
  id?: string | number;
  text: string;
  title?: string;
  /** `YYYY-MM-DD` or an ISO 8601 date-time; the date the article was published. */
  published?: string | null;
  url?: string;
  [field: string]: unknown;
}

/**
 * Configuration for `extract`: any part of `pipeline.config.json` (README, "Configuration").
 * `input`, `output`, `include`, `exclude`, `maxFileBytes` and `export` concern files and are
 * ignored. Unlike the command line, the per-document cache is off unless `cache.enabled` is set,
 * so a library call writes no files.
 */
export type ExtractConfig = ConfigInput;

export interface ExtractOptions {
  /** Called as each article finishes its per-document stages, with how many have. */
  onDocument?: (done: number) => void;
}

export interface ExtractResult {
  /** Every table's rows, columns in the documented order (docs/tables.md). */
  tables: Record<TableName, Row[]>;
  /** Articles that could not be used (no text, a bad date, a repeated id), in input order. */
  failures: Failure[];
  /** Articles processed (duplicates included). */
  documents: number;
  tokens: number;
}

/** The name failures give as the "file" of an article passed to the API. */
const sourceName = 'articles';

/** Validates the configuration once, before any article is read. */
function extractConfig(config: ExtractConfig): Config {
  if (config === null || typeof config !== 'object' || Array.isArray(config)) {
    throw new DatelineError('CONFIG_INVALID', `extract(): the configuration must be an object, got ${Array.isArray(config) ? 'an array' : typeof config}`);
  }
  const cache = (config as { cache?: unknown }).cache;
  return parseConfig({ ...config, cache: cache === undefined ? { enabled: false } : cache }, 'extract() configuration');
}

/** Articles to the pipeline's items: a record that cannot be a document becomes a failure naming its position. */
async function* articleItems(articles: Iterable<Article> | AsyncIterable<Article>, config: Config): AsyncGenerator<SourceItem> {
  let line = 0;
  for await (const article of articles) {
    line++;
    if (article === null || typeof article !== 'object' || Array.isArray(article)) {
      yield { kind: 'failure', failure: { file: sourceName, line, code: 'INPUT_BAD_JSONL', message: `${sourceName}:${line}: expected an article object, got ${Array.isArray(article) ? 'an array' : article === null ? 'null' : typeof article}` } };
      continue;
    }
    try {
      yield { kind: 'doc', doc: recordToDoc(article as Record<string, unknown>, sourceName, line, { fields: config.fields }, 'INPUT_BAD_JSONL') };
    } catch (error) {
      if (!(error instanceof DatelineError)) throw error;
      yield { kind: 'failure', failure: { file: sourceName, line, code: error.code, message: error.message } };
    }
  }
}

/**
 * Runs the pipeline on articles in memory and returns every table. Bad articles are reported in
 * `failures` and the rest carry on; bad configuration throws a `DatelineError` (`CONFIG_INVALID`)
 * before any article is read. The same articles and configuration give the same rows.
 */
export async function extract(
  articles: Iterable<Article> | AsyncIterable<Article>,
  config: ExtractConfig = {},
  options: ExtractOptions = {},
): Promise<ExtractResult> {
  if (articles === null || typeof articles !== 'object' || !(Symbol.iterator in articles || Symbol.asyncIterator in articles)) {
    throw new DatelineError('CONFIG_INVALID', `extract(): expected an iterable or async iterable of articles, got ${articles === null ? 'null' : typeof articles}`);
  }
  const resolved = extractConfig(config);
  const processor = await createProcessor(resolved);
  let result: RunResult;
  try {
    result = await runPipeline(articleItems(articles, resolved), resolved, { processor, ...(options.onDocument ? { onDocument: options.onDocument } : {}) });
  } finally {
    // The corpus stages ran with V8's pretenuring off (src/gc.ts): the caller's code gets V8's default back.
    allocationSitePretenuring(true);
  }
  // The mentions table of a run is made as it is read (src/stages/build-tables.ts): here every table is handed out whole.
  const tables = Object.fromEntries(Object.entries(result.tables).map(([name, rows]) => [name, Array.isArray(rows) ? rows : [...rows]])) as Record<TableName, Row[]>;
  return { tables, failures: result.failures, documents: result.documentsRead, tokens: result.tokens };
}

/** One row of one table, as `extractStream` yields them. */
export interface TableRow {
  table: TableName;
  row: Row;
}

/**
 * The streaming form, for large runs: the same rows as `extract`, yielded one at a time, table
 * by table in the order of `tableNames`, so a caller can write each where it goes (a database,
 * a file) without building its own copy. Articles are consumed as the stages keep up. What
 * cannot stream: the corpus stages (dedupe, event merge) need every article's mentions first,
 * so the first row comes after the last article, and memory grows with the mentions, not the text.
 * Failed articles go to `options.onFailure`, before the first row.
 */
export async function* extractStream(
  articles: Iterable<Article> | AsyncIterable<Article>,
  config: ExtractConfig = {},
  options: ExtractOptions & { onFailure?: (failure: Failure) => void } = {},
): AsyncGenerator<TableRow> {
  const { tables, failures } = await extract(articles, config, options);
  for (const failure of failures) options.onFailure?.(failure);
  for (const table of tableNames) {
    const rows = tables[table];
    // Let each table go as soon as it has been handed out.
    (tables as Partial<Record<TableName, Row[]>>)[table] = undefined;
    for (const row of rows) yield { table, row };
  }
}
