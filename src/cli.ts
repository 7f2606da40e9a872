#!/usr/bin/env node
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { loadConfig, parseConfig, type Config } from './config.js';
import { DatelineError } from './errors.js';
import { createProgress, formatSummary } from './io/progress.js';
import { runOnFiles, type RunOptions } from './run.js';
import { tableNames, type TableName } from './tables.js';
import { workerCount } from './workers/pool.js';

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

function atLeastOne(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError(`expected a whole number from 1 up, got "${value}"`);
  return n;
}

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError(`expected a whole number from 0 up, got "${value}"`);
  return n;
}

export async function main(argv: string[]): Promise<number> {
  if (argv[0] === 'worker') return (await import('./queue/worker-cli.js')).workerMain(argv.slice(1));
  const program = new Command()
    .name('dateline')
    .description('Extract people, organizations, places and dated events from news articles into CSV, JSONL and Parquet tables and an HTML report.')
    .version(version, '-V, --version')
    .option('-i, --input <path>', 'input file or folder (default: `input` from the configuration)')
    .option('-o, --output <dir>', 'output folder (default: `output` from the configuration)')
    .option('-c, --config <file>', 'configuration file', 'pipeline.config.json')
    .option('-w, --workers <n>', 'worker threads for per-document stages (0: one per core)', positiveInt)
    .option('--no-cache', 'do not read or write the per-document cache')
    .option('--redis <url>', 'run the per-document stages on `dateline worker` processes through this Redis server (distributed mode)')
    .option('--queue <name>', 'queue name for --redis', 'dateline')
    .option('--in-flight <n>', 'with --redis: documents on the queue at once; more than the workers so none waits (default 64)', atLeastOne)
    .option('-q, --quiet', 'print nothing but errors (no progress, no summary)')
    .addOption(new Option('--stdout <table>', 'write one table to standard output (no output folder unless --output is given)').choices(tableNames))
    .addOption(new Option('--format <format>', 'format of standard input (--input -) and of --stdout').choices(['jsonl', 'csv']).default('jsonl'))
    .addHelpText('after', '\nWith --input - the articles are read from standard input: JSONL, or CSV with --format csv.\nProgress and messages go to standard error.')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) })
    .showHelpAfterError('(run with --help for usage)');
  try {
    program.parse(argv, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? exitCodes.ok : exitCodes.cannotStart;
    throw error;
  }
  const opts = program.opts<CliOptions>();
  try {
    if (opts.inFlight !== undefined && opts.redis === undefined) throw new DatelineError('CONFIG_INVALID', '`--in-flight` sets how many documents the coordinator keeps on the Redis queue; it needs `--redis <url>`');
    const config = resolveConfig(opts);
    const pipes = standardStreams(opts);
    const t0 = performance.now();
    // Progress on stderr: a bar on a terminal, a line now and then otherwise, nothing with --quiet.
    const progress = createProgress({ stream: process.stderr, quiet: opts.quiet === true, workers: workerCount(config) });
    let summary;
    try {
      summary = await runOnFiles(config, { ...pipes, ...(opts.redis === undefined ? {} : { queue: { redis: opts.redis, queue: opts.queue, ...(opts.inFlight === undefined ? {} : { concurrency: opts.inFlight }) } }), onProgress: (p) => progress.update(p), onPhase: (p) => progress.phase(p), onWarning: warnOn(opts.quiet === true) });
    } finally {
      progress.stop();
    }
    const seconds = (performance.now() - t0) / 1000;
    const tables = summary.report['tables'] as Record<string, number>;
    if (!opts.quiet) {
      const text = formatSummary({ ...summary, tables }, { version, seconds, output: config.output });
      // With a table on standard output, the summary goes to standard error, without the folder it did not write.
      if (pipes.stdout) process.stderr.write(pipes.writeFolder ? text : `${text.split('\nwritten to ')[0]}\n  ${pipes.stdout.table} written to standard output\n`);
      else process.stdout.write(text);
    }
    if (summary.failures.length > 0) {
      // Kept to a few lines so the summary stays on one screen; every failure is in errors.jsonl.
      const shown = 8;
      process.stderr.write(`${summary.failures.length} document(s) or line(s) failed${pipes.writeFolder ? ` (details in ${config.output}/errors.jsonl)` : ''}:\n`);
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

interface CliOptions {
  input?: string;
  output?: string;
  config: string;
  workers?: number;
  cache: boolean;
  quiet?: boolean;
  stdout?: TableName;
  format: 'jsonl' | 'csv';
  redis?: string;
  queue: string;
  inFlight?: number;
}

/**
 * Standard input and output for pipes: `--input -` reads one JSONL (or CSV) stream, `--stdout
 * <table>` writes that table to standard output; the output folder is written only when
 * `--stdout` is absent or `--output` is given too.
 */
function standardStreams(opts: CliOptions): Pick<RunOptions, 'stdin' | 'stdout'> & { writeFolder: boolean } {
  if (opts.output === '-') {
    throw new DatelineError('CONFIG_INVALID', '`--output -`: the output is a folder of tables; to write one table to standard output, use `--stdout <table>` (for example `--stdout events`)');
  }
  const read = async (): Promise<Uint8Array> => {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  };
  return {
    ...(opts.input === '-' ? { stdin: { path: `stdin.${opts.format}`, read } } : {}),
    ...(opts.stdout !== undefined ? { stdout: { table: opts.stdout, format: opts.format, stream: process.stdout } } : {}),
    writeFolder: opts.stdout === undefined || opts.output !== undefined,
  };
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

/** Configuration from the file (paths relative to it) with command-line overrides (relative to where the command was typed). */
function resolveConfig(opts: CliOptions): Config {
  const explicit = opts.config !== 'pipeline.config.json';
  const typed = commandLineBase();
  // The default configuration file is the one in the working directory (the package's, under npm run).
  const file = explicit ? resolve(typed, opts.config) : resolve(opts.config);
  let config: Config;
  if (existsSync(file) || explicit) config = loadConfig(file);
  else config = parseConfig({}, 'defaults');
  const base = existsSync(file) ? dirname(file) : process.cwd();
  const at = (p: string, from: string): string => (isAbsolute(p) ? p : resolve(from, p));
  return {
    ...config,
    input: opts.input === '-' ? '-' : opts.input !== undefined ? at(opts.input, typed) : at(config.input, base),
    output: opts.output !== undefined ? at(opts.output, typed) : at(config.output, base),
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

/**
 * Whether this module is the program node was started with. `npx dateline`, a global install
 * and `node_modules/.bin/dateline` start it through a symbolic link, so the two paths are
 * compared after resolving links.
 */
export function isMainModule(argv1: string | undefined, moduleUrl: string): boolean {
  if (argv1 === undefined) return false;
  try {
    return realpathSync(argv1) === realpathSync(fileURLToPath(moduleUrl));
  } catch {
    return false;
  }
}

/**
 * The folder that paths on the command line are relative to: where the user typed the command.
 * `npm run pipeline -- --input .` runs in the package folder but sets `INIT_CWD` to where it was
 * typed; that is used only when npm started this package's own script (so a `node dist/src/cli.js`
 * started by some other npm script, in a folder of its own, keeps its working directory).
 */
export function commandLineBase(env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): string {
  const ownScript =
    env['npm_package_name'] === 'dateline' &&
    /\bcli\.js\b/.test(env['npm_lifecycle_script'] ?? '') &&
    env['npm_package_json'] !== undefined &&
    resolve(dirname(env['npm_package_json'])) === resolve(cwd);
  return ownScript && env['INIT_CWD'] !== undefined && env['INIT_CWD'] !== '' ? resolve(env['INIT_CWD']) : cwd;
}

if (isMainModule(process.argv[1], import.meta.url)) {
  if (!process.execArgv.some((a) => a.startsWith('--heap-growing-percent'))) setFlagsFromString(`--heap-growing-percent=${heapGrowingPercent}`);
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
