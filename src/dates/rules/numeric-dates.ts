/** Calendar dates written in digits: ISO days, slashed, dashed and dotted forms. */
import { isValidDay } from '../calendar.js';
import { L, monthNum, R, ruleOf } from '../grammar.js';
import type { Spec } from '../spec.js';
import { NUM, YEAR4 } from '../triggers.js';

const rule = ruleOf('numeric-dates');

// 2024-01-16, 2024-01-16T14:00
export const isoDate = rule({
  name: 'iso-date',
  need: YEAR4,
  re: new RegExp(`${L}(?<y>(?:1[0-9]|20)\\d\\d)-(?<m>[01]\\d)-(?<d>[0-3]\\d)(?:T(?<hour>[0-2]\\d):(?<minute>[0-5]\\d))?${R}`, 'g'),
  build: (g) => {
    const spec: Spec = { k: 'date', y: Number(g.y), m: Number(g.m), d: Number(g.d) };
    return g.hour === undefined ? spec : { spec, tod: { hour: Number(g.hour), minute: Number(g.minute) } };
  },
});

// 1/16/2024, 1-16-2024 (month first, as in US news), 16/1/2024 when the first number cannot be
// a month; 16.01.2024 (day first, the European dotted form). Dashes and dots need a four-digit
// year ("3.5.10" is a version, "6-4-6" a score).
export const numericDate = rule({
  name: 'numeric-date',
  need: NUM | YEAR4,
  re: new RegExp(`${L}(?<a>[0-3]?\\d)(?<sep>[/.-])(?<b>[0-3]?\\d)\\k<sep>(?<y>\\d{4}|\\d\\d)${R}(?![/.-]\\d)`, 'g'),
  build: (g) => {
    if (g.y!.length === 2 && g.sep !== '/') return null;
    let y = Number(g.y);
    if (g.y!.length === 2) y += y < 50 ? 2000 : 1900;
    const a = Number(g.a);
    const b = Number(g.b);
    const dayFirst = g.sep === '.' || (a > 12 && b <= 12);
    const m = dayFirst ? b : a;
    const d = dayFirst ? a : b;
    return isValidDay(y, m, d) ? { k: 'date', y, m, d } : null;
  },
});

// 2024/01/16 (year first)
export const yearFirstDate = rule({
  name: 'year-first-date',
  need: YEAR4,
  re: new RegExp(`${L}(?<y>(?:1[0-9]|20)\\d\\d)/(?<m>[01]?\\d)/(?<d>[0-3]?\\d)${R}(?!/)`, 'g'),
  build: (g) => (isValidDay(Number(g.y), Number(g.m), Number(g.d)) ? { k: 'date', y: Number(g.y), m: Number(g.m), d: Number(g.d) } : null),
});

// 16-Jan-2024, 16-Jan-24
export const dashedMonthDate = rule({
  name: 'dashed-month-date',
  need: YEAR4 | NUM,
  re: new RegExp(`${L}(?<d>[0-3]?\\d)-(?<mon>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)-(?<y>\\d{4}|\\d\\d)${R}`, 'gi'),
  build: (g) => {
    const y = g.y!.length === 2 ? Number(g.y) + (Number(g.y) < 50 ? 2000 : 1900) : Number(g.y);
    const m = monthNum(g.mon!);
    return isValidDay(y, m, Number(g.d)) ? { k: 'date', y, m, d: Number(g.d) } : null;
  },
});
