/**
 * Scores the entity dedupe on a labelled set of mention clusters (pairwise precision and recall)
 * and lists the wrong and the missed merges.
 *
 * Run: `npx tsx scripts/eval/dedupe.ts [clusters.json] [--ablate]` or `npm run eval -- dedupe`.
 * Given a MEANTIME-style `.jsonl` instead, scores cross-document coreference (./coreference.ts).
 * `--ablate` adds each merge rule's gain (the figures with that rule switched off).
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { corpusState } from '../../src/corpus.js';
import { mergeRules } from '../../src/merge-rules.js';
import { loadGazetteer } from '../../src/geo/gazetteer.js';
import { dedupeEntities } from '../../src/stages/dedupe-entities.js';
import type { EntityType, MentionRecord, ProcessedDoc } from '../../src/types.js';

type GoldMention = [string, string] | { doc: string; text: string; role?: string; longFormText?: string };

export interface GoldFile {
  clusters: Array<{ type: EntityType; name: string; mentions: GoldMention[] }>;
}

export interface GoldItem {
  cluster: number;
  doc: string;
  start: number;
  text: string;
}

/** The team's labelled clusters, found from this file whether it runs from scripts/ or from dist/scripts/. */
export const defaultClustersPath = ['../../', '../../../']
  .map((up) => fileURLToPath(new URL(`${up}tests/fixtures/dedupe-clusters/clusters.json`, import.meta.url)))
  .find((p) => existsSync(p)) ?? 'tests/fixtures/dedupe-clusters/clusters.json';

/** Builds one processed document per doc id of the gold file, mentions laid out one after another. */
export function goldDocs(gold: GoldFile): { docs: ProcessedDoc[]; items: GoldItem[] } {
  const byDoc = new Map<string, MentionRecord[]>();
  const items: GoldItem[] = [];
  const offsets = new Map<string, number>();
  gold.clusters.forEach((c, ci) => {
    for (const g of c.mentions) {
      const m = Array.isArray(g) ? { doc: g[0], text: g[1] } : g;
      const start = offsets.get(m.doc) ?? 0;
      offsets.set(m.doc, start + m.text.length + 1);
      const record: MentionRecord = { start, end: start + m.text.length, type: c.type, sentence: 0, text: m.text };
      if ('role' in m && m.role !== undefined) record.role = m.role;
      if ('longFormText' in m && m.longFormText !== undefined) record.longFormText = m.longFormText;
      const list = byDoc.get(m.doc) ?? [];
      list.push(record);
      byDoc.set(m.doc, list);
      items.push({ cluster: ci, doc: m.doc, start, text: m.text });
    }
  });
  const docs = [...byDoc.entries()].map(([id, entities]) => processedDoc(id, entities));
  return { docs, items };
}

/** A processed document holding only mentions (for fixtures and tests). */
export function processedDoc(id: string, entities: MentionRecord[]): ProcessedDoc {
  return {
    id, source: `${id}.txt`, title: id, published: null, publishedSource: 'none',
    sentenceCount: 1, tokenCount: entities.length, entities, dates: [], events: [],
    fingerprints: { exact: id, minhash: [], paragraphs: [] }, droppedParagraphs: [],
  };
}

export interface DedupeScore {
  precision: number;
  recall: number;
  wrong: Array<[string, string]>;
  missed: Array<[string, string]>;
}

/** Pairwise precision and recall of `predicted` (an entity id per item) against the gold clusters. */
export function scorePairs(items: GoldItem[], predicted: string[], gold: GoldFile): DedupeScore {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const wrong = new Set<string>();
  const missed = new Set<string>();
  const show = (i: GoldItem) => `${i.text} [${i.doc}] (${gold.clusters[i.cluster]!.name})`;
  for (let i = 0; i < items.length; i++) {
    for (let j = i + 1; j < items.length; j++) {
      const g = items[i]!.cluster === items[j]!.cluster;
      const p = predicted[i] === predicted[j];
      if (g && p) tp++;
      else if (p) {
        fp++;
        wrong.add(JSON.stringify([show(items[i]!), show(items[j]!)]));
      } else if (g) {
        fn++;
        missed.add(JSON.stringify([show(items[i]!), show(items[j]!)]));
      }
    }
  }
  const parse = (s: Set<string>) => [...s].sort().map((x) => JSON.parse(x) as [string, string]);
  return {
    precision: tp + fp === 0 ? 1 : tp / (tp + fp),
    recall: tp + fn === 0 ? 1 : tp / (tp + fn),
    wrong: parse(wrong),
    missed: parse(missed),
  };
}

export async function evalDedupe(path: string = defaultClustersPath, flags: readonly string[] = []): Promise<void> {
  const ablate = flags.includes('--ablate');
  if (path.endsWith('.jsonl')) {
    await (await import('./coreference.js')).evalCoreference(path, { ablate });
    return;
  }
  const gold = JSON.parse(readFileSync(path, 'utf8')) as GoldFile;
  const { docs, items } = goldDocs(gold);
  const result = dedupeEntities({})(corpusState(docs));
  const predicted = items.map((i) => result.mentionEntity.lookup(i.doc, i.start) ?? `missing:${i.doc}:${i.start}`);
  const score = scorePairs(items, predicted, gold);
  console.log(`dedupe: ${items.length} mentions, ${gold.clusters.length} gold clusters, ${result.entities.length} entities`);
  console.log(`pairwise precision ${score.precision.toFixed(4)}  recall ${score.recall.toFixed(4)}  (target >= 0.95 each)`);
  console.log(`wrong merges (${score.wrong.length}):`);
  for (const [a, b] of score.wrong) console.log(`  ${a}  +  ${b}`);
  console.log(`missed merges (${score.missed.length}):`);
  for (const [a, b] of score.missed) console.log(`  ${a}  |  ${b}`);
  if (!ablate) return;
  console.log('\nablation: pairwise precision and recall without each rule');
  const places = loadGazetteer(); // once, not per run
  for (const rule of mergeRules) {
    const r = dedupeEntities({ places, ablate: [rule] })(corpusState(docs));
    const s = scorePairs(items, items.map((i) => r.mentionEntity.lookup(i.doc, i.start) ?? `missing:${i.doc}:${i.start}`), gold);
    console.log(`  ${rule.padEnd(26)} P ${s.precision.toFixed(4)}  R ${s.recall.toFixed(4)}  recall gain ${(score.recall - s.recall).toFixed(4)}`);
  }
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  await evalDedupe(args.find((a) => !a.startsWith('--')), args.filter((a) => a.startsWith('--')));
}
