/**
 * Who did it and to whom: actor and target rules over wink POS tags.
 *
 * Actors are the entities (people, organizations, and countries or other places acting as
 * actors) that are the grammatical subject of the trigger:
 * - a verb trigger's subject: "X struck back", "X and Y agreed", "X, its foreign ministry, said";
 * - a gerund after a comma or "by" takes the main clause's subject: "X struck on Monday,
 *   targeting Y", "X responded by recalling its envoy";
 * - a noun trigger's possessor: "X's missile strikes"; "its strikes" refers to the clause subject;
 * - the subject of a light verb whose object is the noun trigger: "X launched attacks",
 *   "X carried out strikes", "X conducted raids";
 * - the agent after "by": "an attack by X", "was killed by X";
 * - for meetings, calls and agreements, the participants after "between" or "with".
 *
 * Targets are what the sentence says was hit: "strike on/against Y", "targeting Y", the object of
 * a transitive attack verb ("attacked Y"), or the subject of a passive one ("Y was killed").
 * A place after "in", "near" or "at" is a place, not a target.
 */
import type { EventType } from '../types.js';
import type { TokenContext } from './context.js';

/** Verbs whose object names the event they perform. */
const lightVerbs = new Set([
  'launch', 'launched', 'launches', 'launching', 'conduct', 'conducted', 'conducts', 'conducting', 'carry', 'carried',
  'carries', 'carrying', 'initiate', 'initiated', 'initiates', 'mount', 'mounted', 'mounts', 'stage', 'staged', 'stages',
  'claim', 'claimed', 'claims', 'execute', 'executed', 'perform', 'performed', 'order', 'ordered', 'began', 'begin',
  'begins', 'start', 'started', 'starts', 'hold', 'held', 'holds', 'holding', 'made', 'make', 'makes', 'issue',
  'issued', 'issues', 'sign', 'signed', 'reach', 'reached', 'reaches', 'conclude', 'concluded', 'called', 'call',
  'pay', 'paid', 'had', 'has', 'have', 'unleashed', 'unleash', 'announced', 'announce',
]);
const reportingVerbs = new Set(['said', 'says', 'told', 'stated', 'added', 'announced', 'declared', 'claimed', 'wrote']);
/** Prepositions that frame a statement noun: "said at a briefing", "said in a statement". */
const frameWords = new Set(['in', 'at', 'during', 'through', 'via']);
const possessivePronouns = new Set(['its', 'their', 'his', 'her', 'our']);
const clauseWords = new Set([
  'that', 'which', 'who', 'whom', 'whose', 'when', 'while', 'where', 'what', 'because', 'after', 'before', 'since',
  'if', 'though', 'although', 'whereas', 'unless', 'until', 'as',
]);
const beForms = new Set(['was', 'were', 'been', 'being', 'is', 'are', 'be', 'got', 'get']);
const locative = new Set(['in', 'near', 'at', 'inside', 'within', 'from', 'across', 'along', 'outside', 'during', 'over', 'into', 'to', 'around', 'off', 'under', 'through']);
const targetCues = new Set(['on', 'against', 'targeting', 'targeted', 'targetting', 'at', 'upon']);
const transitiveAttack = new Set([
  'attacked', 'attacking', 'attack', 'attacks', 'struck', 'strike', 'strikes', 'hit', 'hits', 'targeted', 'targeting',
  'bombed', 'raided', 'shelled', 'ambushed', 'invaded', 'killed', 'killing', 'kill', 'kills', 'assassinated',
  'recalled', 'recalling', 'expelled', 'expelling', 'summoned', 'summoning',
]);
/** Tokens that can be inside a noun phrase when walking from its head to its start. */
const npPos = new Set(['NOUN', 'PROPN', 'ADJ', 'NUM', 'DET', 'CCONJ']);
/** Tokens that can be inside a subject, walking left from its verb. */
const subjectPos = new Set(['NOUN', 'PROPN', 'ADJ', 'NUM', 'DET', 'CCONJ', 'ADV', 'AUX', 'PART']);
const innerPunct = new Set([',', '(', ')', '-', '–', "'", '’']);

/** The roles found for one trigger: entity indices into `doc.entities`. */
export interface Roles {
  actors: number[];
  targets: number[];
  /** The initiator: the subject-side actor nearest the trigger (or the agent of a passive). */
  actor1: number | null;
  /** The one acted on: the object-side target nearest the trigger; for meetings, agreements and diplomatic moves without one, the other party. */
  actor2: number | null;
}

/** Types whose parties act together: the second party named is the other side. */
const mutualTypes: ReadonlySet<EventType> = new Set(['meeting', 'agreement', 'diplomatic']);
/** Verbs whose object is what was said, not a party: "said the attack was ...". */
const contentVerbs = new Set(['said', 'says', 'say', 'told', 'tells', 'reported', 'claimed', 'stated', 'added', 'tweeted', 'wrote', 'confirmed', 'announced', 'announce', 'announces', 'declared', 'warned', 'insisted', 'stressed', 'promised', 'vowed', 'pledged']);

/** Actors and targets of the trigger at token `t` in the sentence `[from, to)`. */
export function findRoles(ctx: TokenContext, t: number, type: EventType, from: number, to: number): Roles {
  const actors = new Set<number>();
  const targets = new Set<number>();
  const isVerb = ctx.pos[t] === 'VERB' || ctx.pos[t] === 'AUX';
  if (isVerb) {
    if (isPassive(ctx, t, from)) {
      for (const e of agentAfter(ctx, t, to)) actors.add(e);
      for (const e of subject(ctx, firstAux(ctx, t, from), from)) targets.add(e);
    } else {
      for (const e of verbActors(ctx, t, from)) actors.add(e);
      // The object side: "attacked Y", "arrested Y", "condemned Y", "met Y".
      if (transitiveAttack.has(ctx.lower[t]!) || !contentVerbs.has(ctx.lower[t]!)) for (const e of phraseAfter(ctx, t + 1, to)) targets.add(e);
    }
  } else {
    for (const e of nounActors(ctx, t, from)) actors.add(e);
    if (ctx.lower[t + 1] === 'by') for (const e of phraseAfter(ctx, t + 2, to)) actors.add(e);
  }
  // "strike on Y", "attacks against Y", "strikes targeting Y" (also past a following "by X").
  for (let j = t + 1; j < Math.min(to, t + 3); j++) {
    if (targetCues.has(ctx.lower[j]!)) {
      for (const e of phraseAfter(ctx, j + 1, to)) targets.add(e);
      break;
    }
  }
  if (mutualTypes.has(type)) {
    for (let j = t + 1; j < Math.min(to, t + 4); j++) {
      if (ctx.lower[j] === 'between' || ctx.lower[j] === 'with') {
        for (const e of phraseAfter(ctx, j + 1, to, 16)) actors.add(e);
        break;
      }
    }
  }
  for (const e of actors) targets.delete(e);
  const near = (ids: Iterable<number>, side: 'before' | 'after' | 'any'): number[] =>
    [...ids].sort((a, b) => {
      const da = distanceTo(ctx, a, t, side);
      const db = distanceTo(ctx, b, t, side);
      return da - db || a - b;
    });
  const actorOrder = near(actors, 'before');
  const targetOrder = near(targets, 'after');
  const actor1 = actorOrder[0] ?? null;
  const actor2 = targetOrder[0] ?? (mutualTypes.has(type) ? actorOrder[1] ?? null : null);
  return { actors: [...actors].sort((a, b) => a - b), targets: [...targets].sort((a, b) => a - b), actor1, actor2 };
}

/**
 * Tokens between entity `e` and trigger `t`, preferring the expected side: a subject's first
 * conjunct ("X and Y agreed": X), an object's first ("struck X and Y": X).
 */
function distanceTo(ctx: TokenContext, e: number, t: number, side: 'before' | 'after' | 'any'): number {
  const [a, b] = ctx.entityTokens[e]!;
  const before = b <= t;
  const d = before ? t - b : a - t;
  if (side === 'before' && before) return a; // leftmost subject first
  if (side === 'after' && !before) return d;
  return 100_000 + d;
}

/** A verb preceded by a form of "be" (adverbs allowed between): "was killed", "were later hit". */
function isPassive(ctx: TokenContext, t: number, from: number): boolean {
  for (let j = t - 1; j >= from; j--) {
    if (beForms.has(ctx.lower[j]!)) return true;
    if (ctx.pos[j] !== 'ADV' && ctx.pos[j] !== 'AUX') return false;
  }
  return false;
}

function firstAux(ctx: TokenContext, t: number, from: number): number {
  let j = t;
  while (j - 1 >= from && (ctx.pos[j - 1] === 'AUX' || ctx.pos[j - 1] === 'ADV' || beForms.has(ctx.lower[j - 1]!))) j--;
  return j;
}

/** Entities after "by" following a passive verb: "was killed by X". */
function agentAfter(ctx: TokenContext, t: number, to: number): number[] {
  for (let j = t + 1; j < Math.min(to, t + 3); j++) if (ctx.lower[j] === 'by') return phraseAfter(ctx, j + 1, to);
  return [];
}

/**
 * Actors of a verb trigger: its subject; for a gerund after a comma, "by" or "to" (an infinitive),
 * the subject of the verb it hangs from.
 */
function verbActors(ctx: TokenContext, t: number, from: number): number[] {
  const own = subject(ctx, t, from);
  if (own.length > 0) return own;
  const before = ctx.lower[t - 1];
  if (t - 1 >= from && (before === ',' || before === 'by' || before === 'to' || ctx.pos[t - 1] === 'ADV')) {
    const head = previousVerb(ctx, t - 1, from);
    if (head >= 0) {
      const main = subject(ctx, head, from);
      if (main.length > 0) return main;
    }
  }
  return sentenceSubject(ctx, t, from);
}

/**
 * The subject of the sentence's first verb, for a later verb of the same clause chain: in
 * "X condemned the attack, considering it a violation, and responded by striking", X responded.
 * Not used across a subordinate or relative clause ("which", "after", "that") or a quotation.
 */
function sentenceSubject(ctx: TokenContext, t: number, from: number): number[] {
  let first = -1;
  for (let k = from; k < t; k++) {
    if (ctx.pos[k] === 'VERB') {
      first = k;
      break;
    }
  }
  if (first < 0) return [];
  for (let k = first; k <= t; k++) {
    if (ctx.quote[k] !== ctx.quote[t]) return [];
    if (clauseWords.has(ctx.lower[k]!) && ctx.pos[k] !== 'DET') return [];
  }
  return subject(ctx, first, from);
}

/** Actors of a noun trigger: possessor ("X's strikes"), or the subject of a light verb before it. */
function nounActors(ctx: TokenContext, t: number, from: number): number[] {
  let j = t - 1;
  let pronoun = false;
  while (j >= from) {
    const w = ctx.lower[j]!;
    if ((w === "'s" || w === '’s' || w === "'" || w === '’') && ctx.pos[j] === 'PART') {
      const owner = ctx.entity[j - 1] ?? -1;
      return owner >= 0 ? [owner] : [];
    }
    if (possessivePronouns.has(w) && ctx.pos[j] === 'PRON') {
      pronoun = true;
      j--;
      break;
    }
    if (ctx.date[j]! >= 0 || ctx.entity[j]! >= 0 || npPos.has(ctx.pos[j]!) || w === '(' || w === ')' || w === '-' || w === 'own') {
      j--;
      continue;
    }
    break;
  }
  // Skip particles between a phrasal light verb and its object ("carried out attacks").
  while (j >= from && (ctx.lower[j] === 'out' || ctx.lower[j] === 'up' || ctx.pos[j] === 'ADV')) j--;
  if (j < from) return [];
  if (pronoun) {
    const verb = ctx.pos[j] === 'VERB' || ctx.pos[j] === 'AUX' ? j : previousVerb(ctx, j, from);
    return verb >= 0 ? verbActors(ctx, verb, from) : [];
  }
  if (ctx.pos[j] === 'VERB' && lightVerbs.has(ctx.lower[j]!)) return verbActors(ctx, j, from);
  // "X said at a press briefing", "X said in a statement": the speaker made the statement.
  if (frameWords.has(ctx.lower[j]!)) {
    const verb = previousVerb(ctx, j, from);
    if (verb >= 0 && verb >= j - 3 && (lightVerbs.has(ctx.lower[verb]!) || reportingVerbs.has(ctx.lower[verb]!))) return verbActors(ctx, verb, from);
  }
  return [];
}

/** The nearest verb at or before token `j`, or -1. */
function previousVerb(ctx: TokenContext, j: number, from: number): number {
  for (let k = j; k >= from; k--) {
    if (ctx.pos[k] === 'VERB') return k;
    if (ctx.quote[k] !== ctx.quote[j]) return -1;
  }
  return -1;
}

/**
 * Entities in the subject of the verb at token `v`: walk left over what a subject may hold
 * (names, nouns, adjectives, appositives, dates, auxiliaries) and stop at anything else.
 */
function subject(ctx: TokenContext, v: number, from: number): number[] {
  const found: number[] = [];
  let j = v - 1;
  while (j >= from) {
    const w = ctx.lower[j]!;
    const e = ctx.entity[j]!;
    if (e >= 0) {
      if (!found.includes(e)) found.push(e);
      j = ctx.entityTokens[e]![0] - 1;
      continue;
    }
    if (clauseWords.has(w) && ctx.pos[j] !== 'DET') break;
    if (ctx.date[j]! >= 0 || subjectPos.has(ctx.pos[j]!) || innerPunct.has(w) || w === 'of' || (possessivePronouns.has(w) && ctx.pos[j] === 'PRON')) {
      j--;
      continue;
    }
    break;
  }
  return found;
}

/**
 * Entities in the noun phrase starting at token `j`: up to `limit` tokens, stopping at clause
 * punctuation, a locative preposition (what follows is a place) or a verb.
 */
function phraseAfter(ctx: TokenContext, j: number, to: number, limit = 8): number[] {
  const found: number[] = [];
  for (let k = j; k < Math.min(to, j + limit); k++) {
    const w = ctx.lower[k]!;
    const e = ctx.entity[k]!;
    if (e >= 0) {
      if (!found.includes(e)) found.push(e);
      k = ctx.entityTokens[e]![1] - 1;
      continue;
    }
    if (locative.has(w) || clauseWords.has(w) || w === ';' || w === '.' || w === '—' || w === '–' || w === ':' || w === '"' || w === '“' || w === '”') break;
    if (ctx.date[k]! >= 0) break;
    if (ctx.pos[k] === 'VERB' && !(k > j && ctx.pos[k - 1] === 'DET')) break;
    if (w === ',' && found.length > 0) break;
  }
  return found;
}
