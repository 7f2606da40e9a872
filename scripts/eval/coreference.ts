/**
 * Cross-document coreference on MEANTIME-style JSONL (`npm run eval -- dedupe <file.jsonl>`),
 * scored as ../shared/eval/MEANTIME-DEV.md "How to score / Cross-document coreference" says:
 *
 * - the pipeline runs in memory over the file's articles (ingest, per-document stages, document
 *   dedupe, entity dedupe);
 * - gold: the entities of both regions with an `instance`, one per span; the head of a gold entity
 *   is its last word;
 * - in order of (start, end) each gold entity takes one prediction not yet taken (any PER/ORG/LOC
 *   mention of its article, type ignored) that contains its head and no head of a gold entity of
 *   another instance: the one with the same span first, else the shortest;
 * - a matched gold entity's cluster is the prediction's entity id, an unmatched one is a cluster
 *   of its own; B-cubed precision and recall per topic, averaged weighted by gold entities;
 *   F1 = 2PR / (P + R); and the same over matched entities only.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseConfig } from '../../src/config.js';
import { corpusState, keptDocs } from '../../src/corpus.js';
import { mergeRules, type MergeRule } from '../../src/merge-rules.js';
import { loadGazetteer } from '../../src/geo/gazetteer.js';
import { processDocument } from '../../src/pipeline.js';
import { dedupeDocuments } from '../../src/stages/dedupe-documents.js';
import { dedupeEntities } from '../../src/stages/dedupe-entities.js';
import { ingest } from '../../src/stages/ingest.js';
import type { ProcessedDoc } from '../../src/types.js';

interface GoldEntity {
  start: number;
  end: number;
  type: string;
  text: string;
  instance: string | null;
}

interface Article {
  id: string;
  topic: string;
  entities: GoldEntity[];
}

/** One gold entity with the cluster a run gave it (null: unmatched, a cluster of its own). */
export interface Scored {
  topic: string;
  doc: string;
  gold: GoldEntity;
  /** The matched prediction's text, or null. */
  predicted: string | null;
  cluster: string | null;
}

export interface BCubed {
  precision: number;
  recall: number;
  f1: number;
  /** Gold entities scored. */
  n: number;
}

/** A prediction for matching: a mention span of the run with its entity id (null: none). */
export interface Prediction {
  start: number;
  end: number;
  text: string;
  cluster: string | null;
}

/** Matches the gold entities of one article to predictions (see the file comment). */
export function matchArticle(golds: readonly GoldEntity[], predictions: readonly Prediction[]): Array<Prediction | null> {
  const head = (g: GoldEntity): [number, number] => {
    const i = g.text.lastIndexOf(' ');
    return [i < 0 ? g.start : g.start + i + 1, g.end];
  };
  const order = golds.map((g, i) => i).sort((a, b) => golds[a]!.start - golds[b]!.start || golds[a]!.end - golds[b]!.end);
  const taken = new Set<Prediction>();
  const out: Array<Prediction | null> = golds.map(() => null);
  for (const i of order) {
    const g = golds[i]!;
    const [hs, he] = head(g);
    const fits = predictions.filter((p) => {
      if (taken.has(p) || p.start > hs || p.end < he) return false;
      return !golds.some((o) => {
        if (o.instance === g.instance) return false;
        const [os, oe] = head(o);
        return p.start <= os && oe <= p.end;
      });
    });
    const same = fits.find((p) => p.start === g.start && p.end === g.end);
    const best = same ?? [...fits].sort((a, b) => a.end - a.start - (b.end - b.start) || a.start - b.start)[0];
    if (best !== undefined) {
      taken.add(best);
      out[i] = best;
    }
  }
  return out;
}

/** B-cubed over items with a gold and a predicted cluster label (a null predicted label is a singleton). */
export function bcubed(items: ReadonlyArray<{ gold: string; predicted: string | null }>): { precision: number; recall: number } {
  if (items.length === 0) return { precision: 1, recall: 1 };
  const key = (p: string | null, i: number): string => (p === null ? `\u0000${i}` : p);
  const byPred = new Map<string, number[]>();
  const byGold = new Map<string, number[]>();
  items.forEach((it, i) => {
    const pk = key(it.predicted, i);
    byPred.set(pk, [...(byPred.get(pk) ?? []), i]);
    byGold.set(it.gold, [...(byGold.get(it.gold) ?? []), i]);
  });
  let p = 0;
  let r = 0;
  items.forEach((it, i) => {
    const pred = byPred.get(key(it.predicted, i))!;
    const gold = byGold.get(it.gold)!;
    const both = pred.filter((j) => items[j]!.gold === it.gold).length;
    p += both / pred.length;
    r += both / gold.length;
  });
  return { precision: p / items.length, recall: r / items.length };
}

/** Per-topic B-cubed, averaged weighted by the number of gold entities. */
export function scoreByTopic(scored: readonly Scored[], cluster: (s: Scored) => string | null): BCubed {
  const topics = [...new Set(scored.map((s) => s.topic))].sort();
  let p = 0;
  let r = 0;
  let n = 0;
  for (const t of topics) {
    const items = scored.filter((s) => s.topic === t).map((s) => ({ gold: s.gold.instance!, predicted: cluster(s) }));
    const b = bcubed(items);
    p += b.precision * items.length;
    r += b.recall * items.length;
    n += items.length;
  }
  const precision = n === 0 ? 1 : p / n;
  const recall = n === 0 ? 1 : r / n;
  return { precision, recall, f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall), n };
}

/** The file's articles through the per-document stages and the document dedupe (once). */
export function processArticles(path: string): { articles: Article[]; docs: ProcessedDoc[] } {
  const config = parseConfig({ cache: { enabled: false } });
  const bytes = readFileSync(path);
  const parsed = ingest(config)({ path: basename(path), bytes });
  if (parsed.failures.length > 0) throw new Error(`${path}: ${parsed.failures[0]!.message}`);
  const process = processDocument(config);
  const processed = parsed.docs.map((d) => process(d));
  const state = dedupeDocuments({ threshold: config.dedupe.nearDuplicateThreshold })(corpusState(processed));
  const articles = readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Article);
  return { articles, docs: [...keptDocs(state)] };
}

/** The scored gold entities of a run of the entity dedupe with `ablate` switched off. */
export function scoreRun(articles: readonly Article[], docs: readonly ProcessedDoc[], ablate: readonly MergeRule[] = []): Scored[] {
  const result = dedupeEntities({ places: loadGazetteer(), ablate })(corpusState(docs));
  const byId = new Map(docs.map((d) => [d.id, d]));
  const out: Scored[] = [];
  for (const a of articles) {
    const seen = new Set<string>();
    const golds = a.entities.filter((g) => {
      const k = `${g.start}:${g.end}`;
      if (g.instance === null || seen.has(k)) return false;
      seen.add(k);
      return true;
    });
    const doc = byId.get(a.id);
    const predictions: Prediction[] = (doc?.entities ?? []).map((m) => ({
      start: m.start, end: m.end, text: m.text, cluster: result.mentionEntity.lookup(a.id, m.start) ?? null,
    }));
    const matched = matchArticle(golds, predictions);
    golds.forEach((g, i) => {
      const m = matched[i] ?? null;
      out.push({ topic: a.topic, doc: a.id, gold: g, predicted: m?.text ?? null, cluster: m === null ? null : m.cluster });
    });
  }
  return out;
}

const f = (x: number): string => x.toFixed(4);

function line(label: string, b: BCubed): string {
  return `${label.padEnd(44)} P ${f(b.precision)}  R ${f(b.recall)}  F1 ${f(b.f1)}  (${b.n} gold entities)`;
}

export async function evalCoreference(path: string, options: { ablate: boolean }): Promise<void> {
  const { articles, docs } = processArticles(path);
  const scored = scoreRun(articles, docs);
  const matched = scored.filter((s) => s.predicted !== null);
  const topics = [...new Set(articles.map((a) => a.topic))].sort();
  console.log(`cross-document coreference on ${path}: ${articles.length} articles, topics ${topics.join(', ')}`);
  console.log(`gold entities with an instance: ${scored.length}, matched to a predicted mention: ${matched.length}`);
  console.log('B-cubed over gold name mentions, per topic, weighted by gold entities:');
  console.log(line('  dedupe, all gold entities (target >= 0.85)', scoreByTopic(scored, (s) => s.cluster)));
  console.log(line('  exact-text baseline, all gold entities', scoreByTopic(scored, (s) => s.predicted)));
  console.log(line('  dedupe, matched entities only', scoreByTopic(matched, (s) => s.cluster)));
  console.log(line('  exact-text baseline, matched only', scoreByTopic(matched, (s) => s.predicted)));
  // What perfect clustering of the matched entities would score with this detection.
  console.log(line('  ceiling: matched entities clustered by gold', scoreByTopic(scored, (s) => (s.predicted === null ? null : s.gold.instance))));
  for (const t of topics) {
    const sub = scored.filter((s) => s.topic === t);
    const subMatched = sub.filter((s) => s.predicted !== null);
    console.log(`  topic ${t}: all F1 ${f(scoreByTopic(sub, (s) => s.cluster).f1)} (baseline ${f(scoreByTopic(sub, (s) => s.predicted).f1)}), matched only F1 ${f(scoreByTopic(subMatched, (s) => s.cluster).f1)}`);
  }
  // The gold instances the run splits or joins, for reading (matched entities only).
  const byInstance = new Map<string, Scored[]>();
  for (const s of matched) byInstance.set(`${s.topic} ${s.gold.instance}`, [...(byInstance.get(`${s.topic} ${s.gold.instance}`) ?? []), s]);
  const split = [...byInstance.entries()]
    .map(([k, list]) => [k, list, new Set(list.map((s) => s.cluster)).size] as const)
    .filter(([, , n]) => n > 1)
    .sort((a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1));
  console.log(`gold entities split over several predicted entities (${split.length}):`);
  for (const [k, list, n] of split.slice(0, 25)) {
    const groups = new Map<string, Set<string>>();
    for (const s of list) groups.set(s.cluster ?? '-', (groups.get(s.cluster ?? '-') ?? new Set()).add(s.predicted!));
    console.log(`  ${k.split(' ')[0]} ${n} rows: ${[...groups.values()].map((g) => [...g].sort().join(' / ')).join(' | ')}`);
  }
  const byCluster = new Map<string, Scored[]>();
  for (const s of matched) if (s.cluster !== null) byCluster.set(`${s.topic} ${s.cluster}`, [...(byCluster.get(`${s.topic} ${s.cluster}`) ?? []), s]);
  const joined = [...byCluster.values()].filter((list) => new Set(list.map((s) => s.gold.instance)).size > 1);
  console.log(`predicted entities joining several gold entities (${joined.length}):`);
  for (const list of joined) {
    const groups = new Map<string, Set<string>>();
    for (const s of list) groups.set(s.gold.instance!, (groups.get(s.gold.instance!) ?? new Set()).add(s.predicted!));
    console.log(`  ${list[0]!.topic}: ${[...groups.values()].map((g) => [...g].sort().join(' / ')).join(' | ')}`);
  }
  if (!options.ablate) return;
  console.log('\nablation: F1 (all gold entities) without each rule, and the rule\'s gain, per topic');
  const full = new Map(topics.map((t) => [t, scoreByTopic(scored.filter((s) => s.topic === t), (s) => s.cluster).f1]));
  console.log(`  ${'rule'.padEnd(26)}${topics.map((t) => `${t.padStart(10)}   gain`).join('  ')}`);
  for (const rule of mergeRules) {
    const without = scoreRun(articles, docs, [rule]);
    const cells = topics.map((t) => {
      const f1 = scoreByTopic(without.filter((s) => s.topic === t), (s) => s.cluster).f1;
      const gain = full.get(t)! - f1;
      return `${f(f1).padStart(10)} ${(gain >= 0 ? '+' : '') + gain.toFixed(4)}`;
    });
    console.log(`  ${rule.padEnd(26)}${cells.join('  ')}`);
  }
}
