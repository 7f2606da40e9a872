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
 * 3. Per merge family, a date is dropped when a better-ranked date within three days of it
 *    governs another trigger of the sentence (rank: precision, then a date written with a month
 *    or digits over a weekday or "ten days ago"); other dates each give a report ("on 3 May and
 *    4 May"; "struck on 12 May, citing an ambush in March 2030").
 * 4. Roles (src/events/roles.ts), places, other entities and the number of dead are attached.
 *    When a sentence reports several events, each entity goes to the nearest trigger.
 *
 * Paragraphs that look like captions, embedded posts or credit lines give no reports.
 */
import type { DateMention, Doc, EventCandidate, EventType, Precision } from '../types.js';
import { calendarValue, compatibleDates } from './dates.js';
import { captionParagraphs, tokenContext, type TokenContext } from './context.js';
import { findFatalities } from './fatalities.js';
import { findRoles, type Roles } from './roles.js';
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
const breakWords = new Set(['after', 'before', 'when', 'while', 'which', 'who', 'since', 'because', 'although', 'whereas', 'but']);
const relational = /\b(after|before)\s*$/i;
const monthOrDigit = /\d|\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?(\s|$)/i;

/** A date paired with the trigger that governs it. */
interface Pairing {
  date: number;
  trigger: TriggerHit;
  distance: number;
  /** The date stands beside a reporting verb: it dates what was said, not what happened. */
  reporting?: boolean;
  /** The killing or death whose cause became the trigger: its roles count too ("X was killed by a drone strike"). */
  effect?: number;
}

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

  const pairings: Pairing[] = [];
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
  // A date beside a reporting verb ("killed 51 people on Tuesday, officials said on Wednesday")
  // dates the report, not a second event: it is dropped when another date of the sentence dates
  // the event. Alone, it is all the sentence says of when ("police arrested him, officials said
  // on Monday") and stays.
  // The report date does go to the sentence's first strong trigger that no other date governs,
  // the main clause the reporting verb reports ("Tanzania expelled six men, a newspaper reported
  // Friday"): the report is the only date the sentence gives it.
  if (pairings.some((p) => !p.reporting && !p.trigger.weak)) {
    const governed = new Set(pairings.filter((p) => !p.reporting).map((p) => p.trigger.token));
    const main = triggers.find((h) => !h.weak && !governed.has(h.token) && h.token < ctx.dateTokens[pairings.find((p) => p.reporting)?.date ?? 0]![0]);
    let given = false;
    for (let i = pairings.length - 1; i >= 0; i--) {
      const p = pairings[i]!;
      if (!p.reporting || p.trigger.weak) continue;
      if (main !== undefined && !given && ctx.quote[main.token] === ctx.quote[ctx.dateTokens[p.date]![0]]) {
        pairings[i] = { ...p, trigger: main, distance: tokenDistance(ctx, ctx.dateTokens[p.date]![0], ctx.dateTokens[p.date]![1], main.token) };
        given = true;
      } else pairings.splice(i, 1);
    }
  }
  // The verb names the event, not its object or subject noun: "ratified the treaty" is a vote,
  // "condemned the bombing" a statement; but "an earthquake struck the coast" is the earthquake.
  for (let i = 0; i < pairings.length; i++) {
    const p = pairings[i]!;
    const better = headTrigger(ctx, p.trigger, triggers);
    if (better !== p.trigger && !pairings.some((q) => q !== p && q.trigger.token === better.token && q.date !== p.date)) pairings[i] = { ...p, trigger: better };
  }
  // In the violence family the cause names the event: "bombings ... killed 258 people" is an
  // explosion, "died in clashes" an attack. A killing or a death takes the type and trigger of
  // the nearest explosion or attack of its sentence that no other date governs.
  for (let i = 0; i < pairings.length; i++) {
    const p = pairings[i]!;
    if (p.trigger.type !== 'violence_against_civilians' && p.trigger.type !== 'death') continue;
    const governed = new Set(pairings.filter((q) => q !== p).map((q) => q.trigger.token));
    let cause: TriggerHit | undefined;
    for (const h of triggers) {
      if ((h.type !== 'explosion' && h.type !== 'attack') || governed.has(h.token) || ctx.quote[h.token] !== ctx.quote[p.trigger.token]) continue;
      if (cause === undefined || Math.abs(h.token - p.trigger.token) < Math.abs(cause.token - p.trigger.token)) cause = h;
    }
    if (cause !== undefined) pairings[i] = { ...p, trigger: cause, effect: p.trigger.token };
  }

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

const npInner = new Set(['DET', 'ADJ', 'NUM', 'NOUN', 'PROPN', 'PART']);

/**
 * The trigger that names the event of `hit`: for a noun, a strong verb trigger that takes it as
 * its object within four tokens before it ("ratified the border treaty"); for an attack verb, a
 * disaster noun that is its subject ("an earthquake struck", "the storm hit").
 */
function headTrigger(ctx: TokenContext, hit: TriggerHit, triggers: readonly TriggerHit[]): TriggerHit {
  const t = hit.token;
  if (hit.weak) return hit;
  if (ctx.pos[t] === 'NOUN') {
    for (let j = t - 1; j >= Math.max(0, t - 4); j--) {
      const verb = triggers.find((h) => h.token === j && !h.weak && (ctx.pos[j] === 'VERB' || ctx.pos[j] === 'AUX'));
      if (verb !== undefined) return verb.type === hit.type ? hit : verb;
      if (!npInner.has(ctx.pos[j]!) || ctx.entity[j]! >= 0) break;
    }
  }
  if (hit.type === 'attack' && ctx.pos[t] === 'VERB') {
    for (let j = t - 1; j >= Math.max(0, t - 3); j--) {
      const noun = triggers.find((h) => h.token === j && h.type === 'disaster');
      if (noun !== undefined) return noun;
      if (!npInner.has(ctx.pos[j]!)) break;
    }
  }
  return hit;
}

/**
 * Whether the date `[a, b)` stands beside a reporting verb: the nearest trigger of the sentence,
 * weak ones included (a tie goes to the other trigger), is a reporting verb at most two tokens away ("said on Wednesday", "police
 * said today", "Wednesday, officials said").
 */
function reportingDate(ctx: TokenContext, a: number, b: number, triggers: readonly TriggerHit[]): boolean {
  let best: { hit: TriggerHit; distance: number } | undefined;
  for (const h of triggers) {
    const distance = tokenDistance(ctx, a, b, h.token);
    if (best === undefined || distance < best.distance || (distance === best.distance && !h.weak)) best = { hit: h, distance };
  }
  if (best === undefined || !best.hit.weak) return false;
  const gap = best.hit.token < a ? a - best.hit.token - 1 : best.hit.token - b;
  return gap <= 2;
}

const locativeWords = new Set(['in', 'at', 'near', 'outside', 'inside', 'across', 'throughout', 'around', 'off', 'within', 'over', 'into', 'along', 'on', 'to', 'toward', 'towards']);
/** Words allowed between a locative preposition and its place: "in downtown Istanbul", "in the southern city of X". */
const placeModifiers = new Set(['the', 'downtown', 'central', 'northern', 'southern', 'eastern', 'western', 'north', 'south', 'east', 'west', 'northeastern', 'northwestern', 'southeastern', 'southwestern', 'city', 'town', 'village', 'province', 'region', 'capital', 'of', 'nearby', 'suburban', 'rural', 'remote', 'border', 'district', 'state', 'county', 'port', 'area', 'neighbouring', 'neighboring', 'occupied', 'troubled', 'commercial', 'coastal']);
/** Types whose place is where the words were spoken, not what they are about. */
const speechTypes: ReadonlySet<EventType> = new Set(['statement']);

/**
 * The places of the sentence that can say where the event at `trigger` happened, best first.
 * Level 0: a place after a locative preposition ("in", "at", "near" ...) with no other verb
 * between it and the trigger, or in apposition to one ("in Dar es Salaam, Tanzania"); level 1: a
 * place that is the target ("struck Ruritania"); level 2: the other places (actors, modifiers
 * such as "U.S. objections"); each level nearest first. For a statement, only a place right after the trigger
 * is level 0 ("said in Geneva"); places after it are what was said, not where, and are dropped.
 */
function sentencePlaces(ctx: TokenContext, trigger: TriggerHit, entityIndices: readonly number[], roles: Roles): Array<{ mention: number; level: 0 | 1 | 2 }> {
  const { doc } = ctx;
  const t = trigger.token;
  const speech = speechTypes.has(trigger.type);
  const out: Array<{ mention: number; level: 0 | 1 | 2; order: number }> = [];
  let previous: { mention: number; level: 0 | 1 | 2; end: number } | null = null;
  for (const ei of entityIndices) {
    if (doc.entities[ei]!.type !== 'PLACE') continue;
    const [a, b] = ctx.entityTokens[ei]!;
    if (b <= a) continue;
    const distance = tokenDistance(ctx, a, b, t);
    // Walk back over modifiers, dates and possessives: "in downtown X", "at last year's X summit".
    let j = a - 1;
    while (j >= 0 && j > a - 8 && (placeModifiers.has(ctx.lower[j]!) || ctx.date[j]! >= 0 || ctx.lower[j] === "'s" || ctx.lower[j] === '’s')) j--;
    // A place right before a noun trigger names where it was: "the X summit", "the X bombings".
    const modifier = b === t && ctx.pos[t] === 'NOUN';
    const locative = modifier || (j >= 0 && locativeWords.has(ctx.lower[j]!));
    const apposed: boolean = previous !== null && previous.level === 0 && ctx.lower[a - 1] === ',' && previous.end === a - 1;
    const role = roles.targets.includes(ei) ? 0 : roles.actors.includes(ei) ? 2 : 1;
    // Another verb between them starts another clause: "shelled X on Monday, and troops clashed in Y".
    const sameClause = !(a > t ? verbBetween(ctx, t + 1, a) : verbBetween(ctx, b, t));
    let level: 0 | 1 | 2 = (locative && distance <= 24 && sameClause) || apposed ? 0 : role === 0 ? 1 : 2;
    if (speech && !(a > t && a - t <= 3 && locative)) {
      if (a > t) {
        previous = null;
        continue;
      }
      level = 2;
    }
    out.push({ mention: ei, level, order: level * 100_000 + distance * 4 + role });
    previous = { mention: ei, level, end: b };
  }
  return out.sort((x, y) => x.order - y.order || x.mention - y.mention).map(({ mention, level }) => ({ mention, level }));
}

/** Dateline punctuation after the place: "KABUL, Afghanistan (AP) -", "NAIROBI, Kenya (AP) _", "WASHINGTON, March 12 (Xinhua) --". */
const datelineEnd = /\((?:AP|Reuters|AFP|Xinhua|UPI|dpa|IANS|PTI|CNN|BBC)\b[^)]*\)|\s_(?:\s|$)|\s--|\s—|\s–\s/;

/**
 * Place mentions of the document's dateline: the opening words of the first line that has text,
 * written in capitals and ended by an agency tag or a dash ("NAIROBI, Kenya (AP) _").
 */
export function datelinePlaces(doc: Doc): number[] {
  const first = doc.sentences[0];
  if (first === undefined) return [];
  const lineEnd = doc.text.indexOf('\n', first.start);
  const line = doc.text.slice(first.start, lineEnd < 0 ? doc.text.length : lineEnd);
  if (!/^[A-Z][A-Z'.-]+(?:\s+[A-Z][A-Z'.-]+)*\b/.test(line)) return [];
  const m = datelineEnd.exec(line.slice(0, 120));
  const end = first.start + (m ? m.index : /^[A-Z .,'-]+$/.test(line.trim()) && line.length < 60 ? line.length : -first.start - 1);
  if (end < first.start) return [];
  const out: number[] = [];
  doc.entities.forEach((e, i) => {
    if (e.type === 'PLACE' && e.start >= first.start && e.end <= end) out.push(i);
  });
  return out;
}

/** A verb or auxiliary among tokens `[from, to)`: the start of another clause. */
function verbBetween(ctx: TokenContext, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (ctx.pos[i] === 'VERB' || ctx.pos[i] === 'AUX') return true;
  return false;
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

/** Tokens between a date `[a, b)` and trigger `t`, plus costs for clause breaks between them. */
function tokenDistance(ctx: TokenContext, a: number, b: number, t: number): number {
  const [lo, hi] = t < a ? [t + 1, a] : [b, t];
  let d = Math.max(0, hi - lo);
  for (let i = lo; i < hi; i++) {
    const w = ctx.lower[i]!;
    if (w === ',') d += 4;
    else if (w === ';' || w === ':' || w === '—' || w === '–') d += 8;
    else if (breakWords.has(w)) d += 6;
  }
  return d;
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
