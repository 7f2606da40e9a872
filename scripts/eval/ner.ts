/**
 * Scores the recognizer against gold names: `npm run eval -- ner <gold.jsonl>` (or
 * `npx tsx scripts/eval/ner.ts <gold.jsonl>`). Runs splitSentences + recognizeEntities on each
 * document, prints span-exact precision / recall / F1 per type and micro (MISC ignored), the
 * errors that cost most, and the recognizer's throughput on already tokenized text. A file with
 * `annotated_end` (MEANTIME) is scored on its annotated region only, as its MEANTIME-DEV.md says.
 *
 * `--model <file>` scores another model than the shipped one (the one trained without the dev
 * split, for the dev figures). `npm run eval -- ner --ablate [files...]` prints, for each post-rule, the micro F1 lost on each
 * file when that rule alone is left out (default files: the CoNLL and MEANTIME dev files).
 */
import { fileURLToPath } from 'node:url';
import { splitSentences } from '../../src/stages/split-sentences.js';
import { recognizeEntities } from '../../src/stages/recognize-entities.js';
import { blankDoc, readGold, type GoldDoc } from '../../src/ner/corpus.js';
import { loadModel } from '../../src/ner/model.js';
import { nerRules } from '../../src/ner/rules/index.js';
import type { Rule } from '../../src/ner/rules/rule.js';
import type { Doc, DocStage, EntityType } from '../../src/types.js';
import { newTally, scoreDoc, scoreRegionDoc, scoredTypes, summarize, type DocScore, type Prf, type ScoredSpan, type Tally } from './ner-score.js';

const conllType: Record<EntityType, string> = { PERSON: 'PER', ORGANIZATION: 'ORG', PLACE: 'LOC' };

/** The dev files `--ablate` measures by default, relative to the working directory. */
export const devFiles = ['../shared/eval/conll2003-dev.jsonl', '../shared/eval/meantime-dev.jsonl'];

function scoreOne(gold: GoldDoc, doc: Doc, tally: Tally): DocScore {
  const pred: ScoredSpan[] = doc.entities.map((e) => ({ start: e.start, end: e.end, type: conllType[e.type] }));
  return gold.region === undefined ? scoreDoc(gold.entities, pred, tally) : scoreRegionDoc(gold.entities, gold.region, pred, tally);
}

function scoreAll(golds: readonly GoldDoc[], docs: readonly Doc[], recognize: DocStage): Record<string, Prf> {
  const tally = newTally();
  for (let i = 0; i < golds.length; i++) scoreOne(golds[i]!, recognize(docs[i]!), tally);
  return summarize(tally);
}

export async function evalNer(goldPath: string, modelPath?: string): Promise<void> {
  const golds = readGold(goldPath);
  const split = splitSentences();
  const recognize = recognizeEntities(modelPath === undefined ? {} : { modelPath });
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
    const { spurious, missed } = scoreOne(gold, doc, tally);
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
  const regions = golds.filter((g) => g.region !== undefined).length;
  console.log(`NER on ${goldPath}: ${golds.length} docs, ${tokens} tokens`);
  if (regions > 0) console.log(`scored as MEANTIME: names of the annotated region of ${regions} docs (optional and other spans ignored)`);
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

/**
 * Each post-rule's gain on each file: micro F1 with every rule, less micro F1 without that rule
 * (the others in their order). A rule whose gain is not positive on a file it was not written
 * from does not pay.
 */
export async function ablateNer(paths: readonly string[], modelPath?: string): Promise<void> {
  const split = splitSentences();
  const model = loadModel(modelPath);
  const files = paths.map((path) => {
    const golds = readGold(path);
    return { path, golds, docs: golds.map((g) => split(blankDoc(g.id, g.text))) };
  });
  const f1 = (rules: readonly Rule[]): number[] => {
    const recognize = recognizeEntities({ model, rules });
    return files.map((f) => scoreAll(f.golds, f.docs, recognize).micro!.f * 100);
  };
  const all = f1(nerRules);
  // Rounded to hundredths, with no "-0.00".
  const gain = (x: number, y: number): string => (Math.round((x - y) * 100) / 100 + 0).toFixed(2).padStart(16);
  const names = files.map((f) => f.path.replace(/^.*\//, '').replace(/\.jsonl$/, ''));
  const width = Math.max(...nerRules.map((r) => r.name.length), 'no rules at all'.length);
  console.log(`post-rule gain in micro F1 (points; with every rule, less without this one)`);
  console.log(`${'rule'.padEnd(width)}  ${names.map((n) => n.padStart(16)).join('  ')}`);
  console.log(`${'all rules (F1)'.padEnd(width)}  ${all.map((x) => x.toFixed(2).padStart(16)).join('  ')}`);
  for (const rule of nerRules) {
    const without = f1(nerRules.filter((r) => r !== rule));
    console.log(`${rule.name.padEnd(width)}  ${all.map((x, k) => gain(x, without[k]!)).join('  ')}`);
  }
  const none = f1([]);
  console.log(`${'no rules at all'.padEnd(width)}  ${all.map((x, k) => gain(x, none[k]!)).join('  ')}`);
}

/** Splits `--model <file>` off the eval's arguments. */
export function nerArgs(argv: readonly string[]): { files: string[]; modelPath?: string } {
  const files: string[] = [];
  let modelPath: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--model') modelPath = argv[++i];
    else files.push(argv[i]!);
  }
  return modelPath === undefined ? { files } : { files, modelPath };
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { files, modelPath } = nerArgs(process.argv.slice(2));
  if (files[0] === '--ablate') await ablateNer(files.length > 1 ? files.slice(1) : devFiles, modelPath);
  else if (files[0] !== undefined) await evalNer(files[0], modelPath);
  else {
    console.error('Usage: npx tsx scripts/eval/ner.ts <gold.jsonl> | --ablate [gold.jsonl ...]');
    process.exit(2);
  }
}
