import { relative } from 'node:path';
import cliProgress from 'cli-progress';
import { tableNames } from '../tables.js';

/**
 * What the console shows while a run goes and when it ends. Progress goes to stderr so stdout
 * holds only the summary (and can be piped); the summary is one screen at most.
 *
 * - on a terminal: a bar redrawn in place (cli-progress) with documents done of total, rate and
 *   time left;
 * - not on a terminal (a log file, CI): a plain line now and then, never control characters;
 * - `--quiet`: nothing.
 */

/** Where the run is. The document total is known only once every file has been read. */
export interface ProgressState {
  /** Documents through the per-document stages (or failed in them). */
  done: number;
  /** Documents in the input, once every file has been read; null before. */
  total: number | null;
  /** Documents found so far in the files read so far. */
  found: number;
  filesRead: number;
  files: number;
}

export interface ProgressStats {
  done: number;
  /** The total, or an estimate from the files read so far. */
  total: number;
  estimated: boolean;
  /** Documents per second since the start. */
  rate: number;
  /** Seconds left at the current rate; null until there is a rate. */
  eta: number | null;
}

/** Rate and time left. Before the total is known it is estimated from the share of files read. */
export function progressStats(p: ProgressState, elapsedMs: number): ProgressStats {
  const estimated = p.total === null;
  const total = p.total ?? (p.filesRead > 0 ? Math.max(p.found, Math.round((p.found * p.files) / p.filesRead)) : p.files);
  const rate = elapsedMs > 0 ? (p.done * 1000) / elapsedMs : 0;
  const eta = rate > 0 ? Math.max(0, total - p.done) / rate : null;
  return { done: p.done, total: Math.max(total, p.done), estimated, rate, eta };
}

/** `45 s`, `3 min 05 s`, `1 h 02 min`. */
export function formatDuration(seconds: number): string {
  const s = Math.round(seconds);
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
  return `${Math.floor(s / 3600)} h ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')} min`;
}

function formatRate(rate: number): string {
  return rate >= 100 ? rate.toFixed(0) : rate >= 10 ? rate.toFixed(1) : rate.toFixed(2);
}

/** One plain progress line: `documents 120/500 (24%), 35.2 docs/s, about 11 s left`. */
export function progressLine(s: ProgressStats): string {
  const of = `${s.estimated ? '~' : ''}${s.total}`;
  const pct = s.total > 0 ? Math.floor((100 * s.done) / s.total) : 0;
  const left = s.eta === null ? '' : `, about ${formatDuration(s.eta)} left`;
  return `documents ${s.done}/${of} (${pct}%), ${formatRate(s.rate)} docs/s${left}`;
}

export interface Progress {
  update(p: ProgressState): void;
  /** Clears the bar (or prints the last line); call before the summary. */
  stop(): void;
}

export interface ProgressOptions {
  /** Where progress goes (stderr). */
  stream: NodeJS.WriteStream | (NodeJS.WritableStream & { isTTY?: boolean; columns?: number });
  quiet: boolean;
  /** Milliseconds since some fixed point; `performance.now` unless a test gives a fake clock. */
  now?: () => number;
  /** Plain lines at most this often, in milliseconds. @default 5000 */
  lineEveryMs?: number;
}

/** A progress display suited to the stream: a bar on a terminal, lines otherwise, or nothing. */
export function createProgress(options: ProgressOptions): Progress {
  if (options.quiet) return { update() {}, stop() {} };
  const now = options.now ?? (() => performance.now());
  const start = now();
  if (options.stream.isTTY === true) return barProgress(options.stream as NodeJS.WriteStream, now, start);
  const every = options.lineEveryMs ?? 5000;
  let last = start;
  let latest: ProgressState | null = null;
  let printed: ProgressState | null = null;
  const print = (p: ProgressState): void => {
    options.stream.write(`${progressLine(progressStats(p, now() - start))}\n`);
    printed = p;
  };
  return {
    update(p) {
      latest = p;
      const t = now();
      if (t - last >= every) {
        last = t;
        print(p);
      }
    },
    stop() {
      if (latest !== null && latest !== printed) print(latest);
    },
  };
}

function barProgress(stream: NodeJS.WriteStream, now: () => number, start: number): Progress {
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format: 'documents {bar} {value}/{shownTotal} | {rate} docs/s | {left}',
      barsize: 30,
      hideCursor: true,
      clearOnComplete: true,
      fps: 5,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update(p) {
      const s = progressStats(p, now() - start);
      const payload = { shownTotal: `${s.estimated ? '~' : ''}${s.total}`, rate: formatRate(s.rate), left: s.eta === null ? 'time left unknown' : `${formatDuration(s.eta)} left` };
      if (!started) {
        bar.start(s.total, s.done, payload);
        started = true;
      } else {
        bar.setTotal(s.total);
        bar.update(s.done, payload);
      }
    },
    stop() {
      if (started) bar.stop();
    },
  };
}

/** What the end-of-run summary needs; a subset of `RunSummary` (src/run.ts). */
export interface SummaryInput {
  documentsRead: number;
  tokens: number;
  files: number;
  tables: Record<string, number>;
  failures: readonly unknown[];
  written: readonly string[];
}

/**
 * The one-screen summary printed at the end: documents, entities per type, events, the number of
 * failures (their messages go to stderr) and where the files are.
 */
export function formatSummary(s: SummaryInput, context: { version: string; seconds: number; output: string; cwd?: string }): string {
  const n = (k: string): number => s.tables[k] ?? 0;
  const show = (p: string): string => {
    const r = relative(context.cwd ?? process.cwd(), p);
    return r === '' ? '.' : r.startsWith('..') ? p : r;
  };
  const row = (label: string, value: string): string => `  ${label.padEnd(14)}${value}`;
  const lines = [
    `dateline ${context.version}: ${s.documentsRead} documents from ${s.files} files (${s.tokens} tokens) in ${formatDuration(context.seconds)}`,
    row('people', `${n('people')}`),
    row('organizations', `${n('organizations')}`),
    row('places', `${n('places')}`),
    row('events', `${n('events')} (from ${n('event_mentions')} reporting sentences)`),
    row('mentions', `${n('mentions')}`),
    row('duplicates', `${n('duplicates')} documents`),
    row('failures', s.failures.length === 0 ? '0' : `${s.failures.length} (listed on stderr and in ${show(`${context.output}/errors.jsonl`)})`),
  ];
  // Table files (`people.csv`, `people.parquet`, ...) by format; the other files by name.
  const formats = new Map<string, number>();
  const others: string[] = [];
  for (const f of s.written) {
    const name = f.slice(Math.max(f.lastIndexOf('/'), f.lastIndexOf('\\')) + 1);
    const dot = name.lastIndexOf('.');
    if (dot > 0 && (tableNames as readonly string[]).includes(name.slice(0, dot))) formats.set(name.slice(dot + 1), (formats.get(name.slice(dot + 1)) ?? 0) + 1);
    else others.push(name);
  }
  const tableCount = Math.max(0, ...formats.values());
  lines.push(`written to ${show(context.output)}/`);
  if (formats.size > 0) lines.push(row('tables', `${tableCount} as ${[...formats.keys()].join(', ')}`));
  if (others.length > 0) lines.push(row('also', others.sort().join(', ')));
  if (s.written.some((f) => f.endsWith('report.html'))) lines.push(`  open ${show(`${context.output}/report.html`)} to browse the results`);
  return `${lines.join('\n')}\n`;
}
