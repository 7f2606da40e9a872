/** Named holidays: "Christmas", "Thanksgiving Day", "Easter Monday 2019". */
import { L, R, ruleOf, S, YEAR } from '../grammar.js';
import type { Spec } from '../spec.js';
import { HOLIDAY } from '../triggers.js';

const rule = ruleOf('holidays');

// Holidays
export const holiday = rule({
  name: 'holiday',
  need: HOLIDAY,
  re: new RegExp(
    `${L}(?:(?<rel>last|this|next|this past)${S})?(?<name>Christmas(?:${S}(?:Day|Eve))?|New${S}Year's(?:${S}(?:Day|Eve))?|Thanksgiving(?:${S}Day)?|Easter(?:${S}(?:Sunday|Monday|week))?|Good${S}Friday|Halloween|Valentine's${S}Day|Election${S}Day|Memorial${S}Day|Labor${S}Day|Independence${S}Day|Veterans${S}Day|Boxing${S}Day)(?:,?${S}${YEAR('y')})?${R}`,
    'g',
  ),
  build: (g) => {
    const spec: Spec = { k: 'holiday', name: g.name!.toLowerCase().replace(/\s+/g, ' ') };
    if (g.y !== undefined) spec.y = Number(g.y);
    return spec;
  },
});
