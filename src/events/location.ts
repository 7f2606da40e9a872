/**
 * Where an event happened, as far as its sentence and document say: the places of the sentence
 * ranked for the event's trigger, and the places of the document's dateline. The choice between
 * them (and the document's main place) is made in src/events/merge.ts, where places are linked to
 * the gazetteer.
 */
import type { Doc, EventType } from '../types.js';
import { tokenDistance, verbBetween, type TokenContext } from './context.js';
import type { Roles } from './roles.js';
import type { TriggerHit } from './taxonomy.js';

const locativeWords = new Set(['in', 'at', 'near', 'outside', 'inside', 'across', 'throughout', 'around', 'off', 'within', 'over', 'into', 'along', 'on', 'to', 'toward', 'towards']);
/** Words allowed between a locative preposition and its place: "in downtown Ostrava", "in the southern city of Verdi". */
const placeModifiers = new Set(['the', 'downtown', 'central', 'northern', 'southern', 'eastern', 'western', 'north', 'south', 'east', 'west', 'northeastern', 'northwestern', 'southeastern', 'southwestern', 'city', 'town', 'village', 'province', 'region', 'capital', 'of', 'nearby', 'suburban', 'rural', 'remote', 'border', 'district', 'state', 'county', 'port', 'area', 'neighbouring', 'neighboring', 'occupied', 'troubled', 'commercial', 'coastal']);
/** Types whose place is where the words were spoken, not what they are about. */
const speechTypes: ReadonlySet<EventType> = new Set(['statement']);

/**
 * The places of the sentence that can say where the event at `trigger` happened, best first.
 * Level 0: a place after a locative preposition ("in", "at", "near" ...) with no other verb
 * between it and the trigger, or in apposition to one ("in Verdi, Freedonia"); level 1: a
 * place that is the target ("struck Ruritania"); level 2: the other places (actors, modifiers
 * such as "Freedonian objections"); each level nearest first. For a statement, only a place right
 * after the trigger is level 0 ("said in Geneva"); places after it are what was said, not where,
 * and are dropped.
 */
export function sentencePlaces(ctx: TokenContext, trigger: TriggerHit, entityIndices: readonly number[], roles: Roles): Array<{ mention: number; level: 0 | 1 | 2 }> {
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

/** Dateline punctuation after the place: "OSTRAVA, Freedonia (AP) -", "VERDI (Reuters) _", "PORT, March 12 (Xinhua) --". */
const datelineEnd = /\((?:AP|Reuters|AFP|Xinhua|UPI|dpa|IANS|PTI|CNN|BBC)\b[^)]*\)|\s_(?:\s|$)|\s--|\s—|\s–\s/;

/**
 * Place mentions of the document's dateline: the opening words of the first line that has text,
 * written in capitals and ended by an agency tag or a dash ("OSTRAVA, Freedonia (AP) _").
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
