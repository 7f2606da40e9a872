/**
 * Scores the date recognizer and resolver on a TempEval-style JSONL file (one document a line,
 * `{id, dct | published, text, timexes: [{start, end, type, value}], annotated_end?}`), taking `dct`
 * (TempEval-3) or `published` (MEANTIME) as the document's published date.
 *
 * Two matchings, chosen by the file's shape:
 * - TempEval-3 (no `annotated_end`), as `../shared/eval/README.md` says: every DATE/TIME prediction
 *   takes an overlapping gold DATE/TIME timex not yet taken (the one with the same span first);
 * - MEANTIME (`annotated_end`), as `../shared/eval/MEANTIME-DEV.md` "How to score / Dates" says:
 *   predictions with `end <= annotated_end` only; one overlapping a gold DURATION or SET and no gold
 *   DATE or TIME is ignored; one-to-one matching, each gold timex in order of start taking the
 *   unmatched prediction that overlaps it most.
 * Extraction is scored strict (same span) and relaxed (every match); value F1 counts a match as
 * right only when the values are equal (case-insensitively). Prints the most frequent value errors
 * and a throughput line (sentence splitting plus date resolution).
 *
 * `--ablate`: for each rule family, the value F1 without it and its gain (F1 with all rules less F1
 * without the family), on each file given.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { findDates } from '../../src/dates/find-dates.js';
import type { DateRuleDef } from '../../src/dates/grammar.js';
import { dateRules } from '../../src/dates/rules/index.js';
import { splitSentences } from '../../src/stages/split-sentences.js';
import type { DateMention, Doc } from '../../src/types.js';

interface GoldTimex {
  start: number;
  end: number;
  type: string;
  value: string;
  text?: string;
}
export interface GoldDoc {
  id: string;
  dct?: string;
  published?: string;
  text: string;
  timexes: GoldTimex[];
  annotated_end?: number;
}

/**
 * One spelling for values ISO 8601 and TIMEX3 treat as the same: a week number written without
 * its leading zero ("2000-W6" is week 06) and an hour without minutes ("T17" is "T17:00"). Some
 * gold annotations use the short forms; the resolver always writes the full ones. Compared
 * case-insensitively.
 */
export function canonicalValue(v: string): string {
  return v.toUpperCase().replace(/-W(\d)(?!\d)/, '-W0$1').replace(/T(\d\d)(Z?)$/, 'T$1:00$2');
}

const f1 = (tp: number, np: number, ng: number): { p: number; r: number; f: number } => {
  const p = np === 0 ? 0 : tp / np;
  const r = ng === 0 ? 0 : tp / ng;
  return { p, r, f: p + r === 0 ? 0 : (2 * p * r) / (p + r) };
};
const prf = (tp: number, np: number, ng: number): string => {
  const { p, r, f } = f1(tp, np, ng);
  return `P ${p.toFixed(3)}  R ${r.toFixed(3)}  F1 ${f.toFixed(3)}`;
};
const isDT = (t: string | null): boolean => t === null || t === 'DATE' || t === 'TIME';
const overlap = (a: { start: number; end: number }, b: { start: number; end: number }): number => Math.min(a.end, b.end) - Math.max(a.start, b.start);

/** A scored pair: gold index and prediction index (either -1 when unmatched). */
interface Pair {
  gold: number;
  pred: number;
}

/** The scored predictions of one document and their pairing with the gold DATE/TIME timexes. */
function matchDoc(g: GoldDoc, all: readonly DateMention[]): { gold: GoldTimex[]; pred: DateMention[]; pairs: Pair[] } {
  const gold = g.timexes.filter((t) => isDT(t.type));
  const pairs: Pair[] = [];
  if (g.annotated_end === undefined) {
    const pred = all.filter((p) => isDT(p.timexType));
    const used = new Set<number>();
    pred.forEach((p, pi) => {
      let best = -1;
      for (let k = 0; k < gold.length; k++) {
        if (used.has(k)) continue;
        const t = gold[k]!;
        if (overlap(p, t) > 0 && (best < 0 || (t.start === p.start && t.end === p.end))) best = k;
      }
      if (best >= 0) used.add(best);
      pairs.push({ gold: best, pred: pi });
    });
    gold.forEach((_t, k) => {
      if (!used.has(k)) pairs.push({ gold: k, pred: -1 });
    });
    return { gold, pred, pairs };
  }
  const other = g.timexes.filter((t) => !isDT(t.type));
  const pred = all.filter(
    (p) => p.end <= g.annotated_end! && isDT(p.timexType) && !(other.some((t) => overlap(p, t) > 0) && !gold.some((t) => overlap(p, t) > 0)),
  );
  const taken = new Set<number>();
  const order = gold.map((_t, k) => k).sort((a, b) => gold[a]!.start - gold[b]!.start || a - b);
  for (const k of order) {
    const t = gold[k]!;
    let best = -1;
    for (let pi = 0; pi < pred.length; pi++) {
      if (taken.has(pi)) continue;
      const o = overlap(pred[pi]!, t);
      if (o > 0 && (best < 0 || o > overlap(pred[best]!, t))) best = pi;
    }
    if (best >= 0) taken.add(best);
    pairs.push({ gold: k, pred: best });
  }
  pred.forEach((_p, pi) => {
    if (!taken.has(pi)) pairs.push({ gold: -1, pred: pi });
  });
  return { gold, pred, pairs };
}

export interface Scores {
  nGold: number;
  nPred: number;
  strict: number;
  relaxed: number;
  valueOk: number;
}

function readGold(path: string): GoldDoc[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as GoldDoc);
}

const dctOf = (g: GoldDoc): string | null => g.dct ?? g.published ?? null;

function splitAll(docs: readonly GoldDoc[], source: string): Doc[] {
  const split = splitSentences();
  return docs.map((g) =>
    split({
      id: g.id, source, title: '', text: g.text, published: dctOf(g), publishedSource: 'metadata',
      sentences: [], tokens: [], entities: [], dates: [], events: [],
    }),
  );
}

/** Counts over the documents: gold and scored predictions, strict and relaxed matches, right values. */
export function score(docs: readonly GoldDoc[], predicted: readonly DateMention[][]): Scores {
  const s: Scores = { nGold: 0, nPred: 0, strict: 0, relaxed: 0, valueOk: 0 };
  docs.forEach((g, i) => {
    const { gold, pred, pairs } = matchDoc(g, predicted[i]!);
    s.nGold += gold.length;
    s.nPred += pred.length;
    for (const { gold: k, pred: pi } of pairs) {
      if (k < 0 || pi < 0) continue;
      const t = gold[k]!;
      const p = pred[pi]!;
      s.relaxed++;
      if (t.start === p.start && t.end === p.end) s.strict++;
      if (p.value !== null && canonicalValue(p.value) === canonicalValue(t.value)) s.valueOk++;
    }
  });
  return s;
}

export async function evalDates(
  goldPaths: readonly string[],
  options: { errors?: number; verbose?: boolean; ablate?: boolean | 'rules' } = {},
): Promise<void> {
  if (options.ablate !== undefined && options.ablate !== false) {
    ablate(goldPaths, options.ablate === 'rules' ? 'rule' : 'family');
    return;
  }
  for (const goldPath of goldPaths) evalFile(goldPath, options);
}

function evalFile(goldPath: string, options: { errors?: number; verbose?: boolean }): void {
  const docs = readGold(goldPath);
  const rules = { preferPast: true };
  const t0 = performance.now();
  const split1 = splitAll(docs, goldPath);
  const t1 = performance.now();
  const predicted = split1.map((d) => findDates(d, rules));
  const t2 = performance.now();
  const splitMs = t1 - t0;
  const dateMs = t2 - t1;
  const tokens = split1.reduce((n, d) => n + d.tokens.length, 0);
  // A second, warm pass over the split documents: the first one also pays for compiling the
  // rules' regular expressions, which a long batch pays once.
  const w0 = performance.now();
  for (const s of split1) findDates(s, rules);
  const warmMs = performance.now() - w0;

  const errors = new Map<string, { n: number; example: string }>();
  const misses = new Map<string, number>();
  const spurious = new Map<string, number>();
  const verbose = options.verbose === true;
  docs.forEach((g, i) => {
    const { gold, pred, pairs } = matchDoc(g, predicted[i]!);
    const dct = String(dctOf(g));
    const ctx = (a: { start: number; end: number }): string => g.text.slice(Math.max(0, a.start - 80), a.end + 40).replace(/\s+/g, ' ');
    for (const { gold: k, pred: pi } of pairs) {
      if (k < 0) {
        const p = pred[pi]!;
        const ptext = g.text.slice(p.start, p.end);
        const key = ptext.toLowerCase().replace(/\d/g, '9');
        spurious.set(key, (spurious.get(key) ?? 0) + 1);
        if (verbose) {
          const over = g.timexes.find((t) => overlap(p, t) > 0);
          console.log(`SPURIOUS ${ptext} | got ${String(p.value)}${over === undefined ? '' : ` | gold ${over.type} ${over.value}`} | dct ${dct} :: ${ctx(p)}`);
        }
        continue;
      }
      const t = gold[k]!;
      if (pi < 0) {
        const key = g.text.slice(t.start, t.end).toLowerCase().replace(/\d/g, '9');
        misses.set(key, (misses.get(key) ?? 0) + 1);
        if (verbose) console.log(`MISSED ${g.text.slice(t.start, t.end)} | gold ${t.value} | dct ${dct} :: ${ctx(t)}`);
        continue;
      }
      const p = pred[pi]!;
      if (p.value !== null && canonicalValue(p.value) === canonicalValue(t.value)) continue;
      const key = `${g.text.slice(t.start, t.end)} | gold ${t.value} | got ${String(p.value)} | dct ${dct}`;
      const pattern = `${t.value.replace(/\d/g, '9')} <- ${String(p.value).replace(/\d/g, '9')}`;
      const e = errors.get(pattern) ?? { n: 0, example: key };
      e.n++;
      errors.set(pattern, e);
      if (verbose) console.log(`VALUE ${key} :: ${ctx(t)}`);
    }
  });

  const s = score(docs, predicted);
  console.log(`dates: ${docs.length} docs, ${s.nGold} gold DATE/TIME, ${s.nPred} predicted DATE/TIME`);
  console.log(`extraction strict   ${prf(s.strict, s.nPred, s.nGold)}`);
  console.log(`extraction relaxed  ${prf(s.relaxed, s.nPred, s.nGold)}`);
  console.log(`value               ${prf(s.valueOk, s.nPred, s.nGold)}`);
  const top = (m: Map<string, number>): string =>
    [...m.entries()].sort((a, b) => b[1] - a[1]).slice(0, options.errors ?? 12).map(([k, n]) => `${n}× ${k}`).join('; ');
  console.log('most common value errors (gold <- predicted):');
  for (const [pattern, e] of [...errors.entries()].sort((a, b) => b[1].n - a[1].n).slice(0, options.errors ?? 12)) {
    console.log(`  ${String(e.n).padStart(3)}  ${pattern}   e.g. ${e.example}`);
  }
  console.log(`missed: ${top(misses)}`);
  console.log(`spurious: ${top(spurious)}`);
  const total = splitMs + dateMs;
  const rate = (ms: number): string => `${Math.round((tokens / ms) * 1000).toLocaleString('en-US')} tokens/s`;
  console.log(
    `throughput: ${tokens} tokens; split ${splitMs.toFixed(0)} ms (${rate(splitMs)}); dates first pass ${dateMs.toFixed(0)} ms (${rate(dateMs)}), warm ${warmMs.toFixed(0)} ms (${rate(warmMs)}); split+dates ${rate(total)}`,
  );
}

/**
 * Each rule family's (or, `by: 'rule'`, each rule's) gain in value F1 on each file: F1 with every
 * rule less F1 with the family's rules left out (the others keep their order). A family that pays
 * only on the file it was written from shows a gain there and none (or a loss) on the others.
 */
function ablate(goldPaths: readonly string[], by: 'family' | 'rule'): void {
  const files = goldPaths.map((p) => {
    const docs = readGold(p);
    return { name: basename(p, '.jsonl'), docs, split: splitAll(docs, p) };
  });
  const f1Of = (rules: readonly DateRuleDef[]): number[] =>
    files.map(({ docs, split }) => {
      const s = score(docs, split.map((d) => findDates(d, { preferPast: true, rules })));
      return f1(s.valueOk, s.nPred, s.nGold).f;
    });
  const all = f1Of(dateRules);
  const key = (r: DateRuleDef): string => (by === 'family' ? r.family : `${r.family}/${r.name}`);
  const groups = [...new Set(dateRules.map(key))];
  const w = Math.max(...groups.map((f) => f.length), 11);
  const head = files.map((f) => f.name.padStart(14)).join('');
  console.log(`value F1 gain of each rule ${by} (F1 with all rules less F1 without the ${by})`);
  console.log(`${by.padEnd(w)}  rules${head}`);
  console.log(`${'(all rules)'.padEnd(w)}  ${String(dateRules.length).padStart(5)}${all.map((x) => x.toFixed(3).padStart(14)).join('')}`);
  for (const g of groups) {
    const without = f1Of(dateRules.filter((r) => key(r) !== g));
    const n = dateRules.filter((r) => key(r) === g).length;
    const gains = all.map((x, i) => {
      const d = x - without[i]!;
      return `${d >= 0 ? '+' : '-'}${Math.abs(d).toFixed(3)}`.padStart(14);
    });
    console.log(`${g.padEnd(w)}  ${String(n).padStart(5)}${gains.join('')}`);
  }
}
