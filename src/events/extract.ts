/**
 * Event reports in one document: a sentence with a resolved calendar date and a trigger word.
 *
 * For each sentence:
 * 1. The usable dates: DATE or TIME mentions with a value and a calendar precision (day to
 *    year). A relative date inside a quotation ("today", "this morning", "Sunday") is dropped: it
 *    counts from when the words were spoken, not from the article's date. So is a relational
 *    phrase ("a week after ..."): it dates the clause after it relative to another event.
 * 2. Each date is given to the trigger that governs it: the nearest one by token distance, where
 *    every comma between them costs 4 tokens, a dash, colon or semicolon 8 and a subordinating
 *    word ("after", "when", "which") 6; a date and a trigger in different quotations never pair.
 *    Reporting verbs (weak triggers) are only used when no other trigger is present, and never
 *    take a date that follows them across another verb (the date of the clause they report).
 *    The pairings are then refined by the ordered rules of src/events/pairing-rules.ts: a date
 *    beside a reporting verb dates the report, not a second event; the verb names the event, not
 *    its object noun; a killing takes the type of its cause.
 * 3. Per merge family, a date is dropped when a better-ranked date within three days of it
 *    governs another trigger of the sentence (rank: precision, then a date written with a month
 *    or digits over a weekday or "ten days ago"); other dates each give a report ("on 3 May and
 *    4 May"; "struck on 12 May, citing an ambush in March 2030").
 * 4. Roles (src/events/roles.ts, with actor1 and actor2), places, other entities, the number of
 *    dead, and the ranked places and dateline that say where it happened (src/events/location.ts)
 *    are attached.
 *    When a sentence reports several events, each entity goes to the nearest trigger.
 *
 * Paragraphs that look like captions, embedded posts or credit lines give no reports.
 */
import type { DateMention, Doc, EventCandidate, EventType, Precision } from '../types.js';
import { calendarValue, compatibleDates } from './dates.js';
import { captionParagraphs, tokenContext, tokenDistance, verbBetween, type TokenContext } from './context.js';
import { findFatalities } from './fatalities.js';
import { datelinePlaces, sentencePlaces } from './location.js';
import { pairingRules, reportingDate, type Pairing } from './pairing-rules.js';
import { findRoles } from './roles.js';
import { family, findTriggers, type TriggerHit } from './taxonomy.js';

/** Options of event extraction. */
export interface ExtractOptions {
  /**
   * Skip paragraphs that look like photo captions, embedded posts or credit lines.
   * @default true
   */
  skipCaptions: boolean;
}

const calendarPrecisions: ReadonlySet<Precision> = new Set(['day', 'week', 'month', 'quarter', 'year']);
/** Days two dates of one sentence may differ by and still be one date ("ten days ago" vs "2 May"). */
const sameSentenceSlack = 3;
const precisionRank: Record<Precision, number> = { day: 6, week: 5, month: 4, quarter: 3, year: 2, decade: 1, century: 0, ref: -1 };
const relational = /\b(after|before)\s*$/i;
const monthOrDigit = /\d|\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?(\s|$)/i;

/** Finds the event reports of one document. */
export function extractFromDoc(doc: Doc, options: ExtractOptions): EventCandidate[] {
  if (doc.dates.length === 0 || doc.sentences.length === 0) return [];
  const ctx = tokenContext(doc);
  const captions = options.skipCaptions ? captionParagraphs(doc) : new Set<number>();
  const datesBySentence = new Map<number, number[]>();
  doc.dates.forEach((d, i) => {
    if (!usable(d, doc.text)) return;
    const list = datesBySentence.get(d.sentence) ?? [];
    list.push(i);
    datesBySentence.set(d.sentence, list);
  });
  const entitiesBySentence = new Map<number, number[]>();
  doc.entities.forEach((m, i) => entitiesBySentence.set(m.sentence, [...(entitiesBySentence.get(m.sentence) ?? []), i]));
  const dateline = datelinePlaces(doc);
  const out: EventCandidate[] = [];
  for (const [si, dateIndices] of [...datesBySentence].sort((a, b) => a[0] - b[0])) {
    const s = doc.sentences[si];
    if (s === undefined || captions.has(s.paragraph)) continue;
    out.push(...sentenceEvents(ctx, si, dateIndices, entitiesBySentence.get(si) ?? [], dateline));
  }
  return out;
}

/** A date that can date an event: a calendar value of a DATE or TIME expression. */
function usable(d: DateMention, text: string): boolean {
  if (d.timexType !== 'DATE' && d.timexType !== 'TIME') return false;
  if (d.value === null || d.precision === null || !calendarPrecisions.has(d.precision) || d.value.includes('REF')) return false;
  // "a week after", "three days before": the clause that follows is the event, dated relative to
  // another one; the phrase's own value does not date it.
  return !relational.test(text.slice(d.start, d.end));
}

function sentenceEvents(ctx: TokenContext, si: number, dateIndices: number[], entityIndices: number[], dateline: number[]): EventCandidate[] {
  const { doc } = ctx;
  const s = doc.sentences[si]!;
  const sentenceText = doc.text.slice(s.start, s.end);
  const triggers = findTriggers(ctx.lower, ctx.pos, s.tokenStart, s.tokenEnd, sentenceText.toLowerCase()).filter((h) => ctx.date[h.token] === -1 && ctx.entity[h.token] === -1);
  if (triggers.length === 0) return [];

  let pairings: Pairing[] = [];
  for (const di of dateIndices) {
    const d = doc.dates[di]!;
    const [a, b] = ctx.dateTokens[di]!;
    if (b <= a) continue;
    const q = ctx.quote[a]!;
    if (q !== 0 && !monthOrDigit.test(doc.text.slice(d.start, d.end))) continue;
    // A reporting verb is dated by what stands beside it ("said on Monday"), not by a date inside
    // the clause it reports ("said he was there in 1990"): a verb between them ends its reach.
    const admissible = triggers.filter((h) => ctx.quote[h.token] === q && !(h.weak && h.token < a && verbBetween(ctx, h.token + 1, a)));
    const strong = admissible.filter((h) => !h.weak);
    const pool = strong.length > 0 ? strong : admissible;
    let best: Pairing | undefined;
    for (const h of pool) {
      const distance = tokenDistance(ctx, a, b, h.token);
      if (best === undefined || distance < best.distance) best = { date: di, trigger: h, distance };
    }
    if (best) pairings.push({ ...best, reporting: reportingDate(ctx, a, b, admissible) });
  }
  for (const rule of pairingRules) pairings = rule.apply(ctx, pairings, triggers);

  // Per family: a date is dropped when a better-ranked one of the same family is compatible with
  // it ("ten days ago ... on 2 May"); distinct values of the same rank each give a report
  // ("on 3 May and 4 May"), and so do incompatible ones ("on May 2, after an attack in 2019").
  const byFamily = new Map<string, Pairing[]>();
  for (const p of pairings) {
    const key = family(p.trigger.type);
    byFamily.set(key, [...(byFamily.get(key) ?? []), p]);
  }
  const kept: Pairing[] = [];
  for (const group of byFamily.values()) {
    const ranked = group.map((p) => ({ p, rank: dateRank(ctx, p.date), value: calendarValue(doc.dates[p.date]!.value!) }));
    const byValue = new Map<string, Pairing>();
    for (const { p, rank, value } of ranked) {
      if (ranked.some((r) => r.rank > rank && compatibleDates(r.value, value, sameSentenceSlack))) continue;
      const seen = byValue.get(value);
      if (seen === undefined || p.distance < seen.distance) byValue.set(value, p);
    }
    kept.push(...byValue.values());
  }
  kept.sort((x, y) => x.trigger.token - y.trigger.token || x.date - y.date);

  // A number that is part of a date ("on March 3 as the crowd ...") is not a count of dead.
  const fatalities = findFatalities(sentenceText).filter((f) => ctx.date[tokenAt(ctx, s.start + f.numberStart)] === -1);
  const triggerTokens = kept.map((p) => p.trigger.token);
  const roles = kept.map((p) => {
    const own = findRoles(ctx, p.trigger.token, p.trigger.type, s.tokenStart, s.tokenEnd);
    if (p.effect === undefined) return own;
    const effect = findRoles(ctx, p.effect, 'violence_against_civilians', s.tokenStart, s.tokenEnd);
    const actors = [...new Set([...own.actors, ...effect.actors])].sort((a, b) => a - b);
    const targets = [...new Set([...own.targets, ...effect.targets])].filter((e) => !actors.includes(e)).sort((a, b) => a - b);
    return { actors, targets, actor1: own.actor1 ?? effect.actor1, actor2: own.actor2 ?? effect.actor2 };
  });
  return kept.map((p, k) => {
    const taken = new Set([...roles[k]!.actors, ...roles[k]!.targets]);
    const places: number[] = [];
    const others: number[] = [];
    for (const ei of entityIndices) {
      if (taken.has(ei)) continue;
      if (nearestTrigger(triggerTokens, ctx.entityTokens[ei]![0]) !== p.trigger.token) continue;
      if (kept.some((_, j) => j !== k && (roles[j]!.actors.includes(ei) || roles[j]!.targets.includes(ei)))) continue;
      (doc.entities[ei]!.type === 'PLACE' ? places : others).push(ei);
    }
    return {
      sentence: si,
      sentenceText,
      sentenceStart: s.start,
      date: p.date,
      type: p.trigger.type,
      trigger: doc.text.slice(doc.tokens[p.trigger.token]!.start, doc.tokens[p.trigger.token]!.end),
      actors: roles[k]!.actors,
      targets: roles[k]!.targets,
      places,
      others,
      fatalities: violent(p.trigger.type) ? fatalityFor(ctx, fatalities, s.start, p.trigger.token, kept) : null,
      actor1: roles[k]!.actor1,
      actor2: roles[k]!.actor2,
      locations: sentencePlaces(ctx, p.trigger, entityIndices, roles[k]!),
      dateline,
    };
  });
}

/** Index of the token containing offset `at` (or the next token). */
function tokenAt(ctx: TokenContext, at: number): number {
  const tokens = ctx.doc.tokens;
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.end <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function violent(type: EventType): boolean {
  return family(type) === 'violence';
}

/** Precision first, then a date written with a month or digits over a weekday or relative phrase. */
function dateRank(ctx: TokenContext, di: number): number {
  const d = ctx.doc.dates[di]!;
  const explicit = monthOrDigit.test(ctx.doc.text.slice(d.start, d.end)) ? 1 : 0;
  return precisionRank[d.precision!] * 2 + explicit;
}

function nearestTrigger(triggers: number[], token: number): number {
  let best = triggers[0]!;
  for (const t of triggers) if (Math.abs(t - token) < Math.abs(best - token)) best = t;
  return best;
}

/**
 * The number of dead for the violent report at trigger `t`: the stated count nearest the trigger,
 * when no other violent report of the sentence is nearer to it.
 */
function fatalityFor(ctx: TokenContext, phrases: ReturnType<typeof findFatalities>, sentenceStart: number, t: number, kept: Pairing[]): number | null {
  const at = ctx.doc.tokens[t]!.start - sentenceStart;
  const others = kept.filter((p) => violent(p.trigger.type) && p.trigger.token !== t).map((p) => ctx.doc.tokens[p.trigger.token]!.start - sentenceStart);
  let best: { count: number; distance: number } | null = null;
  for (const f of phrases) {
    const distance = charDistance(f.start, f.end, at);
    if (others.some((o) => charDistance(f.start, f.end, o) < distance)) continue;
    if (best === null || distance < best.distance) best = { count: f.count, distance };
  }
  return best?.count ?? null;
}

function charDistance(start: number, end: number, at: number): number {
  return at < start ? start - at : at >= end ? at - end : 0;
}
