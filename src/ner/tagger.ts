import type { Sentence, Token } from '../types.js';
import { cap, extractFeatures, type DocFeatures } from './features.js';
import type { GazTable } from './gazetteer.js';
import { IntMap, feat1, feat2 } from './hash.js';
import { lookupRow, type RowIndex } from './row-index.js';

/** Entity classes of the tagger, in label order. MISC is learned (it keeps nationalities and
 * events out of the other classes) but never emitted. */
export const classNames = ['PER', 'ORG', 'LOC', 'MISC'] as const;
/** BIO labels: 0 = O, 1 + 2k = B of class k, 2 + 2k = I of class k. */
export const labelCount = 1 + 2 * classNames.length;

/** A trained tagger: hashed feature weights plus the gazetteer its features read. */
export interface TaggerModel {
  /** log2 of the number of weight rows. */
  bits: number;
  /**
   * Weights, `labelCount` per row. Dense (`(1 << bits)` rows, row = bucket) while training;
   * compact once loaded: only rows with weights, found through `index`.
   */
  weights: Float32Array | Int16Array;
  /**
   * Value of one unit of `weights`: 1 for float weights (training); the quantization step for
   * the 16-bit weights of a loaded model (sums stay exact integers; only margins are scaled).
   */
  scale: number;
  /**
   * The median margin (best minus second-best label score) of the tagger on its training
   * tokens: the unit in which rules judge how sure the tagger was.
   */
  typicalMargin: number;
  /** Bucket -> offset of its row in `weights` (see row-index.ts); null for a dense table. */
  index: RowIndex | null;
  /**
   * Row offsets of the label-history features whose values are few small integers, so decoding
   * does not hash them per token. Derived from `index` alone; built by the first `decode`.
   */
  fixedRows?: Int32Array;
  gazetteer: GazTable;
  /**
   * Word clusters (lower-cased word hash -> 1 + its cluster among 4,096, whose coarser clusters
   * are `>> 3` and `>> 6`; see scripts/word-clusters.ts); absent: no cluster features.
   */
  clusters?: GazTable;
}

/** Called for every token while training: returns nothing; may update weights. */
export type TrainHook = (token: number, predicted: number, staticFrom: number, staticTo: number, dynamic: Int32Array) => void;

/** The label before a sentence's first token. (decodePass is unrolled for the 9 labels.) */
const START = labelCount;
const HISTORY_NONE = 0;

// Layout of `fixedRows`: templates whose values are all small integers.
const P1 = 0; // p1: 10
const P2P1 = P1 + 10; // p2 * 10 + p1: 100
const P1CAP = P2P1 + 100; // p1 * 6 + cap: 60
const HIST = P1CAP + 60; // history * 6 + cap: 36
const VERDICT = HIST + 36; // verdict * 6 + cap: 21 * 6
const FIXED = VERDICT + 21 * 6;

function rowOf(model: TaggerModel, h: number): number {
  const bucket = h & ((1 << model.bits) - 1);
  return model.index === null ? bucket * labelCount : lookupRow(model.index, bucket, labelCount);
}

function buildFixedRows(model: TaggerModel): Int32Array {
  const rows = new Int32Array(FIXED);
  for (let p1 = 0; p1 < 10; p1++) {
    rows[P1 + p1] = rowOf(model, feat1(40, p1));
    for (let p2 = 0; p2 < 10; p2++) rows[P2P1 + p2 * 10 + p1] = rowOf(model, feat2(41, p2, p1));
    for (let c = 0; c < 6; c++) rows[P1CAP + p1 * 6 + c] = rowOf(model, feat2(48, p1, c));
  }
  for (let c = 0; c < 6; c++) {
    for (let h = 0; h < 6; h++) rows[HIST + h * 6 + c] = rowOf(model, feat2(44, h, c));
    for (let v = 0; v < 21; v++) rows[VERDICT + v * 6 + c] = rowOf(model, feat2(45, v, c));
  }
  return rows;
}

/** Class of a label: -1 for O. */
export function labelClass(label: number): number {
  return label === 0 ? -1 : (label - 1) >> 1;
}

/** Static features of a document (see features.ts). */
export function docFeatures(model: TaggerModel, text: string, tokens: readonly Token[], sentences: readonly Sentence[]): DocFeatures {
  return extractFeatures(text, tokens, sentences, model.gazetteer, model.bits, labelCount, model.index, model.clusters);
}

/** Number of decoding passes: the second sees the first pass's labels of each word document-wide. */
export const passes = 2;

/**
 * Greedy left-to-right decoding of a whole document, in two passes. Besides the static
 * features, each token sees the two labels before it and its "prediction history": the class
 * most often given so far in this pass to the same (lower-cased) capitalized word. The second
 * pass also sees the first pass's verdict on that word over the whole document (earlier and
 * later mentions alike), so a name tends to keep one label and a headline in capitals borrows
 * the label of the same name in the body. Only sentences holding a word whose first-pass label
 * disagrees with its document verdict (or whose verdict is split) are decoded again. With
 * `hook`, every decoded token of every pass is reported (training); the history follows the
 * predictions, as it will at run time. `margins` receives each token's best-minus-second score.
 */
export function decode(
  model: TaggerModel,
  df: DocFeatures,
  sentences: readonly Sentence[],
  hook?: TrainHook,
  margins?: Float32Array,
): Uint8Array {
  const n = df.n;
  const out = new Uint8Array(n);
  // Word hash -> slot; per slot, counts for O (capitalized) and each class, this pass and the last.
  const slots = new IntMap(n);
  const { hl } = df;
  const capc = df.cap;
  const slotOf = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    const c = capc[i]!;
    if (c !== cap.INITIAL && c !== cap.ALL && c !== cap.MIXED) continue;
    let slot = slots.get(hl[i]!, -1);
    if (slot < 0) {
      slot = slots.size;
      slots.set(hl[i]!, slot);
    }
    slotOf[i] = slot;
  }
  const counts = new Uint16Array(slots.size * 5 + 5);
  // Static scores do not change between passes (unless training moves the weights).
  const staticScores = hook === undefined ? new Float32Array(n * labelCount) : null;
  const verdict = new Uint8Array(slots.size + 1);
  let redo: Uint8Array | null = null;
  for (let pass = 0; pass < passes; pass++) {
    if (pass > 0) {
      // The first pass's verdict per word: dominant class and how dominant (4 levels).
      for (let slot = 0; slot < slots.size; slot++) {
        let best = 0;
        let total = 0;
        for (let q = 0; q < 5; q++) {
          total += counts[slot * 5 + q]!;
          if (counts[slot * 5 + q]! > counts[slot * 5 + best]!) best = q;
        }
        const share = counts[slot * 5 + best]! / total;
        verdict[slot] = 1 + best * 4 + (share >= 0.99 ? 3 : share >= 0.75 ? 2 : share > 0.5 ? 1 : 0);
      }
      counts.fill(0);
      // Only sentences with a word whose label disagrees with its verdict, or whose verdict is
      // not unanimous, are decoded again (the same in training, so the model expects it).
      redo = new Uint8Array(sentences.length);
      for (let si = 0; si < sentences.length; si++) {
        const sent = sentences[si]!;
        for (let i = sent.tokenStart; i < sent.tokenEnd; i++) {
          const slot = slotOf[i]!;
          if (slot < 0) continue;
          const v = verdict[slot]! - 1;
          const label = out[i]!;
          if ((v & 3) !== 3 || v >> 2 !== (label === 0 ? 0 : 1 + ((label - 1) >> 1))) {
            redo[si] = 1;
            break;
          }
        }
      }
    }
    decodePass(model, df, sentences, pass, slotOf, counts, verdict, out, hook, margins, staticScores, redo);
  }
  return out;
}

function decodePass(
  model: TaggerModel,
  df: DocFeatures,
  sentences: readonly Sentence[],
  pass: number,
  slotOf: Int32Array,
  counts: Uint16Array,
  verdict: Uint8Array,
  out: Uint8Array,
  hook: TrainHook | undefined,
  margins: Float32Array | undefined,
  staticScores: Float32Array | null,
  redo: Uint8Array | null,
): void {
  const W = model.weights;
  const L = labelCount;
  const scores = new Float64Array(L);
  const fixed = (model.fixedRows ??= buildFixedRows(model));
  const index = model.index;
  const mask = (1 << model.bits) - 1;
  const nd = pass === 0 ? 6 : 7;
  const dyn = new Int32Array(nd);
  const { offsets, feats, hl, shape } = df;
  const capc = df.cap;
  for (let si = 0; si < sentences.length; si++) {
    const sent = sentences[si]!;
    if (redo !== null && redo[si] === 0) {
      // Kept from the last pass: only the history counts see its labels.
      for (let i = sent.tokenStart; i < sent.tokenEnd; i++) {
        const slot = slotOf[i]!;
        const label = out[i]!;
        if (slot >= 0) counts[slot * 5 + (label === 0 ? 0 : 1 + ((label - 1) >> 1))]!++;
      }
      continue;
    }
    let p1 = START;
    let p2 = START;
    for (let i = sent.tokenStart; i < sent.tokenEnd; i++) {
      const from = offsets[i]!;
      const to = offsets[i + 1]!;
      let s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0, s8 = 0;
      if (staticScores !== null && pass > 0) {
        const q = i * 9;
        s0 = staticScores[q]!;
        s1 = staticScores[q + 1]!;
        s2 = staticScores[q + 2]!;
        s3 = staticScores[q + 3]!;
        s4 = staticScores[q + 4]!;
        s5 = staticScores[q + 5]!;
        s6 = staticScores[q + 6]!;
        s7 = staticScores[q + 7]!;
        s8 = staticScores[q + 8]!;
      } else {
        // Unrolled over the nine labels: the sums stay in registers.
        for (let k = from; k < to; k++) {
          const o = feats[k]!;
          s0 += W[o]!;
          s1 += W[o + 1]!;
          s2 += W[o + 2]!;
          s3 += W[o + 3]!;
          s4 += W[o + 4]!;
          s5 += W[o + 5]!;
          s6 += W[o + 6]!;
          s7 += W[o + 7]!;
          s8 += W[o + 8]!;
        }
        if (staticScores !== null) {
          const q = i * 9;
          staticScores[q] = s0;
          staticScores[q + 1] = s1;
          staticScores[q + 2] = s2;
          staticScores[q + 3] = s3;
          staticScores[q + 4] = s4;
          staticScores[q + 5] = s5;
          staticScores[q + 6] = s6;
          staticScores[q + 7] = s7;
          staticScores[q + 8] = s8;
        }
      }
      const c = capc[i]!;
      const slot = slotOf[i]!;
      let history = HISTORY_NONE;
      if (slot >= 0) {
        const q = slot * 5;
        let best = 0;
        let total = 0;
        for (let r = 0; r < 5; r++) {
          total += counts[q + r]!;
          if (counts[q + r]! > counts[q + best]!) best = r;
        }
        if (total > 0) history = 1 + best;
      }
      dyn[0] = fixed[P1 + p1]!;
      dyn[1] = fixed[P2P1 + p2 * 10 + p1]!;
      const b42 = feat2(42, p1, shape[i]!) & mask;
      const b43 = feat2(43, p1, hl[i]!) & mask;
      dyn[2] = index === null ? b42 * L : lookupRow(index, b42, L);
      dyn[3] = index === null ? b43 * L : lookupRow(index, b43, L);
      dyn[4] = fixed[HIST + history * 6 + c]!;
      dyn[5] = fixed[P1CAP + p1 * 6 + c]!;
      if (pass > 0) dyn[6] = fixed[VERDICT + (slot >= 0 ? verdict[slot]! : 0) * 6 + c]!;
      for (let d = 0; d < nd; d++) {
        const o = dyn[d]!;
        if (o < 0) continue;
        s0 += W[o]!;
        s1 += W[o + 1]!;
        s2 += W[o + 2]!;
        s3 += W[o + 3]!;
        s4 += W[o + 4]!;
        s5 += W[o + 5]!;
        s6 += W[o + 6]!;
        s7 += W[o + 7]!;
        s8 += W[o + 8]!;
      }
      scores[0] = s0;
      scores[1] = s1;
      scores[2] = s2;
      scores[3] = s3;
      scores[4] = s4;
      scores[5] = s5;
      scores[6] = s6;
      scores[7] = s7;
      scores[8] = s8;
      // Best label that may follow p1 (I-X only after B-X or I-X); no name starts with a
      // punctuation mark or symbol.
      let best = 0;
      let bestScore = scores[0]!;
      let second = -Infinity;
      const mayBegin = c !== cap.OTHER;
      for (let l = 1; l < L; l++) {
        if ((l & 1) === 0 ? p1 !== l && p1 !== l - 1 : !mayBegin) continue;
        const v = scores[l]!;
        if (v > bestScore) {
          second = bestScore;
          bestScore = v;
          best = l;
        } else if (v > second) second = v;
      }
      // A token with one possible label (punctuation after O) gets an infinite margin.
      if (margins !== undefined) margins[i] = (bestScore - second) * model.scale;
      if (hook !== undefined) hook(i, best, from, to, dyn);
      out[i] = best;
      if (slot >= 0) counts[slot * 5 + (best === 0 ? 0 : 1 + ((best - 1) >> 1))]!++;
      p2 = p1;
      p1 = best;
    }
  }
}

/** Labelled spans from BIO labels: `[startToken, endToken, class]` triples (end exclusive). */
export function labelSpans(labels: Uint8Array, sentences: readonly Sentence[]): Array<[number, number, number]> {
  const out: Array<[number, number, number]> = [];
  for (const sent of sentences) {
    let open = -1;
    let cls = -1;
    for (let i = sent.tokenStart; i <= sent.tokenEnd; i++) {
      const l = i < sent.tokenEnd ? labels[i]! : 0;
      const k = labelClass(l);
      const begins = l !== 0 && ((l & 1) === 1 || k !== cls || open < 0);
      if (open >= 0 && (l === 0 || begins)) {
        out.push([open, i, cls]);
        open = -1;
        cls = -1;
      }
      if (l !== 0 && open < 0) {
        open = i;
        cls = k;
      }
    }
  }
  return out;
}
