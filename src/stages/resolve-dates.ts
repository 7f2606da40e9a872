import { DatelineError, describe } from '../errors.js';
import { findDates } from '../dates/find-dates.js';
import type { Doc, DocStage } from '../types.js';

/** Options of the date recognizer and resolver. */
export interface DateOptions {
  /**
   * Read underspecified dates (a bare weekday, a month-day without a year, "December") as the
   * most recent past one, as news reports the past, unless the clause points forward. When
   * false, the nearest one either way is taken.
   * @default true
   */
  preferPast?: boolean;
}

const KEYS = ['preferPast'];

/**
 * Finds temporal expressions in each sentence and resolves them to TIMEX3 values against the
 * document's published date (deictic: "yesterday", "last week", "Tuesday") or the date the text
 * last mentioned (anaphoric: "the same day", "a year earlier"). Without a published date,
 * explicit dates still resolve and relative ones get `value: null`, `anchor: 'none'`.
 */
export function resolveDates(options: DateOptions = {}): DocStage {
  for (const key of Object.keys(options)) {
    if (!KEYS.includes(key)) {
      throw new DatelineError('CONFIG_INVALID', `dates: unknown option \`${key}\`; valid options are ${KEYS.map((k) => `\`${k}\``).join(', ')}`);
    }
  }
  const preferPast = options.preferPast ?? true;
  if (typeof preferPast !== 'boolean') {
    throw new DatelineError('CONFIG_INVALID', `dates: \`preferPast\` must be a boolean, got ${describe(preferPast)}`);
  }
  const rules = { preferPast };
  return (doc: Doc): Doc => ({ ...doc, dates: findDates(doc, rules) });
}
