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

/**
 * The timeline as inline SVG: one lane per event type, time across. An event dated to a day is a
 * dot; one dated to a week, month, quarter or year is a bar over that span; a planned event is
 * hollow. Every mark links to the event's row, and its tooltip gives date, type and trigger.
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
  const types = [...eventTypes.filter((t) => placed.some((e) => e.type === t)), ...[...new Set(placed.map((e) => e.type))].filter((t) => !(eventTypes as readonly string[]).includes(t)).sort()];
  const height = top + Math.max(1, types.length) * lane + axis;
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
  const axisY = top + types.length * lane;
  parts.push(`<line x1="${left}" y1="${axisY}" x2="${width - right}" y2="${axisY}" stroke="#888"/>`);
  for (const t of ticks(min, max)) {
    const tx = x(t).toFixed(1);
    parts.push(`<line x1="${tx}" y1="${top}" x2="${tx}" y2="${axisY + 4}" stroke="#ddd"/><text class="tick" x="${tx}" y="${axisY + 18}" text-anchor="middle">${new Date(t).toISOString().slice(0, 10)}</text>`);
  }
  // Coarse spans first so the day dots are drawn over them.
  const ordered = [...placed].sort((a, b) => b.range[1] - b.range[0] - (a.range[1] - a.range[0]) || a.range[0] - b.range[0]);
  for (const e of ordered) {
    const color = typeColors[e.type] ?? typeColors['other']!;
    const y = laneY(e.type);
    const fill = e.planned ? 'none' : color;
    const tip = `<title>${esc(`${e.date} · ${e.type}${e.planned ? ' (planned)' : ''} · ${e.label}`)}</title>`;
    const spanDays = (e.whole[1] - e.whole[0]) / dayMs;
    // Days on the upper half of the lane, coarser dates (weeks to years) as bars on the lower
    // half, so a month-long bar never hides the days inside it.
    const mark =
      spanDays <= 1
        ? `<circle class="mark" data-type="${esc(e.type)}" cx="${x(e.range[0] + dayMs / 2).toFixed(1)}" cy="${y - 4}" r="5" fill="${fill}" stroke="${color}" stroke-width="1.5" fill-opacity="0.85">${tip}</circle>`
        : `<rect class="mark coarse" data-type="${esc(e.type)}" x="${x(e.range[0]).toFixed(1)}" y="${y + 4}" width="${Math.max(2, x(e.range[1]) - x(e.range[0])).toFixed(1)}" height="6" rx="2" fill="${fill}" stroke="${color}" fill-opacity="0.35">${tip}</rect>`;
    parts.push(`<a href="#${e.anchor}">${mark}</a>`);
  }
  return {
    svg: `<svg id="${id}" class="timeline" viewBox="0 0 ${width} ${height}" role="img" aria-label="Timeline of ${placed.length} events by date and type">${parts.join('')}</svg>`,
    marks: placed.length,
    undated: events.length - placed.length,
  };
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
