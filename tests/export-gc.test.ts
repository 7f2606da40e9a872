/**
 * The export collects its garbage as it goes: between the chunks of a table, whenever the heap
 * has grown by its bound since the last collection (src/io/write-tables.ts, `exportGarbage`;
 * the mechanism itself is tests/gc.test.ts). At 10M tokens the export's rows, promoted past the
 * young generation while their chunk was written, peaked at ~436 MB without it and ~424 with it
 * (100 ms sampling; the run's peak is the event merge's, ~440).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { toCsv } from '../src/io/codec.js';
import { writeTables } from '../src/io/write-tables.js';
import { tableNames, tables, type Row, type TableName } from '../src/tables.js';

const bounds: number[] = [];
vi.mock('../src/gc.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../src/gc.js')>();
  return {
    ...original,
    collectGarbageIfGrown: (bytes: number) => {
      bounds.push(bytes);
      return false;
    },
  };
});

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'dateline-export-gc-'));
  bounds.length = 0;
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('writing the tables', () => {
  it('offers to collect the garbage after each chunk it writes, with a bound of 64 MB', async () => {
    const data = Object.fromEntries(tableNames.map((t) => [t, []])) as unknown as Record<TableName, Row[]>;
    data.merges = Array.from({ length: 5000 }, (_, i) => ({ entity_id: `e${i}`, from: `F${i}`, into: `N${i}`, rule: 'variant', score: 1, doc_id: null }));
    await writeTables(dir, data, {}, { formats: ['csv'], excelBom: false });
    // The header and three chunks of 2,000 rows, then the header of every other table.
    expect(bounds.length).toBeGreaterThanOrEqual(4 + tableNames.length - 1);
    expect(new Set(bounds)).toEqual(new Set([64 * 2 ** 20]));
    expect(readFileSync(join(dir, 'merges.csv'), 'utf8')).toBe(toCsv(tables.merges, data.merges, { bom: false }));
  });
});
