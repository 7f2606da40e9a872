import { Buffer } from 'node:buffer';
import { CsvError as CsvParseError, parse } from 'csv-parse/sync';
import { DatelineError } from '../errors.js';
import type { SourceDoc } from '../types.js';
import { recordToDoc } from './record.js';
import type { Failure, FormatParser } from './types.js';

/** A csv-parse error. Its `lines` and `bytes` are not used: they drift after blank lines. */
type CsvError = Error & { code?: string };

/**
 * A spreadsheet export: a header row, then one article per row (RFC 4180, csv-parse). A bad row
 * is reported with the line it starts on; the rows around it are kept.
 *
 * csv-parse's own `skip_records_with_error` loses its footing after a stray quote and drops the
 * good rows that follow, so recovery is done here: parsing stops at the first bad row, which is
 * reported, and starts again after it: after the row as RFC 4180 delimits it, or after the row's
 * first line when a quote is never closed (the rest of the file would belong to that quote).
 * Every restart moves forward by at least one line, so the loop ends.
 */
export const parseCsv: FormatParser = (text, file, options) => {
  const docs: SourceDoc[] = [];
  const failures: Failure[] = [];
  const bytes = Buffer.from(text, 'utf8');
  const lines = lineStarts(bytes);
  const lineOf = (offset: number): number => upperBound(lines, offset);
  const fail = (line: number, code: Failure['code'], message: string): void => {
    failures.push({ file: file.path, line, code, message: `${file.path}:${line}: ${message}` });
  };

  // The header: the first record of the file.
  let header: string[] | undefined;
  let offset = 0;
  try {
    parse(bytes, {
      to: 1,
      skip_empty_lines: true,
      on_record: (record: string[], info: { bytes: number }) => {
        header = record;
        offset = info.bytes;
        return null;
      },
    });
  } catch (error) {
    fail(lineOf(skipBlank(bytes, 0)), 'INPUT_BAD_CSV', `the header row is not valid CSV (${reason(error as CsvError)})`);
    return { docs, failures };
  }
  if (header === undefined) return { docs, failures };
  const columns = header.map((name) => name.trim());
  const headerLine = lineOf(skipBlank(bytes, 0));
  const dupes = columns.filter((c, i) => columns.indexOf(c) !== i);
  if (dupes.length > 0) {
    fail(headerLine, 'INPUT_BAD_CSV', `the header names a column twice (${[...new Set(dupes)].map((c) => JSON.stringify(c)).join(', ')}); column names must be unique`);
    return { docs, failures };
  }
  if (!columns.includes(options.fields.text)) {
    fail(headerLine, 'INPUT_MISSING_TEXT', `expected a \`${options.fields.text}\` column with the article text, got columns ${columns.map((c) => JSON.stringify(c)).join(', ')} (set \`fields.text\` to the right column)`);
    return { docs, failures };
  }

  // The rows, restarting after each bad one. After a quote that never closes, the lines that
  // follow are most likely the rest of that row: until a good row parses they are skipped as
  // part of it rather than each reported again.
  let unclosed = false;
  while (offset < bytes.length) {
    const base = offset;
    let consumed = base;
    try {
      parse(bytes.subarray(base), {
        columns,
        skip_empty_lines: true,
        on_record: (record: Record<string, string>, info: { bytes: number }) => {
          const line = lineOf(skipBlank(bytes, consumed));
          consumed = base + info.bytes;
          unclosed = false;
          try {
            docs.push(recordToDoc(record, file.path, line, options, 'INPUT_BAD_CSV'));
          } catch (error) {
            if (!(error instanceof DatelineError)) throw error;
            failures.push({ file: file.path, line, code: error.code, message: error.message });
          }
          return null;
        },
      });
      break;
    } catch (error) {
      const e = error as CsvError;
      // Only csv-parse's own errors mean a bad row; anything else is a bug and is not hidden.
      if (!(error instanceof CsvParseError) && (typeof e.code !== 'string' || !e.code.startsWith('CSV_'))) throw error;
      const start = skipBlank(bytes, consumed);
      const startLine = lineOf(start);
      const end = recordEnd(bytes, start);
      // A bad row whose quote runs on past its line (never closed, or closed by a quote of a later
      // row) would take the rows after it along: only its first line is skipped, and the lines
      // after it are read again as rows of their own.
      const runsOn = end === null || lineOf(end) > startLine;
      if (!unclosed) {
        const skipped = runsOn ? '; the row is skipped, with the lines after it up to the next valid row' : '; the row is skipped';
        fail(startLine, 'INPUT_BAD_CSV', `not a valid CSV row (${reason(e)})${skipped}`);
      }
      unclosed ||= runsOn;
      offset = runsOn ? nextLineAfter(bytes, start) : skipBlank(bytes, end);
    }
  }
  if (docs.length === 0 && failures.length === 0) fail(headerLine, 'INPUT_EMPTY', 'the file has a header row but no article rows');
  return { docs, failures };
};

/**
 * Where the record starting at `start` ends as RFC 4180 delimits it (a line break outside
 * quotes; a quote opens a quoted field only at the start of a field), or null when a quote is
 * still open at the end of the file. Used only to skip a row csv-parse rejected.
 */
function recordEnd(bytes: Uint8Array, start: number): number | null {
  let quoted = false;
  let fieldStart = true;
  for (let i = start; i < bytes.length; i++) {
    const b = bytes[i];
    if (quoted) {
      if (b === 0x22) {
        if (bytes[i + 1] === 0x22) i++;
        else quoted = false;
      }
      continue;
    }
    if (b === 0x0a || b === 0x0d) return i;
    if (b === 0x22 && fieldStart) quoted = true;
    fieldStart = b === 0x2c;
  }
  return quoted ? null : bytes.length;
}

/** Byte offsets where each line starts (after LF, CRLF or a lone CR). */
function lineStarts(bytes: Uint8Array): number[] {
  const starts = [0];
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b === 0x0a || (b === 0x0d && bytes[i + 1] !== 0x0a)) starts.push(i + 1);
  }
  return starts;
}

/** Number of entries `<= value` in a sorted array: the 1-based line of a byte offset. */
function upperBound(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The offset of the first byte that is not a line break (csv-parse skips blank lines). */
function skipBlank(bytes: Uint8Array, offset: number): number {
  let i = offset;
  while (i < bytes.length && (bytes[i] === 0x0a || bytes[i] === 0x0d)) i++;
  return i;
}

function nextLineAfter(bytes: Uint8Array, offset: number): number {
  let i = offset;
  while (i < bytes.length && bytes[i] !== 0x0a && bytes[i] !== 0x0d) i++;
  return skipBlank(bytes, i);
}

/** csv-parse's message without its own "at line N" (ours counts from the file's start). */
function reason(error: CsvError): string {
  if (error.code === 'CSV_QUOTE_NOT_CLOSED') return 'a quote opened in this row is never closed';
  if (error.code === 'INVALID_OPENING_QUOTE') return 'a quote inside a field that does not start with one (quote the whole field and double the quote inside it)';
  const m = /got (".*?") (?:at|on) line/s.exec(error.message);
  if (error.code === 'CSV_INVALID_CLOSING_QUOTE' && m) return `a closing quote is followed by ${m[1]} instead of a comma or a line break`;
  return error.message.replace(/\s*(?:at|on) line \d+/g, '').replace(/^Invalid Record Length: columns length is (\d+), got (\d+)$/, 'expected $1 fields, got $2');
}
