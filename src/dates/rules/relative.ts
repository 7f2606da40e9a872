/** Periods counted from the document date: "two weeks ago", "last month", "this year", "the weekend". */
import { L, MOD, R, ruleOf, S, shiftOf, UNIT_RE, unitOf } from '../grammar.js';
import { AMOUNT, amountValue } from '../lexicon.js';
import { AGO, UNIT } from '../triggers.js';

const rule = ruleOf('relative');

// two weeks ago, a year ago, five months ago
export const ago = rule({
  name: 'ago',
  need: AGO,
  re: new RegExp(`${L}(?:(?:about|nearly|almost|more than|less than|just|only|some|roughly|over|at least|exactly)${S})?(?<n>${AMOUNT})[ \\t\\u00a0-]+${UNIT_RE}(?:${S}or${S}so)?${S}ago${R}`, 'gi'),
  build: (g) => {
    const n = amountValue(g.n!);
    const unit = unitOf(g.unit!);
    if (n === null) return { k: 'ref', value: 'PAST_REF' };
    if (unit === 'year' && n === 1) return { k: 'yearAgo', anaphoric: false };
    return { k: 'rel', unit, n: -n };
  },
});

// last week, this year, next month, earlier this year, the past year, the current fiscal year
export const relativeUnit = rule({
  name: 'relative-unit',
  need: UNIT,
  re: new RegExp(
    `${L}(?:${MOD})?(?:(?<rel>last|this|next|this past|this coming|the past|the last|the coming|the current|the previous|the present|the latest|the following)${S}(?:(?:fiscal|calendar)${S})?(?<unit>week|weekend|month|year|decade|century)|(?<rel2>the)${S}(?:full|fiscal|calendar)${S}(?<unit2>year)|(?:the${S})?(?<ye>year[- ]end|year's end))${R}`,
    'gi',
  ),
  build: (g, match, sentence, index) => {
    // "the percentage change since year-end": the last one that has passed.
    if (g.ye !== undefined) return { k: 'rel', unit: 'year', n: /\bsince[ \t\u00a0]+$/i.test(sentence.slice(Math.max(0, index - 8), index)) ? -1 : 0 };
    // "This Week", "Next Year" with the unit capitalised is a title (a TV show, a report).
    if (/^[A-Z]/.test(g.unit ?? g.unit2!)) return null;
    const unit = unitOf(g.unit ?? g.unit2!);
    const rel = (g.rel ?? g.rel2!).toLowerCase();
    // "the fiscal year ended June 30" names a span by its end: a duration in TimeML.
    if (rel === 'the' && /^[ \t\u00a0]+(?:ended|ending|that ended|which ended)\b/i.test(sentence.slice(index + match.length))) return { k: 'duration', value: 'P1Y' };
    if (/^the following/.test(rel)) return { k: 'ana', unit, n: 1 };
    let n = shiftOf(rel) ?? 0;
    if (rel === 'the' || rel === 'the current' || rel === 'the present') n = 0;
    if (rel === 'the latest') n = unit === 'year' ? -1 : 0;
    return { k: 'rel', unit, n };
  },
});

// the weekend, over the weekend
export const theWeekend = rule({
  name: 'the-weekend',
  need: UNIT,
  re: new RegExp(`${L}the${S}weekend${R}`, 'gi'),
  build: (_g, _m, sentence, index) => {
    const future = /\b(?:will|this coming|next)\b/i.test(sentence.slice(Math.max(0, index - 40), index));
    return { k: 'rel', unit: 'weekend', n: future ? 0 : -1 };
  },
});
