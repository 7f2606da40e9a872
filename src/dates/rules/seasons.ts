/** Seasons: "last fall", "this summer", "the winter of 1994". */
import { L, R, ruleOf, S, shiftOf, YEAR } from '../grammar.js';
import { seasonCode, YEAR_WORDS, yearWordsValue } from '../lexicon.js';
import type { Spec } from '../spec.js';
import { SEASON } from '../triggers.js';

const rule = ruleOf('seasons');

// Seasons: last fall, this summer, the winter of 1994, summer
export const season = rule({
  name: 'season',
  need: SEASON,
  re: new RegExp(
    `${L}(?:(?<rel>last|this|next|this past|this coming|early|late|the early|the late|the)${S})?(?<s>spring|summer|fall|autumn|winter)(?:${S}of${S}(?:${YEAR('y')}|(?<yw>${YEAR_WORDS}))|${S}${YEAR('y2')})?${R}`,
    'gi',
  ),
  build: (g, match, sentence, index) => {
    const s = seasonCode[g.s!.toLowerCase()]!;
    const y = g.y ?? g.y2;
    const spec: Spec = { k: 'season', s };
    if (y !== undefined) spec.y = Number(y);
    else if (g.yw !== undefined) {
      const yy = yearWordsValue(g.yw);
      if (yy === null) return null;
      spec.y = yy;
    }
    const rel = g.rel?.toLowerCase();
    if (rel !== undefined && /last|this|next|past|coming/.test(rel)) spec.shift = shiftOf(rel)!;
    if (g.s!.toLowerCase() === 'fall' && rel === undefined && y === undefined) return null;
    if (rel === 'the' && y === undefined) {
      // "the spring" needs "in/during/by/over/this" before it to be a time.
      if (!/\b(?:in|into|during|by|over|until|through|since|before|after)\s+$/i.test(sentence.slice(Math.max(0, index - 8), index))) return null;
    }
    void match;
    return spec;
  },
});
