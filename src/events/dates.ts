/**
 * Calendar arithmetic on TIMEX3 values for events: which days a value covers, and whether two
 * values can name the same day.
 */

/**
 * The calendar part of a value: a time of day is cut off (`2024-01-16T14:00` and
 * `2024-01-16TEV` are the day `2024-01-16`). Other values are returned as they are.
 */
export function calendarValue(value: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})T/.exec(value);
  return m ? m[1]! : value;
}

const DAY = 86_400_000;

function dayNumber(y: number, m: number, d: number): number {
  return Date.UTC(y, m - 1, d) / DAY;
}

/**
 * The first and last day (days since 1970-01-01, inclusive) a calendar value covers: a day, an
 * ISO week, a month, a quarter, a season, a year or a decade. Null for anything else (`PRESENT_REF`...).
 */
export function dayRange(value: string): [number, number] | null {
  const v = calendarValue(value);
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  if (m) {
    const d = dayNumber(+m[1]!, +m[2]!, +m[3]!);
    return [d, d];
  }
  m = /^(\d{4})-W(\d{2})(-WE)?$/.exec(v);
  if (m) {
    // ISO week 1 is the week with the year's first Thursday; weeks start on Monday. `-WE` is
    // the week's weekend, its Saturday and Sunday.
    const jan4 = dayNumber(+m[1]!, 1, 4);
    const weekday = (new Date(jan4 * DAY).getUTCDay() + 6) % 7;
    const start = jan4 - weekday + (+m[2]! - 1) * 7;
    return m[3] ? [start + 5, start + 6] : [start, start + 6];
  }
  m = /^(\d{4})-(\d{2})$/.exec(v);
  if (m) return [dayNumber(+m[1]!, +m[2]!, 1), dayNumber(+m[1]!, +m[2]! + 1, 1) - 1];
  m = /^(\d{4})-Q([1-4])$/.exec(v);
  if (m) {
    const first = (+m[2]! - 1) * 3 + 1;
    return [dayNumber(+m[1]!, first, 1), dayNumber(+m[1]!, first + 3, 1) - 1];
  }
  // Seasons, as the meteorological seasons of the northern hemisphere (winter runs into the next year).
  m = /^(\d{4})-(SP|SU|FA|WI)$/.exec(v);
  if (m) {
    const first = { SP: 3, SU: 6, FA: 9, WI: 12 }[m[2] as 'SP' | 'SU' | 'FA' | 'WI'];
    return [dayNumber(+m[1]!, first, 1), dayNumber(+m[1]!, first + 3, 1) - 1];
  }
  m = /^(\d{4})$/.exec(v);
  if (m) return [dayNumber(+m[1]!, 1, 1), dayNumber(+m[1]! + 1, 1, 1) - 1];
  // A decade: `197` is 1970-1979.
  m = /^(\d{3})$/.exec(v);
  if (m) return [dayNumber(+m[1]! * 10, 1, 1), dayNumber(+m[1]! * 10 + 10, 1, 1) - 1];
  return null;
}

/** Whether two values can name the same time: their ranges overlap, allowing `slack` days. */
export function compatibleDates(a: string, b: string, slack: number): boolean {
  const ra = dayRange(a);
  const rb = dayRange(b);
  if (ra === null || rb === null) return calendarValue(a) === calendarValue(b);
  return ra[0] - slack <= rb[1] && rb[0] - slack <= ra[1];
}

/** Whether `inner`'s range lies within `outer`'s (a day inside a week, a month inside a year). */
export function within(inner: string, outer: string): boolean {
  const ri = dayRange(inner);
  const ro = dayRange(outer);
  if (ri === null || ro === null) return false;
  return ro[0] <= ri[0] && ri[1] <= ro[1];
}

/** Days covered by a value (1 for a day); Infinity when it has no range. */
export function span(value: string): number {
  const r = dayRange(value);
  return r === null ? Infinity : r[1] - r[0] + 1;
}
