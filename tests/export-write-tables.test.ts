import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { manifestName, noteStaging } from '../src/io/output-manifest.js';
import { binaryWriters, prepareOutput, writeTables } from '../src/io/write-tables.js';
import { toCsv, toJsonl } from '../src/io/codec.js';
import { tableNames, tables, type Row, type TableName } from '../src/tables.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'dateline-write-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const empty = (): Record<TableName, Row[]> => Object.fromEntries(tableNames.map((t) => [t, []])) as unknown as Record<TableName, Row[]>;
const options = { formats: ['csv', 'jsonl'] as const, excelBom: false };

describe('writeTables', () => {
  it('writes every table in every format plus the extra files, and leaves no temporary file', async () => {
    const data = empty();
    data.duplicates = [{ doc_id: 'b', duplicate_of: 'a', kind: 'exact', similarity: 1 }];
    const written = await writeTables(dir, data, { 'errors.jsonl': '' }, options);
    const names = readdirSync(dir).filter((n) => n !== manifestName).sort();
    expect(names).toEqual([...tableNames.flatMap((t) => [`${t}.csv`, `${t}.jsonl`]), 'errors.jsonl'].sort());
    expect(written).toHaveLength(names.length);
    expect(readFileSync(join(dir, 'duplicates.csv'), 'utf8')).toBe('doc_id,duplicate_of,kind,similarity\r\nb,a,exact,1\r\n');
  });

  it('streams a large table in pieces to the same bytes as the whole text', async () => {
    const data = empty();
    data.merges = Array.from({ length: 5000 }, (_, i) => ({ entity_id: `e${i % 97}`, from: `Form "${i}"`, into: `Name, ${i}`, rule: 'variant', score: i / 5000, doc_id: i % 3 === 0 ? null : `d${i}` }));
    await writeTables(dir, data, {}, options);
    expect(readFileSync(join(dir, 'merges.csv'), 'utf8')).toBe(toCsv(tables.merges, data.merges, { bom: false }));
    expect(readFileSync(join(dir, 'merges.jsonl'), 'utf8')).toBe(toJsonl(tables.merges, data.merges));
    expect(readdirSync(dir).filter((n) => n.startsWith('.tmp-'))).toEqual([]);
  });

  it('removes the temporary files a killed run staged (named in the manifest), and no file of the user', async () => {
    writeFileSync(join(dir, '.tmp-0badc0de-people.csv'), 'half a ta');
    writeFileSync(join(dir, '.tmp-12345678-my-notes.txt'), 'kept: the run never wrote it');
    writeFileSync(join(dir, 'notes.txt'), 'kept');
    await noteStaging(dir, ['.tmp-0badc0de-people.csv']);
    const unlock = await prepareOutput(dir);
    expect(readdirSync(dir).filter((n) => n !== manifestName).sort()).toEqual(['.dateline-lock', '.tmp-12345678-my-notes.txt', 'notes.txt']);
    await unlock();
    writeFileSync(join(dir, '.tmp-0badc0de-people.csv'), 'half a ta');
    await noteStaging(dir, ['.tmp-0badc0de-people.csv']);
    await writeTables(dir, empty(), {}, options);
    expect(readdirSync(dir).filter((n) => n.startsWith('.tmp-'))).toEqual(['.tmp-12345678-my-notes.txt']);
  });

  it('with replaceAll, removes the files of an earlier run that it no longer writes, and only those', async () => {
    writeFileSync(join(dir, 'mine.jsonl'), 'kept');
    await writeTables(dir, empty(), {}, { formats: ['csv', 'jsonl'], excelBom: false, replaceAll: true });
    await writeTables(dir, empty(), {}, { formats: ['csv'], excelBom: false, replaceAll: true });
    expect(readdirSync(dir).filter((n) => n.endsWith('.jsonl'))).toEqual(['mine.jsonl']);
    expect(readdirSync(dir).filter((n) => n.endsWith('.csv'))).toHaveLength(tableNames.length);
  });

  it('keeps the previous complete tables and leaves no temporary file when writing fails', async () => {
    await writeTables(dir, empty(), { 'run-report.json': '{"run":1}\n' }, options);
    const before = Object.fromEntries(readdirSync(dir).filter((n) => n !== manifestName).map((n) => [n, readFileSync(join(dir, n), 'utf8')]));
    const saved = binaryWriters.parquet;
    binaryWriters.parquet = async (name) => {
      if (name === 'events') throw new Error('disk full');
      return new Uint8Array([1, 2, 3]);
    };
    try {
      await expect(writeTables(dir, empty(), { 'run-report.json': '{"run":2}\n' }, { formats: ['csv', 'jsonl', 'parquet'], excelBom: false })).rejects.toMatchObject({ code: 'EXPORT_FAILED' });
    } finally {
      if (saved === undefined) delete binaryWriters.parquet;
      else binaryWriters.parquet = saved;
    }
    const after = Object.fromEntries(readdirSync(dir).filter((n) => n !== manifestName).map((n) => [n, readFileSync(join(dir, n), 'utf8')]));
    expect(after).toEqual(before);
  });
});

describe('prepareOutput', () => {
  it('stops the run, naming the folder and the fix, when a file is in the way', async () => {
    const file = join(dir, 'taken');
    writeFileSync(file, 'x');
    await expect(prepareOutput(file)).rejects.toMatchObject({ code: 'OUTPUT_UNWRITABLE', message: `${file}: cannot write the output here (a file is in the way of the output folder); give --output a folder you can write` });
    await expect(prepareOutput(join(file, 'sub'))).rejects.toMatchObject({ code: 'OUTPUT_UNWRITABLE' });
  });
});
