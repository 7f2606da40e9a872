/**
 * Scores the events table against gold events written for news texts that live outside the
 * repository (eval/gold/te3-events.json: TempEval-3 training documents by id, read from
 * ../shared/eval/te3-train.jsonl at run time; no text is copied).
 *
 * A gold event has a date, the types it may take, its actors, the place names accepted as its
 * location (finest first) and anchors: a trigger word and its UTF-16 offset in the document. A
 * report (one row of event_mentions) fits a gold event of its document when its sentence holds
 * one of the anchors and its date is the gold date, one of its conflicting dates, or a coarser or
 * finer date overlapping it. Matching does not look at the type: the type is scored apart, like
 * the location, over the gold events found.
 *
 * - recall: required gold events with a fitting report;
 * - precision: (event, document) pairs that fit some gold event (optional ones included) among
 *   all pairs of the gold documents;
 * - type: found events whose row type is one the gold accepts;
 * - location: found events with a gold location whose row location is an accepted name
 *   (ignoring case; a name containing the other counts);
 * - actors: found events with gold actors where actor1 or actor2 names one of them.
 *
 * Documents are split into `tune` (looked at while writing rules) and `heldout` (only scored): the
 * listing of misses and spurious rows is printed for the tune split only.
 */
import { existsSync, readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { parseConfig } from '../../src/config.js';
import { compatibleDates, span } from '../../src/events/dates.js';
import { runPipeline, type SourceItem } from '../../src/pipeline.js';
import type { Row } from '../../src/tables.js';

export interface GoldAnchor {
  trigger: string;
  offset: number;
}

export interface TextGoldEvent {
  key: string;
  optional?: boolean;
  date: string;
  conflicting_dates: string[];
  types: string[];
  actors: string[];
  location: string[] | null;
  anchors: GoldAnchor[];
}

export interface TextGoldDoc {
  id: string;
  split: string;
  events: TextGoldEvent[];
}

export interface TextGold {
  source: string;
  docs: TextGoldDoc[];
}

/** One report of an event row in one document, with what the scorer needs. */
export interface ScoredReport {
  eventId: string;
  docId: string;
  start: number;
  end: number;
  date: string;
  type: string;
  actor1: string | null;
  actor2: string | null;
  location: string | null;
  sentence: string;
}

/** Whether a report's date can be the gold date: equal, a listed conflict, or overlapping at a different precision. */
export function datesFit(date: string, gold: TextGoldEvent): boolean {
  if (date === gold.date || gold.conflicting_dates.includes(date)) return true;
  return span(date) !== span(gold.date) && compatibleDates(date, gold.date, 0);
}

const sameName = (a: string, b: string): boolean => {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  return x === y || (x.length > 2 && y.length > 2 && (x.includes(y) || y.includes(x)));
};

export interface SplitScore {
  split: string;
  docs: number;
  required: number;
  found: number;
  units: number;
  matchedUnits: number;
  typeRight: number;
  located: number;
  locationRight: number;
  withActors: number;
  actorsRight: number;
  misses: Array<{ doc: string; gold: TextGoldEvent }>;
  spurious: ScoredReport[];
  wrong: string[];
}

/** Scores reports against the gold documents of one split. */
export function scoreTextGold(reports: readonly ScoredReport[], docs: readonly TextGoldDoc[], split: string): SplitScore {
  const score: SplitScore = { split, docs: docs.length, required: 0, found: 0, units: 0, matchedUnits: 0, typeRight: 0, located: 0, locationRight: 0, withActors: 0, actorsRight: 0, misses: [], spurious: [], wrong: [] };
  for (const doc of docs) {
    const mine = reports.filter((r) => r.docId === doc.id);
    const fits = (r: ScoredReport, g: TextGoldEvent): boolean => datesFit(r.date, g) && g.anchors.some((a) => r.start <= a.offset && a.offset < r.end);
    // Units: one per event row and document (several reports of one row in a document are one unit).
    const units = new Map<string, ScoredReport[]>();
    for (const r of mine) units.set(r.eventId, [...(units.get(r.eventId) ?? []), r]);
    for (const [, rs] of units) {
      score.units++;
      if (doc.events.some((g) => rs.some((r) => fits(r, g)))) score.matchedUnits++;
      else score.spurious.push(rs[0]!);
    }
    for (const g of doc.events) {
      if (g.optional) continue;
      score.required++;
      const hits = mine.filter((r) => fits(r, g));
      if (hits.length === 0) {
        score.misses.push({ doc: doc.id, gold: g });
        continue;
      }
      score.found++;
      const best = hits.find((r) => g.types.includes(r.type)) ?? hits[0]!;
      if (g.types.includes(best.type)) score.typeRight++;
      else score.wrong.push(`${doc.id} ${g.key}: type ${best.type}, gold ${g.types.join('/')}`);
      if (g.location !== null) {
        score.located++;
        const loc = hits.map((r) => r.location).find((l) => l !== null && g.location!.some((n) => sameName(n, l))) ?? null;
        if (loc !== null) score.locationRight++;
        else score.wrong.push(`${doc.id} ${g.key}: location ${best.location ?? '-'}, gold ${g.location.join(' / ')}`);
      }
      if (g.actors.length > 0) {
        score.withActors++;
        if (hits.some((r) => [r.actor1, r.actor2].some((a) => a !== null && g.actors.some((n) => sameName(n, a))))) score.actorsRight++;
        else score.wrong.push(`${doc.id} ${g.key}: actor1 ${best.actor1 ?? '-'}, actor2 ${best.actor2 ?? '-'}, gold ${g.actors.join(' / ')}`);
      }
    }
  }
  return score;
}

/** The reports of an events table, placed in their documents' texts. */
export function scoredReports(tables: Partial<Record<'events' | 'event_mentions', readonly Row[]>>, texts: ReadonlyMap<string, string>): ScoredReport[] {
  const events = new Map((tables['events'] ?? []).map((e) => [String(e['event_id']), e]));
  const out: ScoredReport[] = [];
  for (const m of tables['event_mentions'] ?? []) {
    const docId = String(m['doc_id']);
    const text = texts.get(docId);
    const e = events.get(String(m['event_id']));
    if (text === undefined || e === undefined) continue;
    const sentence = String(m['sentence']);
    const start = text.indexOf(sentence);
    const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
    out.push({
      eventId: String(m['event_id']), docId, start, end: start < 0 ? -1 : start + sentence.length, date: String(m['date']), type: String(e['type']),
      actor1: str(e['actor1']), actor2: str(e['actor2']), location: str(e['location']), sentence,
    });
  }
  return out;
}

/** Runs the pipeline on the gold documents (published = the document creation time) and scores it, split by split. */
export async function evalTextGold(goldPath: string, sourcePath: string): Promise<string[]> {
  const gold = JSON.parse(readFileSync(goldPath, 'utf8')) as TextGold;
  if (!existsSync(sourcePath)) return [`events on ${goldPath}: skipped, ${sourcePath} is not there`];
  const wanted = new Set(gold.docs.map((d) => d.id));
  const texts = new Map<string, string>();
  const items: SourceItem[] = [];
  readFileSync(sourcePath, 'utf8').split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    const d = JSON.parse(line) as { id: string; dct: string; text: string };
    if (!wanted.has(d.id)) return;
    texts.set(d.id, d.text);
    items.push({ kind: 'doc', doc: { id: d.id, source: sourcePath, line: i + 1, title: '', text: d.text, published: d.dct, publishedSource: 'metadata' } });
  });
  for (const d of gold.docs) {
    const text = texts.get(d.id);
    if (text === undefined) throw new Error(`${goldPath}: document ${d.id} is not in ${sourcePath}`);
    for (const g of d.events) for (const a of g.anchors) if (text.slice(a.offset, a.offset + a.trigger.length) !== a.trigger) throw new Error(`${goldPath}: ${d.id} ${g.key}: no "${a.trigger}" at offset ${a.offset}`);
  }
  const config = parseConfig({ input: sourcePath, output: 'output', workers: 0, cache: { enabled: false, dir: '.dateline-cache' } }, 'eval');
  const result = await runPipeline(items, config);
  const reports = scoredReports({ events: [...result.tables.events], event_mentions: [...result.tables.event_mentions] }, texts);
  const splits = [...new Set(gold.docs.map((d) => d.split))];
  const scores = [...splits.map((s) => scoreTextGold(reports, gold.docs.filter((d) => d.split === s), s)), scoreTextGold(reports, gold.docs, 'all')];
  const r3 = (n: number, d: number): string => (d === 0 ? '  -  ' : (n / d).toFixed(3));
  const out = [`events on ${relative(process.cwd(), goldPath)} (texts read from ${relative(process.cwd(), sourcePath)}): ${gold.docs.length} docs`];
  out.push('split      docs  recall             precision          type               location           actors');
  for (const s of scores) {
    const cell = (n: number, d: number): string => `${r3(n, d)} (${n}/${d})`.padEnd(19);
    out.push(`${s.split.padEnd(10)} ${String(s.docs).padStart(4)}  ${cell(s.found, s.required)}${cell(s.matchedUnits, s.units)}${cell(s.typeRight, s.found)}${cell(s.locationRight, s.located)}${cell(s.actorsRight, s.withActors)}`.trimEnd());
  }
  out.push('targets: recall >= 0.85, precision >= 0.80, location right for >= 0.80 of the events found');
  for (const s of scores.filter((x) => x.split === 'tune')) {
    out.push(`tune split, misses (${s.misses.length}):`);
    for (const m of s.misses) out.push(`  ${m.doc} ${m.gold.key} ${m.gold.date} [${m.gold.types.join('/')}]`);
    out.push(`tune split, spurious (${s.spurious.length}):`);
    for (const r of s.spurious) out.push(`  ${r.docId} ${r.date} ${r.type}: ${r.sentence.slice(0, 140)}`);
    out.push(`tune split, wrong type, location or actors (${s.wrong.length}):`);
    for (const w of s.wrong) out.push(`  ${w}`);
  }
  return out;
}
