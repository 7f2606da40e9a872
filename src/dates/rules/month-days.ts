/** A month named with a day: "January 16, 2024", "the 16th of January", "April 24 and 25". */
import { DAYNUM, L, MOD, MONTH_NAME, monthNum, monthOk, ORD_DAY, R, ruleOf, S, S0, shiftOf, WEEKDAY_NAME, YEAR } from '../grammar.js';
import { ordinalIndex } from '../lexicon.js';
import type { Spec } from '../spec.js';
import { MONTH } from '../triggers.js';

const rule = ruleOf('month-days');

// (Tuesday,) January 16(th)(, 2024) | (Tuesday,) Jan. 16 last year
export const monthDay = rule({
  name: 'month-day',
  need: MONTH,
  re: new RegExp(
    `${L}(?:${MOD})?(?:(?<pre>last|this past|this coming|next)${S})?(?:${WEEKDAY_NAME('wd')},?${S})?(?:the${S})?${MONTH_NAME('mon')}${S0}${DAYNUM('d')}(?:(?:,${S0}|${S})(?:${YEAR('y')}|'(?<yy>\\d\\d)${R}|(?<rel>last|this|next)${S}year${R}))?`,
    'gi',
  ),
  build: (g) => {
    if (!monthOk(g.mon)) return null;
    const d = Number(g.d);
    if (d < 1 || d > 31) return null;
    const spec: Spec = { k: 'date', m: monthNum(g.mon!), d };
    if (g.y !== undefined) spec.y = Number(g.y);
    else if (g.yy !== undefined) spec.y = Number(g.yy) + (Number(g.yy) < 50 ? 2000 : 1900);
    if (g.rel !== undefined) spec.yearRel = shiftOf(g.rel)!;
    else if (g.pre !== undefined && g.y === undefined) spec.yearRel = /last|past/i.test(g.pre) ? -2 : 2;
    return spec;
  },
});

// Tuesday, the 16th of January | 16 January 2024 | the sixteenth of January
export const dayOfMonth = rule({
  name: 'day-of-month',
  need: MONTH,
  re: new RegExp(
    `${L}(?:${WEEKDAY_NAME('wd')},?${S})?(?:the${S})?(?:${DAYNUM('d')}|${ORD_DAY})(?:${S}of)?${S}${MONTH_NAME('mon')}(?:,?${S}${YEAR('y')})?`,
    'gi',
  ),
  build: (g) => {
    if (!monthOk(g.mon)) return null;
    const d = g.d !== undefined ? Number(g.d) : ordinalIndex[g.dword!.toLowerCase()]!;
    if (d < 1 || d > 31) return null;
    const spec: Spec = { k: 'date', m: monthNum(g.mon!), d };
    if (g.y !== undefined) spec.y = Number(g.y);
    return spec;
  },
});

// the second day of "April 24 and 25", "Oct. 5 or 6(, 1998)", the end of a range "March 3-5"
export const joinedDay = rule({
  name: 'joined-day',
  need: MONTH,
  re: new RegExp(
    `(?<=${MONTH_NAME('mon')}${S0}(?<d0>[0-3]?\\d)(?:st|nd|rd|th)?(?:${S}(?:and|or|&)${S}|(?<dash>${S0}[-\u2013]${S0})))${DAYNUM('d')}(?:,${S0}${YEAR('y')})?(?=${S0}(?:[.,;:)'"]|$)|${S}(?:at|in|on|of|to|for|with|when|while|and|but|after|before)${R})`,
    'gi',
  ),
  build: (g) => {
    if (!monthOk(g.mon)) return null;
    const d = Number(g.d);
    if (d < 1 || d > 31) return null;
    // "March 3-5": a range of days ends after it starts, in the start's month (and year).
    if (g.dash !== undefined && d <= Number(g.d0)) return null;
    const spec: Spec = { k: 'date', m: monthNum(g.mon!), d, joined: true };
    if (g.y !== undefined) spec.y = Number(g.y);
    return spec;
  },
});

// this coming Sunday, March eighth
export const weekdayMonthOrdinal = rule({
  name: 'weekday-month-ordinal',
  need: MONTH,
  re: new RegExp(`${L}(?:(?:this coming|this|next|last)${S})?${WEEKDAY_NAME('wd')},?${S}${MONTH_NAME('mon')}${S}${ORD_DAY}${R}`, 'gi'),
  build: (g) => (monthOk(g.mon) ? { k: 'date', m: monthNum(g.mon!), d: ordinalIndex[g.dword!.toLowerCase()]! } : null),
});
