/** Quarters and halves: "the third quarter of 1989", "Q3 2024", "the first half of 2025", "the latest quarter". */
import { DAYNUM, L, MONTH_NAME, monthNum, monthOk, quarterOf, R, ruleOf, S, S0, YEAR } from '../grammar.js';
import { ordinalIndex } from '../lexicon.js';
import type { Spec } from '../spec.js';
import { QUARTER, UNIT } from '../triggers.js';

const rule = ruleOf('quarters');

const QUARTER_ENDED = new RegExp(`^${S}(?:ended|ending)${S}${MONTH_NAME('mon')}${S0}${DAYNUM('d')}(?:,${S0}${YEAR('y')})?`, 'i');

// Quarters: the third quarter (of 1989), fiscal 1990's first quarter, Q3 2024, third-quarter
export const ordinalQuarter = rule({
  name: 'ordinal-quarter',
  need: QUARTER,
  re: new RegExp(
    `${L}(?:(?:the|its|a|this year's|last year's|next year's|this|last|next)${S})?(?:(?<fy>fiscal|calendar)${S})?(?:${YEAR('y1')}(?:'s)?${S})?(?:(?:fiscal|calendar)[- ])?(?<q>first|second|third|fourth|1st|2nd|3rd|4th|final)[- ](?:fiscal[- ])?(?<qh>quarter|half)(?:${S}(?:of${S})?(?:fiscal${S})?${YEAR('y2')})?${R}`,
    'gi',
  ),
  build: (g, match) => {
    const ord = g.q!.toLowerCase();
    const half = g.qh!.toLowerCase() === 'half';
    const q = ord === 'final' ? (half ? 2 : 4) : (ordinalIndex[ord] ?? Number(ord[0]));
    if (q > (half ? 2 : 4)) return null;
    const spec: Spec = { k: 'quarter', q, half };
    const y = g.y1 ?? g.y2;
    if (y !== undefined) spec.y = Number(y);
    else if (/^(?:last|this|next) year's/i.test(match)) spec.yearRel = /^last/i.test(match) ? -1 : /^next/i.test(match) ? 1 : 0;
    return spec;
  },
});

export const halfOfYear = rule({
  name: 'half-of-year',
  need: QUARTER | UNIT,
  re: new RegExp(`${L}(?:the${S})?(?:last|first|second|latter)${S}(?:half|two${S}quarters)${S}of${S}(?:the${S})?(?:${YEAR('y')}|'(?<dec>\\d)0s|(?<dec4>1\\d|20)(?<d3>\\d)0s)${R}`, 'gi'),
  build: (g, match) => {
    if (g.y === undefined) {
      const dec = g.dec !== undefined ? 190 + Number(g.dec) : Number(g.dec4) * 10 + Number(g.d3);
      return { k: 'decade', dec };
    }
    return { k: 'quarter', q: /last|second|latter/i.test(match) ? 2 : 1, half: true, y: Number(g.y) };
  },
});

export const qNotation = rule({
  name: 'q-notation',
  need: QUARTER,
  re: new RegExp(`${L}Q(?<q>[1-4])(?:${S0}(?:'(?<yy>\\d\\d)|${YEAR('y')}))?${R}`, 'g'),
  build: (g) => {
    const spec: Spec = { k: 'quarter', q: Number(g.q) };
    if (g.y !== undefined) spec.y = Number(g.y);
    else if (g.yy !== undefined) spec.y = 1900 + Number(g.yy) + (Number(g.yy) < 50 ? 100 : 0);
    return spec;
  },
});

// the 1989 period, the 1988 quarter: the quarter talked about, in that year
export const yearPeriod = rule({
  name: 'year-period',
  need: QUARTER,
  re: new RegExp(`${L}the${S}${YEAR('y')}${S}(?:period|quarter)${R}`, 'gi'),
  build: (g) => ({ k: 'thisQuarter', y: Number(g.y) }),
});

// the quarter, the latest quarter, the current quarter, last quarter, this quarter
export const theQuarter = rule({
  name: 'the-quarter',
  need: QUARTER,
  re: new RegExp(`${L}(?<det>the|this|that|last|next|its)(?:${S}(?<adj>latest|current|recent|most recent|same|previous|prior|preceding|past|latest fiscal|current fiscal|fiscal))?${S}(?<what>quarter|period)${R}(?!-)`, 'gi'),
  build: (g, match, sentence, index) => {
    const det = g.det!.toLowerCase();
    const adj = (g.adj ?? '').toLowerCase();
    if (g.what!.toLowerCase() === 'period' && !/latest|current|recent|same|comparable/.test(adj)) return null;
    // "the quarter ended Sept. 30(, 2023)": the three months up to that day, named by the
    // calendar quarter of their middle month (a fiscal quarter ended July 31 is mostly Q2).
    const ended = QUARTER_ENDED.exec(sentence.slice(index + match.length));
    if (ended !== null && monthOk(ended.groups!.mon) && det !== 'last' && det !== 'next') {
      const spec: Spec = { k: 'quarter', q: quarterOf(((monthNum(ended.groups!.mon!) + 10) % 12) + 1) };
      if (ended.groups!.y !== undefined) spec.y = Number(ended.groups!.y) - (monthNum(ended.groups!.mon!) === 1 ? 1 : 0);
      return spec;
    }
    if (det === 'last' || /previous|prior|preceding|past/.test(adj)) return { k: 'rel', unit: 'quarter', n: -1 };
    if (det === 'next') return { k: 'rel', unit: 'quarter', n: 1 };
    if (adj.startsWith('current')) return { k: 'rel', unit: 'quarter', n: 0 };
    if (det === 'this') return { k: 'thisQuarter', current: true };
    return { k: 'thisQuarter' };
  },
});
