/** Years: "1996", "fiscal 1990", "the year 2000", "nineteen ninety-six". */
import { L, ruleOf, S, S0, YEAR } from '../grammar.js';
import { YEAR_WORDS, yearWordsValue } from '../lexicon.js';
import { YEAR4, YEARWORD } from '../triggers.js';

const rule = ruleOf('years');

// Years: 1996, fiscal 1990, the year 2000, nineteen ninety-six
export const year = rule({
  name: 'year',
  need: YEAR4 | YEARWORD,
  re: new RegExp(
    `${L}(?:(?:the${S}year|(?:fiscal|calendar|FY)(?:${S}year)?|mid|early|late)[ \\t\\u00a0-]*)?(?:${YEAR('y')}|(?<yw>${YEAR_WORDS})(?![ -](?:percent|people|dollars|hundred|thousand|million)))(?!${S0}(?:%|percent|per\\b|-\\d|[ap]\\.?m\\b|(?:million|billion|feet|foot|meters|metres|miles|kilometers|km|pounds|tons|tonnes|dollars|yen|marks|francs|people|men|women|points|shares|troops|soldiers|acres|degrees|votes|kilograms|barrels|units|cars|jobs)\\b))`,
    'gi',
  ),
  build: (g, match, sentence, index) => {
    const y = g.y !== undefined ? Number(g.y) : g.yw !== undefined ? yearWordsValue(g.yw) : null;
    if (y === null) return null;
    const before = sentence.slice(Math.max(0, index - 12), index);
    if (/(?:\$|No\.|number|#|page|route|flight|room|code|model)\s*$/i.test(before)) return null;
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
