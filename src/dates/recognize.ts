/**
 * The recognizer: the rules of `rules/` over one sentence at a time, each producing a `Spec`, then
 * two joins of neighbouring candidates (a day with the words counted from it, a clock time with its
 * day).
 */
import type { DateRuleDef, Groups } from './grammar.js';
import { dateRules } from './rules/index.js';
import type { Candidate, Spec } from './spec.js';
import { triggersOf } from './triggers.js';

/**
 * Finds temporal expressions in `text.slice(start, end)` and returns them as non-overlapping
 * candidates (longest first, then rule order). `rules` is `dateRules` or, for an ablation, that
 * list less some of its rules (order kept).
 */
export function recognize(text: string, start: number, end: number, rules: readonly DateRuleDef[] = dateRules): Candidate[] {
  const bits = triggersOf(text, start, end);
  if (bits === 0) return [];
  const sentence = text.slice(start, end);
  const found: Candidate[] = [];
  for (let prio = 0; prio < rules.length; prio++) {
    const rule = rules[prio]!;
    if ((rule.need & bits) === 0) continue;
    rule.re.lastIndex = 0;
    for (let m = rule.re.exec(sentence); m !== null; m = rule.re.exec(sentence)) {
      if (m[0].length === 0) {
        rule.re.lastIndex++;
        continue;
      }
      const built = rule.build((m.groups ?? {}) as Groups, m[0], sentence, m.index);
      if (built === null) continue;
      const { spec, tod } = 'k' in built ? { spec: built, tod: undefined } : built;
      const cand: Candidate = { start: start + m.index, end: start + m.index + m[0].length, spec, prio };
      if (tod !== undefined) cand.tod = tod;
      found.push(cand);
    }
  }
  found.sort((a, b) => b.end - b.start - (a.end - a.start) || a.prio - b.prio || a.start - b.start);
  const kept: Candidate[] = [];
  for (const c of found) {
    if (kept.every((k) => c.end <= k.start || c.start >= k.end)) kept.push(c);
  }
  kept.sort((a, b) => a.start - b.start);
  return mergeTimes(text, joinAnchored(text, start, shareYear(kept)));
}

const WEEK_OF = /\bthe[ \t\u00a0]+week[ \t\u00a0]+of[ \t\u00a0]+$/i;
const DAY_BEFORE = /\bthe[ \t\u00a0]+day[ \t\u00a0]+(before|after)[ \t\u00a0]+$/i;

/**
 * Joins a day with the words before it that count from it: "the week of March 6" is that
 * week; "the day before last Tuesday" the Monday. (TimeML takes each as one expression.)
 */
function joinAnchored(text: string, sentenceStart: number, cands: Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  for (const c of cands) {
    const before = text.slice(Math.max(sentenceStart, c.start - 20), c.start);
    const week = c.spec.k === 'date' && c.spec.d !== undefined && c.tod === undefined ? WEEK_OF.exec(before) : null;
    const day = c.spec.k === 'weekday' || c.spec.k === 'holiday' || (c.spec.k === 'date' && c.spec.d !== undefined) ? DAY_BEFORE.exec(before) : null;
    const hit = week ?? day;
    if (hit === null) {
      out.push(c);
      continue;
    }
    const from = c.start - hit[0].length;
    while (out.length > 0 && out[out.length - 1]!.end > from) out.pop();
    const spec: Spec = week !== null && c.spec.k === 'date' ? { ...c.spec, weekOf: true } : { k: 'shifted', base: c.spec, days: /before/i.test(hit[1]!) ? -1 : 1 };
    out.push({ ...c, start: from, spec });
  }
  return out;
}

/**
 * Joins a clock time or part of day with the date written next to it: "10 p.m. Wednesday",
 * "Wednesday at 10 p.m.", "5 p.m. EST, Nov. 6". The result keeps the date's spec.
 */
function mergeTimes(text: string, cands: Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  const dayLike = (c: Candidate): boolean =>
    (c.spec.k === 'weekday' || (c.spec.k === 'date' && c.spec.d !== undefined) || (c.spec.k === 'rel' && c.spec.unit === 'day') || c.spec.k === 'holiday') &&
    c.tod === undefined;
  for (const c of cands) {
    const prev = out[out.length - 1];
    if (prev !== undefined) {
      const gap = text.slice(prev.end, c.start);
      if (/^(?:,?[ \t]+(?:on|at|of)?[ \t]*|,[ \t]*)$/.test(gap) || /^[ \t]+(?:on|at)[ \t]+$/.test(gap)) {
        if (prev.spec.k === 'clock' && dayLike(c)) {
          out[out.length - 1] = { ...c, start: prev.start, tod: prev.tod! };
          continue;
        }
        if (c.spec.k === 'clock' && dayLike(prev) && !/,/.test(gap)) {
          out[out.length - 1] = { ...prev, end: c.end, tod: c.tod! };
          continue;
        }
      }
    }
    out.push(c);
  }
  return out;
}

/**
 * "Oct. 12-14, 2022", "April 24 and 25, 1998": the year written after the second day of a pair is
 * the first day's year too (the first day is then as absolute as the second).
 */
function shareYear(cands: Candidate[]): Candidate[] {
  for (let i = 1; i < cands.length; i++) {
    const c = cands[i]!;
    const prev = cands[i - 1]!;
    if (c.spec.k !== 'date' || c.spec.joined !== true || c.spec.y === undefined) continue;
    if (prev.spec.k !== 'date' || prev.spec.y !== undefined || prev.spec.yearRel !== undefined || prev.spec.m !== c.spec.m || c.start - prev.end > 6) continue;
    cands[i - 1] = { ...prev, spec: { ...prev.spec, y: c.spec.y } };
  }
  return cands;
}
