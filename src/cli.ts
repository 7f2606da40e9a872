#!/usr/bin/env node
import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { Command, CommanderError, InvalidArgumentError } from 'commander';
import { loadConfig, parseConfig, type Config } from './config.js';
import { DatelineError } from './errors.js';
import { createProgress, formatSummary } from './io/progress.js';
import { runOnFiles } from './run.js';

/** Exit codes, documented in the README. */
export const exitCodes = {
  ok: 0,
  /** The run completed but some documents (or lines) failed; see output/errors.jsonl. */
  someFailed: 1,
  /** The run could not start: bad usage, bad configuration, no input. */
  cannotStart: 2,
  /** The run failed while writing output or on an internal error; nothing was half-written. */
  failed: 3,
} as const;

/** The package's version, from the nearest package.json above this file (src/ or dist/src/). */
function packageVersion(): string {
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    const file = resolve(dir, 'package.json');
    if (existsSync(file)) return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
    if (dirname(dir) === dir) return '0.0.0';
  }
}
const version = packageVersion();

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError(`expected a whole number from 0 up, got "${value}"`);
  return n;
}

export async function main(argv: string[]): Promise<number> {
  const program = new Command()
    .name('dateline')
    .description('Extract people, organizations, places and dated events from news articles into CSV, JSONL and Parquet tables and an HTML report.')
    .version(version, '-V, --version')
    .option('-i, --input <path>', 'input file or folder (default: `input` from the configuration)')
    .option('-o, --output <dir>', 'output folder (default: `output` from the configuration)')
    .option('-c, --config <file>', 'configuration file', 'pipeline.config.json')
    .option('-w, --workers <n>', 'worker threads for per-document stages (0: one per core)', positiveInt)
    .option('--no-cache', 'do not read or write the per-document cache')
    .option('-q, --quiet', 'print nothing but errors (no progress, no summary)')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) })
    .showHelpAfterError('(run with --help for usage)');
  try {
    program.parse(argv, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? exitCodes.ok : exitCodes.cannotStart;
    throw error;
  }
  const opts = program.opts<{ input?: string; output?: string; config: string; workers?: number; cache: boolean; quiet?: boolean }>();
  try {
    const config = resolveConfig(opts);
    const t0 = performance.now();
    // Progress on stderr: a bar on a terminal, a line now and then otherwise, nothing with --quiet.
    const progress = createProgress({ stream: process.stderr, quiet: opts.quiet === true });
    let summary;
    try {
      summary = await runOnFiles(config, { onProgress: (done, total, input) => progress.update({ done, total, ...input }), onWarning: warnOn(opts.quiet === true) });
    } finally {
      progress.stop();
    }
    const seconds = (performance.now() - t0) / 1000;
    const tables = summary.report['tables'] as Record<string, number>;
    if (!opts.quiet) process.stdout.write(formatSummary({ ...summary, tables }, { version, seconds, output: config.output }));
    if (summary.failures.length > 0) {
      // Kept to a few lines so the summary stays on one screen; every failure is in errors.jsonl.
      const shown = 8;
      process.stderr.write(`${summary.failures.length} document(s) or line(s) failed (details in ${config.output}/errors.jsonl):\n`);
      for (const f of summary.failures.slice(0, shown)) process.stderr.write(`  ${printable(f.message)} [${f.code}]\n`);
      if (summary.failures.length > shown) process.stderr.write(`  ... and ${summary.failures.length - shown} more\n`);
      if (summary.report['tablesKept'] !== undefined) process.stderr.write(`no document could be read: the tables already in ${printable(config.output)} were left as they were\n`);
      return exitCodes.someFailed;
    }
    return exitCodes.ok;
  } catch (error) {
    if (error instanceof DatelineError) {
      process.stderr.write(`dateline: ${printable(error.message)}\n`);
      return error.code === 'EXPORT_FAILED' || error.code === 'STAGE_FAILED' ? exitCodes.failed : exitCodes.cannotStart;
    }
    process.stderr.write(`dateline: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return exitCodes.failed;
  }
}

/** Writes a run's warnings to stderr (not with --quiet). */
function warnOn(quiet: boolean): (message: string) => void {
  return (message) => {
    if (!quiet) process.stderr.write(`dateline: warning: ${printable(message)}\n`);
  };
}

/**
 * Text safe to print on a terminal: control characters (ESC and the other C0 and C1 controls,
 * DEL), which a file name may hold and which would move the cursor, recolour or retitle the
 * terminal, are shown as `\u001b`-style escapes. Line breaks and tabs stay.
 */
export function printable(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Configuration from the file (paths relative to it) with command-line overrides (relative to cwd). */
function resolveConfig(opts: { input?: string; output?: string; config: string; workers?: number; cache: boolean }): Config {
  const file = resolve(opts.config);
  const explicit = opts.config !== 'pipeline.config.json';
  let config: Config;
  if (existsSync(file) || explicit) config = loadConfig(file);
  else config = parseConfig({}, 'defaults');
  const base = existsSync(file) ? dirname(file) : process.cwd();
  const at = (p: string, from: string): string => (isAbsolute(p) ? p : resolve(from, p));
  return {
    ...config,
    input: opts.input !== undefined ? at(opts.input, process.cwd()) : at(config.input, base),
    output: opts.output !== undefined ? at(opts.output, process.cwd()) : at(config.output, base),
    workers: opts.workers ?? config.workers,
    cache: { ...config.cache, enabled: config.cache.enabled && opts.cache, dir: at(config.cache.dir, base) },
  };
}

/**
 * How far V8 lets the heap grow past what survived the last full collection before it collects
 * again, in percent. Left to itself, V8 lets a program that allocates fast grow its heap to
 * several times its live data: this one allocates a few kilobytes per token, nearly all of it
 * short-lived, so on the 2-million-token benchmark the heap reached 900 MB while less than 250 MB
 * of it was live. At 50% the peak resident memory of that run falls from about 1.1 GB to about
 * 0.7 GB with no loss of speed (`npm run bench`). It is a growth step, not a limit: a corpus whose
 * live data is larger still runs, with more frequent full collections. The flag is process-wide,
 * so the worker threads follow it; a `--heap-growing-percent` given to node wins.
 */
const heapGrowingPercent = 50;

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (!process.execArgv.some((a) => a.startsWith('--heap-growing-percent'))) setFlagsFromString(`--heap-growing-percent=${heapGrowingPercent}`);
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
