/**
 * The whole command line over random small folders of good and bad files (fast-check): whatever
 * the mix, no input file is modified, every good document is in the documents table, and every
 * table is complete (each JSONL line parses, each CSV reads back to its JSONL twin). The run
 * count is kept small: each run starts the CLI (a second or two), and the machine is shared.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromCsv } from '../src/io/codec.js';
import { tableNames, tables, type Row } from '../src/tables.js';
import { cli, readJsonl, tempDir } from './cli-helpers.js';

const sentences = [
  'The harbor board of Velder met on Monday and approved the new pier.',
  'Mira Tollen, who chairs the board, said work would start in May.',
  'Pavel Reyk of the Orsk Ferry Union said on Tuesday that the strike had ended.',
  'Officials in Kalmeny signed an agreement with the Brask Rail Company on 4 March 2024.',
  'Two people were injured when a crane fell at the port of Estvald last week.',
];

/** A good article's text: a title line and a few sentences, with a number to keep documents apart. */
const goodText = fc.tuple(fc.subarray(sentences, { minLength: 1 }), fc.integer({ min: 1, max: 9999 })).map(([s, n]) => `Report ${n}\n${s.join(' ')} The count was ${n}.`);

type Entry = { name: string; bytes: Uint8Array; goodIds: string[] };
const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

const goodTxt = goodText.map((text): Omit<Entry, 'name'> & { ext: string } => ({ ext: 'txt', bytes: utf8(`${text}\n`), goodIds: ['<path>'] }));
const jsonl = fc
  .array(fc.oneof(goodText.map((text) => ({ good: true, text })), fc.constantFrom('{"id": "x", "text": ', '[1, 2]', '{"text": ""}', '{"id": "d", "text": "The board met.", "published": "2024-02-30"}', '{"id": "n", "text": "A\\u0000B"}').map((raw) => ({ good: false, text: raw }))), { minLength: 1, maxLength: 4 })
  .map((lines) => ({ ext: 'jsonl', lines }));
const badFile = fc.constantFrom(
  { ext: 'txt', bytes: new Uint8Array([0x48, 0x69, 0xff, 0xfe, 0x20, 0x6f]), goodIds: [] },
  { ext: 'txt', bytes: utf8('   \n\n'), goodIds: [] },
  { ext: 'txt', bytes: utf8('%PDF-1.7\n%\u00e2\u00e3\n1 0 obj'), goodIds: [] },
  { ext: 'csv', bytes: utf8('id,text\na,"never closed\n'), goodIds: [] },
  { ext: 'md', bytes: utf8('---\ndate: 2023-02-29\n---\nThe harbor board met.\n'), goodIds: [] },
  { ext: 'html', bytes: utf8(`<html><body>${'<div>'.repeat(300)}<script>x()</script>${'</div>'.repeat(300)}</body></html>`), goodIds: [] },
);

const folder = fc.array(fc.oneof(goodTxt, jsonl, badFile), { minLength: 1, maxLength: 5 });

function write(dir: string, spec: Array<{ ext: string; bytes?: Uint8Array; lines?: Array<{ good: boolean; text: string }> }>): { files: Entry[]; good: string[] } {
  const files: Entry[] = [];
  const good: string[] = [];
  spec.forEach((f, i) => {
    const name = `${i === 3 ? 'sub/' : ''}f${i}.${f.ext}`;
    const path = join(dir, name);
    mkdirSync(join(path, '..'), { recursive: true });
    let bytes: Uint8Array;
    if (f.lines !== undefined) {
      const text = f.lines.map((l, k) => (l.good ? JSON.stringify({ id: `f${i}-${k}`, title: `T${k}`, text: l.text }) : l.text)).join('\n');
      f.lines.forEach((l, k) => l.good && good.push(`f${i}-${k}`));
      bytes = utf8(`${text}\n`);
    } else {
      bytes = f.bytes!;
      if (f.ext === 'txt' && (f as { goodIds: string[] }).goodIds.length > 0) good.push(name.replace(/\.txt$/, ''));
    }
    writeFileSync(path, bytes);
    files.push({ name, bytes, goodIds: [] });
  });
  return { files, good };
}

describe('the CLI over random folders of good and bad files', () => {
  it('never modifies an input, keeps every good document, and writes every table complete', () => {
    const root = tempDir('fuzz-cli');
    let n = 0;
    fc.assert(
      fc.property(folder, (spec) => {
        const work = join(root, `run-${n++}`);
        const input = join(work, 'in');
        mkdirSync(input, { recursive: true });
        const { files, good } = write(input, spec);
        const before = files.map((f) => ({ name: f.name, mtime: statSync(join(input, f.name)).mtimeMs }));
        const out = join(work, 'out');
        const r = spawnSync(process.execPath, [cli, '--no-cache', '--workers', '1', '--quiet', '--input', input, '--output', out], { cwd: work, encoding: 'utf8', timeout: 120_000 });
        // 0 when all is good, 1 when some input failed; never a crash or a refusal.
        expect([0, 1], r.stderr).toContain(r.status);
        for (const f of files) expect(Buffer.from(readFileSync(join(input, f.name))).equals(Buffer.from(f.bytes)), f.name).toBe(true);
        for (const b of before) expect(statSync(join(input, b.name)).mtimeMs, b.name).toBe(b.mtime);
        expect(readdirSync(input, { recursive: true }).length).toBe(new Set([...files.map((f) => f.name), ...files.filter((f) => f.name.includes('/')).map((f) => f.name.split('/')[0]!)]).size);
        if (good.length === 0) return; // every input failed: the tables of a previous run (none here) are kept
        const docs = readJsonl<Row>(join(out, 'documents.jsonl')).map((d) => d['doc_id']);
        expect([...docs].sort()).toEqual([...good].sort());
        for (const name of tableNames) {
          const rows = readJsonl<Row>(join(out, `${name}.jsonl`));
          expect(fromCsv(tables[name], readFileSync(join(out, `${name}.csv`), 'utf8')), name).toEqual(rows);
        }
      }),
      { numRuns: 4, seed: 20_2026 },
    );
  }, 600_000);
});
