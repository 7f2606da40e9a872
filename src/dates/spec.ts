/**
 * What a recognized temporal expression means before it is resolved against a reference date.
 * Rules produce a `Spec`; `resolve.ts` turns it into a TIMEX3 value.
 */

/** Calendar units a relative or anaphoric expression moves by. */
export type Unit = 'day' | 'week' | 'weekend' | 'month' | 'quarter' | 'year' | 'decade' | 'century';

/** Time of day: a clock time, or a TIMEX3 part of day (`MO`, `AF`, `EV`, `NI`, `MI`). */
export interface TimeOfDay {
  hour?: number;
  minute?: number;
  part?: string;
  /** The zone written with a clock time, as TimeML suffixes it: `Z` (UTC, GMT) or an offset `-05:00`. */
  zone?: string;
}

export type Spec =
  /** Calendar fields as written; a missing year is inferred from the reference. */
  /** `joined`: the second day of "April 24 and 25", in the year of the day before it. */
  /** `weekOf`: "the week of March 6", the ISO week that holds the day. */
  | { k: 'date'; y?: number; m?: number; d?: number; yearRel?: number; joined?: boolean; weekOf?: boolean }
  /** A day counted from another written right after it: "the day before last Tuesday". */
  | { k: 'shifted'; base: Spec; days: number }
  /**
   * A weekday; `shift` -1 "last Friday", +1 "next Friday", 0 "this Friday", undefined bare.
   * `anaphoric`: counted from the day the text last mentioned ("the previous Friday").
   */
  | { k: 'weekday'; wd: number; shift?: number; anaphoric?: boolean }
  /** Relative to the document date: "yesterday" (day, -1), "last week", "two months ago". */
  | { k: 'rel'; unit: Unit; n: number }
  /** Quarter `q` (or half when `half`), of year `y`, of the document's year moved by `yearRel` ("last year's third quarter"), or inferred. */
  | { k: 'quarter'; q: number; y?: number; half?: boolean; yearRel?: number }
  /** The quarter or period last talked about ("the quarter", "the latest period"). */
  | { k: 'thisQuarter'; y?: number; current?: boolean }
  /** Season code `SP` `SU` `FA` `WI`; `shift` as for weekdays. */
  | { k: 'season'; s: string; y?: number; shift?: number }
  /** Decade `dec` (199 for the 1990s) or century `c` (19 for the 20th century). */
  | { k: 'decade'; dec: number }
  | { k: 'century'; c: number }
  | { k: 'ref'; value: 'PRESENT_REF' | 'PAST_REF' | 'FUTURE_REF' }
  /** A holiday: fixed month-day or computed (`easter`, `thanksgiving`...). */
  | { k: 'holiday'; name: string; y?: number }
  /**
   * Relative to the date the text last mentioned: "the same day" (day, 0), "the next day"
   * (day, 1), "a year earlier" (year, -1; keeps a quarter as a quarter). With `focus`, against
   * the period the text is about instead ("for the year": the year of that period).
   */
  | { k: 'ana'; unit: Unit; n: number; focus?: boolean }
  /**
   * "a year ago", "year-earlier": a quarter last talked about a year back, else last year.
   * `quarter`: the words name a quarter ("the year-ago quarter"), so it stays a quarter.
   */
  | { k: 'yearAgo'; anaphoric: boolean; quarterOnly?: boolean; quarter?: boolean }
  /** A bare clock time or part of day: takes its day from a date next to it or the document date. */
  | { k: 'clock' }
  | { k: 'duration'; value: string }
  | { k: 'set'; value: string };

/** A recognized span with its meaning. Offsets are document offsets. */
export interface Candidate {
  start: number;
  end: number;
  spec: Spec;
  tod?: TimeOfDay;
  /** Rule order; lower wins between equally long overlapping candidates. */
  prio: number;
}
