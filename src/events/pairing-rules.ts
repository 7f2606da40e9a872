/**
 * Rules that refine which trigger a date of a sentence goes to, after each date has been given
 * to its nearest trigger (src/events/extract.ts). Applied in the order of `pairingRules`; each
 * takes the pairings of one sentence and returns them refined.
 */
import { tokenDistance, type TokenContext } from './context.js';
import type { TriggerHit } from './taxonomy.js';

/** A date paired with the trigger that governs it. */
export interface Pairing {
  date: number;
  trigger: TriggerHit;
  distance: number;
  /** The date stands beside a reporting verb: it dates what was said, not what happened. */
  reporting?: boolean;
  /** The killing or death whose cause became the trigger: its roles count too ("X was killed by a drone strike"). */
  effect?: number;
}

/** One refinement rule. */
export interface PairingRule {
  name: string;
  apply: (ctx: TokenContext, pairings: Pairing[], triggers: readonly TriggerHit[]) => Pairing[];
}

/**
 * A date beside a reporting verb ("killed 51 people on Tuesday, officials said on Wednesday")
 * dates the report, not a second event: it is dropped when another date of the sentence dates
 * the event. Alone, it is all the sentence says of when ("police arrested him, officials said on
 * Monday") and stays. It goes to the sentence's first strong trigger that no other date governs,
 * the main clause the reporting verb reports ("Ruritania expelled six men, a newspaper reported
 * Friday"): the report is the only date the sentence gives it.
 */
const reportingClause: PairingRule = {
  name: 'reporting-clause',
  apply(ctx, input, triggers) {
    const report = input.find((p) => p.reporting && !p.trigger.weak);
    if (report === undefined || !input.some((p) => !p.reporting && !p.trigger.weak)) return input;
    const governed = new Set(input.filter((p) => !p.reporting).map((p) => p.trigger.token));
    const main = triggers.find((h) => !h.weak && !governed.has(h.token) && h.token < ctx.dateTokens[report.date]![0]);
    const out: Pairing[] = [];
    let given = false;
    // Walked from the end, as the first version did, so the last report date is the one given.
    for (const p of [...input].reverse()) {
      if (!p.reporting || p.trigger.weak) {
        out.push(p);
        continue;
      }
      const [a, b] = ctx.dateTokens[p.date]!;
      if (main !== undefined && !given && ctx.quote[main.token] === ctx.quote[a]) {
        out.push({ ...p, trigger: main, distance: tokenDistance(ctx, a, b, main.token) });
        given = true;
      }
    }
    return out.reverse();
  },
};

/**
 * The verb names the event, not its object or subject noun: "ratified the treaty" is a vote,
 * "condemned the bombing" a statement; but "an earthquake struck the coast" is the earthquake.
 */
const verbNamesEvent: PairingRule = {
  name: 'verb-names-event',
  apply(ctx, input, triggers) {
    return input.map((p) => {
      const better = headTrigger(ctx, p.trigger, triggers);
      const taken = input.some((q) => q !== p && q.trigger.token === better.token && q.date !== p.date);
      return better === p.trigger || taken ? p : { ...p, trigger: better };
    });
  },
};

/**
 * In the violence family the cause names the event: "bombings ... killed 258 people" is an
 * explosion, "died in clashes" an attack. A killing or a death takes the type and trigger of the
 * nearest explosion or attack of its sentence that no other date governs; its own roles still
 * count (`effect`).
 */
const causeNamesKilling: PairingRule = {
  name: 'cause-names-killing',
  apply(ctx, input, triggers) {
    const out = [...input];
    for (let i = 0; i < out.length; i++) {
      const p = out[i]!;
      if (p.trigger.type !== 'violence_against_civilians' && p.trigger.type !== 'death') continue;
      const governed = new Set(out.filter((q) => q !== p).map((q) => q.trigger.token));
      let cause: TriggerHit | undefined;
      for (const h of triggers) {
        if ((h.type !== 'explosion' && h.type !== 'attack') || governed.has(h.token) || ctx.quote[h.token] !== ctx.quote[p.trigger.token]) continue;
        if (cause === undefined || Math.abs(h.token - p.trigger.token) < Math.abs(cause.token - p.trigger.token)) cause = h;
      }
      if (cause !== undefined) out[i] = { ...p, trigger: cause, effect: p.trigger.token };
    }
    return out;
  },
};

/** The refinements, in the order they apply. */
export const pairingRules: readonly PairingRule[] = [reportingClause, verbNamesEvent, causeNamesKilling];

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
 * weak ones included (a tie goes to the other trigger), is a reporting verb at most two tokens
 * away ("said on Wednesday", "police said today", "Wednesday, officials said").
 */
export function reportingDate(ctx: TokenContext, a: number, b: number, triggers: readonly TriggerHit[]): boolean {
  let best: { hit: TriggerHit; distance: number } | undefined;
  for (const h of triggers) {
    const distance = tokenDistance(ctx, a, b, h.token);
    if (best === undefined || distance < best.distance || (distance === best.distance && !h.weak)) best = { hit: h, distance };
  }
  if (best === undefined || !best.hit.weak) return false;
  const gap = best.hit.token < a ? a - best.hit.token - 1 : best.hit.token - b;
  return gap <= 2;
}
