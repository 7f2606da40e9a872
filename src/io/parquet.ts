import { ByteWriter, ParquetWriter } from 'hyparquet-writer';
import type { SchemaElement } from 'hyparquet';
import { DatelineError } from '../errors.js';
import { cellValue } from './codec.js';
import { tables, type Column, type ColumnType, type Row, type RowList, type TableName, type TableSpec } from '../tables.js';

/**
 * Parquet export (hyparquet-writer, pure JavaScript, Snappy-compressed). Column types come from
 * src/tables.ts so pandas, Polars and DuckDB load proper types with no casting:
 *
 * | tables.ts | Parquet                                  | pandas / DuckDB      |
 * | --------- | ---------------------------------------- | -------------------- |
 * | string    | BYTE_ARRAY, STRING (UTF8)                | object / VARCHAR     |
 * | integer   | INT64                                    | int64 / BIGINT       |
 * | number    | DOUBLE                                   | float64 / DOUBLE     |
 * | boolean   | BOOLEAN                                  | bool / BOOLEAN       |
 * | date      | INT32, DATE (days since 1970-01-01)      | date / DATE          |
 * | list      | LIST of required STRING (3-level layout) | list / VARCHAR[]     |
 *
 * Nullable columns are OPTIONAL; the others REQUIRED, so a null where the contract says there
 * is none fails the export instead of writing a file that lies about its schema.
 */
export const parquetTypes: Readonly<Record<ColumnType, string>> = {
  string: 'STRING',
  integer: 'INT64',
  number: 'DOUBLE',
  boolean: 'BOOLEAN',
  date: 'DATE',
  list: 'LIST<STRING>',
};

/** The Parquet schema of a table: the root, then one element (three for a list) per column. */
export function parquetSchema(spec: TableSpec): SchemaElement[] {
  const schema: SchemaElement[] = [{ name: 'root', num_children: spec.columns.length }];
  for (const c of spec.columns) {
    const repetition_type = c.nullable ? 'OPTIONAL' : 'REQUIRED';
    switch (c.type) {
      case 'string':
        schema.push({ name: c.name, type: 'BYTE_ARRAY', converted_type: 'UTF8', logical_type: { type: 'STRING' }, repetition_type });
        break;
      case 'integer':
        schema.push({ name: c.name, type: 'INT64', repetition_type });
        break;
      case 'number':
        schema.push({ name: c.name, type: 'DOUBLE', repetition_type });
        break;
      case 'boolean':
        schema.push({ name: c.name, type: 'BOOLEAN', repetition_type });
        break;
      case 'date':
        schema.push({ name: c.name, type: 'INT32', converted_type: 'DATE', logical_type: { type: 'DATE' }, repetition_type });
        break;
      case 'list':
        // The standard three-level list: <name> (LIST) > list (REPEATED) > element.
        schema.push(
          { name: c.name, converted_type: 'LIST', logical_type: { type: 'LIST' }, repetition_type, num_children: 1 },
          { name: 'list', repetition_type: 'REPEATED', num_children: 1 },
          { name: 'element', type: 'BYTE_ARRAY', converted_type: 'UTF8', logical_type: { type: 'STRING' }, repetition_type: 'REQUIRED' },
        );
        break;
    }
  }
  return schema;
}

/** Rows per row group, and per piece the file is built and handed out in, for a narrow table. */
export const rowGroupRows = 12_500;

/**
 * Cells per row group: a wide table (the events table has 37 columns, some of them lists) gets
 * fewer rows per group, so that what one group holds while it is converted and encoded stays
 * about the size of a narrow table's. Measured at 10M tokens: encoding a 50,000-row group of the
 * events table took the encoding thread's heap to 210 MB, against 70-120 MB for the mentions
 * table's (12 columns); that thread's heap is beside the export's, so groups are a quarter of
 * that now (12,500 rows of a narrow table; at 300,000 cells a group of the entity tables still
 * held some 60 MB live on that thread, and the export was the 10M run's peak: 570 MB, against
 * 511 MB with these), still large enough for the readers (pandas, DuckDB).
 */
const rowGroupCells = 150_000;

/**
 * What an element of a list counts for in {@link rowGroupCells}: two cells. Encoding a group of
 * the entity tables (a few columns, and `doc_ids` lists of strings) took the Parquet thread's heap
 * to about twice what a narrow table's group of as many cells takes, and was the 10M run's peak
 * while it wrote (485 MB, 100 ms sampling; 452 MB with lists counted twice). A table without
 * lists (the mentions) keeps its groups.
 */
const listCellWeight = 2;

/** Rows per row group of a table: {@link rowGroupRows}, fewer for a table of more than 12 columns. */
export function groupRows(spec: Pick<TableSpec, 'columns'>): number {
  return Math.max(1_000, Math.min(rowGroupRows, Math.floor(rowGroupCells / Math.max(1, spec.columns.length))));
}

/**
 * The next row group of `rows`, from row `from`: at most {@link groupRows} rows, and those that fit
 * in {@link rowGroupCells} cells, an element of a list counting as two ({@link listCellWeight}); at least one row (none
 * at the end). The entity tables' `doc_ids` grow with the corpus while their rows do not: at 10M
 * tokens the 1,523 rows of the places table held 246,000 list elements, and a group of the
 * organizations table took the encoding thread's heap to twice a narrow table's. Rows are read
 * 1,000 at a time (a spilled table's record), so a group cut short by long lists does not read
 * the rows it leaves to the next. The one cut for the Parquet thread and `writeParquet`.
 */
export function nextGroup(spec: Pick<TableSpec, 'columns'>, rows: RowList, from: number): Row[] {
  const lists = spec.columns.filter((c) => c.type === 'list').map((c) => c.name);
  const end = Math.min(rows.length, from + groupRows(spec));
  const out: Row[] = [];
  let cells = 0;
  for (let at = from; at < end; at += readStep) {
    for (const row of rows.slice(at, Math.min(end, at + readStep))) {
      cells += spec.columns.length;
      for (const name of lists) {
        const v = row[name];
        if (Array.isArray(v)) cells += listCellWeight * v.length;
      }
      if (cells > rowGroupCells && out.length > 0) return out;
      out.push(row);
    }
  }
  return out;
}

/** Rows read at a time by {@link nextGroup}. */
const readStep = 1_000;

/** How many of `rows` make their first row group ({@link nextGroup}). */
export function groupLength(spec: Pick<TableSpec, 'columns'>, rows: readonly Row[]): number {
  return nextGroup(spec, rows, 0).length;
}

/**
 * A Parquet file built one row group at a time: `rowGroup` converts, encodes and hands out the
 * bytes of one group of rows, `finish` the footer. What it hands out, joined in order, is the
 * file. Errors are `EXPORT_FAILED` naming table, row and column.
 */
export class ParquetEncoder {
  private readonly writer = new ByteWriter();
  private readonly pq: ParquetWriter;

  constructor(private readonly spec: TableSpec) {
    this.pq = this.guard(() => new ParquetWriter({ writer: this.writer, schema: parquetSchema(spec), createdBy: 'dateline (hyparquet-writer)' }));
  }

  /** The bytes of a row group of `rows`, the rows from `firstRow` (0-based) of the table. */
  rowGroup(rows: readonly Row[], firstRow: number): Uint8Array {
    const { spec } = this;
    return this.guard(() => {
      const columnData = spec.columns.map((c) => ({ name: c.name, data: rows.map((row, i) => cell(spec, c, row[c.name], firstRow + i)) }));
      // Synchronous with the built-in Snappy compressor (only custom compressors make it async).
      if (this.pq.write({ columnData, rowGroupSize: rowGroupRows }) instanceof Promise) throw new Error('the Parquet writer went asynchronous');
      return this.take();
    });
  }

  /** The bytes of the footer; the encoder is done. */
  finish(): Uint8Array {
    return this.guard(() => {
      this.pq.finish();
      return this.take();
    });
  }

  private take(): Uint8Array {
    const bytes = this.writer.getBytes().slice(); // a copy: the writer reuses its buffer
    this.writer.index = 0; // `offset` keeps counting the file position
    return bytes;
  }

  private guard<T>(f: () => T): T {
    try {
      return f();
    } catch (error) {
      if (error instanceof DatelineError) throw error;
      throw new DatelineError('EXPORT_FAILED', `${this.spec.name}.parquet: cannot write the table (${(error as Error).message})`, {}, { cause: error });
    }
  }
}

/**
 * A table as the bytes of a Parquet file, in pieces: one row group ({@link nextGroup})
 * at a time (an empty table has one empty group), so a large table's columns are never all
 * converted at once.
 */
export function* parquetChunks(spec: TableSpec, rows: RowList): Generator<Uint8Array> {
  const encoder = new ParquetEncoder(spec);
  let from = 0;
  do {
    const group = nextGroup(spec, rows, from);
    yield encoder.rowGroup(group, from);
    from += group.length;
  } while (from < rows.length);
  yield encoder.finish();
}

/** A table as the bytes of one Parquet file (the pieces of {@link parquetChunks} joined). */
export function toParquet(spec: TableSpec, rows: RowList): Uint8Array {
  return new Uint8Array(Buffer.concat([...parquetChunks(spec, rows)]));
}

/** The writer registered in `binaryWriters` (src/io/write-tables.ts) for the `parquet` format. */
export function writeParquet(name: TableName, rows: RowList): Iterable<Uint8Array> {
  return parquetChunks(tables[name], rows);
}

const dayMs = 86_400_000;

/** One cell converted to what the Parquet type holds; a value that does not fit is an error. */
function cell(spec: TableSpec, c: Column, raw: Row[string] | undefined, row: number): unknown {
  const value = cellValue(spec, c, raw); // the same empty-cell rules as CSV and JSONL
  if (value === null) {
    if (c.nullable) return null;
    return bad(spec, c, row, 'a value (the column is not nullable)', value);
  }
  switch (c.type) {
    case 'string':
      return typeof value === 'string' ? value : bad(spec, c, row, 'a string', value);
    case 'integer':
      return typeof value === 'number' && Number.isSafeInteger(value) ? BigInt(value) : bad(spec, c, row, 'a whole number', value);
    case 'number':
      return typeof value === 'number' ? value : bad(spec, c, row, 'a number', value);
    case 'boolean':
      return typeof value === 'boolean' ? value : bad(spec, c, row, 'true or false', value);
    case 'date': {
      const m = typeof value === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(value) : null;
      const t = m ? Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!) : Number.NaN;
      if (!m || new Date(t).toISOString().slice(0, 10) !== value) return bad(spec, c, row, 'a date written YYYY-MM-DD', value);
      return t / dayMs;
    }
    case 'list':
      return Array.isArray(value) && value.every((v) => typeof v === 'string') ? value : bad(spec, c, row, 'a list of strings', value);
  }
}

function bad(spec: TableSpec, c: Column, row: number, expected: string, got: unknown): never {
  throw new DatelineError('EXPORT_FAILED', `${spec.name}.parquet: row ${row + 1}, column \`${c.name}\` (${c.type}) expected ${expected}, got ${JSON.stringify(got) ?? String(got)}`);
}
