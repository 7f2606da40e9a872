/** Weekdays: "Friday", "last Tuesday", "Monday night", "the previous Friday". */
import { L, R, ruleOf, S, shiftOf, TOD_WORD, todOf, WEEKDAY_NAME } from '../grammar.js';
import { weekdayIndex } from '../lexicon.js';
import type { Spec } from '../spec.js';
import { WEEKDAY } from '../triggers.js';

const rule = ruleOf('weekdays');

const COORDINATED_PLURAL = new RegExp(`^${S}(?:and|or)${S}(?:mon|tues|wednes|thurs|fri|satur|sun)day(?:s|${S}(?:mornings|afternoons|evenings|nights))${R}`, 'i');

// Weekdays: (last|next|this|early|late) Friday (morning|night)
export const weekday = rule({
  name: 'weekday',
  need: WEEKDAY,
  re: new RegExp(
    `${L}(?:(?<rel>last|next|this|this past|this coming|the previous|the following|the next)${S}|(?:early|late|earlier|later)${S})?${WEEKDAY_NAME('wd')}(?:${S}${TOD_WORD}${R})?`,
    'gi',
  ),
  build: (g, match, sentence, index) => {
    // "on Monday and Tuesday nights": the plural after the conjunction covers both days.
    if (g.rel === undefined && g.tod === undefined && COORDINATED_PLURAL.test(sentence.slice(index + match.length))) {
      return { k: 'set', value: `XXXX-WXX-${weekdayIndex[g.wd!.toLowerCase()]!}` };
    }
    const spec: Spec = { k: 'weekday', wd: weekdayIndex[g.wd!.toLowerCase()]! };
    const shift = shiftOf(g.rel);
    if (shift !== undefined) spec.shift = shift;
    if (g.rel !== undefined && /^the /i.test(g.rel)) spec.anaphoric = true;
    const tod = todOf(g);
    return tod === undefined ? spec : { spec, tod };
  },
});
