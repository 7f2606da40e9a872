/**
 * Infers a document's date from its own text, for documents with no metadata date.
 *
 * Evidence, in the order it is looked for:
 * 1. the date line of an embedded social post: "— Name (@handle) March 3, 2021";
 * 2. a stamp line: "Updated: March 3, 2021", "Published 3 March 2021 10:02", "Posted on 2021-03-03";
 * 3. a dateline opening a line: "LONDON, March 3, 2021 —";
 * 4. a weekday written with a month-day and no year, "Tuesday (January 16)", "Tuesday, March 5":
 *    the weekday pins the year. It is taken only when exactly one year from a year before the
 *    reference year to four after it matches (the reference is the latest year of a full date in
 *    the text, else the latest four-digit year written); two matches or none give no evidence.
 * The latest piece of evidence wins (an article is at least as new as what it embeds or reports).
 * With none, the answer is null: a date is never guessed.
 */
import { isoWeekday, isValidDay, pad2, pad4, toDays } from './calendar.js';
import { monthIndex, weekdayIndex } from './lexicon.js';

const MONTH = '(January|February|March|April|May|June|July|August|September|October|November|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\\.?)';
const WEEKDAY = '(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)';
const YEAR = '((?:19|20)\\d\\d)';
/** "March 3, 2021" (groups: month, day, year). */
const MDY = `${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+${YEAR}(?!\\d)`;
/** "3 March 2021" (groups: day, month, year). */
const DMY = `(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH},?\\s+${YEAR}(?!\\d)`;
const ISO = `${YEAR}-(\\d\\d)-(\\d\\d)(?!\\d)`;

const EMBED = new RegExp(`\\(@\\w{1,30}\\)\\s*(?:${MDY})`, 'g');
const STAMP = new RegExp(
  `^[ \\t]*(?:Last\\s+)?(?:Updated|Published|Posted|First published|Modified|Date)(?:\\s+on)?\\s*:?\\s*(?:${WEEKDAY},?\\s+)?(?:${MDY}|${DMY}|${ISO})`,
  'gim',
);
const DATELINE = new RegExp(`^[ \\t]*[A-Z][A-Z .'-]{1,40},(?:\\s+[A-Z][A-Za-z.]+,?)?\\s+(?:${MDY})`, 'gm');
const PINNED = new RegExp(`\\b${WEEKDAY}\\s*(?:,|\\()\\s*(?:${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?|(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH})\\)?(?![\\d,]*\\s*(?:19|20)\\d\\d)(?!\\d)`, 'g');
const FULL_DATE = new RegExp(`${MDY}|${DMY}|${ISO}`, 'g');
const BARE_YEAR = /(?<![\d$.,])(?:19|20)\d\d(?![\d%])/g;

interface Evidence {
  days: number;
  text: string;
}

const month = (w: string): number => monthIndex[w.toLowerCase().replace('.', '')] ?? 0;

function day(y: number, m: number, d: number): number | null {
  return isValidDay(y, m, d) ? toDays(y, m, d) : null;
}

/** The date the text itself gives for its publication, with the words that show it; or null. */
export function inferPublishedFromText(text: string): { date: string; evidence: string } | null {
  const found: Evidence[] = [];
  const push = (days: number | null, t: string): void => {
    if (days !== null) found.push({ days, text: t.trim() });
  };
  for (const m of text.matchAll(EMBED)) push(day(Number(m[3]), month(m[1]!), Number(m[2])), m[0]);
  for (const m of text.matchAll(STAMP)) {
    if (m[2] !== undefined) push(day(Number(m[4]), month(m[2]), Number(m[3])), m[0]);
    else if (m[5] !== undefined) push(day(Number(m[7]), month(m[6]!), Number(m[5])), m[0]);
    else push(day(Number(m[8]), Number(m[9]), Number(m[10])), m[0]);
  }
  for (const m of text.matchAll(DATELINE)) push(day(Number(m[3]), month(m[1]!), Number(m[2])), m[0]);

  // The reference year for weekday-pinned dates: latest year of a full date, else of a bare year.
  let ref: number | null = null;
  for (const m of text.matchAll(FULL_DATE)) {
    const y = Number(m[3] ?? m[6] ?? m[7]);
    if (ref === null || y > ref) ref = y;
  }
  if (ref === null) {
    for (const m of text.matchAll(BARE_YEAR)) {
      const y = Number(m[0]);
      if (ref === null || y > ref) ref = y;
    }
  }
  if (ref !== null) {
    for (const m of text.matchAll(PINNED)) {
      const wd = weekdayIndex[m[1]!.toLowerCase()]!;
      const mo = month(m[2] ?? m[5]!);
      const d = Number(m[3] ?? m[4]);
      const y = pinYear(wd, mo, d, ref);
      if (y !== null) push(day(y, mo, d), m[0]);
    }
  }
  if (found.length === 0) return null;
  let best = found[0]!;
  for (const e of found) if (e.days > best.days) best = e;
  const dt = new Date(best.days * 86_400_000);
  return {
    date: `${pad4(dt.getUTCFullYear())}-${pad2(dt.getUTCMonth() + 1)}-${pad2(dt.getUTCDate())}`,
    evidence: best.text,
  };
}

/**
 * The one year from `ref - 1` to `ref + 4` in which month-day falls on weekday `wd`, or null when
 * there is none or more than one. A weekday-date pair recurs after 5, 6 or 11 years, so the
 * six-year window holds at most two; it leans forward because text mostly reports earlier years.
 */
export function pinYear(wd: number, m: number, d: number, ref: number): number | null {
  const matches: number[] = [];
  for (let y = ref - 1; y <= ref + 4; y++) {
    if (isValidDay(y, m, d) && isoWeekday(toDays(y, m, d)) === wd) matches.push(y);
  }
  return matches.length === 1 ? matches[0]! : null;
}
