import { isRealDay } from '../config.js';
import { DatelineError, describe } from '../errors.js';
import type { PublishedSource } from '../types.js';

/**
 * A published date as written in metadata, normalized to YYYY-MM-DD; null when absent. The day
 * never depends on the machine's time zone: an ISO date (with or without a time) keeps its
 * written day; a time written with a zone ("Tue, 05 Mar 2024 23:30:00 -0800") is the UTC day of
 * that instant; a time written without one ("March 5, 2024 11:30 PM") is read in UTC, so its
 * written day stands. A day that does not exist ("2024-02-30", "February 30, 2024") is an
 * `INPUT_BAD_DATE` error, never rolled over into the next month.
 */
export function normalizePublished(value: unknown, where: { file: string; line?: number }): string | null {
  if (value === undefined || value === null || value === '') return null;
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 10);
  if (typeof value !== 'string') {
    throw new DatelineError('INPUT_BAD_JSONL', `${at(where)}: \`published\` must be a date string like "2024-01-16", got ${describe(value)}`, where);
  }
  const notReal = (): never => {
    throw new DatelineError('INPUT_BAD_DATE', `${at(where)}: \`published\` names a day that does not exist, got ${describe(value)}`, where);
  };
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][0-9:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(value.trim());
  if (m) return isRealDay(+m[1]!, +m[2]!, +m[3]!) ? `${m[1]}-${m[2]}-${m[3]}` : notReal();
  // RFC 2822 and other forms Date can read unambiguously (a four-digit year present).
  if (/\b\d{4}\b/.test(value)) {
    const wall = value.trim().replace(writtenZone, '');
    // Date reads a time without a zone in the machine's zone: its local fields are the written ones, in any zone.
    const local = Date.parse(wall);
    if (!Number.isNaN(local)) {
      const d = new Date(local);
      if (!writtenAs(wall, d.getMonth() + 1, d.getDate())) notReal(); // Date rolls "February 30" over to March 1
      if (wall.length === value.trim().length) return `${pad(d.getFullYear(), 4)}-${pad(d.getMonth() + 1, 2)}-${pad(d.getDate(), 2)}`;
      const t = Date.parse(value);
      if (!Number.isNaN(t)) return new Date(t).toISOString().slice(0, 10);
    }
  }
  throw new DatelineError('INPUT_BAD_JSONL', `${at(where)}: \`published\` must be a date like "2024-01-16", got ${describe(value)}`, where);
}

/** A zone at the end of a written time: `Z`, `UTC`, `GMT`, a US zone name, or an offset (`-0800`, `+05:30`, `GMT+1`). */
const writtenZone = /\s*(?:\b(?:UTC|GMT|UT|Z|[ECMP][SD]T)\b\s*(?:[+-]\d{1,2}(?::?\d{2})?)?|[+-]\d{2}:?\d{2})\s*(?:\([^)]*\))?$/i;

const monthNames = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** Whether `text` writes month `month` (by name or number) and day `day` (a number outside its time of day). */
function writtenAs(text: string, month: number, day: number): boolean {
  const plain = text.replace(/\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?/g, ' ').toLowerCase();
  const numbers = (plain.match(/\d+/g) ?? []).map(Number);
  const names = (plain.match(/[a-z]+/g) ?? []).map((w) => monthNames.indexOf(w.slice(0, 3)) + 1).filter((i, k, all) => i > 0 && all.indexOf(i) === k);
  const monthOk = names.length > 0 ? names.includes(month) : numbers.includes(month);
  return monthOk && numbers.includes(day);
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** A date in a file name (`2024-01-16-story.txt`, `20240116_story.md`), or null. */
export function dateFromFileName(name: string): string | null {
  const m = /(?:^|[^0-9])((?:19|20)\d{2})[-_.]?(0[1-9]|1[0-2])[-_.]?(0[1-9]|[12]\d|3[01])(?![0-9])/.exec(name);
  if (!m || !isRealDay(+m[1]!, +m[2]!, +m[3]!)) return null;
  return `${m[1]}-${m[2]}-${m[3]}`;
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
