import { findDates } from '../dates/find-dates.js';
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
 */
export function dateDocument(options: DateDocumentOptions): DocStage {
  const fallback = options.defaultPublished;
  const rules = { preferPast: options.preferPast };
  return (doc) => {
    if (doc.published !== null) return doc;
    const explicit = findDates(doc, rules);
    let bound = latestDay(explicit.filter((d) => d.anchor === 'absolute'));
    const inferred = inferPublishedFromText(doc.text);
    if (inferred !== null && (bound === null || inferred.date > bound)) bound = inferred.date;
    if (bound === null) {
      return fallback === null ? doc : { ...doc, published: fallback, publishedSource: 'config' };
    }
    const horizon = addDays(bound, WINDOW_DAYS);
    const provisional = findDates({ ...doc, published: horizon }, rules);
    // Deictic words ("today", "yesterday", "two days ago") count from the publication date
    // itself, so they cannot tell it; named days and dates can.
    const reported = latestDay(
      provisional.filter((d) => d.anchor !== 'none' && d.value !== null && d.value < horizon && !deictic.test(doc.text.slice(d.start, d.end))),
    );
    const published = reported !== null && reported > bound ? reported : bound;
    return { ...doc, published, publishedSource: 'text' };
  };
}

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

function addDays(day: string, n: number): string {
  const t = Date.UTC(+day.slice(0, 4), +day.slice(5, 7) - 1, +day.slice(8, 10)) + n * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}
