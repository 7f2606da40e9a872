/**
 * Trains the NER tagger: `npm run train -- <train.jsonl>... [--dev <dev.jsonl>] [--holdout K]
 * [--epochs N] [--bits B] [--clusters models/word-clusters.tsv.gz | --no-clusters]
 * [--out models/ner-model.bin.gz]`.
 *
 * Every training file's documents are used together; `file.jsonl*0.5` gives a file's documents
 * half the weight in the perceptron's updates. `--holdout K` keeps every K-th document of each
 * file out of training and scores the tagger on each file's held-out part (the way to choose
 * features and weights without looking at a dev file). The word clusters (scripts/word-clusters.ts) are folded into
 * the model file.
 *
 * Each CoNLL-style document is tokenized with the pipeline's own `splitSentences()` stage, gold
 * spans are projected onto those tokens as BIO labels, and an averaged perceptron is trained by
 * greedy decoding (the decoder the pipeline runs). Deterministic: documents are shuffled with a
 * fixed seed. The model is pruned, quantized and gzipped into models/.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { splitSentences } from '../src/stages/split-sentences.js';
import { blankDoc, projectSpans, readGold, type GoldDoc } from '../src/ner/corpus.js';
import { buildGazetteer } from '../src/ner/build-gazetteer.js';
import { classNames, decode, docFeatures, labelCount, labelSpans, type TaggerModel } from '../src/ner/tagger.js';
import type { DocFeatures } from '../src/ner/features.js';
import { defaultModelPath, parseModel, serializeModel } from '../src/ner/model.js';
import { readWordClusters } from '../src/ner/word-clusters.js';
import type { Doc } from '../src/types.js';
import { newTally, scoreDoc, summarize, type ScoredSpan } from './eval/ner-score.js';
import { rng } from './rng.js';

interface Prepared {
  /** Scale of the perceptron's updates on this document. */
  weight: number;
  doc: Doc;
  gold: GoldDoc;
  labels: Uint8Array;
  df: DocFeatures;
}

function prepare(golds: readonly GoldDoc[], model: TaggerModel, weights?: readonly number[]): { items: Prepared[]; misaligned: number } {
  const split = splitSentences();
  let misaligned = 0;
  const items = golds.map((gold, k) => {
    const doc = split(blankDoc(gold.id, gold.text));
    const projected = projectSpans(doc.tokens, gold.entities, (t) => classNames.indexOf(t as (typeof classNames)[number]));
    misaligned += projected.misaligned;
    return { weight: weights?.[k] ?? 1, doc, gold, labels: projected.labels, df: docFeatures(model, doc.text, doc.tokens, doc.sentences) };
  });
  return { items, misaligned };
}

/** Median of the finite token margins of `model` over prepared documents. */
function medianMargin(model: TaggerModel, items: readonly Prepared[]): number {
  const all: number[] = [];
  for (const it of items) {
    const margins = new Float32Array(it.doc.tokens.length);
    decode(model, it.df, it.doc.sentences, undefined, margins);
    for (const m of margins) if (Number.isFinite(m)) all.push(m);
  }
  all.sort((a, b) => a - b);
  return all[all.length >> 1] ?? 1;
}

/** Raw tagger micro F1 (no rules) over prepared documents. */
function evaluate(model: TaggerModel, items: readonly Prepared[]): string {
  const tally = newTally();
  for (const it of items) {
    // Prepared features index a dense table; a loaded (compact) model needs its own.
    const df = model.index === null ? it.df : docFeatures(model, it.doc.text, it.doc.tokens, it.doc.sentences);
    const labels = decode(model, df, it.doc.sentences);
    const pred: ScoredSpan[] = [];
    for (const [a, b, k] of labelSpans(labels, it.doc.sentences)) {
      if (k === 3) continue;
      pred.push({ start: it.doc.tokens[a]!.start, end: it.doc.tokens[b - 1]!.end, type: classNames[k]! });
    }
    scoreDoc(it.gold.entities, pred, tally);
  }
  const s = summarize(tally);
  return ['micro', 'PER', 'ORG', 'LOC'].map((k) => `${k} ${(s[k]!.f * 100).toFixed(2)}`).join('  ');
}

/** One averaged perceptron over `epochs` shuffled passes; returns the averaged weights. */
function trainOnce(
  model: TaggerModel,
  items: readonly Prepared[],
  epochs: number,
  seed: number,
  progress: (epoch: number, averaged: () => TaggerModel) => void,
): Float32Array {
  const W = model.weights as Float32Array;
  W.fill(0);
  delete model.fixedRows;
  const acc = new Float64Array(W.length);
  let c = 1;
  const random = rng(seed);
  const order = items.map((_, i) => i);
  let gold: Uint8Array = new Uint8Array(0);
  let scale = 1;
  let feats: Int32Array = new Int32Array(0);
  const update = (o: number, label: number, delta: number): void => {
    W[o + label]! += delta;
    acc[o + label]! += c * delta;
  };
  const hook = (i: number, predicted: number, from: number, to: number, dynamic: Int32Array): void => {
    const g = gold[i]!;
    if (predicted !== g) {
      for (let k = from; k < to; k++) {
        update(feats[k]!, g, scale);
        update(feats[k]!, predicted, -scale);
      }
      for (let d = 0; d < dynamic.length; d++) {
        if (dynamic[d]! < 0) continue;
        update(dynamic[d]!, g, scale);
        update(dynamic[d]!, predicted, -scale);
      }
    }
    c++;
  };
  const averagedWeights = (): Float32Array => {
    const avg = new Float32Array(W.length);
    for (let i = 0; i < W.length; i++) avg[i] = W[i]! - acc[i]! / c;
    return avg;
  };
  for (let epoch = 1; epoch <= epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const idx of order) {
      const it = items[idx]!;
      gold = it.labels;
      feats = it.df.feats;
      scale = it.weight;
      decode(model, it.df, it.doc.sentences, hook);
    }
    progress(epoch, () => ({ bits: model.bits, weights: averagedWeights(), index: null, scale: 1, typicalMargin: 1, gazetteer: model.gazetteer, ...(model.clusters === undefined ? {} : { clusters: model.clusters }) }));
  }
  return averagedWeights();
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      dev: { type: 'string' },
      holdout: { type: 'string' },
      clusters: { type: 'string', default: 'models/word-clusters.tsv.gz' },
      'no-clusters': { type: 'boolean', default: false },
      epochs: { type: 'string', default: '20' },
      bits: { type: 'string', default: '20' },
      out: { type: 'string' },
      seed: { type: 'string', default: '1' },
      seeds: { type: 'string', default: '5' },
      prune: { type: 'string', default: '0.0005' },
    },
  });
  if (positionals.length === 0) throw new Error('Usage: npm run train -- <train.jsonl[*weight]>... [--dev dev.jsonl] [--holdout K] [--epochs N] [--bits B] [--seeds N] [--prune F] [--clusters file | --no-clusters] [--out file]');
  const epochs = Number(values.epochs);
  const bits = Number(values.bits);
  const out = values.out ?? defaultModelPath();
  const t0 = performance.now();
  const gazetteer = buildGazetteer();
  const L = labelCount;
  const model: TaggerModel = { bits, weights: new Float32Array((1 << bits) * L), index: null, scale: 1, typicalMargin: 1, gazetteer };
  if (!values['no-clusters']) model.clusters = readWordClusters(values.clusters!);
  const clusters = model.clusters;
  const holdout = values.holdout === undefined ? 0 : Number(values.holdout);
  const trainGolds: GoldDoc[] = [];
  const trainWeights: number[] = [];
  const heldOut: Array<{ path: string; golds: GoldDoc[] }> = [];
  for (const arg of positionals) {
    const m = /^(.*)\*([0-9.]+)$/.exec(arg);
    const path = m === null ? arg : m[1]!;
    const weight = m === null ? 1 : Number(m[2]);
    const out: GoldDoc[] = [];
    readGold(path).forEach((g, i) => {
      if (holdout > 0 && i % holdout === holdout - 1) out.push(g);
      else {
        trainGolds.push(g);
        trainWeights.push(weight);
      }
    });
    if (out.length > 0) heldOut.push({ path, golds: out });
  }
  const train = prepare(trainGolds, model, trainWeights);
  const devs = values.dev !== undefined ? [{ path: values.dev, items: prepare(readGold(values.dev), model).items }] : heldOut.map((h) => ({ path: `every ${holdout}th document of ${h.path} (${h.golds.length}, held out)`, items: prepare(h.golds, model).items }));
  for (const d of devs) console.log(`scored on: ${d.path}`);
  const dev = devs.length > 0 ? devs : undefined;
  const tokens = train.items.reduce((s, it) => s + it.doc.tokens.length, 0);
  console.log(`train: ${train.items.length} docs, ${tokens} tokens, ${train.misaligned} gold spans off token boundaries; prepared in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  // Several perceptrons trained on different shuffles, averaged: steadier than any one of them.
  const seeds = Number(values.seeds);
  const sum = new Float32Array(model.weights.length);
  for (let r = 0; r < seeds; r++) {
    const weights = trainOnce(model, train.items, epochs, Number(values.seed) + r, (epoch, averaged) => {
      const line = `run ${r + 1}/${seeds} epoch ${epoch} (${((performance.now() - t0) / 1000).toFixed(1)} s)`;
      if (dev !== undefined && epoch === epochs) for (const d of dev) console.log(`${line} raw F1 on ${d.path}: ${evaluate(averaged(), d.items)}`);
      else console.log(line);
    });
    for (let i = 0; i < sum.length; i++) sum[i]! += weights[i]! / seeds;
  }
  const final: TaggerModel = { bits, weights: sum, index: null, scale: 1, typicalMargin: 1, gazetteer };
  if (clusters !== undefined) final.clusters = clusters;
  final.typicalMargin = medianMargin(final, train.items);
  console.log(`typical (median) margin on training tokens: ${final.typicalMargin.toFixed(2)}`);
  if (dev !== undefined && seeds > 1) for (const d of dev) console.log(`raw F1 of the average of ${seeds} runs on ${d.path}: ${evaluate(final, d.items)}`);
  const bytes = serializeModel(final, Number(values.prune));
  mkdirSync(dirname(resolve(out)), { recursive: true });
  writeFileSync(out, bytes);
  console.log(`wrote ${out}: ${(bytes.length / 1e6).toFixed(2)} MB in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  if (dev !== undefined) for (const d of dev) console.log(`raw F1 after quantization on ${d.path}: ${evaluate(parseModel(bytes), d.items)}`);
}

await main();
