import { DatelineError, describe, type ErrorCode } from '../errors.js';
import type { SourceDoc } from '../types.js';
import { normalizePublished, publishedFrom } from './fields.js';
import { recordId } from './ids.js';
import type { IngestOptions } from './types.js';

/**
 * One article record (a JSONL object or a CSV row) to a document. Field names come from the
 * configuration. A record without usable text is an error naming the file and line.
 */
/** In a `u` regex a well-formed pair is one code point, so this matches only unpaired halves. */
const loneSurrogate = /\p{Cs}/u;

export function recordToDoc(record: Record<string, unknown>, file: string, line: number, options: IngestOptions, code: ErrorCode): SourceDoc {
  const f = options.fields;
  const where = { file, line };
  const text = record[f.text];
  if (text === undefined || text === null) throw new DatelineError('INPUT_MISSING_TEXT', `${file}:${line}: expected a \`${f.text}\` field with the article text, got none`, where);
  if (typeof text !== 'string') throw new DatelineError('INPUT_MISSING_TEXT', `${file}:${line}: \`${f.text}\` must be a string, got ${describe(text)}`, where);
  if (text.trim() === '') throw new DatelineError('INPUT_MISSING_TEXT', `${file}:${line}: \`${f.text}\` is empty`, where);
  // A JSON escape can encode half a surrogate pair ("\ud800"); such text cannot be written as
  // UTF-8 without garbling it, so the record is reported rather than silently changed.
  for (const [name, value] of [[f.text, text], [f.title, record[f.title]], [f.id, record[f.id]], [f.url, record[f.url]]] as const) {
    if (typeof value === 'string' && loneSurrogate.test(value)) {
      throw new DatelineError(code, `${file}:${line}: \`${name}\` holds an unpaired UTF-16 surrogate (a "\\ud800"-style escape), which is not text`, where);
    }
    // A NUL ("\u0000") is not text either, and would reach the tables raw (a C string ends at it).
    if (typeof value === 'string' && value.includes('\0')) {
      throw new DatelineError(code, `${file}:${line}: \`${name}\` holds a NUL character (a "\\u0000" escape), which is not text`, where);
    }
  }
  const rawId = record[f.id];
  const id = recordId(rawId);
  if (rawId !== undefined && rawId !== null && rawId !== '' && id === null) {
    throw new DatelineError(code, `${file}:${line}: \`${f.id}\` must be a string or a number, got ${describe(rawId)}`, where);
  }
  const title = record[f.title];
  const url = record[f.url];
  let published: string | null;
  try {
    published = normalizePublished(record[f.published], where);
  } catch (error) {
    const bad = error instanceof DatelineError && error.code === 'INPUT_BAD_DATE' ? error.code : code;
    throw new DatelineError(bad, (error as Error).message.replace('`published`', `\`${f.published}\``), where);
  }
  return {
    id: id ?? `${file.replace(/\.[^./]+$/, '')}:${line}`,
    source: file,
    line,
    title: typeof title === 'string' ? title.trim() : '',
    text,
    ...publishedFrom(published, ''),
    ...(typeof url === 'string' && url !== '' ? { url } : {}),
  };
}
