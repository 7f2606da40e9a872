/**
 * A whole run on the sample articles in input/: invariants that must hold on every run, and a
 * golden comparison of every table (set UPDATE_GOLDEN=1 to rewrite the expected files after an
 * intended change, then review the diff).
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../src/config.js';
import { runOnFiles } from '../src/run.js';
import { splitSentences } from '../src/stages/split-sentences.js';
import { tableNames, tables } from '../src/tables.js';
import type { Doc } from '../src/types.js';

type Row = Record<string, unknown>;
const golden = 'tests/fixtures/sample-run/expected';
let out: string;
const read = (name: string): Row[] =>
  readFileSync(join(out, `${name}.jsonl`), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Row);

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), 'dateline-golden-'));
  const config = parseConfig({ input: 'input', output: out, workers: 1, cache: { enabled: false } });
  await runOnFiles(config);
}, 120_000);

describe('a run on input/', () => {
  it('writes every table as CSV and JSONL with the contract columns in order', () => {
    for (const name of tableNames) {
      expect(existsSync(join(out, `${name}.csv`)), name).toBe(true);
      const header = readFileSync(join(out, `${name}.csv`), 'utf8').split('\r\n')[0];
      expect(header).toBe(tables[name].columns.map((c) => c.name).join(','));
    }
    expect(existsSync(join(out, 'run-report.json'))).toBe(true);
  });

  it('every mention slices from its document text to its text, inside its sentence, sorted', () => {
    const docs = new Map(read('documents').map((d) => [d['doc_id'] as string, d]));
    const split = splitSentences();
    const byDoc = new Map<string, Row[]>();
    for (const m of read('mentions')) byDoc.set(m['doc_id'] as string, [...(byDoc.get(m['doc_id'] as string) ?? []), m]);
    expect(byDoc.size).toBeGreaterThan(0);
    for (const [docId, mentions] of byDoc) {
      const doc = docs.get(docId);
      expect(doc, docId).toBeDefined();
      const text = readFileSync(join('input', doc!['source'] as string), 'utf8');
      const sentences = split({ id: docId, source: '', title: '', text, published: null, publishedSource: 'none', sentences: [], tokens: [], entities: [], dates: [], events: [] } as Doc).sentences;
      let last = -1;
      for (const m of mentions) {
        const [start, end] = [m['start'] as number, m['end'] as number];
        expect(text.slice(start, end)).toBe(m['text']);
        expect(start).toBeGreaterThanOrEqual(last);
        last = start;
        const s = sentences[m['sentence_index'] as number]!;
        expect(start >= s.start && end <= s.end, `${docId} ${String(m['text'])} inside sentence ${String(m['sentence_index'])}`).toBe(true);
      }
    }
  });

  it('every entity_id and doc_id points at a row that exists', () => {
    const docIds = new Set(read('documents').map((d) => d['doc_id']));
    const entityIds = new Set(['people', 'organizations', 'places'].flatMap((t) => read(t).map((e) => e['entity_id'])));
    const eventIds = new Set(read('events').map((e) => e['event_id']));
    for (const m of read('mentions')) {
      expect(docIds.has(m['doc_id'])).toBe(true);
      if (m['type'] === 'DATE') expect(m['entity_id']).toBeNull();
      else expect(entityIds.has(m['entity_id']), String(m['text'])).toBe(true);
    }
    for (const t of ['people', 'organizations', 'places']) for (const e of read(t)) for (const d of e['doc_ids'] as string[]) expect(docIds.has(d)).toBe(true);
    for (const e of read('events')) {
      for (const id of e['entity_ids'] as string[]) expect(entityIds.has(id)).toBe(true);
      for (const d of e['doc_ids'] as string[]) expect(docIds.has(d)).toBe(true);
      expect(e['source_count']).toBe((e['doc_ids'] as string[]).length);
    }
    for (const r of read('event_mentions')) expect(eventIds.has(r['event_id'])).toBe(true);
    for (const r of read('merges')) expect(entityIds.has(r['entity_id'])).toBe(true);
  });

  it('finds the actors, places and the main event a reader of the samples expects', () => {
    const names = (t: string): string[] => read(t).flatMap((e) => [e['name'] as string, ...(e['aliases'] as string[])]);
    expect(names('organizations')).toContain('Jaish al-Adl');
    expect(names('people')).toContain('Hossein Amir-Abdollahian');
    expect(names('people')).toContain('Jalil Abbas Jilani');
    expect(names('places')).toContain('Balochistan');
    expect(names('places')).toContain('Islamabad');
    expect(read('people').filter((p) => (p['aliases'] as string[]).some((a) => /Abdollahian/.test(a)))).toHaveLength(1);
    const strike = read('events').filter((e) => e['date'] === '2024-01-16' && e['type'] === 'attack');
    expect(strike.length).toBeGreaterThanOrEqual(1);
  });

  it('matches the golden tables', () => {
    const files = tableNames.flatMap((n) => [`${n}.csv`, `${n}.jsonl`]);
    if (process.env['UPDATE_GOLDEN'] === '1') {
      mkdirSync(golden, { recursive: true });
      for (const f of files) writeFileSync(join(golden, f), readFileSync(join(out, f)));
    }
    expect(readdirSync(golden).sort()).toEqual([...files].sort());
    for (const f of files) expect(readFileSync(join(out, f), 'utf8'), f).toBe(readFileSync(join(golden, f), 'utf8'));
  });
});
