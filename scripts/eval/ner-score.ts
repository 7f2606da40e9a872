/** Span-exact scoring of PER/ORG/LOC mentions against CoNLL-style gold (MISC ignored). */

export const scoredTypes = ['PER', 'ORG', 'LOC'] as const;

export interface ScoredSpan {
  start: number;
  end: number;
  type: string;
}

export interface Tally {
  tp: Record<string, number>;
  fp: Record<string, number>;
  fn: Record<string, number>;
}

export function newTally(): Tally {
  const z = (): Record<string, number> => Object.fromEntries(scoredTypes.map((t) => [t, 0]));
  return { tp: z(), fp: z(), fn: z() };
}

export interface DocScore {
  /** Predicted spans that are wrong (not matched, not overlapping gold MISC). */
  spurious: ScoredSpan[];
  /** Gold spans not predicted exactly. */
  missed: ScoredSpan[];
}

/** Adds one document to `tally`; returns its errors. */
export function scoreDoc(gold: readonly ScoredSpan[], predicted: readonly ScoredSpan[], tally: Tally): DocScore {
  const key = (s: ScoredSpan): string => `${s.start}:${s.end}:${s.type}`;
  const goldScored = gold.filter((g) => g.type !== 'MISC');
  const misc = gold.filter((g) => g.type === 'MISC');
  const goldKeys = new Set(goldScored.map(key));
  const predKeys = new Set<string>();
  const spurious: ScoredSpan[] = [];
  for (const p of predicted) {
    const k = key(p);
    if (predKeys.has(k)) continue;
    predKeys.add(k);
    if (goldKeys.has(k)) tally.tp[p.type]!++;
    else if (misc.some((m) => m.start < p.end && p.start < m.end)) continue;
    else {
      tally.fp[p.type]!++;
      spurious.push(p);
    }
  }
  return { spurious, missed: missedGold(goldScored, predKeys, tally) };
}

export interface Prf {
  p: number;
  r: number;
  f: number;
  tp: number;
  fp: number;
  fn: number;
}

export function prf(tp: number, fp: number, fn: number): Prf {
  const p = tp + fp === 0 ? 0 : tp / (tp + fp);
  const r = tp + fn === 0 ? 0 : tp / (tp + fn);
  return { p, r, f: p + r === 0 ? 0 : (2 * p * r) / (p + r), tp, fp, fn };
}

export function summarize(t: Tally): Record<string, Prf> {
  const out: Record<string, Prf> = {};
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const ty of scoredTypes) {
    out[ty] = prf(t.tp[ty]!, t.fp[ty]!, t.fn[ty]!);
    tp += t.tp[ty]!;
    fp += t.fp[ty]!;
    fn += t.fn[ty]!;
  }
  out.micro = prf(tp, fp, fn);
  return out;
}

/**
 * MEANTIME scoring (../shared/eval/MEANTIME-DEV.md, "How to score / Names"): gold is the names of
 * the annotated region; predictions are those ending by `annotatedEnd`, each distinct (start,
 * end, type) once. A prediction that matches no gold name is a false positive, unless it
 * overlaps an `optional` span, or an `other` span and no gold name: then it counts neither way.
 */
export function scoreRegionDoc(
  gold: readonly ScoredSpan[],
  region: { annotatedEnd: number; optional: readonly ScoredSpan[]; other: readonly ScoredSpan[] },
  predicted: readonly ScoredSpan[],
  tally: Tally,
): DocScore {
  const key = (s: ScoredSpan): string => `${s.start}:${s.end}:${s.type}`;
  const overlaps = (a: ScoredSpan, b: ScoredSpan): boolean => a.start < b.end && b.start < a.end;
  const goldScored = gold.filter((g) => (scoredTypes as readonly string[]).includes(g.type));
  const goldKeys = new Set(goldScored.map(key));
  const predKeys = new Set<string>();
  const spurious: ScoredSpan[] = [];
  for (const p of predicted) {
    if (p.end > region.annotatedEnd) continue;
    const k = key(p);
    if (predKeys.has(k)) continue;
    predKeys.add(k);
    if (goldKeys.has(k)) tally.tp[p.type]!++;
    else if (region.optional.some((o) => overlaps(o, p))) continue;
    else if (region.other.some((o) => overlaps(o, p)) && !goldScored.some((g) => overlaps(g, p))) continue;
    else {
      tally.fp[p.type]!++;
      spurious.push(p);
    }
  }
  return { spurious, missed: missedGold(goldScored, predKeys, tally) };
}

/** Gold spans with no prediction of the same start, end and type (`predKeys`), counted as false negatives. */
function missedGold(gold: readonly ScoredSpan[], predKeys: ReadonlySet<string>, tally: Tally): ScoredSpan[] {
  const missed: ScoredSpan[] = [];
  for (const g of gold) {
    if (!predKeys.has(`${g.start}:${g.end}:${g.type}`)) {
      tally.fn[g.type]!++;
      missed.push(g);
    }
  }
  return missed;
}
