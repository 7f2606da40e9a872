import { findDates, recognizeSentences } from '../dates/find-dates.js';
import { inferPublishedFromText } from '../dates/infer-published.js';
import type { DateMention, Doc, DocStage } from '../types.js';

export interface DateDocumentOptions {
  /** Published date for documents with none in metadata, file name or text. @default null */
  defaultPublished: string | null;
  /** As the date resolver's option of the same name. @default true */
  preferPast: boolean;
}

/** Days after the text's latest dated evidence within which the article is taken to be written. */
const WINDOW_DAYS = 6;
/** The same after the last day of a month written with its year, when no day was. */
const MONTH_WINDOW_DAYS = 92;

/**
 * Fills in the document's own date when its metadata and file name gave none: from the text,
 * else from the configuration. With none of them it stays null and relative dates are left
 * unresolved, never guessed.
 *
 * From the text: the evidence (a dated embed or dateline, a stamp line, a weekday named with a
 * month-day that pins the year, or the latest full date written with its year) only bounds the
 * date from below: an article is written on or after the latest day it reports. So the text's
 * dates are first resolved as if the article were written up to a week after that bound; the
 * published date is then the latest day the text reports as done (not planned) in that window.
 * "Tuesday (January 16) ... struck back on Thursday ... spoke on Friday" is dated to the Friday.
 * With no day written with its year, a reported month written with its year ("in December 2023")
 * bounds the date from below and month-days without a year ("on January 19") within a quarter
 * after it tell the date; a month alone never gives one.
 */
export function dateDocument(options: DateDocumentOptions): DocStage {
  const fallback = options.defaultPublished;
  const rules = { preferPast: options.preferPast };
  return (doc) => {
    if (doc.published !== null) return doc;
    // Recognized once, resolved twice (without a date, then against the provisional horizon).
    const recognized = recognizeSentences(doc);
    const explicit = findDates(doc, rules, recognized);
    let bound = latestDay(explicit.filter((d) => d.anchor === 'absolute'));
    const inferred = inferPublishedFromText(doc.text);
    if (inferred !== null && (bound === null || inferred.date > bound)) bound = inferred.date;
    // With no day written with its year, a month written with its year that the text reports
    // ("an assault in December 2023") still bounds the date from below, though more loosely:
    // the month-days it names without a year ("on January 16") are then read as the first ones
    // after that month, and only they can tell the date; a weekday could be any week.
    let monthBound = false;
    if (bound === null) {
      const month = latestMonth(explicit.filter((d) => d.anchor === 'absolute'));
      if (month !== null) {
        bound = lastDayOfMonth(month);
        monthBound = true;
      }
    }
    const noDate = (): Doc => (fallback === null ? doc : { ...doc, published: fallback, publishedSource: 'config' });
    if (bound === null) return noDate();
    const horizon = addDays(bound, monthBound ? MONTH_WINDOW_DAYS : WINDOW_DAYS);
    const provisional = findDates({ ...doc, published: horizon }, rules, recognized);
    // Deictic words ("today", "yesterday", "two days ago") count from the publication date
    // itself, so they cannot tell it; named days and dates can.
    const reported = latestDay(
      provisional.filter((d) => {
        if (d.anchor === 'none' || d.value === null || d.value >= horizon) return false;
        const words = doc.text.slice(d.start, d.end);
        return !deictic.test(words) && (!monthBound || monthDay.test(words));
      }),
    );
    if (reported !== null && reported > bound) return { ...doc, published: reported, publishedSource: 'text' };
    // A month alone never gives a day.
    return monthBound ? noDate() : { ...doc, published: bound, publishedSource: 'text' };
  };
}

/** A month name with a day number: "January 16", "16 Jan.", "Jan. 16th". */
const monthDay = /\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}\b|\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)/;

const deictic = /\b(?:today|tonight|yesterday|tomorrow|now|ago|last\s+night|this\s+(?:morning|afternoon|evening))\b/i;

/** The latest day-precision value of mentions that report the past (not planned). */
function latestDay(dates: readonly DateMention[]): string | null {
  let best: string | null = null;
  for (const d of dates) {
    if (d.planned || d.precision !== 'day' || d.value === null || !/^\d{4}-\d{2}-\d{2}/.test(d.value)) continue;
    const day = d.value.slice(0, 10);
    if (best === null || day > best) best = day;
  }
  return best;
}

/** The latest month-precision value (`YYYY-MM`) of mentions that report the past (not planned). */
function latestMonth(dates: readonly DateMention[]): string | null {
  let best: string | null = null;
  for (const d of dates) {
    if (d.planned || d.precision !== 'month' || d.value === null || !/^\d{4}-\d{2}$/.test(d.value)) continue;
    if (best === null || d.value > best) best = d.value;
  }
  return best;
}

function lastDayOfMonth(month: string): string {
  const t = Date.UTC(+month.slice(0, 4), +month.slice(5, 7), 1) - 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

function addDays(day: string, n: number): string {
  const t = Date.UTC(+day.slice(0, 4), +day.slice(5, 7) - 1, +day.slice(8, 10)) + n * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}
