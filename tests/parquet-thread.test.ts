import { describe, expect, it } from 'vitest';
import { parquetOffThread, parquetThreadLimits } from '../src/io/parquet-thread.js';
import { rowGroupRows, writeParquet } from '../src/io/parquet.js';
import type { Row } from '../src/tables.js';

// The Parquet thread runs the compiled worker (dist/), as the worker pool does: `npm test` builds first.
const duplicates = (n: number): Row[] =>
  Array.from({ length: n }, (_, i) => ({ doc_id: `d${String(i).padStart(6, '0')}`, duplicate_of: 'd0', kind: i % 2 === 0 ? 'exact' : 'near', similarity: i / n }));
const joined = (pieces: Iterable<Uint8Array>): Buffer => Buffer.concat([...pieces]);

describe('Parquet on its own thread', () => {
  it('gives the bytes of writeParquet for tables of several row groups, one group and none, asked at once', async () => {
    const big = duplicates(rowGroupRows * 2 + 3);
    const small = duplicates(5);
    const [a, b, c] = await Promise.all([parquetOffThread('duplicates', big), parquetOffThread('duplicates', small), parquetOffThread('events', [])]);
    expect(a.length).toBe(4); // three row groups and the footer
    expect(joined(a).equals(joined(writeParquet('duplicates', big)))).toBe(true);
    expect(joined(b).equals(joined(writeParquet('duplicates', small)))).toBe(true);
    expect(joined(c).equals(joined(writeParquet('events', [])))).toBe(true);
  });

  it('cuts the groups of a table of long lists where writeParquet does (list elements count toward a group)', async () => {
    const places: Row[] = Array.from({ length: 700 }, (_, i) => ({
      entity_id: `loc_${i}`, name: `Place ${i}`, aliases: [`Place ${i}`], mention_count: i, document_count: 999, doc_ids: Array.from({ length: 999 }, (_, j) => `d${j}`),
      kind: 'city', country_code: null, admin1: null, latitude: null, longitude: null, gazetteer_id: null,
    }));
    const pieces = await parquetOffThread('places', places);
    expect(pieces.length).toBe(11); // ten row groups (74 rows each, 2,012 cells a row with list elements counted twice; 34 in the last) and the footer
    expect(joined(pieces).equals(joined(writeParquet('places', places)))).toBe(true);
  });

  it('runs with a small young generation (its heap holds one group at a time)', async () => {
    const job = parquetOffThread('duplicates', duplicates(rowGroupRows + 1));
    expect(parquetThreadLimits()?.maxYoungGenerationSizeMb).toBe(8);
    await job;
  });

  it('rejects a table with a bad value as EXPORT_FAILED naming its row, and encodes the next table', async () => {
    const bad = duplicates(rowGroupRows + 2);
    bad[rowGroupRows + 1] = { ...bad[0]!, kind: null };
    const failing = parquetOffThread('duplicates', bad);
    const next = parquetOffThread('duplicates', duplicates(3));
    await expect(failing).rejects.toMatchObject({ code: 'EXPORT_FAILED', message: expect.stringMatching(new RegExp(`duplicates\\.parquet: row ${rowGroupRows + 2}, column \`kind\``)) });
    expect(joined(await next).equals(joined(writeParquet('duplicates', duplicates(3))))).toBe(true);
  });
});
