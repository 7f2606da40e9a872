/** Decades and centuries: "the 1990s", "the late '70s", "the 20th century". */
import { L, R, ruleOf, S } from '../grammar.js';
import { ordinalIndex } from '../lexicon.js';
import { DECADE, NUM, UNIT, YEAR4 } from '../triggers.js';

const rule = ruleOf('eras');

// Decades: the 1990s, the late '70s, the nineties
export const decade = rule({
  name: 'decade',
  need: YEAR4 | DECADE | NUM,
  re: new RegExp(
    `${L}(?:the${S})?(?:(?:early|late|mid)[- ]?)?(?:(?<c>1\\d|20)(?<d>\\d)0'?s|'(?<d2>\\d)0s|(?<w>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))${R}`,
    'gi',
  ),
  build: (g, match) => {
    if (g.w !== undefined) {
      if (!/^the|early|late|mid/i.test(match)) return null;
      const i = ['twenties', 'thirties', 'forties', 'fifties', 'sixties', 'seventies', 'eighties', 'nineties'].indexOf(g.w.toLowerCase());
      return { k: 'decade', dec: 192 + i };
    }
    if (g.d2 !== undefined) return { k: 'decade', dec: 190 + Number(g.d2) };
    return { k: 'decade', dec: Number(g.c) * 10 + Number(g.d) };
  },
});

// Centuries: the 20th century, the eleventh century
export const century = rule({
  name: 'century',
  need: UNIT,
  re: new RegExp(`${L}(?:the${S})?(?:(?:early|late|mid)[- ]?)?(?:(?<n>\\d{1,2})(?:st|nd|rd|th)|(?<w>${Object.keys(ordinalIndex).join('|')}))[- ]century${R}`, 'gi'),
  build: (g) => {
    const n = g.n !== undefined ? Number(g.n) : ordinalIndex[g.w!.toLowerCase()]!;
    return n >= 1 && n <= 30 ? { k: 'century', c: n - 1 } : null;
  },
});
