/** Years: "1996", "fiscal 1990", "the year 2000", "nineteen ninety-six". */
import { L, LOCAL_ZONES, R, ruleOf, S, S0, UTC_ZONES, YEAR } from '../grammar.js';
import { YEAR_WORDS, yearWordsValue } from '../lexicon.js';
import { YEAR4, YEARWORD } from '../triggers.js';

const rule = ruleOf('years');

/** Words after four digits that make them a clock time ("1600 GMT", "2300 hours"), never a year. */
const CLOCK_WORDS = `${[...UTC_ZONES, ...LOCAL_ZONES].join('|')}|hours|hrs`;

/** Words after a number that make it an amount, not a year. */
const AMOUNT_AFTER = /^[ \t\u00a0]*(?:%|percent|per\b|(?:million|billion|feet|foot|meters|metres|miles|kilometers|km|pounds|tons|tonnes|dollars|yen|marks|francs|people|men|women|points|shares|troops|soldiers|acres|degrees|votes|kilograms|barrels|units|cars|jobs)\b)/i;
/** A street after a number: "1999 Main Street", "2010 W. Lake Ave." (a street number, not a year). */
const STREET_AFTER = /^[ \t\u00a0]+(?:[NSEW]\.?[ \t\u00a0]+)?(?:[A-Z][A-Za-z'-]*\.?[ \t\u00a0]+){1,3}(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Way|Place|Pl|Court|Ct|Terrace|Highway|Hwy|Parkway|Pkwy|Square|Sq)\b/;

/** Words before a number that make it a code, an amount or a place in a list, not a year. */
const CODE_BEFORE = /(?:\$|No\.|number|#|page|route|flight|room|code|model)\s*$/i;

/**
 * The end of a year range ("1957-58", "2009-2010", "1939–45"): the full year, with the century
 * taken from the start; null unless it lies after the start and within a century of it (so
 * "1999-01" is no range, nor a phone number or a score).
 */
function rangeEnd(start: string, end: string): number | null {
  const s = Number(start);
  const e = end.length === 2 ? Math.floor(s / 100) * 100 + Number(end) : Number(end);
  return e > s && e - s <= 100 && (end.length === 2 || end.length === 4) ? e : null;
}

// Years: 1996, fiscal 1990, the year 2000, nineteen ninety-six
export const year = rule({
  name: 'year',
  need: YEAR4 | YEARWORD,
  re: new RegExp(
    `${L}(?:(?:the${S}year|(?:fiscal|calendar|FY)(?:${S}year)?|mid|early|late)[ \\t\\u00a0-]*)?(?:${YEAR('y')}|(?<yw>${YEAR_WORDS})(?![ -](?:percent|people|dollars|hundred|thousand|million)))(?!${S0}(?:%|percent|per\\b|-\\d|[ap]\\.?m\\b|(?:million|billion|feet|foot|meters|metres|miles|kilometers|km|pounds|tons|tonnes|dollars|yen|marks|francs|people|men|women|points|shares|troops|soldiers|acres|degrees|votes|kilograms|barrels|units|cars|jobs|${CLOCK_WORDS})\\b))`,
    'gi',
  ),
  build: (g, match, sentence, index) => {
    const y = g.y !== undefined ? Number(g.y) : g.yw !== undefined ? yearWordsValue(g.yw) : null;
    if (y === null) return null;
    const before = sentence.slice(Math.max(0, index - 12), index);
    if (CODE_BEFORE.test(before)) return null;
    if (STREET_AFTER.test(sentence.slice(index + match.length)) && !/\b(?:in|since|by|of|during|until|till|from|before|after)\s+$/i.test(before)) return null;
    // "2000 to 3000 troops" is a range of amounts; "from 1991 to 1997" one of years.
    const to = /^[ \t\u00a0]*to[ \t\u00a0]+(\d+)/.exec(sentence.slice(index + match.length));
    if (to !== null && !(/^(?:1[0-9]|20)\d\d$/.test(to[1]!) && /\b(?:from|between|in|since)\s+$/i.test(before))) return null;
    if (g.yw !== undefined && !/^(?:the|fiscal|calendar|in|since)/i.test(match) && !/\b(?:in|since|of|by|until|from|year)\s+$/i.test(before)) {
      if (/^two thousand/i.test(g.yw)) return null;
    }
    if (y < 1500 && !/\b(?:in|since|year|of|by|until|from|before|after|around|about|circa|c\.)\s+$/i.test(before) && !/^the year/i.test(match)) return null;
    return { k: 'date', y };
  },
});

/**
 * A year range as two dates, start and end ("1957-58" is 1957 and 1958; "2009-2010" is 2009 and
 * 2010): each year is a date mention of its own, so the tables and events see both ends. This rule
 * takes the start, `yearRangeEnd` the end.
 */
export const yearRangeStart = rule({
  name: 'year-range-start',
  need: YEAR4,
  re: new RegExp(`${L}(?<y>(?:1[5-9]|20)\\d\\d)(?=[-\u2013](?<e>\\d{4}|\\d\\d)${R})`, 'g'),
  build: (g, _match, sentence, index) => {
    if (rangeEnd(g.y!, g.e!) === null || CODE_BEFORE.test(sentence.slice(Math.max(0, index - 12), index))) return null;
    if (AMOUNT_AFTER.test(sentence.slice(index + g.y!.length + 1 + g.e!.length))) return null;
    return { k: 'date', y: Number(g.y) };
  },
});

export const yearRangeEnd = rule({
  name: 'year-range-end',
  need: YEAR4,
  re: new RegExp(`(?<=${L}(?<s>(?:1[5-9]|20)\\d\\d)[-\u2013])(?<e>\\d{4}|\\d\\d)${R}`, 'g'),
  build: (g, match, sentence, index) => {
    const e = rangeEnd(g.s!, g.e!);
    if (e === null || CODE_BEFORE.test(sentence.slice(Math.max(0, index - 17), index - 5))) return null;
    if (AMOUNT_AFTER.test(sentence.slice(index + match.length))) return null;
    return { k: 'date', y: e };
  },
});
