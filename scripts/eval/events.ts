/**
 * Scores the events table against the team's gold list of dated events for the sample articles:
 * recall (target 0.90), precision (target 0.80), and whether each event reported by several
 * articles is one row. Prints the misses and the spurious rows.
 *
 * Run: `npm run eval -- events [gold.json]` or `npx tsx scripts/eval/events.ts [gold.json]`.
 *
 * A row matches a gold event when its type is one of the gold types, it shares a document with
 * it, and its date is the gold date or one of the gold's conflicting dates (for weeks, months
 * and years: the ranges overlap). Each row counts for the one gold event it fits best (most
 * shared documents, then the exact date). Optional gold events (photo captions, a vague "last
 * week") are neither required nor spurious.
 */
import { existsSync, readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseConfig } from '../../src/config.js';
import { compatibleDates, span } from '../../src/events/dates.js';
import { listInputs, readInput } from '../../src/io/read-inputs.js';
import { runPipeline, type SourceItem } from '../../src/pipeline.js';
import { ingest } from '../../src/stages/ingest.js';
import type { Row } from '../../src/tables.js';

/** A path under the project root, found whether this file runs from scripts/ or from dist/scripts/. */
function fromRoot(rel: string): string {
  return ['../../', '../../../'].map((up) => fileURLToPath(new URL(`${up}${rel}`, import.meta.url))).find((p) => existsSync(p)) ?? rel;
}

export const defaultGoldPath = fromRoot('tests/fixtures/events-gold/events.json');
const defaultInput = fromRoot('input');

export interface GoldEvent {
  key: string;
  optional?: boolean;
  date: string;
  conflictingDates: string[];
  planned?: boolean;
  types: string[];
  actors: string[];
  targets: string[];
  places: string[];
  docs: string[];
  fatalities: number | null;
  note?: string;
}

export interface EventRow {
  id: string;
  date: string;
  type: string;
  docIds: string[];
  conflictingDates: string[];
  fatalities: number | null;
  names: string[];
  sentence: string;
  planned: boolean;
}

export interface EventScore {
  recall: number;
  precision: number;
  required: number;
  found: number;
  rows: number;
  matchedRows: number;
  /** Per multi-source gold event: rows matching it and whether one row holds every document. */
  multiSource: Array<{ key: string; rows: number; docsCovered: number; docs: number; oneRow: boolean }>;
  misses: GoldEvent[];
  spurious: EventRow[];
  /** Gold key per matched row id. */
  assignment: Map<string, string>;
}

/** Whether a row can be a report of the gold event (type, shared document, date). */
export function matches(row: EventRow, gold: GoldEvent): boolean {
  if (!gold.types.includes(row.type)) return false;
  if (!row.docIds.some((d) => gold.docs.includes(d))) return false;
  if (row.date === gold.date || gold.conflictingDates.includes(row.date)) return true;
  return (span(row.date) > 1 || span(gold.date) > 1) && compatibleDates(row.date, gold.date, 0) && span(row.date) <= Math.max(span(gold.date), 7);
}

/** Gold names (actors, targets, places) that a row names too, ignoring case and partial forms. */
function nameOverlap(row: EventRow, gold: GoldEvent): number {
  const mine = row.names.map((n) => n.slice(n.indexOf(':') + 1).toLowerCase());
  return [...gold.actors, ...gold.targets, ...gold.places].filter((g) => {
    const name = g.toLowerCase();
    return mine.some((m) => m.includes(name) || name.includes(m));
  }).length;
}

/** Scores rows against the gold list. */
export function scoreEvents(rows: readonly EventRow[], gold: readonly GoldEvent[]): EventScore {
  const assignment = new Map<string, string>();
  const byGold = new Map<string, EventRow[]>();
  for (const row of rows) {
    let best: GoldEvent | undefined;
    let bestScore = -1;
    for (const g of gold) {
      if (!matches(row, g)) continue;
      const score = row.docIds.filter((d) => g.docs.includes(d)).length * 100 + (row.date === g.date ? 20 : 0) + nameOverlap(row, g) * 2 + (g.optional ? 0 : 1);
      if (score > bestScore) {
        best = g;
        bestScore = score;
      }
    }
    if (best === undefined) continue;
    assignment.set(row.id, best.key);
    byGold.set(best.key, [...(byGold.get(best.key) ?? []), row]);
  }
  const required = gold.filter((g) => !g.optional);
  const misses = required.filter((g) => !byGold.has(g.key));
  const multiSource = required
    .filter((g) => g.docs.length > 1)
    .map((g) => {
      const matched = byGold.get(g.key) ?? [];
      const covered = Math.max(0, ...matched.map((r) => r.docIds.filter((d) => g.docs.includes(d)).length));
      return { key: g.key, rows: matched.length, docsCovered: covered, docs: g.docs.length, oneRow: matched.length === 1 && covered === g.docs.length };
    });
  const spurious = rows.filter((r) => !assignment.has(r.id));
  return {
    recall: required.length === 0 ? 1 : (required.length - misses.length) / required.length,
    precision: rows.length === 0 ? 1 : (rows.length - spurious.length) / rows.length,
    required: required.length,
    found: required.length - misses.length,
    rows: rows.length,
    matchedRows: rows.length - spurious.length,
    multiSource,
    misses,
    spurious,
    assignment,
  };
}

/** Events-table rows in the shape the scorer reads. */
export function eventRows(table: readonly Row[]): EventRow[] {
  const list = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : []);
  return table.map((r) => ({
    id: String(r['event_id']),
    date: String(r['date']),
    type: String(r['type']),
    docIds: list(r['doc_ids']),
    conflictingDates: list(r['conflicting_dates']),
    fatalities: typeof r['fatalities'] === 'number' ? r['fatalities'] : null,
    names: [...list(r['actors']).map((n) => `actor:${n}`), ...list(r['targets']).map((n) => `target:${n}`), ...list(r['places']).map((n) => `place:${n}`)],
    sentence: String(r['sentence']),
    planned: r['planned'] === true,
  }));
}

/** Runs the whole pipeline on `input` (in this thread, no cache) and returns its events table. */
export async function pipelineEvents(input = defaultInput): Promise<Row[]> {
  const config = parseConfig({ input, output: 'output', workers: 0, cache: { enabled: false, dir: '.dateline-cache' } }, 'eval');
  const { files, failures } = await listInputs(config.input, config);
  const parse = ingest(config);
  async function* items(): AsyncGenerator<SourceItem> {
    for (const failure of failures) yield { kind: 'failure', failure };
    for (const f of files) {
      const read = await readInput(f, config.maxFileBytes);
      if (read.kind === 'failure') {
        yield { kind: 'failure', failure: read.failure };
        continue;
      }
      const parsed = parse(read.file);
      for (const failure of parsed.failures) yield { kind: 'failure', failure };
      for (const doc of parsed.docs) yield { kind: 'doc', doc };
    }
  }
  const result = await runPipeline(items(), config);
  for (const f of result.failures) process.stderr.write(`warning: ${f.message}\n`);
  return [...result.tables.events];
}

const pct = (x: number): string => x.toFixed(3);

/** Runs the pipeline on input/, scores it against the gold list and prints the result. */
export async function evalEvents(goldPath: string = defaultGoldPath): Promise<void> {
  const gold = (JSON.parse(readFileSync(goldPath, 'utf8')) as { events: GoldEvent[] }).events;
  const table = await pipelineEvents();
  const rows = eventRows(table);
  const score = scoreEvents(rows, gold);
  const out: string[] = [];
  out.push(`events: ${rows.length} rows, gold ${score.required} required + ${gold.length - score.required} optional (${relative(process.cwd(), goldPath)})`);
  out.push(`recall    ${pct(score.recall)}  (${score.found}/${score.required}; target 0.90)`);
  out.push(`precision ${pct(score.precision)}  (${score.matchedRows}/${score.rows}; target 0.80)`);
  const one = score.multiSource.filter((m) => m.oneRow).length;
  out.push(`multi-source events as one row: ${one}/${score.multiSource.length}`);
  for (const m of score.multiSource) out.push(`  ${m.oneRow ? 'ok  ' : 'FAIL'} ${m.key}: ${m.rows} row(s), best row covers ${m.docsCovered}/${m.docs} documents`);
  // Date agreement: the row holding most of a gold event's documents, against the gold date.
  let dateRight = 0;
  let matchedGold = 0;
  const dateLines: string[] = [];
  for (const g of gold.filter((x) => !x.optional)) {
    const mine = rows.filter((r) => score.assignment.get(r.id) === g.key);
    if (mine.length === 0) continue;
    matchedGold++;
    const main = [...mine].sort((a, b) => b.docIds.length - a.docIds.length)[0]!;
    const conflictsOk = g.conflictingDates.every((d) => main.conflictingDates.includes(d) || main.date === d);
    if (main.date === g.date) dateRight++;
    else dateLines.push(`  ${g.key}: row date ${main.date}, gold ${g.date}`);
    if (!conflictsOk) dateLines.push(`  ${g.key}: conflicting dates [${main.conflictingDates.join(', ')}], gold [${g.conflictingDates.join(', ')}]`);
    if (g.fatalities !== null && main.fatalities !== g.fatalities) dateLines.push(`  ${g.key}: fatalities ${main.fatalities}, gold ${g.fatalities}`);
  }
  out.push(`row date equals the gold date: ${dateRight}/${matchedGold}`);
  out.push(...dateLines);
  out.push(`misses (${score.misses.length}):`);
  for (const g of score.misses) out.push(`  ${g.key} ${g.date} [${g.types.join('/')}] ${g.docs.join(' ')}`);
  out.push(`spurious rows (${score.spurious.length}):`);
  for (const r of score.spurious) out.push(`  ${r.date} ${r.type}${r.planned ? ' (planned)' : ''} ${r.docIds.join(' ')} ${r.names.join('; ')}\n      ${r.sentence.slice(0, 160)}`);
  process.stdout.write(`${out.join('\n')}\n`);
  // Gold written for news texts nobody tuned on (see scripts/eval/events-gold.ts), unless a
  // gold file was named on the command line.
  if (goldPath === defaultGoldPath) {
    const { evalTextGold } = await import('./events-gold.js');
    process.stdout.write(`\n${(await evalTextGold(fromRoot('eval/gold/te3-events.json'), fromRoot('../shared/eval/te3-train.jsonl'))).join('\n')}\n`);
  }
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  evalEvents(process.argv[2]).catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
