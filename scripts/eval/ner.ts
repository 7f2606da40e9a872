/**
 * Scores the recognizer against CoNLL-style gold: `npm run eval -- ner <gold.jsonl>` (or
 * `npx tsx scripts/eval/ner.ts <gold.jsonl>`). Runs splitSentences + recognizeEntities on each
 * document, prints span-exact precision / recall / F1 per type and micro (MISC ignored), the
 * errors that cost most, and the recognizer's throughput on already tokenized text.
 */
import { fileURLToPath } from 'node:url';
import { splitSentences } from '../../src/stages/split-sentences.js';
import { recognizeEntities } from '../../src/stages/recognize-entities.js';
import { blankDoc, readGold } from '../../src/ner/corpus.js';
import type { Doc, EntityType } from '../../src/types.js';
import { newTally, scoreDoc, scoredTypes, summarize, type ScoredSpan } from './ner-score.js';

const conllType: Record<EntityType, string> = { PERSON: 'PER', ORGANIZATION: 'ORG', PLACE: 'LOC' };

export async function evalNer(goldPath: string): Promise<void> {
  const golds = readGold(goldPath);
  const split = splitSentences();
  const recognize = recognizeEntities();
  const cpuMs = (): number => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  };
  // splitSentences is timed too (best of three), as the yardstick for the recognizer's budget.
  let docs: Doc[] = [];
  let splitMs = Infinity;
  for (let pass = 0; pass < 3; pass++) {
    const t = cpuMs();
    docs = golds.map((g) => split(blankDoc(g.id, g.text)));
    splitMs = Math.min(splitMs, cpuMs() - t);
  }
  const tokens = docs.reduce((s, d) => s + d.tokens.length, 0);

  // Throughput of recognition alone, in CPU time of this process (other work on the machine
  // inflates wall time): best of five passes, the first of which warms the JIT.
  let bestMs = Infinity;
  let results: Doc[] = [];
  for (let pass = 0; pass < 5; pass++) {
    const t = cpuMs();
    results = docs.map((d) => recognize(d));
    bestMs = Math.min(bestMs, cpuMs() - t);
  }

  const tally = newTally();
  const errors = new Map<string, Map<string, number>>();
  const note = (kind: string, example: string): void => {
    let m = errors.get(kind);
    if (m === undefined) errors.set(kind, (m = new Map()));
    m.set(example, (m.get(example) ?? 0) + 1);
  };
  for (let i = 0; i < golds.length; i++) {
    const gold = golds[i]!;
    const doc = results[i]!;
    const pred: ScoredSpan[] = doc.entities.map((e) => ({ start: e.start, end: e.end, type: conllType[e.type] }));
    const { spurious, missed } = scoreDoc(gold.entities, pred, tally);
    const text = (s: ScoredSpan): string => gold.text.slice(s.start, s.end).replace(/\s+/g, ' ');
    for (const g of missed) {
      const over = pred.filter((p) => p.start < g.end && g.start < p.end);
      const same = over.find((p) => p.start === g.start && p.end === g.end);
      if (same !== undefined) note(`type ${g.type}->${same.type}`, text(g));
      else if (over.length > 0) note(`boundary ${g.type}`, `${text(g)} => ${over.map((p) => `${text(p)}/${p.type}`).join(' + ')}`);
      else note(`missed ${g.type}`, text(g));
    }
    for (const p of spurious) {
      const over = gold.entities.filter((g) => g.type !== 'MISC' && g.start < p.end && p.start < g.end);
      if (over.length === 0) note(`spurious ${p.type}`, text(p));
    }
  }
  const s = summarize(tally);
  const pct = (x: number): string => (x * 100).toFixed(2).padStart(6);
  console.log(`NER on ${goldPath}: ${golds.length} docs, ${tokens} tokens`);
  console.log('type      P       R       F1     tp    fp    fn');
  for (const k of [...scoredTypes, 'micro']) {
    const r = s[k]!;
    console.log(`${k.padEnd(6)} ${pct(r.p)}  ${pct(r.r)}  ${pct(r.f)}  ${String(r.tp).padStart(5)} ${String(r.fp).padStart(5)} ${String(r.fn).padStart(5)}`);
  }
  console.log('\nerrors by kind (count, top examples):');
  const kinds = [...errors.entries()].map(([k, m]) => [k, m, [...m.values()].reduce((a, b) => a + b, 0)] as const);
  kinds.sort((a, b) => b[2] - a[2]);
  for (const [kind, m, count] of kinds) {
    const top = [...m.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 8);
    console.log(`  ${kind.padEnd(22)} ${String(count).padStart(4)}  ${top.map(([e, c]) => (c > 1 ? `${e} (${c})` : e)).join('; ')}`);
  }
  console.log(
    `\nthroughput: recognition ${Math.round(tokens / (bestMs / 1000)).toLocaleString('en-US')} tokens/s (${((bestMs * 1000) / tokens).toFixed(2)} µs/token, CPU time, best of 5); ` +
      `splitSentences ${Math.round(tokens / (splitMs / 1000)).toLocaleString('en-US')} tokens/s (${((splitMs * 1000) / tokens).toFixed(2)} µs/token, best of 3)`,
  );
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const path = process.argv[2];
  if (path === undefined) {
    console.error('Usage: npx tsx scripts/eval/ner.ts <gold.jsonl>');
    process.exit(2);
  }
  await evalNer(path);
}
