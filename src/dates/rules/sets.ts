/** Repeated times (TIMEX3 SET): "each Thursday", "every July", "twice a week", "daily". */
import { L, MONTH_NAME, monthNum, R, ruleOf, S, TOD_WORD } from '../grammar.js';
import { NUMBER_WORD, partOfDay, weekdayIndex } from '../lexicon.js';
import { MONTH, SETW, WEEKDAY } from '../triggers.js';

const rule = ruleOf('sets');

// Weekdays in the plural or with a quantifier: on Sundays, Tuesday nights, each Thursday,
// every Friday morning. ("Monday and Tuesday nights": see the weekday rule.)
export const weekdaySet = rule({
  name: 'weekday-set',
  need: WEEKDAY,
  re: new RegExp(
    `${L}(?:(?<q>every|each)${S}(?<wd1>(?:mon|tues|wednes|thurs|fri|satur|sun)day)(?:${S}${TOD_WORD})?|(?<wd>(?:mon|tues|wednes|thurs|fri|satur|sun)day)(?:s|${S}(?<tods>mornings|afternoons|evenings|nights)))${R}`,
    'gi',
  ),
  build: (g) => {
    const wd = weekdayIndex[(g.wd ?? g.wd1)!.toLowerCase()]!;
    const tod = g.tods ?? g.tod;
    const part = tod === undefined ? '' : `T${partOfDay[tod.toLowerCase().replace(/s$/, '')] ?? 'NI'}`;
    return { k: 'set', value: `XXXX-WXX-${wd}${part}` };
  },
});

// each July, every January
export const monthSet = rule({
  name: 'month-set',
  need: MONTH | SETW,
  re: new RegExp(`${L}(?:every|each)${S}${MONTH_NAME('mon')}`, 'g'),
  build: (g) => ({ k: 'set', value: `XXXX-${String(monthNum(g.mon!)).padStart(2, '0')}` }),
});

// Sets: every week, each year, daily, twice a week
export const setPhrase = rule({
  name: 'set-phrase',
  need: SETW,
  re: new RegExp(
    `${L}(?:(?:every|each)${S}(?:other${S})?(?<u>day|night|week|weekend|month|year|quarter|morning|evening|summer|winter|spring|fall|autumn|hour|minute)|(?<adv>daily|nightly|weekly|monthly|yearly|annually|quarterly|hourly)|(?:once|twice|(?:${NUMBER_WORD}|\\d+)${S}times)${S}(?:a|an|per|every|each)${S}(?<u2>day|week|month|year|quarter|hour|decade))${R}`,
    'gi',
  ),
  build: (g) => {
    const u = (g.u ?? g.u2 ?? '').toLowerCase();
    const adv = g.adv?.toLowerCase();
    const code: Record<string, string> = {
      day: 'P1D', night: 'P1D', morning: 'TMO', evening: 'TEV', week: 'P1W', weekend: 'P1WE', month: 'P1M',
      year: 'P1Y', quarter: 'P3M', hour: 'PT1H', minute: 'PT1M', decade: 'P1DE',
      summer: 'XXXX-SU', winter: 'XXXX-WI', spring: 'XXXX-SP', fall: 'XXXX-FA', autumn: 'XXXX-FA',
      daily: 'P1D', nightly: 'P1D', weekly: 'P1W', monthly: 'P1M', yearly: 'P1Y', annually: 'P1Y',
      quarterly: 'P3M', hourly: 'PT1H',
    };
    return { k: 'set', value: code[adv ?? u] ?? 'P1D' };
  },
});
