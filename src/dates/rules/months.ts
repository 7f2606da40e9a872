/** A month without a day: "January 2024", "March last year", "in May". */
import { L, MOD, MONTH_NAME, monthNum, monthOk, R, ruleOf, S, shiftOf, YEAR } from '../grammar.js';
import { YEAR_WORDS, yearWordsValue } from '../lexicon.js';
import type { Spec } from '../spec.js';
import { MONTH } from '../triggers.js';

const rule = ruleOf('months');

// January 2024 | January of 2024 | January '98 | January nineteen ninety-seven | March last year
export const monthYear = rule({
  name: 'month-year',
  need: MONTH,
  re: new RegExp(
    `${L}(?:${MOD})?${MONTH_NAME('mon')}(?:,?${S}(?:of${S})?(?:${YEAR('y')}|'(?<yy>\\d\\d)${R}|(?<yw>${YEAR_WORDS}))|${S}(?<rel>last|this|next)${S}year${R})`,
    'gi',
  ),
  build: (g) => {
    if (!monthOk(g.mon)) return null;
    const spec: Spec = { k: 'date', m: monthNum(g.mon!) };
    if (g.y !== undefined) spec.y = Number(g.y);
    else if (g.yy !== undefined) spec.y = 1900 + Number(g.yy);
    else if (g.yw !== undefined) {
      const y = yearWordsValue(g.yw);
      if (y === null) return null;
      spec.y = y;
    } else spec.yearRel = shiftOf(g.rel)!;
    return spec;
  },
});

// (last|this|next|early|late) January; bare "May"/"March" only after a cue
export const month = rule({
  name: 'month',
  need: MONTH,
  re: new RegExp(`${L}(?:(?<rel>last|this|next|this past|this coming)${S}|${MOD})?${MONTH_NAME('mon')}`, 'gi'),
  build: (g, match, sentence, index) => {
    if (!monthOk(g.mon)) return null;
    const m = monthNum(g.mon!);
    const word = g.mon!.toLowerCase().replace('.', '');
    const cued = match.length > g.mon!.length + 1;
    // A bare abbreviation with no period and no day is a name or a word ("Jan Kavan").
    if (!cued && !g.mon!.endsWith('.') && !/^(?:may|june|july)$/.test(word) && word.length <= 4) return null;
    const before = sentence.slice(Math.max(0, index - 12), index);
    const prep = /\b(?:in|since|until|till|through|by|from|of|before|after|during|to|and|or|between|last|next|this|early|late|mid|since)\s+$/i.test(before);
    if (!cued && !prep) {
      if (word === 'may' || word === 'march' || word.length <= 3) return null;
      // A capitalised month at the start of a sentence is as likely a name ("June Carter").
      if (/^\s*$/.test(before) && /^(june|april|august)$/.test(word)) return null;
    }
    if (g.rel !== undefined) return { k: 'date', m, yearRel: /past|last/i.test(g.rel) ? -2 : /next|coming/i.test(g.rel) ? 2 : 0 };
    return { k: 'date', m };
  },
});
