import { relative } from 'node:path';
import cliProgress from 'cli-progress';
import { tableNames } from '../tables.js';

/**
 * What the console shows while a run goes and when it ends. Progress goes to stderr so stdout
 * holds only the summary (and can be piped); the summary is one screen at most.
 *
 * - on a terminal: a bar redrawn in place (cli-progress) with the share of the input done,
 *   documents, rate and time left; then one line per phase after the documents;
 * - not on a terminal (a log file, CI): a plain line now and then, never control characters;
 * - `--quiet`: nothing.
 *
 * The total is known from the start: the input's size in bytes (from the listing, or standard
 * input once read). Each document counts for its share of its file's bytes (by text length), so
 * the share done and the time left follow the work even when documents differ in size, and the
 * time left is measured from the first document done, not from start-up (loading the model and
 * starting the workers), which would make it several times too long early in a short run.
 */

/** Where the per-document phase is. */
export interface ProgressState {
  /** Documents through the per-document stages (or failed in them). */
  done: number;
  /** Documents in the input, once every file has been read; null before. */
  total: number | null;
  /** Input bytes whose documents are done (or that held no document). */
  bytesDone: number;
  /** Every input byte, known before the first document. */
  bytesTotal: number;
}

/** A phase after the documents: the corpus stages, then writing the tables. */
export interface PhaseState {
  /** Stage name (`dedupe-entities`) or `write-tables`. */
  name: string;
  /** 1-based, of `steps`. */
  step: number;
  steps: number;
  /** Work done and to do inside the phase, when it has parts (files written). */
  done?: number;
  total?: number;
}

/** A point on the way: milliseconds since the start and input bytes done then. */
export interface ProgressMark {
  ms: number;
  bytes: number;
}

export interface ProgressStats {
  done: number;
  /** Documents in the input, or null until every file has been read. */
  total: number | null;
  /** Share of the input done, 0 to 1. */
  fraction: number;
  /** Documents per second since the start. */
  rate: number;
  /** Seconds left for the whole run (documents, then the phases after them); null until there is a rate. */
  eta: number | null;
}

/**
 * The phases after the documents (dedupe, event merge, tables, writing) as seconds, from the
 * time the per-document stages take. They run on one thread whatever the worker count, and their
 * work grows with the mentions, so with the documents' processing time: measured on this
 * machine, 0.9 of it at 0.5 million tokens on one worker (with 5 s of it loading the
 * gazetteer), 0.43 at 10 million tokens on one worker and 0.69 on two (`npm run bench`). This
 * estimate (5 s, plus 0.35 of the documents' time per worker) is within a third of each.
 */
export function afterDocumentsSeconds(documentSeconds: number, workers: number): number {
  return 5 + 0.35 * Math.max(1, workers) * documentSeconds;
}

/** Where the rate is measured from: the first document done, and a point about halfway since. */
export interface ProgressMarks {
  first?: ProgressMark;
  recent?: ProgressMark;
}

/**
 * Share done, rate and time left. The documents' time left is the bytes left at the byte rate
 * since `marks.recent` (about halfway between the first document done and now, so the rate
 * follows the run as it warms up, not start-up or the first slow documents); then the phases
 * after the documents are added ({@link afterDocumentsSeconds}). With no byte total, documents
 * left at the document rate.
 */
export function progressStats(p: ProgressState, elapsedMs: number, marks: ProgressMarks = {}, workers = 1): ProgressStats {
  const fraction = p.bytesTotal > 0 ? Math.min(1, p.bytesDone / p.bytesTotal) : p.total ? Math.min(1, p.done / p.total) : 0;
  const rate = elapsedMs > 0 ? (p.done * 1000) / elapsedMs : 0;
  const from = marks.recent ?? marks.first;
  let left: number | null = null;
  if (p.bytesTotal > 0 && from !== undefined && p.bytesDone > from.bytes && elapsedMs > from.ms) {
    left = ((p.bytesTotal - p.bytesDone) * (elapsedMs - from.ms)) / (p.bytesDone - from.bytes) / 1000;
  } else if (p.bytesTotal === 0 && p.total !== null && rate > 0) {
    left = Math.max(0, p.total - p.done) / rate;
  }
  if (left === null) return { done: p.done, total: p.total, fraction, rate, eta: null };
  const documentSeconds = (elapsedMs - (marks.first?.ms ?? 0)) / 1000 + left;
  return { done: p.done, total: p.total, fraction, rate, eta: Math.max(0, left) + afterDocumentsSeconds(documentSeconds, workers) };
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

/**
 * One plain progress line: `documents 120/500 (24%), 35.2 docs/s, about 11 s left`, or, before
 * every file has been read, `documents 120 (24% of the input), ...`.
 */
export function progressLine(s: ProgressStats): string {
  const pct = Math.floor(100 * s.fraction);
  const count = s.total === null ? `${s.done} (${pct}% of the input)` : `${s.done}/${s.total} (${pct}%)`;
  const left = s.eta === null ? '' : `, about ${formatDuration(s.eta)} left`;
  return `documents ${count}, ${formatRate(s.rate)} docs/s${left}`;
}

/** What each phase after the documents is called on the console. */
const phaseLabels: Record<string, string> = {
  'dedupe-documents': 'removing duplicate documents',
  'dedupe-entities': 'merging names into entities',
  'merge-events': 'merging events',
  'build-tables': 'building tables',
  'write-tables': 'writing tables',
};

/** `phase 2/5: merging names into entities` (with `, 3/29 files` when the phase has parts). */
export function phaseLine(p: PhaseState): string {
  const parts = p.total === undefined ? '' : `, ${p.done ?? 0}/${p.total} files`;
  return `phase ${p.step}/${p.steps}: ${phaseLabels[p.name] ?? p.name}${parts}`;
}

export interface Progress {
  update(p: ProgressState): void;
  /** A phase after the documents starts (or, with parts, moves on). */
  phase(p: PhaseState): void;
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
  /** Threads running the per-document stages, for the estimate of the phases after them. @default 1 */
  workers?: number;
}

/** A progress display suited to the stream: a bar on a terminal, lines otherwise, or nothing. */
export function createProgress(options: ProgressOptions): Progress {
  if (options.quiet) return { update() {}, phase() {}, stop() {} };
  const now = options.now ?? (() => performance.now());
  const start = now();
  // Points on the way, one every 100 ms at most (thinned to every other one when many), to find
  // the one about halfway between the first document and now.
  const samples: ProgressMark[] = [];
  const stats = (p: ProgressState): ProgressStats => {
    const t = now() - start;
    if (p.done > 0 && (samples.length === 0 || t - samples[samples.length - 1]!.ms >= 100)) {
      samples.push({ ms: t, bytes: p.bytesDone });
      if (samples.length > 512) for (let i = 1; i < samples.length; i++) samples.splice(i, 1);
    }
    const first = samples[0];
    const half = first === undefined ? undefined : first.ms + (t - first.ms) / 2;
    const recent = half === undefined ? undefined : (samples.find((m) => m.ms >= half && m.ms < t) ?? first);
    return progressStats(p, t, { first, recent }, options.workers ?? 1);
  };
  if (options.stream.isTTY === true) return barProgress(options.stream as NodeJS.WriteStream, stats);
  const every = options.lineEveryMs ?? 5000;
  let last = start;
  let latest: ProgressState | null = null;
  let printed: ProgressState | null = null;
  let phaseAt = start;
  const print = (p: ProgressState): void => {
    options.stream.write(`${progressLine(stats(p))}\n`);
    printed = p;
  };
  return {
    update(p) {
      latest = p;
      const s = stats(p); // marks the first document done even between lines
      const t = now();
      if (t - last >= every) {
        last = t;
        options.stream.write(`${progressLine(s)}\n`);
        printed = p;
      }
    },
    phase(p) {
      if (latest !== null && latest !== printed) print(latest);
      const t = now();
      // A phase's start always; its parts at most once per interval.
      if (p.done === undefined || p.done === 0 || t - phaseAt >= every) {
        phaseAt = t;
        options.stream.write(`${phaseLine(p)}\n`);
      }
    },
    stop() {
      if (latest !== null && latest !== printed) print(latest);
    },
  };
}

function barProgress(stream: NodeJS.WriteStream, stats: (p: ProgressState) => ProgressStats): Progress {
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format: 'documents {bar} {percentage}% | {count} | {rate} docs/s | {left}',
      barsize: 30,
      hideCursor: true,
      clearOnComplete: true,
      fps: 5,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  let phased = false;
  return {
    update(p) {
      const s = stats(p);
      const payload = { count: s.total === null ? `${s.done} docs` : `${s.done}/${s.total} docs`, rate: formatRate(s.rate), left: s.eta === null ? 'time left unknown' : `${formatDuration(s.eta)} left` };
      const value = Math.round(1000 * s.fraction);
      if (!started) {
        bar.start(1000, value, payload);
        started = true;
      } else bar.update(value, payload);
    },
    phase(p) {
      if (started) {
        bar.stop();
        started = false;
      }
      phased = true;
      stream.write(`\r\u001b[2K${phaseLine(p)}`);
    },
    stop() {
      if (started) bar.stop();
      if (phased) stream.write('\r\u001b[2K');
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
