import type { DateMention, Doc } from '../types.js';
import { parseIsoDay } from './calendar.js';
import { type Cal, resolveSpec } from './resolve.js';
import { recognize } from './rules.js';
import { clausePointsForward } from './tense.js';

/** Settings of the date resolver, checked once by `resolveDates`. */
export interface DateRules {
  preferPast: boolean;
}

/**
 * Finds and resolves every temporal expression of a document, sentence by sentence, in text
 * order: each resolved calendar date becomes the reference for the anaphora after it.
 */
export function findDates(doc: Pick<Doc, 'text' | 'sentences' | 'published'>, rules: DateRules): DateMention[] {
  const published = doc.published === null ? null : parseIsoDay(doc.published);
  const out: DateMention[] = [];
  let last: Cal | null = null;
  let focus: Cal | null = null;
  const history: Cal[] = [];
  for (let i = 0; i < doc.sentences.length; i++) {
    const s = doc.sentences[i]!;
    const cands = recognize(doc.text, s.start, s.end);
    if (cands.length === 0) continue;
    const sentence = doc.text.slice(s.start, s.end);
    for (const c of cands) {
      const forward = clausePointsForward(sentence, c.start - s.start, c.end - s.start);
      const r = resolveSpec(c, { published, last, history, focus, forward, preferPast: rules.preferPast });
      let planned = forward;
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
        if (r.anchor !== 'previous-date') focus = r.cal;
      }
    }
  }
  return out;
}

/** Whether a calendar value lies wholly after the published day (compared on its own precision). */
function afterPublished(value: string, published: string): boolean {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(value);
  if (!m) return false;
  const key = value.slice(0, m[0].length);
  return key > published.slice(0, key.length);
}
