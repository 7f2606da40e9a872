import type { DateMention, Doc } from '../types.js';
import { parseIsoDay } from './calendar.js';
import { type Cal, resolveSpec } from './resolve.js';
import type { Candidate } from './spec.js';
import type { DateRuleDef } from './grammar.js';
import { recognize } from './recognize.js';
import { dateRules } from './rules/index.js';
import { clausePointsForward, clauseTellsPast } from './tense.js';

/** Settings of the date resolver, checked once by `resolveDates`. */
export interface DateRules {
  preferPast: boolean;
  /** The recognition rules, in order. @default dateRules (an ablation passes a shorter list) */
  rules?: readonly DateRuleDef[];
}

/**
 * The candidates of each sentence, in sentence order. Recognition reads the text only, never the
 * published date, so a caller that resolves the same text against several dates (the
 * date-document stage) recognizes it once and passes the result to `findDates`.
 */
export function recognizeSentences(doc: Pick<Doc, 'text' | 'sentences'>, rules: readonly DateRuleDef[] = dateRules): Candidate[][] {
  return doc.sentences.map((s) => recognize(doc.text, s.start, s.end, rules));
}

/**
 * Finds and resolves every temporal expression of a document, sentence by sentence, in text
 * order: each resolved calendar date becomes the reference for the anaphora after it.
 * `recognized`: the document's `recognizeSentences`, when the caller already has it.
 */
export function findDates(
  doc: Pick<Doc, 'text' | 'sentences' | 'published'>,
  rules: DateRules,
  recognized: readonly Candidate[][] = recognizeSentences(doc, rules.rules),
): DateMention[] {
  const published = doc.published === null ? null : parseIsoDay(doc.published);
  const out: DateMention[] = [];
  let last: Cal | null = null;
  let focus: Cal | null = null;
  const history: Cal[] = [];
  let prevEnd = -1;
  let prevWasPeriod = false;
  let focusFromPublished = false;
  let monthsSpanSentence = -2;
  // The last day written with its year, in the current paragraph only: a background paragraph
  // about 2020 says nothing about the year of a bare "Jan. 19" in the next one.
  let lastExplicitDay: number | null = null;
  let explicitParagraph = -1;
  for (let i = 0; i < doc.sentences.length; i++) {
    const s = doc.sentences[i]!;
    const cands = recognized[i]!;
    if (cands.length === 0) continue;
    if (s.paragraph !== explicitParagraph) lastExplicitDay = null;
    const sentence = doc.text.slice(s.start, s.end);
    for (const c of cands) {
      const forward = clausePointsForward(sentence, c.start - s.start, c.end - s.start) || deadline(doc.text, c);
      const past = !forward && c.spec.k === 'date' && c.spec.d === undefined && clauseTellsPast(sentence, c.start - s.start, c.end - s.start);
      const monthsSpan = monthsSpanSentence >= i - 1;
      const r = resolveSpec(c, { published, last, history, focus, forward, preferPast: rules.preferPast, past, lastExplicitDay, monthsSpan });
      if (c.spec.k === 'duration' && MONTHS_SPAN.test(c.spec.value)) monthsSpanSentence = i;
      // A date the words themselves put in the past ("last week", "two days ago") or a reference
      // to the present or past is never a plan, whatever the clause says ("set to resume ties
      // after strikes last week").
      const pastByWords = (c.spec.k === 'rel' && c.spec.n < 0) || (c.spec.k === 'ref' && c.spec.value !== 'FUTURE_REF') || (c.spec.k === 'weekday' && c.spec.shift === -1) || c.spec.k === 'yearAgo';
      let planned = forward && !pastByWords;
      if (!planned && r.cal !== null && published !== null && r.timexType !== 'DURATION' && r.value !== null) {
        planned = afterPublished(r.value, doc.published!);
      }
      out.push({
        start: c.start,
        end: c.end,
        sentence: i,
        timexType: r.timexType,
        value: r.value,
        precision: r.precision,
        planned,
        anchor: r.anchor,
      });
      if (r.cal !== null && r.cal.p !== 'decade' && r.cal.p !== 'century') {
        last = r.cal;
        history.push(r.cal);
        // "the quarter ended Sept. 30": the closing day names the period; the period stays the
        // one the text is about.
        // A plan ("will take a fourth-quarter charge") is not what the text reports on, and in an
        // earnings report the first quarter counted from the document date stays the one the
        // comparisons ("a year ago", "the year-earlier period") are about; a side remark ("after
        // a flat second quarter") does not take its place.
        const keep =
          r.anchor === 'previous-date' ||
          (prevWasPeriod && closesPeriod(doc.text, prevEnd, c.start)) ||
          (planned && focus !== null) ||
          (focusFromPublished && focus !== null && focus.p === 'quarter' && r.cal.p === 'quarter');
        if (!keep) {
          focus = r.cal;
          focusFromPublished = r.anchor === 'published';
        }
      }
      prevEnd = c.end;
      // A closing day keeps the focus only when what it closes is a period ("the quarter ended
      // Sept. 30"); after a span ("the six months ended Aug. 12") the day is what comparisons
      // ("a year earlier") count from.
      prevWasPeriod = r.cal !== null;
      if (r.cal !== null && r.cal.p === 'day' && r.anchor === 'absolute') {
        lastExplicitDay = r.cal.days;
        explicitParagraph = s.paragraph;
      }
    }
  }
  return out;
}

/**
 * "by August", "until January": a month without a year set as a deadline lies ahead, and so does a
 * weekday after "until" inside a clause. ("by Wednesday" is left to the tense rules: "had filed
 * reports by Wednesday" is as common as "will decide by Wednesday".)
 */
function deadline(text: string, c: Candidate): boolean {
  const before = text.slice(Math.max(0, c.start - 24), c.start);
  const underspecified = c.spec.k === 'date' && c.spec.y === undefined && c.spec.yearRel === undefined && c.spec.d === undefined;
  if (underspecified) return /\b(?:by|until|till|no later than)[ \t\u00a0]+$/i.test(before);
  // "postponed until Tuesday", "gave them until 9 a.m. Tuesday": a bare weekday a deadline is set
  // to lies ahead. "Until Tuesday, they had ...", "not until Tuesday", "up until Tuesday" look back.
  if (c.spec.k === 'weekday' && c.spec.shift === undefined) {
    return /[a-z,][ \t\u00a0]+(?:until|till)[ \t\u00a0]+$/.test(before) && !/\b(?:not|up|only)[ \t\u00a0]+(?:until|till)[ \t\u00a0]+$/i.test(before);
  }
  return false;
}

/** Spans of several months that reports count results over (six, nine, eleven months...). */
const MONTHS_SPAN = /^P(?:[4-9]|1[01])M$/;

const PERIOD_ENDED = /^[ \t\u00a0]+(?:ended|ending|that ended|which ended|through)[ \t\u00a0]+$/i;

/**
 * Whether the date at `start` closes the period recognized just before it ("the quarter ended
 * Sept. 30"; `prevEnd` is where that mention ends).
 */
function closesPeriod(text: string, prevEnd: number, start: number): boolean {
  return prevEnd >= 0 && start - prevEnd < 24 && PERIOD_ENDED.test(text.slice(prevEnd, start));
}

/** Whether a calendar value lies wholly after the published day (compared on its own precision). */
function afterPublished(value: string, published: string): boolean {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(value);
  if (!m) return false;
  const key = value.slice(0, m[0].length);
  return key > published.slice(0, key.length);
}
