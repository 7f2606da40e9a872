/**
 * Scores the date recognizer and resolver on a TempEval-style JSONL file (one document a line,
 * `{id, dct, text, timexes: [{start, end, type, value}]}`), taking `dct` as the published date.
 *
 * Extraction is scored on DATE and TIME spans: strict (same span) and relaxed (overlapping).
 * Value F1 counts a relaxed match as right only when the value strings are equal. Prints the
 * most frequent value errors and a throughput line (sentence splitting plus date resolution).
 */
import { readFileSync } from 'node:fs';
import { resolveDates } from '../../src/stages/resolve-dates.js';
import { splitSentences } from '../../src/stages/split-sentences.js';
import type { DateMention, Doc } from '../../src/types.js';

interface GoldTimex {
  start: number;
  end: number;
  type: string;
  value: string;
  text?: string;
}
interface GoldDoc {
  id: string;
  dct: string;
  text: string;
  timexes: GoldTimex[];
}

/**
 * One spelling for values ISO 8601 and TIMEX3 treat as the same: a week number written without
 * its leading zero ("2000-W6" is week 06) and an hour without minutes ("T17" is "T17:00"). Some
 * gold annotations use the short forms; the resolver always writes the full ones.
 */
export function canonicalValue(v: string): string {
  return v.replace(/-W(\d)(?!\d)/, '-W0$1').replace(/T(\d\d)$/, 'T$1:00');
}

const prf = (tp: number, np: number, ng: number): string => {
  const p = np === 0 ? 0 : tp / np;
  const r = ng === 0 ? 0 : tp / ng;
  const f = p + r === 0 ? 0 : (2 * p * r) / (p + r);
  return `P ${p.toFixed(3)}  R ${r.toFixed(3)}  F1 ${f.toFixed(3)}`;
};

export async function evalDates(goldPath: string, options: { errors?: number; verbose?: boolean } = {}): Promise<void> {
  const docs = readFileSync(goldPath, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as GoldDoc);
  const split = splitSentences();
  const resolve = resolveDates();
  const predicted: DateMention[][] = [];
  const split1: Doc[] = [];
  let tokens = 0;
  let splitMs = 0;
  let dateMs = 0;
  for (const g of docs) {
    const doc: Doc = {
      id: g.id, source: goldPath, title: '', text: g.text, published: g.dct, publishedSource: 'metadata',
      sentences: [], tokens: [], entities: [], dates: [], events: [],
    };
    const t0 = performance.now();
    const s = split(doc);
    const t1 = performance.now();
    const d = resolve(s);
    const t2 = performance.now();
    splitMs += t1 - t0;
    dateMs += t2 - t1;
    tokens += s.tokens.length;
    predicted.push(d.dates);
    split1.push(s);
  }
  // A second, warm pass over the split documents: the first one also pays for compiling the
  // rules' regular expressions, which a long batch pays once.
  const w0 = performance.now();
  for (const s of split1) resolve(s);
  const warmMs = performance.now() - w0;

  let nGold = 0;
  let nPred = 0;
  let strict = 0;
  let relaxed = 0;
  let valueOk = 0;
  const errors = new Map<string, { n: number; example: string }>();
  const misses = new Map<string, number>();
  const spurious = new Map<string, number>();
  const isDT = (t: string): boolean => t === 'DATE' || t === 'TIME';
  docs.forEach((g, i) => {
    const gold = g.timexes.filter((t) => isDT(t.type));
    const pred = predicted[i]!.filter((p) => isDT(p.timexType));
    nGold += gold.length;
    nPred += pred.length;
    const used = new Set<number>();
    for (const p of pred) {
      let best = -1;
      for (let k = 0; k < gold.length; k++) {
        if (used.has(k)) continue;
        const t = gold[k]!;
        if (p.start < t.end && t.start < p.end) {
          if (best < 0 || (t.start === p.start && t.end === p.end)) best = k;
        }
      }
      const ptext = g.text.slice(p.start, p.end);
      if (best < 0) {
        // A prediction overlapping a gold DURATION or SET span is counted as spurious here too.
        const key = ptext.toLowerCase().replace(/\d/g, '9');
        spurious.set(key, (spurious.get(key) ?? 0) + 1);
        if (options.verbose === true) {
          const ctx = g.text.slice(Math.max(0, p.start - 80), p.end + 40).replace(/\s+/g, ' ');
          const over = g.timexes.find((t) => p.start < t.end && t.start < p.end);
          console.log(`SPURIOUS ${ptext} | got ${String(p.value)}${over === undefined ? '' : ` | gold ${over.type} ${over.value}`} | dct ${g.dct} :: ${ctx}`);
        }
        continue;
      }
      used.add(best);
      const t = gold[best]!;
      relaxed++;
      if (t.start === p.start && t.end === p.end) strict++;
      if (p.value !== null && canonicalValue(p.value) === canonicalValue(t.value)) {
        valueOk++;
        if (options.verbose === true && process.env.DATES_EVAL_OK === '1') console.log(`OK ${g.text.slice(t.start, t.end)} | gold ${t.value}`);
      }
      else {
        const key = `${g.text.slice(t.start, t.end)} | gold ${t.value} | got ${String(p.value)} | dct ${g.dct}`;
        const pattern = `${t.value.replace(/\d/g, '9')} <- ${String(p.value).replace(/\d/g, '9')}`;
        const e = errors.get(pattern) ?? { n: 0, example: key };
        e.n++;
        errors.set(pattern, e);
        if (options.verbose === true) {
          const ctx = g.text.slice(Math.max(0, t.start - 80), t.end + 40).replace(/\s+/g, ' ');
          console.log(`VALUE ${key} :: ${ctx}`);
        }
      }
    }
    gold.forEach((t, k) => {
      if (used.has(k)) return;
      const key = g.text.slice(t.start, t.end).toLowerCase().replace(/\d/g, '9');
      misses.set(key, (misses.get(key) ?? 0) + 1);
      if (options.verbose === true) {
        const ctx = g.text.slice(Math.max(0, t.start - 80), t.end + 40).replace(/\s+/g, ' ');
        console.log(`MISSED ${g.text.slice(t.start, t.end)} | gold ${t.value} | dct ${g.dct} :: ${ctx}`);
      }
    });
  });

  console.log(`dates: ${docs.length} docs, ${nGold} gold DATE/TIME, ${nPred} predicted DATE/TIME`);
  console.log(`extraction strict   ${prf(strict, nPred, nGold)}`);
  console.log(`extraction relaxed  ${prf(relaxed, nPred, nGold)}`);
  console.log(`value               ${prf(valueOk, nPred, nGold)}`);
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
