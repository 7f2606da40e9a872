/** Periods counted from the date the text last mentioned or is about: "a year earlier", "the next day", "the year-ago quarter", "for the year". */
import { durationValue, L, MOD, R, ruleOf, S, UNIT_RE, unitOf } from '../grammar.js';
import { AMOUNT, amountValue, NUMBER_WORD, partOfDay } from '../lexicon.js';
import { DEICTIC, UNIT } from '../triggers.js';

const rule = ruleOf('anaphora');

/** Words after "the day before" that start its complement (an event), not a new phrase. */
const ANCHORED_TO_EVENT = /^[ \t\u00a0]+(?!(?:and|or|but|last|that|this|then|too|as|in|at|on|with|from|to|by|for)\b)[A-Za-z]/i;

// two days later, a year earlier, a week after (relative to the date last mentioned)
export const offsetFromLastDate = rule({
  name: 'offset-from-last-date',
  need: UNIT,
  re: new RegExp(`${L}(?:(?:about|nearly|almost|just|only|some|roughly)${S})?(?<n>${AMOUNT})[ \\t\\u00a0-]+${UNIT_RE}${S}(?<dir>later|earlier|before|after|afterward|afterwards|previously)${R}`, 'gi'),
  build: (g, match, sentence, index) => {
    const n = amountValue(g.n!);
    if (n === null) return null;
    // "a month after Qantas suspended ...", "ten days before the shooting": "after"/"before"
    // with a complement counts from that event, not from the last date, so only the amount is
    // a temporal expression (a DURATION, the TimeML reading; the durations rule takes it).
    if (/^(?:after|before)$/i.test(g.dir!) && /^[ \t\u00a0]+[A-Za-z0-9$"'`]/.test(sentence.slice(index + match.length))) return null;
    // "three days later than planned", "a week earlier than expected": counted from a date the
    // text does not give (the plan), not from the last date, so again only the amount is
    // temporal (the delay, a DURATION).
    if (/^[ \t\u00a0]+than\b/i.test(sentence.slice(index + match.length))) return null;
    const unit = unitOf(g.unit!);
    const sign = /^(?:later|after)/i.test(g.dir!) ? 1 : -1;
    if (unit === 'year' && n === 1 && sign < 0) return { k: 'yearAgo', anaphoric: true };
    return { k: 'ana', unit, n: sign * n };
  },
});

// year-ago, year-earlier (adjectives): the same period a year back; "the same period of the
// previous year" and "the same quarter the last year" as one expression, not a period and a year
export const yearAgo = rule({
  name: 'year-ago',
  need: UNIT,
  re: new RegExp(`${L}(?:(?:the${S}(?:comparable${S}|same${S}|corresponding${S})?)?year[- ](?:ago|earlier)(?:${S}(?:(?:first|second|third|fourth|fiscal)[- ])?(?:quarter|period|level))?|the${S}(?:(?:comparable|same|corresponding|year-ago)${S})?(?:period|quarter)${S}(?:(?:of${S}(?:the${S})?|the${S})?(?:last|previous|prior|preceding)${S}year|a${S}year${S}(?:ago|earlier))|last${S}year's${S}(?:(?:comparable|same|corresponding)${S})?(?:period|quarter))${R}`, 'gi'),
  // A quarter or period names a quarter, wherever it stands ("the year-ago quarter", "the same
  // period last year").
  build: (_g, match) => (/(?:quarter|period)$|^the\s+(?:\S+\s+)?(?:quarter|period)\b/i.test(match) ? { k: 'yearAgo', anaphoric: true, quarter: true } : { k: 'yearAgo', anaphoric: true }),
});

// "the year-earlier nine months", "the year-ago six months": the head is a span of months, so
// the phrase is a duration (TimeML), not the year-ago period.
export const yearAgoSpan = rule({
  name: 'year-ago-span',
  need: UNIT,
  re: new RegExp(`${L}(?:the${S})?year[- ](?:ago|earlier)${S}(?:first${S})?(?<n>${NUMBER_WORD}|\\d+)${S}(?<unit>months|weeks)${R}`, 'gi'),
  build: (g) => {
    const n = amountValue(g.n!);
    return n === null ? null : { k: 'duration', value: durationValue(n, g.unit!) };
  },
});

// the same day, the next day, that week, the following year, the day before, the next morning
export const sameUnit = rule({
  name: 'same-unit',
  need: UNIT | DEICTIC,
  re: new RegExp(
    `${L}(?:(?:earlier|later|early|late)${S})?(?:(?<dir>the same|that same|that|the next|the following|the previous|the preceding|the prior|the day before|the day after)${S}(?:(?<unit>day|week|weekend|month|year|quarter)|(?<part>morning|afternoon|evening|night))|the (?<unit2>day|week|month|year) (?<dir2>before|after))${R}(?!${S}(?:or so|and a half))`,
    'gi',
  ),
  build: (g, match, sentence, index) => {
    const dir = (g.dir ?? g.dir2 ?? '').toLowerCase();
    const unit = unitOf(g.unit ?? g.unit2 ?? 'day');
    if (/^the day (?:before|after)$/.test(dir)) return null;
    // "the day before authorities issued a warrant", "the day before returning home": the day
    // is counted from the event that follows, not from the last date.
    if (g.dir2 !== undefined && ANCHORED_TO_EVENT.test(sentence.slice(index + match.length))) return null;
    let n = 0;
    if (/next|following|after/.test(dir)) n = 1;
    if (/previous|preceding|prior|before/.test(dir)) n = -1;
    // "the next morning", "that night": a part of the day counted from the last day mentioned.
    if (g.part !== undefined) {
      if (/^the day /.test(dir)) return null;
      return { spec: { k: 'ana', unit: 'day', n }, tod: { part: partOfDay[g.part.toLowerCase()]! } };
    }
    // "the next year" from the document date reads as next year only with a future cue; keep anaphora.
    return { k: 'ana', unit, n };
  },
});

// for the year, the first nine months of the year, by the end of the year: the year of the
// period the text is about ("the year ended June 30" is a fiscal year, a duration in TimeML)
export const theYear = rule({
  name: 'the-year',
  need: UNIT,
  re: new RegExp(`${L}(?:${MOD})?the${S}year${R}(?![- ](?:ago|earlier|before|after|ended|ending|to${S}date|two|nineteen|\\d)|'s|${S}(?:ended|ending|before|after|earlier|ago|\\d))`, 'gi'),
  build: (_g, match, sentence, index) => {
    if (!/^the\s+year/i.test(match)) return { k: 'ana', unit: 'year', n: 0, focus: true };
    if (!/\b(?:for|of|in|during|through|throughout|into|this|that)\s+$/i.test(sentence.slice(Math.max(0, index - 12), index))) return null;
    return { k: 'ana', unit: 'year', n: 0, focus: true };
  },
});

// the end of the month, the middle of the week: the month or week of the period talked about
export const endOfUnit = rule({
  name: 'end-of-unit',
  need: UNIT,
  re: new RegExp(`${L}(?:the${S})?(?:end|beginning|start|middle|close)${S}of${S}the${S}(?<unit>week|month)${R}(?!'s)`, 'gi'),
  build: (g) => ({ k: 'ana', unit: unitOf(g.unit!), n: 0, focus: true }),
});

/**
 * "the same month a year ago", "the same month last year", "the same week a year later": the
 * month (week) talked about, a year apart, as one expression (the words carry on past "the same
 * month"). A quarter or period a year back is `yearAgo`'s.
 */
export const sameUnitYearApart = rule({
  name: 'same-unit-year-apart',
  need: UNIT,
  re: new RegExp(`${L}(?:the|that)${S}same${S}(?<unit>month|week)${S}(?:(?:a|one)${S}year${S}(?<dir>ago|earlier|before|later|after)|(?<rel>last|next|the${S}previous|the${S}following)${S}year)${R}`, 'gi'),
  build: (g) => {
    const back = /ago|earlier|before|last|previous/i.test(g.dir ?? g.rel!);
    const n = g.unit!.toLowerCase() === 'month' ? 12 : 52;
    return { k: 'ana', unit: unitOf(g.unit!), n: back ? -n : n };
  },
});
