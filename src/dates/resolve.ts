/**
 * Turns a recognized `Spec` into a TIMEX3 value against a reference: the document date for
 * deictic expressions ("yesterday", "last week", a bare weekday), the date the text last
 * mentioned for anaphoric ones ("the same day", "a year earlier").
 */
import type { DateMention, Precision, TimexType } from '../types.js';
import {
  addMonths,
  daysInMonth,
  easter,
  formatDay,
  fromDays,
  isoWeek,
  isoWeekday,
  isValidDay,
  nthWeekday,
  pad2,
  pad4,
  quarterOf,
  toDays,
} from './calendar.js';
import type { Candidate, Spec, TimeOfDay, Unit } from './spec.js';

/** A resolved calendar value, coarse to fine. */
export type Cal =
  | { p: 'day'; days: number }
  | { p: 'week'; days: number; weekend?: boolean }
  | { p: 'month'; y: number; m: number }
  | { p: 'quarter'; y: number; q: number }
  | { p: 'half'; y: number; h: number }
  | { p: 'season'; y: number; s: string }
  | { p: 'year'; y: number }
  | { p: 'decade'; dec: number }
  | { p: 'century'; c: number };

export interface ResolveContext {
  /** The document date as a day number, or null. */
  published: number | null;
  /** The calendar value the text last mentioned, for anaphora. */
  last: Cal | null;
  /**
   * Calendar values mentioned so far, oldest first. "a day later" after "that week" goes back to
   * the last value fine enough to count days from.
   */
  history: readonly Cal[];
  /**
   * The period the text is about: the last value written out or counted from the document date
   * (not one reached through anaphora). "the latest quarter", "a year earlier" and "year-ago"
   * compare against it, so a chain of comparisons does not drift back a year at each step.
   */
  focus: Cal | null;
  /** The clause around the mention points forward. */
  forward: boolean;
  /** Lean to the past for underspecified dates (news reports the past). */
  preferPast: boolean;
  /** The clause before the mention tells of the past ("In January, ...", "changed ... in May"). */
  past?: boolean;
  /**
   * The last day written out with its year ("April 21, 2019"), as a day number. A month-day
   * without a year right after it ("announced April 22") belongs to its year when the document
   * date is far from it.
   */
  lastExplicitDay?: number | null;
  /**
   * The sentence, or the one before it, counts a span of several months ("the first nine months",
   * "the six months ended June 30"): "the 1988 period" and "year-ago" then compare whole spans,
   * named by their year, not quarters.
   */
  monthsSpan?: boolean;
}

export interface Resolved {
  value: string | null;
  timexType: TimexType;
  precision: Precision | null;
  anchor: DateMention['anchor'];
  cal: Cal | null;
}

const UNRESOLVED: Resolved = { value: null, timexType: 'DATE', precision: null, anchor: 'none', cal: null };

export function resolveSpec(c: Candidate, ctx: ResolveContext): Resolved {
  const spec = c.spec;
  if (spec.k === 'duration') return { value: spec.value, timexType: 'DURATION', precision: null, anchor: 'absolute', cal: null };
  if (spec.k === 'set') return { value: spec.value, timexType: 'SET', precision: null, anchor: 'absolute', cal: null };
  if (spec.k === 'ref') {
    return { value: spec.value, timexType: 'DATE', precision: 'ref', anchor: ctx.published === null ? 'none' : 'published', cal: null };
  }
  const got = toCal(spec, ctx);
  if (got === null) return UNRESOLVED;
  const [cal, anchor] = got;
  return withTime(cal, anchor, c.tod);
}

function withTime(cal: Cal, anchor: DateMention['anchor'], tod: TimeOfDay | undefined): Resolved {
  const base = format(cal);
  if (tod === undefined || cal.p !== 'day') {
    return { value: base.value, timexType: 'DATE', precision: base.precision, anchor, cal };
  }
  const t = tod.part !== undefined ? tod.part : tod.hour === 24 ? '24:00' : `${pad2(tod.hour ?? 0)}:${pad2(tod.minute ?? 0)}`;
  // The zone as written ("18:00 UTC" is `T18:00Z`): the day and hour stay those of the text.
  const zone = tod.part === undefined && tod.zone !== undefined ? tod.zone : '';
  return { value: `${base.value}T${t}${zone}`, timexType: 'TIME', precision: 'day', anchor, cal };
}

export function format(cal: Cal): { value: string; precision: Precision } {
  switch (cal.p) {
    case 'day':
      return { value: formatDay(cal.days), precision: 'day' };
    case 'week': {
      const { year, week } = isoWeek(cal.days);
      return { value: `${pad4(year)}-W${pad2(week)}${cal.weekend === true ? '-WE' : ''}`, precision: 'week' };
    }
    case 'month':
      return { value: `${pad4(cal.y)}-${pad2(cal.m)}`, precision: 'month' };
    case 'quarter':
      return { value: `${pad4(cal.y)}-Q${cal.q}`, precision: 'quarter' };
    case 'half':
      return { value: `${pad4(cal.y)}-H${cal.h}`, precision: 'quarter' };
    case 'season':
      return { value: `${pad4(cal.y)}-${cal.s}`, precision: 'quarter' };
    case 'year':
      return { value: pad4(cal.y), precision: 'year' };
    case 'decade':
      return { value: String(cal.dec), precision: 'decade' };
    case 'century':
      return { value: pad2(cal.c), precision: 'century' };
  }
}

type Got = [Cal, DateMention['anchor']] | null;

function toCal(spec: Spec, ctx: ResolveContext): Got {
  const P = ctx.published;
  switch (spec.k) {
    case 'date': {
      const got = dateCal(spec, ctx);
      if (got !== null && spec.weekOf === true && got[0].p === 'day') return [{ p: 'week', days: got[0].days }, got[1]];
      return got;
    }
    case 'shifted': {
      const got = toCal(spec.base, ctx);
      if (got === null || got[0].p !== 'day') return null;
      return [{ p: 'day', days: got[0].days + spec.days }, got[1]];
    }
    case 'decade':
      return [{ p: 'decade', dec: spec.dec }, 'absolute'];
    case 'century':
      return [{ p: 'century', c: spec.c }, 'absolute'];
    case 'weekday': {
      if (spec.anaphoric === true && ctx.last !== null && ctx.last.p === 'day') {
        // "the previous Friday", "the following Monday": the nearest one before or after the
        // day the text last mentioned, never that day itself.
        const ref = ctx.last.days;
        const wd = isoWeekday(ref);
        const days = spec.shift === 1 ? ref + ((spec.wd - wd + 7) % 7 || 7) : ref - ((wd - spec.wd + 7) % 7 || 7);
        return [{ p: 'day', days }, 'previous-date'];
      }
      if (P === null) return null;
      const today = isoWeekday(P);
      const back = (today - spec.wd + 7) % 7; // days back to the most recent one (0 = today)
      const ahead = (spec.wd - today + 7) % 7;
      let days: number;
      if (spec.shift === -1) days = P - (back === 0 ? 7 : back);
      else if (spec.shift === 1) days = P + (ahead === 0 ? 7 : ahead);
      else if (ctx.forward || !ctx.preferPast) days = P + ahead;
      else days = P - back;
      return [{ p: 'day', days }, 'published'];
    }
    case 'rel':
      if (P === null) return null;
      return [shift(dayCal(P, spec.unit), spec.unit, spec.n), 'published'];
    case 'quarter': {
      const half = spec.half === true;
      if (spec.y !== undefined) return [half ? { p: 'half', y: spec.y, h: spec.q } : { p: 'quarter', y: spec.y, q: spec.q }, 'absolute'];
      if (P === null) return null;
      const { y, m } = fromDays(P);
      if (spec.yearRel !== undefined) {
        const yy = y + spec.yearRel;
        return [half ? { p: 'half', y: yy, h: spec.q } : { p: 'quarter', y: yy, q: spec.q }, 'published'];
      }
      const cur = half ? (m <= 6 ? 1 : 2) : quarterOf(m);
      // The latest one that has begun, or with a forward clause the next one when it is nearer.
      const n = half ? 2 : 4;
      const back = (cur - spec.q + n) % n;
      const ahead = (spec.q - cur + n) % n;
      let year = spec.q <= cur ? y : y - 1;
      if (ctx.forward && ahead !== 0 && ahead < back) year = spec.q > cur ? y : y + 1;
      return [half ? { p: 'half', y: year, h: spec.q } : { p: 'quarter', y: year, q: spec.q }, 'published'];
    }
    case 'thisQuarter': {
      // "In the first nine months, net was ..., against ... in the 1988 period": the span just
      // counted, in that year; a span of months is no quarter.
      if (ctx.monthsSpan === true && spec.y !== undefined) return [{ p: 'year', y: spec.y }, 'previous-date'];
      if (ctx.focus !== null && ctx.focus.p === 'quarter') {
        return [spec.y === undefined ? ctx.focus : { ...ctx.focus, y: spec.y }, 'previous-date'];
      }
      if (spec.y !== undefined && P === null) return [{ p: 'year', y: spec.y }, 'absolute'];
      if (P === null) return null;
      const { y, m } = fromDays(P);
      // "the 1988 quarter" with no quarter talked about: the quarter reports cover, in that year.
      if (spec.y !== undefined) return [{ p: 'quarter', y: spec.y, q: quarterOf(m) === 1 ? 4 : quarterOf(m) - 1 }, 'published'];
      if (spec.current === true && ctx.forward) return [{ p: 'quarter', y, q: quarterOf(m) }, 'published'];
      // Reports talk about the quarter just closed.
      return [shift({ p: 'quarter', y, q: quarterOf(m) }, 'quarter', -1), 'published'];
    }
    case 'season': {
      if (spec.y !== undefined) return [{ p: 'season', y: spec.y, s: spec.s }, 'absolute'];
      if (P === null) return null;
      return [{ p: 'season', y: seasonYear(P, spec.s, spec.shift, ctx), s: spec.s }, 'published'];
    }
    case 'holiday': {
      // "Easter week" is the week that ends on the holiday: a week, not a day.
      const cal = (days: number): Cal => (spec.name.endsWith(' week') ? { p: 'week', days } : { p: 'day', days });
      if (spec.y !== undefined) {
        const d = holidayDay(spec.name, spec.y);
        return d === null ? [{ p: 'year', y: spec.y }, 'absolute'] : [cal(d), 'absolute'];
      }
      if (P === null) return null;
      const y = fromDays(P).y;
      const cands = [y - 1, y, y + 1].map((yy) => holidayDay(spec.name, yy)).filter((d): d is number => d !== null);
      const pick = pickNear(cands, P, ctx);
      return pick === null ? null : [cal(pick), 'published'];
    }
    case 'ana': {
      if (spec.focus === true && ctx.focus !== null) {
        const moved = anaphor(ctx.focus, spec.unit, spec.n);
        if (moved !== null) return [moved, 'previous-date'];
      }
      if (spec.focus === true) {
        if (P === null) return null;
        return [shift(dayCal(P, spec.unit), spec.unit, spec.n), 'published'];
      }
      for (let i = ctx.history.length - 1; i >= 0; i--) {
        const moved = anaphor(ctx.history[i]!, spec.unit, spec.n);
        if (moved !== null) return [moved, 'previous-date'];
      }
      if (P === null) return null;
      return [shift(dayCal(P, spec.unit), spec.unit, spec.n), 'published'];
    }
    case 'yearAgo': {
      const f = ctx.focus;
      if (ctx.monthsSpan === true && spec.anaphoric) {
        // The year of the span's period when one finer than a year is talked about; a year named
        // in passing ("last year") is not the span.
        const fine = f !== null && f.p !== 'year' && f.p !== 'decade' && f.p !== 'century';
        const y = fine ? fromDays(dayOf(f)).y : P === null ? null : fromDays(P).y;
        if (y !== null) return [{ p: 'year', y: y - 1 }, 'previous-date'];
      }
      // "last year's quarter" names a quarter: a year talked about does not make it a year.
      const coarse = spec.anaphoric && spec.quarterOnly !== true && f !== null && f.p !== 'day' && f.p !== 'week' && !(spec.quarter === true && f.p === 'year');
      // "the year-ago quarter" after a month: the quarter that holds the month, a year back.
      if (spec.quarter === true && f !== null && f.p === 'month') return [{ p: 'quarter', y: f.y - 1, q: quarterOf(f.m) }, 'previous-date'];
      if (f !== null && (f.p === 'quarter' || f.p === 'half' || coarse)) {
        return [shift(f, 'year', -1), 'previous-date'];
      }
      if (spec.quarter === true && P !== null) {
        // The words name a quarter but none is talked about: the one reports cover, a year back.
        const { y, m } = fromDays(P);
        return [shift({ p: 'quarter', y, q: quarterOf(m) }, 'quarter', -5), 'published'];
      }
      if (spec.anaphoric && ctx.last !== null) return [shift(dayCal(dayOf(ctx.last), 'year'), 'year', -1), 'previous-date'];
      if (P === null) return null;
      return [{ p: 'year', y: fromDays(P).y - 1 }, 'published'];
    }
    case 'clock': {
      if (ctx.last !== null && ctx.last.p === 'day') return [ctx.last, 'previous-date'];
      if (P === null) return null;
      return [{ p: 'day', days: P }, 'published'];
    }
    default:
      return null;
  }
}

function dateCal(spec: Extract<Spec, { k: 'date' }>, ctx: ResolveContext): Got {
  const P = ctx.published;
  if (spec.m === undefined) return spec.y === undefined ? null : [{ p: 'year', y: spec.y }, 'absolute'];
  if (spec.y !== undefined) {
    if (spec.d === undefined) return [{ p: 'month', y: spec.y, m: spec.m }, 'absolute'];
    return isValidDay(spec.y, spec.m, spec.d) ? [{ p: 'day', days: toDays(spec.y, spec.m, spec.d) }, 'absolute'] : null;
  }
  if (spec.joined === true && spec.d !== undefined && ctx.last !== null && ctx.last.p === 'day') {
    // "April 24 and 25": the year of the day just named.
    const y = fromDays(ctx.last.days).y;
    if (isValidDay(y, spec.m, spec.d)) return [{ p: 'day', days: toDays(y, spec.m, spec.d) }, 'previous-date'];
  }
  if (P === null) return null;
  const py = fromDays(P).y;
  const m = spec.m;
  if (spec.yearRel !== undefined && (spec.yearRel === -1 || spec.yearRel === 0 || spec.yearRel === 1)) {
    const y = py + spec.yearRel;
    if (spec.d === undefined) return [{ p: 'month', y, m }, 'published'];
    return isValidDay(y, m, spec.d) ? [{ p: 'day', days: toDays(y, m, spec.d) }, 'published'] : null;
  }
  if (spec.d === undefined) {
    // Months compare as month numbers: the current month counts as past and as future.
    const pm = fromDays(P).m;
    const back = (pm - m + 12) % 12;
    const ahead = (m - pm + 12) % 12;
    let y: number;
    if (spec.yearRel === -2) y = back === 0 ? py - 1 : m < pm ? py : py - 1; // "last March"
    else if (spec.yearRel === 2) y = ahead === 0 ? py + 1 : m > pm ? py : py + 1; // "next March"
    else if (spec.yearRel === 0) y = py;
    else if (ctx.forward || (!ctx.preferPast && ahead <= back) || (ahead * 2 < back && ctx.past !== true)) y = m >= pm ? py : py + 1;
    else y = m <= pm ? py : py - 1;
    return [{ p: 'month', y, m }, 'published'];
  }
  const d = spec.d;
  const cands = [py - 1, py, py + 1].filter((y) => isValidDay(y, m, d)).map((y) => toDays(y, m, d));
  let pick: number | null;
  if (spec.yearRel === -2) pick = cands.filter((x) => x < P).pop() ?? null; // "last Oct. 23"
  else if (spec.yearRel === 2) pick = cands.find((x) => x > P) ?? null;
  else pick = pickNear(cands, P, ctx);
  const ex = ctx.lastExplicitDay;
  if (pick !== null && ex !== undefined && ex !== null && spec.yearRel === undefined && Math.abs(pick - ex) > 183) {
    // Narrative about another year: "On April 21, 2019, ... Rouhani announced April 22 ...".
    const y = fromDays(ex).y;
    const near = [y - 1, y, y + 1].filter((yy) => isValidDay(yy, m, d)).map((yy) => toDays(yy, m, d)).find((x) => Math.abs(x - ex) <= 31);
    if (near !== undefined) return [{ p: 'day', days: near }, 'previous-date'];
  }
  return pick === null ? null : [{ p: 'day', days: pick }, 'published'];
}

/**
 * Picks the year of an underspecified day: the most recent one on or before the document date,
 * unless the clause points forward or the next one is much nearer (less than a quarter as far).
 */
function pickNear(cands: number[], P: number, ctx: ResolveContext): number | null {
  let past: number | null = null;
  let future: number | null = null;
  for (const d of cands) {
    if (d <= P && (past === null || d > past)) past = d;
    if (d >= P && (future === null || d < future)) future = d;
  }
  if (ctx.forward) return future ?? past;
  if (past === null) return future;
  if (future === null) return past;
  const k = ctx.preferPast ? 4 : 1;
  return (future - P) * k < P - past ? future : past;
}

const SEASON_START: Record<string, number> = { SP: 3, SU: 6, FA: 9, WI: 12 };

function seasonYear(P: number, s: string, shiftBy: number | undefined, ctx: ResolveContext): number {
  const { y, m } = fromDays(P);
  const start = SEASON_START[s]!;
  // The season `s` of year `yy` spans months start..start+2 (winter runs into the next year).
  const startDay = (yy: number): number => toDays(yy, start, 1);
  const endDay = (yy: number): number => {
    const e = addMonths(yy, start, 3);
    return toDays(e.y, e.m, 1) - 1;
  };
  const cands = [y - 2, y - 1, y, y + 1];
  if (shiftBy === -1) {
    const done = cands.filter((yy) => endDay(yy) < P);
    return done[done.length - 1] ?? y - 1;
  }
  if (shiftBy === 1) return cands.find((yy) => startDay(yy) > P) ?? y + 1;
  // "this summer" is the summer of the document's year, gone or to come ("this winter" in
  // January or February is the one that began the December before).
  if (shiftBy === 0) return s === 'WI' && m <= 2 ? y - 1 : y;
  const current = cands.find((yy) => startDay(yy) <= P && P <= endDay(yy));
  if (current !== undefined) return current;
  if (ctx.forward) return cands.find((yy) => startDay(yy) > P) ?? y;
  const done = cands.filter((yy) => endDay(yy) < P);
  return done[done.length - 1] ?? y - 1;
}

function holidayDay(name: string, y: number): number | null {
  const fixed: Record<string, [number, number]> = {
    christmas: [12, 25], 'christmas day': [12, 25], 'christmas eve': [12, 24], "new year's": [1, 1],
    "new year's day": [1, 1], "new year's eve": [12, 31], halloween: [10, 31], "valentine's day": [2, 14],
    'independence day': [7, 4], 'veterans day': [11, 11], 'boxing day': [12, 26],
  };
  const f = fixed[name];
  if (f !== undefined) return toDays(y, f[0], f[1]);
  if (name.startsWith('thanksgiving')) return nthWeekday(y, 11, 4, 4);
  if (name === 'memorial day') return nthWeekday(y, 5, 1, -1);
  if (name === 'labor day') return nthWeekday(y, 9, 1, 1);
  if (name === 'election day') return nthWeekday(y, 11, 1, 1) + 1;
  if (name.startsWith('easter') || name === 'good friday') {
    const e = easter(y);
    const sunday = toDays(e.y, e.m, e.d);
    if (name === 'good friday') return sunday - 2;
    if (name === 'easter monday') return sunday + 1;
    return sunday;
  }
  return null;
}

/** The calendar value of `unit` that contains day `days`. */
function dayCal(days: number, unit: Unit): Cal {
  const { y, m } = fromDays(days);
  switch (unit) {
    case 'day':
      return { p: 'day', days };
    case 'week':
      return { p: 'week', days };
    case 'weekend':
      return { p: 'week', days, weekend: true };
    case 'month':
      return { p: 'month', y, m };
    case 'quarter':
      return { p: 'quarter', y, q: quarterOf(m) };
    case 'year':
      return { p: 'year', y };
    case 'decade':
      return { p: 'decade', dec: Math.floor(y / 10) };
    case 'century':
      return { p: 'century', c: Math.floor(y / 100) };
  }
}

/** A representative day of a calendar value (its first day). */
function dayOf(cal: Cal): number {
  switch (cal.p) {
    case 'day':
    case 'week':
      return cal.days;
    case 'month':
      return toDays(cal.y, cal.m, 1);
    case 'quarter':
      return toDays(cal.y, cal.q * 3 - 2, 1);
    case 'half':
      return toDays(cal.y, cal.h * 6 - 5, 1);
    case 'season':
      return toDays(cal.y, SEASON_START[cal.s]!, 1);
    case 'year':
      return toDays(cal.y, 1, 1);
    case 'decade':
      return toDays(cal.dec * 10, 1, 1);
    case 'century':
      return toDays(cal.c * 100, 1, 1);
  }
}

/** Moves a calendar value by `n` units, keeping its own granularity where it is coarser. */
export function shift(cal: Cal, unit: Unit, n: number): Cal {
  if (n === 0) return cal;
  switch (cal.p) {
    case 'day':
    case 'week': {
      if (unit === 'day') return { ...cal, days: cal.days + n };
      if (unit === 'week' || unit === 'weekend') return { ...cal, days: cal.days + 7 * n };
      const months = unit === 'month' ? n : unit === 'quarter' ? 3 * n : unit === 'year' ? 12 * n : unit === 'decade' ? 120 * n : 1200 * n;
      const { y, m, d } = fromDays(cal.days);
      const t = addMonths(y, m, months);
      return { ...cal, days: toDays(t.y, t.m, Math.min(d, daysInMonth(t.y, t.m))) };
    }
    case 'month': {
      const months = unit === 'quarter' ? 3 * n : unit === 'year' ? 12 * n : unit === 'month' ? n : unit === 'decade' ? 120 * n : 0;
      const t = addMonths(cal.y, cal.m, months);
      return { p: 'month', y: t.y, m: t.m };
    }
    case 'quarter': {
      const k = cal.y * 4 + cal.q - 1 + (unit === 'quarter' ? n : unit === 'year' ? 4 * n : 0);
      return { p: 'quarter', y: Math.floor(k / 4), q: (k % 4) + 1 };
    }
    case 'half':
      return { ...cal, y: cal.y + (unit === 'year' ? n : 0) };
    case 'season':
      return { ...cal, y: cal.y + (unit === 'year' ? n : 0) };
    case 'year':
      return { p: 'year', y: cal.y + (unit === 'year' ? n : unit === 'decade' ? 10 * n : unit === 'century' ? 100 * n : 0) };
    case 'decade':
      return { p: 'decade', dec: cal.dec + (unit === 'decade' ? n : 0) };
    case 'century':
      return { p: 'century', c: cal.c + (unit === 'century' ? n : 0) };
  }
}

/**
 * "the same day", "the next week", "a year earlier" against the date last mentioned: the unit
 * asked for, unless the last date is coarser (then the anaphor cannot be resolved).
 */
function anaphor(last: Cal, unit: Unit, n: number): Cal | null {
  const rank: Record<Cal['p'], number> = { day: 0, week: 1, month: 2, quarter: 3, half: 4, season: 4, year: 5, decade: 6, century: 7 };
  const unitRank: Record<Unit, number> = { day: 0, week: 1, weekend: 1, month: 2, quarter: 3, year: 5, decade: 6, century: 7 };
  if (rank[last.p] > unitRank[unit]) {
    // A day after "in March" cannot be placed; a year after "the third quarter" can.
    if (unit === 'year' || unit === 'decade' || unit === 'century') return shift(last, unit, n);
    return null;
  }
  const base = last.p === 'quarter' && unit === 'quarter' ? last : dayCal(dayOf(last), unit);
  return shift(base, unit, n);
}
