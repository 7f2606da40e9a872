/**
 * The table codec: rows to CSV (RFC 4180, spreadsheet-safe) and JSONL text, and CSV back to rows.
 * Pure functions of rows and a table spec, no I/O: src/io/write-tables.ts and src/io/parquet.ts
 * write what these produce, and tests read tables back with `fromCsv`.
 */
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { DatelineError } from '../errors.js';
import type { Column, Row, RowList, TableSpec } from '../tables.js';

/**
 * A cell a spreadsheet would read as a formula (OWASP, "CSV Injection"; ASVS 1.2.10): one that
 * starts with `=`, `+`, `-`, `@`, tab, carriage return, line feed or NUL, or with spaces and
 * then `=`, `+`, `-` or `@` (some spreadsheets trim first), or with their full-width forms (read as
 * formulas in East Asian locales). Invisible characters a spreadsheet may drop before it looks
 * (a byte-order mark U+FEFF, zero-width spaces and joiners U+200B-U+200D, U+2060) count as spaces. Leading single quotes are looked through so that
 * `neutralizeCell` stays reversible: `'=x` is written `''=x` and read back as `'=x`.
 */
const dangerous = /^'*(?:[\t\r\n\0]|[ \u00a0\u3000\ufeff\u200b-\u200d\u2060]*[=+\-@\uff1d\uff0b\uff0d\uff20])/;

/**
 * A string cell made safe to open in a spreadsheet: OWASP's advice, a single quote in front,
 * which spreadsheets take as "this is text" and do not show. Only string cells are touched;
 * numbers (including negative ones) are written as numbers.
 */
export function neutralizeCell(value: string): string {
  return dangerous.test(value) ? `'${value}` : value;
}

/** Undoes `neutralizeCell`: `restoreCell(neutralizeCell(s)) === s` for every string. */
export function restoreCell(value: string): string {
  return value.startsWith("'") && dangerous.test(value.slice(1)) ? value.slice(1) : value;
}

/** Joins list cells; items are not expected to hold the separator (ids, names, dates). */
export const listSeparator = '; ';

/**
 * The value of a cell as both formats write it: `undefined` and, in nullable columns, `''` are
 * null (an empty cell); lists are arrays. Values no table can hold (a non-finite number, an
 * object) are an export error, not written as something else.
 */
export function cellValue(spec: TableSpec, column: Column, value: Row[string] | undefined): Row[string] {
  if (value === undefined || value === null) return null;
  if (value === '' && column.nullable) return null;
  if (typeof value === 'number' && !Number.isFinite(value)) {
    throw new DatelineError('EXPORT_FAILED', `${spec.name}.${column.name}: expected a finite number, got ${String(value)}`);
  }
  if (typeof value === 'object' && !Array.isArray(value)) {
    throw new DatelineError('EXPORT_FAILED', `${spec.name}.${column.name}: expected a string, number, boolean or list, got an object`);
  }
  return value;
}

/** CSV cell text of a value: lists `; `-joined, null empty, booleans true/false, strings neutralized. */
export function csvCell(value: Row[string] | undefined): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return neutralizeCell(value.join(listSeparator));
  if (typeof value === 'string') return neutralizeCell(value);
  return String(value);
}

/**
 * A table as RFC 4180 CSV (csv-stringify): a header row, CRLF line ends, a field quoted when it
 * holds a quote, a comma, a CR or LF (csv-stringify quotes only its own record delimiter, so a
 * lone CR or LF is matched here) or starts or ends with white space. Columns in spec order.
 */
export function toCsv(spec: TableSpec, rows: RowList, options: { bom: boolean }): string {
  return [...csvChunks(spec, rows, options)].join('');
}

/** Rows per chunk of the streaming writers: a few hundred kilobytes of text at a time. */
const chunkRows = 2000;

/**
 * `toCsv` in pieces, in order (their concatenation is `toCsv`), so a large table is written
 * without ever holding its whole text: csv-stringify ends every record with the delimiter, so
 * records stringified in slices join to the same bytes.
 */
export function* csvChunks(spec: TableSpec, rows: RowList, options: { bom: boolean }): Generator<string> {
  const format = { record_delimiter: 'windows', quoted_match: /^\s|\s$|[\r\n]/ } as const;
  const header = stringify([spec.columns.map((c) => c.name)], format);
  yield options.bom ? `\uFEFF${header}` : header;
  for (let from = 0; from < rows.length; from += chunkRows) {
    const records = rows.slice(from, from + chunkRows).map((row) => spec.columns.map((c) => csvCell(cellValue(spec, c, row[c.name]))));
    yield stringify(records, format);
  }
}

/** A table as JSON Lines: one object per row, keys in column order, lists as arrays, empty as null. */
export function toJsonl(spec: TableSpec, rows: RowList): string {
  return [...jsonlChunks(spec, rows)].join('');
}

/** `toJsonl` in pieces, in order (their concatenation is `toJsonl`). */
export function* jsonlChunks(spec: TableSpec, rows: RowList): Generator<string> {
  for (let from = 0; from < rows.length; from += chunkRows) {
    const lines: string[] = [];
    for (const row of rows.slice(from, from + chunkRows)) {
      const ordered: Record<string, unknown> = {};
      for (const c of spec.columns) ordered[c.name] = cellValue(spec, c, row[c.name]);
      lines.push(`${JSON.stringify(ordered)}\n`);
    }
    yield lines.join('');
  }
}

/**
 * Reads a CSV written by `toCsv` back into rows typed by the spec (the inverse of `toCsv` for
 * lists whose items do not hold `; ` and are not empty): neutralized cells are restored, empty
 * cells are null in nullable columns, numbers and booleans are parsed. For checking exports and
 * for readers that want the original values.
 */
export function fromCsv(spec: TableSpec, csv: string): Row[] {
  const records = parse(csv, { bom: true, relax_column_count: false }) as string[][];
  const [header, ...body] = records;
  const names = spec.columns.map((c) => c.name);
  if (header === undefined || header.join(',') !== names.join(',')) {
    throw new DatelineError('EXPORT_FAILED', `${spec.name}: expected the header ${names.join(',')}, got ${header?.join(',') ?? 'nothing'}`);
  }
  return body.map((cells) => Object.fromEntries(spec.columns.map((c, i) => [c.name, fromCell(c, cells[i] ?? '')])));
}

function fromCell(column: Column, cell: string): Row[string] {
  if (cell === '' && column.nullable) return null;
  switch (column.type) {
    case 'integer':
    case 'number':
      return Number(cell);
    case 'boolean':
      return cell === 'true';
    case 'list': {
      const text = restoreCell(cell);
      return text === '' ? [] : text.split(listSeparator);
    }
    default:
      return restoreCell(cell);
  }
}
