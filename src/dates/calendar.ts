/**
 * Pure calendar arithmetic on day numbers (days since 1970-01-01, proleptic Gregorian, UTC).
 * Nothing here reads the clock: every `Date` is built from explicit fields.
 */

/** A calendar day. `m` is 1-12. */
export interface Ymd {
  y: number;
  m: number;
  d: number;
}

const DAY_MS = 86_400_000;

export function toDays(y: number, m: number, d: number): number {
  return Math.floor(Date.UTC(y, m - 1, d) / DAY_MS);
}

export function fromDays(days: number): Ymd {
  const dt = new Date(days * DAY_MS);
  return { y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate() };
}

/** ISO weekday: 1 = Monday ... 7 = Sunday. */
export function isoWeekday(days: number): number {
  // 1970-01-01 was a Thursday (4).
  return ((((days + 3) % 7) + 7) % 7) + 1;
}

/** ISO 8601 week-numbering year and week of a day. */
export function isoWeek(days: number): { year: number; week: number } {
  const thursday = days - isoWeekday(days) + 4;
  const year = fromDays(thursday).y;
  const week = Math.floor((thursday - toDays(year, 1, 1)) / 7) + 1;
  return { year, week };
}

export function daysInMonth(y: number, m: number): number {
  return toDays(m === 12 ? y + 1 : y, m === 12 ? 1 : m + 1, 1) - toDays(y, m, 1);
}

/** Checks that a y-m-d triple names a real day. */
export function isValidDay(y: number, m: number, d: number): boolean {
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

/** Month arithmetic on a (year, month) pair. */
export function addMonths(y: number, m: number, n: number): { y: number; m: number } {
  const k = y * 12 + (m - 1) + n;
  return { y: Math.floor(k / 12), m: (k % 12 + 12) % 12 + 1 };
}

export function quarterOf(m: number): number {
  return Math.floor((m - 1) / 3) + 1;
}

/** Western Easter Sunday (anonymous Gregorian algorithm). */
export function easter(y: number): Ymd {
  const a = y % 19;
  const b = Math.floor(y / 100);
  const c = y % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return { y, m: month, d: day };
}

/** The `n`th given ISO weekday of a month (n = -1: the last one). */
export function nthWeekday(y: number, m: number, weekday: number, n: number): number {
  if (n > 0) {
    const first = toDays(y, m, 1);
    return first + ((weekday - isoWeekday(first) + 7) % 7) + (n - 1) * 7;
  }
  const last = toDays(y, m, daysInMonth(y, m));
  return last - ((isoWeekday(last) - weekday + 7) % 7);
}

export const pad2 = (n: number): string => String(n).padStart(2, '0');
export const pad4 = (n: number): string => String(n).padStart(4, '0');

export function formatDay(days: number): string {
  const { y, m, d } = fromDays(days);
  return `${pad4(y)}-${pad2(m)}-${pad2(d)}`;
}

export function formatWeek(days: number): string {
  const { year, week } = isoWeek(days);
  return `${pad4(year)}-W${pad2(week)}`;
}

/** Parses `YYYY-MM-DD` into a day number, or null when it is not a real day. */
export function parseIsoDay(s: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  return isValidDay(y, mo, d) ? toDays(y, mo, d) : null;
}
