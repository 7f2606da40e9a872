import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { documentedColumns, tablesDoc, tablesDocPath, typeNames } from '../scripts/tables-doc.js';
import { parquetSchema } from '../src/io/parquet.js';
import { toCsv, toJsonl } from '../src/io/codec.js';
import { tableNames, tables, type Column, type Row } from '../src/tables.js';

const committed = readFileSync(tablesDocPath, 'utf8');
const documented = documentedColumns(committed);

/** A row with a plausible value in every column, so the writers emit every key. */
function sampleRow(columns: readonly Column[]): Row {
  const values: Record<Column['type'], Row[string]> = { string: 's', integer: 1, number: 0.5, boolean: true, date: '2020-01-02', list: ['a'] };
  return Object.fromEntries(columns.map((c) => [c.name, values[c.type]]));
}

describe('docs/tables.md (the data dictionary)', () => {
  it('is what scripts/tables-doc.ts generates from src/tables.ts (run `npx tsx scripts/tables-doc.ts` after changing a table)', () => {
    expect(committed).toBe(tablesDoc());
  });

  it('lists every table the exporter writes, and no other', () => {
    expect([...documented.keys()]).toEqual([...tableNames]);
  });

  for (const name of tableNames) {
    it(`documents exactly the columns written for ${name}, in order, with their types`, () => {
      const spec = tables[name];
      const docs = documented.get(name)!;
      const csvHeader = (parse(toCsv(spec, [], { bom: false })) as string[][])[0];
      const jsonKeys = Object.keys(JSON.parse(toJsonl(spec, [sampleRow(spec.columns)])) as object);
      const parquetTop = parquetSchema(spec).slice(1).filter((e) => e.name !== 'list' && e.name !== 'element').map((e) => e.name);
      const names = docs.map((c) => c.name);
      expect(names).toEqual(csvHeader);
      expect(names).toEqual(jsonKeys);
      expect(names).toEqual(parquetTop);
      expect(docs.map((c) => c.type)).toEqual(spec.columns.map((c) => typeNames[c.type]));
      expect(docs.map((c) => c.nullable)).toEqual(spec.columns.map((c) => c.nullable));
    });
  }
});
