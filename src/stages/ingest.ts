import { DatelineError } from '../errors.js';
import { parseCsv } from '../ingest/csv.js';
import { decode } from '../ingest/decode.js';
import { parseHtml } from '../ingest/html.js';
import { parseJsonl } from '../ingest/jsonl.js';
import { parseMarkdown } from '../ingest/markdown.js';
import { parseText } from '../ingest/text.js';
import { docIdFromPath } from '../ingest/ids.js';
import type { FormatParser, IngestOptions, ParseResult, RawFile } from '../ingest/types.js';
import type { SourceDoc } from '../types.js';

/** Parsers by file extension (lower case, without the dot). */
export const formats: Readonly<Record<string, FormatParser>> = {
  txt: parseText,
  text: parseText,
  md: parseMarkdown,
  markdown: parseMarkdown,
  jsonl: parseJsonl,
  ndjson: parseJsonl,
  csv: parseCsv,
  html: parseHtml,
  htm: parseHtml,
};

/**
 * Ingest: one file's bytes to documents. Decoding or format problems become failures naming the
 * file (and line); they never stop the batch. Pure: the caller reads the bytes.
 */
export function ingest(options: IngestOptions, how: { deferHtml?: boolean } = {}): (file: RawFile) => ParseResult {
  return (file) => {
    const ext = extensionOf(file.path);
    const parser = how.deferHtml === true && formats[ext] === parseHtml ? deferHtml : formats[ext];
    if (parser === undefined) {
      return fail(file, new DatelineError('INPUT_UNREADABLE', `${file.path}: no reader for .${ext} files (readable: ${Object.keys(formats).map((e) => `.${e}`).join(', ')})`, { file: file.path }));
    }
    try {
      const text = decode(file.bytes, file.path);
      if (text.trim() === '') throw new DatelineError('INPUT_EMPTY', `${file.path}: the file holds only white space`, { file: file.path });
      return parser(text, file, options);
    } catch (error) {
      if (error instanceof DatelineError) return fail(file, error);
      // A parser bug costs this file, not the batch.
      return fail(file, new DatelineError('INPUT_UNREADABLE', `${file.path}: could not be parsed (${error instanceof Error ? error.message : String(error)})`, { file: file.path }));
    }
  };
}

/**
 * An HTML page's markup as it stands, to be read where the per-document stages run (on the
 * workers: parsing a page and finding its article is the dearest part of reading input). Its id
 * is known now, from its path, as `parseHtml` gives it.
 */
const deferHtml: FormatParser = (text, file) => ({
  docs: [{ id: docIdFromPath(file.path), source: file.path, title: '', text, published: null, publishedSource: 'none', markup: 'html' }],
  failures: [],
});

/** A document whose `text` is still markup, read: what `parseHtml` gives, or its error (a DatelineError naming the file). */
export function readMarkup(source: SourceDoc, options: IngestOptions): SourceDoc {
  if (source.markup !== 'html') return source;
  const { docs, failures } = parseHtml(source.text, { path: source.source, bytes: new Uint8Array(0) }, options);
  const failure = failures[0];
  if (failure !== undefined) throw new DatelineError(failure.code, failure.message, { file: failure.file, ...(failure.line === undefined ? {} : { line: failure.line }) });
  return docs[0]!;
}

export function extensionOf(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot + 1).toLowerCase();
}

function fail(file: RawFile, error: DatelineError): ParseResult {
  return { docs: [], failures: [{ file: file.path, ...(error.line === undefined ? {} : { line: error.line }), code: error.code, message: error.message }] };
}
