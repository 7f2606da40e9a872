import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { stringify } from 'csv-stringify/sync';
import { csvCell, csvChunks, fromCsv, jsonlChunks, neutralizeCell, restoreCell, toCsv, toJsonl } from '../src/io/codec.js';
import { tables, type Row, type TableSpec } from '../src/tables.js';

const spec: TableSpec = {
  name: 'people',
  description: 'test table',
  columns: [
    { name: 'id', type: 'string', nullable: false, description: '' },
    { name: 'name', type: 'string', nullable: false, description: '' },
    { name: 'note', type: 'string', nullable: true, description: '' },
    { name: 'count', type: 'integer', nullable: false, description: '' },
    { name: 'score', type: 'number', nullable: true, description: '' },
    { name: 'planned', type: 'boolean', nullable: false, description: '' },
    { name: 'aliases', type: 'list', nullable: false, description: '' },
  ],
};

describe('neutralizeCell (OWASP CSV injection)', () => {
  it('prefixes a quote to cells a spreadsheet would run as a formula', () => {
    for (const s of ['=HYPERLINK("http://x")', '+1+2', '-2+3', '@SUM(A1)', '\tlead', '\rlead', '\nlead', '\0lead', '  =1+1', '\uff1d1+1', "'=already", '\uFEFF=HYPERLINK("http://x")', '\u200B+1', ' \uFEFF@x']) {
      expect(neutralizeCell(s)).toBe(`'${s}`);
    }
  });

  it('leaves ordinary text alone, including formula characters after the start', () => {
    for (const s of ['Ilse Varga', 'a=b', 'x-y', "O'Brien", "'quoted'", '', ' spaced', 'e-mail@example.org']) expect(neutralizeCell(s)).toBe(s);
  });

  it('is undone exactly by restoreCell', () => {
    for (const s of ['=1', "'=1", "''=1", "'", "''", 'plain', '-', "'-", ' @x', '', '\uFEFF=1', "'\uFEFF=1", '\uFEFFplain']) expect(restoreCell(neutralizeCell(s))).toBe(s);
  });
});

describe('toCsv', () => {
  const rows: Row[] = [
    { id: 'p1', name: '=cmd|"/c calc"!A1', note: 'said "yes", then left', count: -3, score: 0.5, planned: true, aliases: ['-x', 'B'] },
    { id: 'p2', name: 'line\nbreak and\rreturn', note: null, count: 0, score: null, planned: false, aliases: [] },
    { id: 'p3', name: ' padded ', note: '', count: 7, score: -1.25, planned: false, aliases: ['Ç', '北京'] },
  ];

  it('writes RFC 4180: CRLF records, quotes doubled, fields with comma, quote, CR or LF quoted', () => {
    const csv = toCsv(spec, rows, { bom: false });
    expect(csv.split('\r\n')[0]).toBe('id,name,note,count,score,planned,aliases');
    expect(csv).toContain('p1,"\'=cmd|""/c calc""!A1","said ""yes"", then left",-3,0.5,true,\'-x; B\r\n');
    expect(csv).toContain('p2,"line\nbreak and\rreturn",,0,,false,\r\n');
    expect(csv).toContain('p3," padded ",,7,-1.25,false,Ç; 北京\r\n');
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('starts with a UTF-8 byte-order mark only when asked (export.excelBom)', () => {
    expect(toCsv(spec, rows, { bom: true }).startsWith('\uFEFFid,')).toBe(true);
    expect(toCsv(spec, rows, { bom: false }).startsWith('id,')).toBe(true);
  });

  it('never leaves a cell that starts with a formula character', () => {
    const cells = (parse(toCsv(spec, rows, { bom: false })) as string[][]).flat();
    const numbers = new Set(['-3', '-1.25']);
    for (const cell of cells) if (!numbers.has(cell)) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('reads back, through csv-parse, to the rows JSONL holds', () => {
    const back = fromCsv(spec, toCsv(spec, rows, { bom: true }));
    const jsonl = toJsonl(spec, rows).trim().split('\n').map((l) => JSON.parse(l) as Row);
    expect(back).toEqual(jsonl);
  });

  it('refuses values no table can hold instead of writing something else', () => {
    expect(() => toCsv(spec, [{ ...rows[0]!, score: Number.NaN }], { bom: false })).toThrow(/people\.score: expected a finite number/);
    expect(() => toJsonl(spec, [{ ...rows[0]!, count: Number.POSITIVE_INFINITY }])).toThrow(/EXPORT|finite/);
  });
});

describe('toJsonl', () => {
  it('writes keys in column order, missing and empty nullable cells as null', () => {
    const line = toJsonl(spec, [{ aliases: ['a'], planned: true, count: 1, name: 'N', id: 'x', note: '' }]);
    expect(line).toBe('{"id":"x","name":"N","note":null,"count":1,"score":null,"planned":true,"aliases":["a"]}\n');
  });

  it('has a column list for every table', () => {
    for (const t of Object.values(tables)) expect(toJsonl(t, [{}]).startsWith(`{"${t.columns[0]!.name}":null`)).toBe(true);
  });
});

describe('csvChunks and jsonlChunks (streaming export)', () => {
  // More rows than one chunk holds, with cells that need quoting and lists, so slices meet mid-table.
  const many: Row[] = Array.from({ length: 4321 }, (_, i) => ({
    id: `r${i}`, name: i % 7 === 0 ? `=odd, "quoted"\n${i}` : `name ${i}`, note: i % 3 === 0 ? null : ` pad ${i}`,
    count: i - 50, score: i % 5 === 0 ? null : i / 8, planned: i % 2 === 0, aliases: i % 4 === 0 ? [] : [`a${i}`, 'ß'],
  }));

  it('join to the bytes one stringify of the whole table gives', () => {
    const whole = stringify(
      [spec.columns.map((c) => c.name), ...many.map((row) => spec.columns.map((c) => csvCell(row[c.name] === '' && c.nullable ? null : row[c.name] ?? null)))],
      { record_delimiter: 'windows', quoted_match: /^\s|\s$|[\r\n]/ },
    );
    const chunks = [...csvChunks(spec, many, { bom: false })];
    expect(chunks.length).toBeGreaterThan(2);
    expect(chunks.join('')).toBe(whole);
    expect([...csvChunks(spec, many, { bom: true })].join('')).toBe(`\uFEFF${whole}`);
    expect(toCsv(spec, many, { bom: false })).toBe(whole);
  });

  it('give one JSON line per row, in order, across chunk boundaries', () => {
    const chunks = [...jsonlChunks(spec, many)];
    expect(chunks.length).toBeGreaterThan(1);
    const lines = chunks.join('').split('\n');
    expect(lines.pop()).toBe('');
    expect(lines).toHaveLength(many.length);
    expect((JSON.parse(lines[2500]!) as Row)['id']).toBe('r2500');
    expect([...jsonlChunks(spec, [])]).toEqual([]);
  });

  it('write only the header for an empty table', () => {
    expect([...csvChunks(spec, [], { bom: false })].join('')).toBe('id,name,note,count,score,planned,aliases\r\n');
  });
});
