import { DatelineError, describe } from '../errors.js';
import type { PublishedSource } from '../types.js';

/** A published date as written in metadata, normalized to YYYY-MM-DD; null when absent. */
export function normalizePublished(value: unknown, where: { file: string; line?: number }): string | null {
  if (value === undefined || value === null || value === '') return null;
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 10);
  if (typeof value !== 'string') {
    throw new DatelineError('INPUT_BAD_JSONL', `${at(where)}: \`published\` must be a date string like "2024-01-16", got ${describe(value)}`, where);
  }
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][0-9:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(value.trim());
  if (m && isRealDay(+m[1]!, +m[2]!, +m[3]!)) return `${m[1]}-${m[2]}-${m[3]}`;
  // RFC 2822 and other forms Date can read unambiguously (a four-digit year present).
  if (/\b\d{4}\b/.test(value)) {
    const t = Date.parse(value);
    if (!Number.isNaN(t)) return new Date(t).toISOString().slice(0, 10);
  }
  throw new DatelineError('INPUT_BAD_JSONL', `${at(where)}: \`published\` must be a date like "2024-01-16", got ${describe(value)}`, where);
}

/** A date in a file name (`2024-01-16-story.txt`, `20240116_story.md`), or null. */
export function dateFromFileName(name: string): string | null {
  const m = /(?:^|[^0-9])((?:19|20)\d{2})[-_.]?(0[1-9]|1[0-2])[-_.]?(0[1-9]|[12]\d|3[01])(?![0-9])/.exec(name);
  if (!m || !isRealDay(+m[1]!, +m[2]!, +m[3]!)) return null;
  return `${m[1]}-${m[2]}-${m[3]}`;
}

export function isRealDay(y: number, m: number, d: number): boolean {
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

export function publishedFrom(metadata: string | null, fileName: string): { published: string | null; publishedSource: PublishedSource } {
  if (metadata !== null) return { published: metadata, publishedSource: 'metadata' };
  const fromName = dateFromFileName(fileName);
  if (fromName !== null) return { published: fromName, publishedSource: 'filename' };
  return { published: null, publishedSource: 'none' };
}

function at(where: { file: string; line?: number }): string {
  return where.line === undefined ? where.file : `${where.file}:${where.line}`;
}
