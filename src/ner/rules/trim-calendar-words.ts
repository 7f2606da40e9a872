import type { Doc } from '../../types.js';
import { calendarWords } from '../cues.js';
import { type Draft } from './draft.js';
import { defineRule } from './rule.js';
import { joinerSet } from './words.js';
import { tokText, isCapitalized } from './tokens.js';

const weekdays = new Set(calendarWords.filter((w) => w.endsWith('day')));
/** Month abbreviations that are no given name or word of their own ("Feb", not "May", "Mar"). */
const monthAbbrevs = new Set(['jan', 'feb', 'apr', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec']);
const calendarSet = new Set(calendarWords);

/**
 * Weekday and month names glued to a name by the tagger ("Jane Roe Saturday", "Roe Feb. 3",
 * "Ruritania Friday") are cut off: a weekday at either end; at the end, a month abbreviation
 * written with its dot ("Feb.") or any month name before a number ("May", "June" are also
 * names, and "Jan" a given name, so neither goes otherwise). A weekday
 * alone, or a month alone written as a date ("Feb. 1", "June 3"), is no name.
 */
export function trimCalendarWords(doc: Doc, drafts: Draft[], sentOf: Int32Array): Draft[] {
  const n = doc.tokens.length;
  const low = (i: number): string => tokText(doc, i).toLowerCase().replace(/\.$/, '');
  const numberAfter = (i: number): boolean => i + 1 < n && sentOf[i + 1] === sentOf[i] && /^\d/.test(tokText(doc, i + 1));
  const trailing = (i: number): boolean => {
    const w = low(i);
    if (!isCapitalized(doc, i) || !calendarSet.has(w)) return false;
    return weekdays.has(w) || (monthAbbrevs.has(w) && tokText(doc, i).endsWith('.')) || numberAfter(i);
  };
  const out: Draft[] = [];
  for (const d0 of drafts) {
    const d = { ...d0 };
    if (d.b === d.a + 1 && isCapitalized(doc, d.a) && (weekdays.has(low(d.a)) || (calendarSet.has(low(d.a)) && (tokText(doc, d.a).endsWith('.') || numberAfter(d.a))))) continue;
    let cut = false;
    while (d.b - d.a >= 2 && trailing(d.b - 1)) {
      d.b--;
      cut = true;
      // "DC on March": the joiner before the month goes too.
      while (d.b - d.a >= 2 && !isCapitalized(doc, d.b - 1) && (joinerSet.has(tokText(doc, d.b - 1)) || /^[\p{P}]+$/u.test(tokText(doc, d.b - 1)))) d.b--;
    }
    while (d.b - d.a >= 2 && isCapitalized(doc, d.a) && weekdays.has(low(d.a))) {
      d.a++;
      cut = true;
    }
    out.push(cut ? { ...d, longForm: undefined } : d);
  }
  return out;
}

export const trimCalendarWordsRule = defineRule('trim-calendar-words', (s, { doc, sentOf }) => {
  s.drafts = trimCalendarWords(doc, s.drafts, sentOf);
});
