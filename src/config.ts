import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { DatelineError, describe } from './errors.js';

/** Whether year `y`, month `m` (1-12) and day `d` name a day of the calendar (no February 30). */
export function isRealDay(y: number, m: number, d: number): boolean {
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

/**
 * The one place that validates configuration and holds every default (csv's normalize_options).
 * Paths in the file are relative to the file's folder; paths from the command line to the
 * working directory (the CLI resolves both before the run).
 */
const fieldNames = z
  .object({
    /** @default "id" */
    id: z.string().min(1).default('id'),
    /** @default "title" */
    title: z.string().min(1).default('title'),
    /** @default "published" */
    published: z.string().min(1).default('published'),
    /** @default "text" */
    text: z.string().min(1).default('text'),
    /** @default "url" */
    url: z.string().min(1).default('url'),
  })
  .strict();

const isoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD')
  .refine((s) => isRealDay(+s.slice(0, 4), +s.slice(5, 7), +s.slice(8, 10)), 'must be a day that exists (YYYY-MM-DD)');

/** A glob pattern; a path pattern longer than any path is a mistake (and would take the glob compiler long). */
const glob = z.string().min(1).max(4096, 'must be a glob pattern of at most 4096 characters');

export const configSchema = z
  .object({
    /** JSON Schema reference for editors; ignored by the pipeline. */
    $schema: z.string().optional(),
    /** Input file or folder. @default "input" */
    input: z.string().min(1).default('input'),
    /** Output folder. @default "output" */
    output: z.string().min(1).default('output'),
    /** Glob patterns (relative to the input folder) of files to read. */
    include: z.array(glob).min(1).default(['**/*.txt', '**/*.md', '**/*.jsonl', '**/*.csv', '**/*.html', '**/*.htm']),
    /** Glob patterns of files to skip. @default [] */
    exclude: z.array(glob).default([]),
    /** Files larger than this many bytes are reported and skipped. @default 52428800 */
    maxFileBytes: z.number().int().min(1).default(50 * 1024 * 1024),
    /** Worker threads for the per-document stages; 0 means one per core, and more than the cores run as many as the cores (with a warning). @default 0 */
    workers: z.number().int().min(0).default(0),
    /** Field (JSONL) or column (CSV) names of the article records. */
    fields: fieldNames.default({ id: 'id', title: 'title', published: 'published', text: 'text', url: 'url' }),
    /** How dates are resolved. */
    dates: z
      .object({
        /**
         * Published date used for documents with none in metadata, file name or text, or null
         * to leave their relative dates unresolved. @default null
         */
        defaultPublished: isoDay.nullable().default(null),
        /** Resolve bare weekdays, month-days and "last month" to the most recent past one. @default true */
        preferPast: z.boolean().default(true),
      })
      .strict()
      .default({ defaultPublished: null, preferPast: true }),
    /** Merging of duplicate documents and of entity names. */
    dedupe: z
      .object({
        /** Near-duplicate documents: estimated Jaccard similarity at or above this. @default 0.9 */
        nearDuplicateThreshold: z.number().min(0.5).max(1).default(0.9),
        /** Pairs of surface forms to force together or keep apart. */
        overrides: z
          .object({
            merge: z.array(z.tuple([z.string().min(1), z.string().min(1)])).default([]),
            forbid: z.array(z.tuple([z.string().min(1), z.string().min(1)])).default([]),
          })
          .strict()
          .default({ merge: [], forbid: [] }),
      })
      .strict()
      .default({ nearDuplicateThreshold: 0.9, overrides: { merge: [], forbid: [] } }),
    /** What is written to the output folder. */
    export: z
      .object({
        /**
         * Table formats to write; Parquet keeps column types (dates, lists, integers) for pandas,
         * Polars and DuckDB. @default ["csv", "jsonl", "parquet"]
         */
        formats: z.array(z.enum(['csv', 'jsonl', 'parquet'])).min(1).default(['csv', 'jsonl', 'parquet']),
        /** Start CSV files with a UTF-8 byte-order mark so Excel reads them as UTF-8. @default false */
        excelBom: z.boolean().default(false),
      })
      .strict()
      .default({ formats: ['csv', 'jsonl', 'parquet'], excelBom: false }),
    /** Bounds on one document's work. */
    limits: z
      .object({
        /**
         * A document longer than this many characters (UTF-16 units) is processed in sections of
         * at most this length, cut at paragraph breaks, so its time grows with its length. @default 100000
         */
        sectionChars: z.number().int().min(1000).default(100_000),
        /**
         * A document still being processed after this many seconds is reported (`STAGE_TIMEOUT`)
         * and skipped; null for no limit. @default 300
         */
        documentSeconds: z.number().positive().nullable().default(300),
      })
      .strict()
      .default({ sectionChars: 100_000, documentSeconds: 300 }),
    /** The per-document cache. */
    cache: z
      .object({
        /** Reuse per-document results across runs (keyed by content, configuration and version). @default true */
        enabled: z.boolean().default(true),
        /** Cache folder. @default ".dateline-cache" */
        dir: z.string().min(1).default('.dateline-cache'),
      })
      .strict()
      .default({ enabled: true, dir: '.dateline-cache' }),
  })
  .strict();

/** The validated configuration with every default filled in. */
export type Config = z.infer<typeof configSchema>;
/** Configuration as written in a file: every key optional. */
export type ConfigInput = z.input<typeof configSchema>;

/** Validates configuration, naming the file, the key, what was expected and what came. */
export function parseConfig(raw: unknown, file = 'configuration'): Config {
  const result = configSchema.safeParse(raw);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const key = issue.path.map(String).join('.');
  const got = issue.path.reduce<unknown>((v, k) => (v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[k as string] : undefined), raw);
  let message: string;
  if (issue.code === 'unrecognized_keys') {
    const at = key === '' ? '' : `\`${key}\`: `;
    const valid = Object.keys(shapeAt(issue.path)).sort();
    message = `${at}unknown key ${issue.keys.map((k) => `\`${k}\``).join(', ')}; valid keys are ${valid.map((k) => `\`${k}\``).join(', ')}`;
  } else {
    message = `\`${key}\` ${issue.message.replace(/^Invalid input: /, '')}, got ${describe(got)}`;
  }
  throw new DatelineError('CONFIG_INVALID', `${file}: ${message}`, { file });
}

/** Reads and validates a JSON configuration file. */
export function loadConfig(file: string): Config {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new DatelineError('CONFIG_UNREADABLE', `${file}: cannot read the configuration (${(error as NodeJS.ErrnoException).code ?? String(error)})`, { file }, { cause: error });
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new DatelineError('CONFIG_INVALID', `${file}: not valid JSON (${(error as Error).message})`, { file }, { cause: error });
  }
  return parseConfig(raw, file);
}

/** The object schema at a path of the config, for listing valid keys. */
function shapeAt(path: PropertyKey[]): Record<string, unknown> {
  let schema: z.ZodType = configSchema;
  for (const key of path) {
    schema = unwrap(schema);
    if (schema instanceof z.ZodObject) schema = (schema.shape as Record<string, z.ZodType>)[key as string] ?? schema;
  }
  schema = unwrap(schema);
  return schema instanceof z.ZodObject ? (schema.shape as Record<string, unknown>) : {};
}

function unwrap(schema: z.ZodType): z.ZodType {
  let s: z.ZodType = schema;
  while (s instanceof z.ZodDefault || s instanceof z.ZodOptional || s instanceof z.ZodNullable) s = s.unwrap() as z.ZodType;
  return s;
}
