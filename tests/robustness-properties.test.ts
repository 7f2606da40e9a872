/**
 * Properties (fast-check): ingest never throws on any bytes and keeps text exactly; export
 * reads back to what it was given; neutralizing a cell is reversible.
 */
import { stringify } from 'csv-stringify/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../src/config.js';
import { codes } from '../src/errors.js';
import { decode } from '../src/ingest/decode.js';
import type { RawFile } from '../src/ingest/types.js';
import { ingest } from '../src/stages/ingest.js';
import { fromCsv, neutralizeCell, restoreCell, toCsv, toJsonl } from '../src/io/codec.js';
import { tableNames, tables, type Column, type Row } from '../src/tables.js';

const config = parseConfig({});
const read = ingest(config);
const extensions = ['txt', 'md', 'jsonl', 'csv', 'html', 'bin'];
const runs = { numRuns: 300 };

/** Any Unicode text (astral characters included), with line breaks, tabs, NBSP, quotes and commas likely. */
const text = fc.string({ unit: fc.oneof({ weight: 4, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) }, fc.constantFrom('\r\n', '\n', '\r', '\t', '\u00a0', '"', ',', ' ', '=', '\uFEFF')), maxLength: 60 });
/** Text with something visible in it (a record's text must not be blank). */
const articleText = fc.tuple(text, fc.constantFrom('A', 'ж', '北', '\u{1F6A2}'), text).map(([a, b, c]) => (a + b + c).replaceAll('\0', ''));

/** Bytes: random, or text in some encoding, or text with damage. */
const bytes = fc.oneof(
  fc.uint8Array({ maxLength: 200 }),
  text.map((s) => new TextEncoder().encode(s)),
  text.map((s) => Uint8Array.from(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, 'utf16le')]))),
  fc.tuple(text, fc.uint8Array({ minLength: 1, maxLength: 4 }), text).map(([a, junk, b]) => Uint8Array.from(Buffer.concat([Buffer.from(a), junk, Buffer.from(b)]))),
  fc.array(fc.oneof(fc.json(), fc.constantFrom('{"text":', '{"text": 1}', '{"id":"x","text":"y"}')), { maxLength: 5 }).map((ls) => new TextEncoder().encode(ls.join('\n'))),
);

function checkResult(file: RawFile, result: ReturnType<typeof read>): void {
  expect(result.docs.length + result.failures.length).toBeGreaterThan(0);
  for (const f of result.failures) {
    expect(codes).toContain(f.code);
    expect(f.file).toBe(file.path);
    expect(f.message.startsWith(file.path)).toBe(true);
  }
  for (const d of result.docs) {
    expect(d.source).toBe(file.path);
    expect(d.text.trim()).not.toBe('');
    expect(d.text).not.toMatch(/\p{Cs}/u);
    if (d.line !== undefined) expect(d.line).toBeGreaterThanOrEqual(1);
  }
}

describe('ingest on arbitrary input', () => {
  it('never throws and always returns documents or failures naming the file', () => {
    fc.assert(
      fc.property(bytes, fc.constantFrom(...extensions), (b, ext) => {
        const file = { path: `dir/f.${ext}`, bytes: b };
        checkResult(file, read(file));
      }),
      runs,
    );
  });

  it('decodes any UTF-8 text to itself (one leading BOM dropped)', () => {
    fc.assert(
      fc.property(text, (s) => {
        fc.pre(!s.includes('\0') && s.length > 0);
        expect(decode(new TextEncoder().encode(s), 'f.txt')).toBe(s.replace(/^\uFEFF/, ''));
      }),
      runs,
    );
  });

  it('keeps every JSONL record text exactly, at its line, and reports bad lines by line', () => {
    const line = fc.oneof({ weight: 3, arbitrary: articleText.map((t) => ({ ok: true, raw: JSON.stringify({ text: t }), text: t })) }, fc.constantFrom('{"text":', '[]', '{"title":"no text"}', 'nul').map((raw) => ({ ok: false, raw, text: '' })));
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 8 }), fc.constantFrom('\n', '\r\n'), (lines, eol) => {
        const file = { path: 'f.jsonl', bytes: new TextEncoder().encode(lines.map((l) => l.raw).join(eol)) };
        const result = read(file);
        checkResult(file, result);
        expect(result.docs.map((d) => [d.line, d.text])).toEqual(lines.flatMap((l, i) => (l.ok ? [[i + 1, l.text]] : [])));
        expect(result.failures.map((f) => f.line)).toEqual(lines.flatMap((l, i) => (l.ok ? [] : [i + 1])));
      }),
      runs,
    );
  });

  it('keeps every CSV row text exactly, at the line it starts on', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.string({ maxLength: 8 }).map((t) => t.replaceAll('\0', '')), articleText), { minLength: 1, maxLength: 6 }), (rows) => {
        const csv = stringify([['title', 'text'], ...rows], { record_delimiter: 'windows', quoted: true });
        const file = { path: 'f.csv', bytes: new TextEncoder().encode(csv) };
        const result = read(file);
        checkResult(file, result);
        expect(result.failures).toEqual([]);
        expect(result.docs.map((d) => d.text)).toEqual(rows.map(([, t]) => t));
        let line = 2;
        for (const [i, [title, t]] of rows.entries()) {
          expect(result.docs[i]!.line).toBe(line);
          line += (title + t).split(/\r\n|\n|\r/).length;
        }
      }),
      runs,
    );
  });

  it('keeps the good CSV rows around a damaged one', () => {
    fc.assert(
      fc.property(fc.array(articleText, { minLength: 2, maxLength: 6 }), fc.nat(), fc.constantFrom('"broken" x', 'a,b,c,d', '"open'), (texts, pick, damage) => {
        const bad = pick % texts.length;
        const lines = texts.map((t, i) => (i === bad ? damage : stringify([[`r${i}`, t]], { quoted: true, record_delimiter: 'unix' }).replace(/\n$/, '')));
        const file = { path: 'f.csv', bytes: new TextEncoder().encode(`id,text\n${lines.join('\n')}\n`) };
        const result = read(file);
        const docs = result.docs.map((d) => [d.id, d.text]);
        const rows = texts.map((t, i) => [`r${i}`, t]);
        if (damage === '"open') {
          // Where a never-closed quote ends is a guess: the rows before it are kept, and any row
          // kept after it is one of the rows that were there, in order.
          expect(docs.slice(0, bad)).toEqual(rows.slice(0, bad));
          const after = rows.slice(bad + 1).map((r) => JSON.stringify(r));
          let at = 0;
          for (const d of docs.slice(bad)) {
            at = after.indexOf(JSON.stringify(d), at) + 1;
            expect(at).toBeGreaterThan(0);
          }
        } else {
          expect(docs).toEqual(rows.filter((_, i) => i !== bad));
        }
        expect(result.failures).toHaveLength(1);
        // The failure names the line the damaged row starts on.
        const startLine = 2 + texts.slice(0, bad).reduce((n, t) => n + t.split(/\r\n|\n|\r/).length, 0);
        expect(result.failures[0]!.line).toBe(startLine);
      }),
      runs,
    );
  });
});

/** A value for a column of a table, as the pipeline could produce it. */
function cell(column: Column): fc.Arbitrary<Row[string]> {
  const str = text;
  const base: fc.Arbitrary<Row[string]> =
    column.type === 'integer' ? fc.integer({ min: -1e6, max: 1e9 })
    : column.type === 'number' ? fc.double({ noNaN: true, noDefaultInfinity: true })
    : column.type === 'boolean' ? fc.boolean()
    : column.type === 'list' ? fc.array(str.filter((s) => s !== '' && !s.includes('; ')), { maxLength: 4 })
    : str;
  return column.nullable ? fc.option(base, { nil: null }) : base;
}

describe('export on arbitrary rows', () => {
  for (const name of tableNames) {
    it(`reads ${name}.csv back to the rows ${name}.jsonl holds`, () => {
      const spec = tables[name];
      const row = fc.record(Object.fromEntries(spec.columns.map((c) => [c.name, cell(c)]))) as fc.Arbitrary<Row>;
      fc.assert(
        fc.property(fc.array(row, { maxLength: 5 }), fc.boolean(), (rows, bom) => {
          const fromJsonl = toJsonl(spec, rows).split('\n').filter((l) => l !== '').map((l) => JSON.parse(l) as Row);
          // -0 is written "0" by both formats.
          const csv = toCsv(spec, rows, { bom });
          // RFC 4180: outside quoted fields, CR and LF appear only as the CRLF that ends a record.
          expect(csv.replace(/"(?:[^"]|"")*"/g, '').replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
          const back = fromCsv(spec, csv);
          expect(back).toEqual(fromJsonl.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, Object.is(v, -0) ? 0 : v]))));
        }),
        { numRuns: 100 },
      );
    });
  }

  it('restores any neutralized string and leaves no formula start', () => {
    fc.assert(
      fc.property(text, (s) => {
        const n = neutralizeCell(s);
        expect(restoreCell(n)).toBe(s);
        expect(n).not.toMatch(/^[=+\-@\t\r\n\0]/);
      }),
      { numRuns: 1000 },
    );
  });
});
