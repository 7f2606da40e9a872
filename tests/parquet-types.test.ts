import { parquetMetadata, parquetReadObjects } from 'hyparquet';
import { describe, expect, it } from 'vitest';
import { DatelineError } from '../src/errors.js';
import { groupLength, groupRows, parquetChunks, parquetSchema, rowGroupRows, toParquet } from '../src/io/parquet.js';
import { tableNames, tables, type Row, type TableSpec } from '../src/tables.js';

const spec: TableSpec = {
  name: 'documents',
  description: 'a test table with one column of each type',
  columns: [
    { name: 's', type: 'string', nullable: false, description: '' },
    { name: 'n', type: 'integer', nullable: true, description: '' },
    { name: 'x', type: 'number', nullable: false, description: '' },
    { name: 'b', type: 'boolean', nullable: false, description: '' },
    { name: 'd', type: 'date', nullable: true, description: '' },
    { name: 'l', type: 'list', nullable: false, description: '' },
  ],
};

const rows: Row[] = [
  { s: 'Ünïcode “quotes”, commas', n: 42, x: 0.5, b: true, d: '2023-11-05', l: ['a', 'b'] },
  { s: '', n: null, x: -3, b: false, d: null, l: [] },
  { s: '=SUM(A1)', n: 9_007_199_254_740_991, x: 1e-9, b: true, d: '1999-12-31', l: ['only'] },
];

async function readBack(bytes: Uint8Array): Promise<Record<string, unknown>[]> {
  const file = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  return parquetReadObjects({ file });
}

describe('parquet export', () => {
  it('writes each column type as its Parquet type', () => {
    const file = toParquet(spec, rows);
    const meta = parquetMetadata(file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength) as ArrayBuffer);
    const byName = new Map(meta.schema.map((e) => [e.name, e]));
    expect(byName.get('s')).toMatchObject({ type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'REQUIRED' });
    expect(byName.get('n')).toMatchObject({ type: 'INT64', repetition_type: 'OPTIONAL' });
    expect(byName.get('x')).toMatchObject({ type: 'DOUBLE' });
    expect(byName.get('b')).toMatchObject({ type: 'BOOLEAN' });
    expect(byName.get('d')).toMatchObject({ type: 'INT32', converted_type: 'DATE' });
    expect(byName.get('l')).toMatchObject({ converted_type: 'LIST', num_children: 1 });
    expect(byName.get('element')).toMatchObject({ type: 'BYTE_ARRAY', converted_type: 'UTF8' });
    expect(Number(meta.num_rows)).toBe(3);
  });

  it('reads back the same values (dates as dates, lists as lists, integers as int64)', async () => {
    const back = await readBack(toParquet(spec, rows));
    expect(back).toHaveLength(3);
    expect(back[0]).toEqual({ s: 'Ünïcode “quotes”, commas', n: 42n, x: 0.5, b: true, d: new Date('2023-11-05T00:00:00Z'), l: ['a', 'b'] });
    expect(back[1]).toEqual({ s: '', n: null, x: -3, b: false, d: null, l: [] });
    // Parquet holds the text as it is: no spreadsheet quoting as in CSV.
    expect(back[2]).toMatchObject({ s: '=SUM(A1)', n: 9_007_199_254_740_991n, d: new Date('1999-12-31T00:00:00Z'), l: ['only'] });
  });

  it('writes a table larger than a row group in pieces that join into one file with every row', async () => {
    const many: Row[] = Array.from({ length: rowGroupRows * 2 + 7 }, (_, i) => ({ s: `row ${i}`, n: i, x: i / 2, b: i % 2 === 0, d: null, l: [] }));
    const pieces = [...parquetChunks(spec, many)];
    expect(pieces.length).toBeGreaterThan(3);
    const bytes = new Uint8Array(Buffer.concat(pieces));
    const meta = parquetMetadata(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    expect(meta.row_groups.map((g) => Number(g.num_rows))).toEqual([rowGroupRows, rowGroupRows, 7]);
    const back = await readBack(bytes);
    expect(back).toHaveLength(many.length);
    expect(back[rowGroupRows + 1]).toMatchObject({ s: `row ${rowGroupRows + 1}`, n: BigInt(rowGroupRows + 1) });
    expect(back.at(-1)).toMatchObject({ s: `row ${many.length - 1}` });
  });

  it('gives a wide table smaller row groups: about as many cells per group as a narrow table', async () => {
    const wide: TableSpec = { name: 'events', description: 'a wide test table', columns: Array.from({ length: 37 }, (_, i) => ({ name: `c${i}`, type: 'integer' as const, nullable: false, description: '' })) };
    expect(groupRows(wide)).toBe(Math.floor(150_000 / 37));
    expect(groupRows(tables.mentions)).toBe(rowGroupRows);
    expect(groupRows(tables.events)).toBeLessThan(rowGroupRows / 2);
    const many: Row[] = Array.from({ length: groupRows(wide) + 3 }, (_, i) => Object.fromEntries(wide.columns.map((c) => [c.name, i])));
    const bytes = toParquet(wide, many);
    const meta = parquetMetadata(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    expect(meta.row_groups.map((g) => Number(g.num_rows))).toEqual([groupRows(wide), 3]);
    expect((await readBack(bytes)).at(-1)).toMatchObject({ c0: BigInt(many.length - 1) });
  });

  it('counts the elements of a list toward a group: long lists make smaller groups, here and on the Parquet thread', async () => {
    const listy: TableSpec = { name: 'places', description: 'a table of long lists', columns: [{ name: 'id', type: 'string', nullable: false, description: '' }, { name: 'doc_ids', type: 'list', nullable: false, description: '' }] };
    // Each row: 2 cells and 999 list elements at two cells each = 2,000; 75 rows fit in 150,000 cells, 76 do not.
    const many: Row[] = Array.from({ length: 1000 }, (_, i) => ({ id: `p${i}`, doc_ids: Array.from({ length: 999 }, (_, j) => `d${i}-${j}`) }));
    expect(groupLength(listy, many)).toBe(75);
    expect(groupLength(listy, [])).toBe(0);
    expect(groupLength(listy, [{ id: 'x', doc_ids: Array.from({ length: 200_000 }, () => 'd') }, { id: 'y', doc_ids: [] }])).toBe(1);
    const bytes = toParquet(listy, many);
    const meta = parquetMetadata(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    expect(meta.row_groups.map((g) => Number(g.num_rows))).toEqual([...Array.from({ length: 13 }, () => 75), 25]);
    const back = await readBack(bytes);
    expect(back).toHaveLength(1000);
    expect(back[600]).toEqual({ id: 'p600', doc_ids: many[600]!.doc_ids });
  });

  it('writes an empty table with its schema', async () => {
    const bytes = toParquet(tables.events, []);
    expect(await readBack(bytes)).toEqual([]);
    const meta = parquetMetadata(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    const top = meta.schema.slice(1).filter((e) => e.name !== 'list' && e.name !== 'element').map((e) => e.name);
    expect(top).toEqual(tables.events.columns.map((c) => c.name));
  });

  it('has a schema for every table, one top-level field per column in order', () => {
    for (const name of tableNames) {
      const schema = parquetSchema(tables[name]);
      expect(schema[0]!.num_children).toBe(tables[name].columns.length);
      const lists = tables[name].columns.filter((c) => c.type === 'list').length;
      expect(schema.length).toBe(1 + tables[name].columns.length + 2 * lists);
    }
  });

  it('fails naming table, row and column when a value breaks the contract', () => {
    const bad = (row: Row): unknown => toParquet(spec, [row]);
    const ok = rows[0]!;
    expect(() => bad({ ...ok, s: null })).toThrow(/row 1, column `s` .*not nullable/);
    expect(() => bad({ ...ok, n: 1.5 })).toThrow(/column `n` \(integer\) expected a whole number, got 1.5/);
    expect(() => bad({ ...ok, d: '2023-02-30' })).toThrow(/column `d` \(date\) expected a date written YYYY-MM-DD/);
    expect(() => bad({ ...ok, l: 'a; b' })).toThrow(DatelineError);
  });
});
