import { eventTypes } from '../types.js';
import { esc } from './html.js';

const dayMs = 86_400_000;

/**
 * The calendar range `[start, end)` (UTC milliseconds) a TIMEX3 date value covers: a day, an ISO
 * week, a month, a quarter, a year. Null for what has no place on a calendar (`PRESENT_REF`,
 * durations, decades written `199X`).
 */
export function dateRange(value: string): [number, number] | null {
  let m = /^(\d{4})-(\d{2})-(\d{2})(?:T.*)?$/.exec(value);
  if (m) {
    const t = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!);
    return [t, t + dayMs];
  }
  if ((m = /^(\d{4})-W(\d{2})$/.exec(value))) {
    // ISO week 1 is the week with the year's first Thursday; weeks start on Monday.
    const jan4 = Date.UTC(+m[1]!, 0, 4);
    const monday = jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * dayMs;
    const t = monday + (+m[2]! - 1) * 7 * dayMs;
    return [t, t + 7 * dayMs];
  }
  if ((m = /^(\d{4})-(\d{2})$/.exec(value))) return [Date.UTC(+m[1]!, +m[2]! - 1, 1), Date.UTC(+m[1]!, +m[2]!, 1)];
  if ((m = /^(\d{4})-Q([1-4])$/.exec(value))) return [Date.UTC(+m[1]!, (+m[2]! - 1) * 3, 1), Date.UTC(+m[1]!, +m[2]! * 3, 1)];
  if ((m = /^(\d{4})$/.exec(value))) return [Date.UTC(+m[1]!, 0, 1), Date.UTC(+m[1]! + 1, 0, 1)];
  return null;
}

/** `[start, end)` in UTC milliseconds of the days `start` to `end` (`YYYY-MM-DD`, inclusive), or null. */
function dayBounds(start: string, end: string): [number, number] | null {
  const a = Date.parse(`${start}T00:00:00Z`);
  const b = Date.parse(`${end}T00:00:00Z`);
  return Number.isNaN(a) || Number.isNaN(b) || b < a ? null : [a, b + dayMs];
}

/** Colours per event type (Okabe-Ito, readable by people with colour-blindness). */
export const typeColors: Readonly<Record<string, string>> = {
  attack: '#D55E00',
  explosion: '#A6361C',
  violence_against_civilians: '#CC79A7',
  death: '#6E2C5A',
  protest: '#F0E442',
  riot: '#B8860B',
  disaster: '#8C564B',
  arrest: '#3F3F9F',
  court: '#7570B3',
  election: '#1B9E77',
  legislation: '#66A61E',
  agreement: '#E69F00',
  meeting: '#009E73',
  diplomatic: '#56B4E9',
  statement: '#0072B2',
  business: '#17BECF',
  other: '#7f7f7f',
};

export interface TimelineEvent {
  /** Fragment id of the event's row in the events table. */
  anchor: string;
  date: string;
  /** `date_start` and `date_end` of the row (`YYYY-MM-DD`); the mark is placed by them when given. */
  start?: string | null;
  end?: string | null;
  type: string;
  planned: boolean;
  label: string;
}

const width = 960;
const left = 96;
const right = 16;
const lane = 30;
const top = 10;
const axis = 34;

/** How precisely a value dates an event, as the timeline sorts marks: a day, or a coarser span. */
export function spanKind(value: string): 'day' | 'week' | 'month' | 'quarter' | 'year' | null {
  if (/^\d{4}-\d{2}-\d{2}/.test(value)) return 'day';
  if (/^\d{4}-W\d{2}$/.test(value)) return 'week';
  if (/^\d{4}-\d{2}$/.test(value)) return 'month';
  if (/^\d{4}-Q[1-4]$/.test(value)) return 'quarter';
  if (/^\d{4}$/.test(value)) return 'year';
  return null;
}

const coarseKinds = ['week', 'month', 'quarter', 'year'] as const;
/** Rows of bars per coarse lane before the rest are counted, not drawn. */
const maxCoarseRows = 4;
const coarseRow = 9;

/**
 * The timeline as inline SVG, time across. Events dated to a day are dots in one lane per event
 * type; events dated only to a week, month, quarter or year are thin bars over that span in lanes
 * of their own below (one per precision, bars stacked so none hides another), so a month or a
 * year never covers the day events. A planned event is hollow. Every mark links to the event's
 * row, and its tooltip gives date, type and trigger. With `window`, only what overlaps it is
 * drawn, cut to it.
 */
export function timelineSvg(events: readonly TimelineEvent[], options: { id?: string; window?: [number, number] } = {}): { svg: string; marks: number; undated: number } {
  const id = options.id ?? 'timeline';
  const window = options.window;
  const placed = events.flatMap((e) => {
    const r = e.start && e.end ? dayBounds(e.start, e.end) : dateRange(e.date);
    if (r === null) return [];
    if (window === undefined) return [{ ...e, range: r, whole: r }];
    // A close-up shows what overlaps its window, cut to it.
    if (r[1] <= window[0] || r[0] >= window[1]) return [];
    return [{ ...e, range: [Math.max(r[0], window[0]), Math.min(r[1], window[1])] as [number, number], whole: r }];
  });
  const dayEvents = placed.filter((e) => e.whole[1] - e.whole[0] <= dayMs);
  const types = [...eventTypes.filter((t) => dayEvents.some((e) => e.type === t)), ...[...new Set(dayEvents.map((e) => e.type))].filter((t) => !(eventTypes as readonly string[]).includes(t)).sort()];
  // Coarse spans, packed into rows per precision: each bar goes to the first row where it overlaps nothing.
  const coarse = coarseKinds
    .map((kind) => {
      const bars = placed.filter((e) => spanKind(e.date) === kind).sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1] || (a.anchor < b.anchor ? -1 : 1));
      const rowEnds: number[] = [];
      const rows: Array<(typeof bars)[number] & { row: number }> = [];
      let hidden = 0;
      for (const b of bars) {
        let row = rowEnds.findIndex((end) => end <= b.range[0]);
        if (row < 0 && rowEnds.length < maxCoarseRows) row = rowEnds.push(0) - 1;
        if (row < 0) {
          hidden++;
          continue;
        }
        rowEnds[row] = b.range[1];
        rows.push({ ...b, row });
      }
      return { kind, bars: rows, rows: Math.max(1, rowEnds.length), hidden };
    })
    .filter((c) => c.bars.length > 0 || c.hidden > 0);
  const coarseTop = top + types.length * lane;
  const coarseHeights = coarse.map((c) => Math.max(lane, c.rows * coarseRow + 8));
  const coarseHeight = coarseHeights.reduce((a, b) => a + b, 0);
  const height = top + Math.max(types.length === 0 && coarse.length === 0 ? 1 : 0, types.length) * lane + coarseHeight + axis;
  if (placed.length === 0) {
    return { svg: `<svg id="${id}" class="timeline" viewBox="0 0 ${width} ${height}" role="img" aria-label="Timeline of events (no dated events)"><text x="${width / 2}" y="${height / 2}" text-anchor="middle" class="empty">No events with a calendar date.</text></svg>`, marks: 0, undated: events.length };
  }
  let min = window?.[0] ?? Math.min(...placed.map((e) => e.range[0]));
  let max = window?.[1] ?? Math.max(...placed.map((e) => e.range[1]));
  if (window === undefined) {
    const pad = Math.max(dayMs, (max - min) * 0.03);
    min -= pad;
    max += pad;
  }
  const x = (t: number): number => left + ((t - min) / (max - min)) * (width - left - right);
  const laneY = (type: string): number => top + types.indexOf(type) * lane + lane / 2;
  const parts: string[] = [];
  types.forEach((t, i) => {
    const y = top + i * lane;
    parts.push(`<rect class="lane" x="${left}" y="${y}" width="${width - left - right}" height="${lane}" fill="${i % 2 === 0 ? '#f6f7f9' : '#ffffff'}"/>`);
    parts.push(`<text class="lane-label" x="${left - 8}" y="${y + lane / 2 + 4}" text-anchor="end">${esc(t)}</text>`);
  });
  let laneTop = coarseTop;
  coarse.forEach((c, i) => {
    const h = coarseHeights[i]!;
    parts.push(`<rect class="lane coarse" x="${left}" y="${laneTop}" width="${width - left - right}" height="${h}" fill="${(types.length + i) % 2 === 0 ? '#f6f7f9' : '#ffffff'}"/>`);
    parts.push(`<text class="lane-label" x="${left - 8}" y="${laneTop + h / 2 + 4}" text-anchor="end">${c.kind}${c.hidden > 0 ? ` +${c.hidden}` : ''}</text>`);
    if (i === 0) parts.push(`<line x1="${left}" y1="${laneTop}" x2="${width - right}" y2="${laneTop}" stroke="#bbb" stroke-dasharray="3 3"/>`);
    laneTop += h;
  });
  const axisY = top + types.length * lane + coarseHeight;
  parts.push(`<line x1="${left}" y1="${axisY}" x2="${width - right}" y2="${axisY}" stroke="#888"/>`);
  for (const t of ticks(min, max)) {
    const tx = x(t).toFixed(1);
    parts.push(`<line x1="${tx}" y1="${top}" x2="${tx}" y2="${axisY + 4}" stroke="#ddd"/><text class="tick" x="${tx}" y="${axisY + 18}" text-anchor="middle">${new Date(t).toISOString().slice(0, 10)}</text>`);
  }
  const tip = (e: (typeof placed)[number]): string => `<title>${esc(`${e.date} · ${e.type}${e.planned ? ' (planned)' : ''} · ${e.label}`)}</title>`;
  let barTop = coarseTop;
  coarse.forEach((c, i) => {
    for (const e of c.bars) {
      const color = typeColors[e.type] ?? typeColors['other']!;
      const y = barTop + 4 + e.row * coarseRow;
      parts.push(`<a href="#${e.anchor}"><rect class="mark span" data-type="${esc(e.type)}" x="${x(e.range[0]).toFixed(1)}" y="${y}" width="${Math.max(2, x(e.range[1]) - x(e.range[0])).toFixed(1)}" height="${coarseRow - 3}" rx="2" fill="${e.planned ? '#ffffff' : color}" stroke="${color}" stroke-width="1.2" fill-opacity="${e.planned ? 1 : 0.6}">${tip(e)}</rect></a>`);
    }
    barTop += coarseHeights[i]!;
  });
  for (const e of dayEvents) {
    const color = typeColors[e.type] ?? typeColors['other']!;
    const fill = e.planned ? 'none' : color;
    parts.push(`<a href="#${e.anchor}"><circle class="mark" data-type="${esc(e.type)}" cx="${x(e.range[0] + dayMs / 2).toFixed(1)}" cy="${laneY(e.type)}" r="5" fill="${fill}" stroke="${color}" stroke-width="1.5" fill-opacity="0.85">${tip(e)}</circle></a>`);
  }
  const drawn = dayEvents.length + coarse.reduce((n, c) => n + c.bars.length, 0);
  return {
    svg: `<svg id="${id}" class="timeline" viewBox="0 0 ${width} ${height}" role="img" aria-label="Timeline of ${drawn} events by date and type">${parts.join('')}</svg>`,
    marks: drawn,
    undated: events.length - placed.length,
  };
}

/**
 * The overview's time axis from the bulk of the events, not their extremes: a date misread as
 * the year 1073 must not squeeze 2,000 events of one winter into a sliver. Tukey's far-out
 * fences on the event start dates (three interquartile ranges beyond the quartiles, the range
 * taken as at least 90 days so a tight cluster keeps the months around it) bound the axis;
 * events wholly outside are outliers, for the page to list. Null when every event fits.
 */
export function robustBounds(dates: readonly string[]): { window: [number, number]; outliers: number[] } | null {
  const ranges = dates.map(dateRange);
  const starts = ranges.filter((r): r is [number, number] => r !== null).map((r) => r[0]).sort((a, b) => a - b);
  if (starts.length < 4) return null;
  const quantile = (q: number): number => starts[Math.min(starts.length - 1, Math.floor(q * (starts.length - 1)))]!;
  const q1 = quantile(0.25);
  const q3 = quantile(0.75);
  const iqr = Math.max(q3 - q1, 90 * dayMs);
  const lo = q1 - 3 * iqr;
  const hi = q3 + 3 * iqr;
  const outliers = ranges.flatMap((r, i) => (r !== null && (r[1] <= lo || r[0] >= hi) ? [i] : []));
  if (outliers.length === 0) return null;
  const out = new Set(outliers);
  const inside = ranges.filter((r, i): r is [number, number] => r !== null && !out.has(i));
  const min = Math.max(lo, Math.min(...inside.map((r) => r[0])));
  const max = Math.min(hi, Math.max(...inside.map((r) => r[1])));
  const pad = Math.max(dayMs, (max - min) * 0.03);
  return { window: [min - pad, max + pad], outliers };
}

/**
 * A close-up window when most events crowd into a small part of the whole range (a few old
 * events would otherwise squeeze the rest into a sliver): the shortest stretch that holds 80% of
 * the event dates, padded, when it is under a quarter of the whole. Null when the whole range reads fine.
 */
export function closeUpWindow(dates: readonly string[]): [number, number] | null {
  const ranges = dates.map(dateRange).filter((r): r is [number, number] => r !== null);
  if (ranges.length < 5) return null;
  const starts = ranges.map((r) => r[0]).sort((a, b) => a - b);
  const whole = Math.max(...ranges.map((r) => r[1])) - starts[0]!;
  // The shortest stretch holding 80% of the event dates.
  const k = Math.ceil(starts.length * 0.8);
  let lo = starts[0]!;
  let hi = starts[k - 1]!;
  for (let i = 1; i + k - 1 < starts.length; i++) {
    if (starts[i + k - 1]! - starts[i]! < hi - lo) {
      lo = starts[i]!;
      hi = starts[i + k - 1]!;
    }
  }
  hi += dayMs;
  const pad = Math.max(2 * dayMs, (hi - lo) * 0.08);
  const window: [number, number] = [lo - pad, hi + pad];
  return window[1] - window[0] < whole / 4 ? window : null;
}

/** About six round tick dates between `min` and `max`: days, months or years as the span needs. */
function ticks(min: number, max: number): number[] {
  const span = max - min;
  const out: number[] = [];
  if (span <= 120 * dayMs) {
    const step = Math.max(1, Math.ceil(span / dayMs / 6));
    for (let t = Math.ceil(min / dayMs) * dayMs; t <= max; t += step * dayMs) out.push(t);
    return out;
  }
  if (span <= 6 * 365 * dayMs) {
    const months = Math.max(1, Math.ceil(span / (30 * dayMs) / 6));
    const d = new Date(min);
    let y = d.getUTCFullYear();
    let m = d.getUTCMonth() + 1;
    for (;;) {
      if (m > 11) {
        y += Math.floor(m / 12);
        m %= 12;
      }
      const t = Date.UTC(y, m, 1);
      if (t > max) break;
      out.push(t);
      m += months;
    }
    return out;
  }
  const years = Math.max(1, Math.ceil(span / (365 * dayMs) / 6));
  for (let y = new Date(min).getUTCFullYear() + 1; Date.UTC(y, 0, 1) <= max; y += years) out.push(Date.UTC(y, 0, 1));
  return out;
}
