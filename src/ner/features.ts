/**
 * Feature extraction for the tagger. Every token gets a few integers (word hashes, shape,
 * capitalization class, POS id, gazetteer bits) in typed arrays, computed once per document;
 * its static features are then row offsets into the weight table, also in one typed array.
 * No string or object is made per token.
 *
 * Template ids (the first argument of feat1/feat2) are part of the model format: changing one
 * changes which weights a feature reads, so any change here needs `npm run train`. Templates
 * 30, 31, 33, 34, 36, 46, 49 and 50 were tried and dropped: no gain on held-out text for a
 * quarter of the time. Templates 52 to 57 read the word clusters, when the model has them.
 */
import type { Sentence, Token } from '../types.js';
import { IntMap, feat1, feat2, hashRange, hashString, letterTable, lowerTable } from './hash.js';
import { gaz, gazBitCount, type GazTable } from './gazetteer.js';
import { lookupRow, type RowIndex } from './row-index.js';

/** Cue words seen around a capitalized word anywhere in the document (bits of docFlags). */
const ctx = {
  TITLE_BEFORE: 1 << 2,
  PLACE_PREP_BEFORE: 1 << 3,
  THE_BEFORE: 1 << 4,
  ORG_SUFFIX_AFTER: 1 << 5,
  ORG_CUE_AFTER: 1 << 6,
  PLACE_CUE_AFTER: 1 << 7,
  SAID_AFTER: 1 << 8,
  POSS_AFTER: 1 << 9,
} as const;
const H_IN = hashString('in', true);
const H_AT = hashString('at', true);
const H_NEAR = hashString('near', true);
const H_FROM = hashString('from', true);
const H_THE = hashString('the', true);
const H_SAID = hashString('said', true);
const H_SAYS = hashString('says', true);
const H_POSS = hashString("'s", true);
const H_LPAREN = hashString('(', true);
const H_RPAREN = hashString(')', true);

/** Capitalization classes. */
export const cap = { LOWER: 0, INITIAL: 1, ALL: 2, MIXED: 3, DIGIT: 4, OTHER: 5 } as const;

const posIds = new Map<string, number>(
  ['ADJ', 'ADP', 'ADV', 'AUX', 'CCONJ', 'DET', 'INTJ', 'NOUN', 'NUM', 'PART', 'PRON', 'PROPN', 'PUNCT', 'SCONJ', 'SYM', 'VERB', 'X', 'SPACE'].map(
    (p, i) => [p, i + 1],
  ),
);

/** Per-token values and static features of one document. */
export interface DocFeatures {
  n: number;
  /** Lower-cased word hash. */
  hl: Int32Array;
  shape: Int32Array;
  cap: Uint8Array;
  /** Gazetteer bits (see `gaz`). */
  gz: Uint16Array;
  /** Static features of token i: `feats[offsets[i] .. offsets[i + 1])`, weight-row offsets. */
  offsets: Int32Array;
  feats: Int32Array;
}

const BOS1 = 0x5bd1e995;
const BOS2 = 0x1b873593;
const EOS1 = 0x3c6ef372;
const EOS2 = 0x7f4a7c15;

/** Number of static templates per token plus room for gazetteer bits (upper bound). */
const MAX_STATIC = 70 + 3 * gazBitCount;
/** Typical number of static features per token (the buffer grows past it when needed). */
const TYPICAL_STATIC = 40;

/**
 * Extracts per-token values and static features. A feature hash goes to bucket `h & (2^bits - 1)`;
 * its weights start at `bucket * labels` in a dense table, or where `index` says in a compact one
 * (-1: no weights, feature dropped).
 */
export function extractFeatures(
  text: string,
  tokens: readonly Token[],
  sentences: readonly Sentence[],
  gazTable: GazTable,
  bits: number,
  labels: number,
  index: RowIndex | null,
  clusters?: GazTable,
): DocFeatures {
  const n = tokens.length;
  const hw = new Int32Array(n);
  const hl = new Int32Array(n);
  const shape = new Int32Array(n);
  const capc = new Uint8Array(n);
  const pos = new Uint8Array(n);
  const gz = new Uint16Array(n);
  // 1 + the word's finest cluster (0: not among the clustered words, or no clusters).
  const cl = new Uint16Array(n);
  const len = new Uint8Array(n);
  const pre = new Int32Array(n * 4);
  const suf = new Int32Array(n * 4);
  for (let t = 0; t < n; t++) {
    const tok = tokens[t]!;
    const start = tok.start;
    const end = tok.end;
    let h = 0x811c9dc5 | 0;
    let l = 0x811c9dc5 | 0;
    let s = 0x811c9dc5 | 0;
    let lastClass = -1;
    let upper = 0;
    let lower = 0;
    let digit = 0;
    let firstLetterUpper = -1;
    for (let i = start; i < end; i++) {
      const c = text.charCodeAt(i);
      const lc = lowerTable[c]!;
      h = Math.imul(h ^ c, 16777619);
      l = Math.imul(l ^ lc, 16777619);
      if (i - start < 4) pre[t * 4 + i - start] = l;
      let cls: number;
      if (lc !== c) {
        cls = 88; // X
        upper++;
        if (firstLetterUpper < 0) firstLetterUpper = 1;
      } else if (c >= 48 && c <= 57) {
        cls = 100; // d
        digit++;
      } else if ((c >= 97 && c <= 122) || (c > 127 && letterTable[c] === 1)) {
        cls = 120; // x
        lower++;
        if (firstLetterUpper < 0) firstLetterUpper = 0;
      } else {
        cls = c;
      }
      if (cls !== lastClass) {
        s = Math.imul(s ^ cls, 16777619);
        lastClass = cls;
      }
    }
    const length = end - start;
    for (let k = 1; k <= 4; k++) {
      suf[t * 4 + k - 1] = k <= length ? hashRange(text, end - k, end, true) : 0;
      if (k > length) pre[t * 4 + k - 1] = 0;
    }
    hw[t] = h;
    hl[t] = l;
    shape[t] = s;
    len[t] = length > 12 ? 12 : length;
    capc[t] =
      upper + lower === 0
        ? digit > 0
          ? cap.DIGIT
          : cap.OTHER
        : firstLetterUpper === 1
          ? lower === 0
            ? cap.ALL
            : cap.INITIAL
          : upper > 0
            ? cap.MIXED
            : cap.LOWER;
    pos[t] = posIds.get(tok.pos) ?? 0;
    gz[t] = gazTable.get(l);
    if (clusters !== undefined) cl[t] = clusters.get(l);
  }

  // Document-wide evidence per word: seen in lower case (1); seen capitalized inside a
  // sentence (2); and, over all its capitalized occurrences, the cue words around it (ctx bits).
  const docFlags = new IntMap(n);
  const runStart = new Int32Array(n).fill(-1);
  const runEnd = new Int32Array(n).fill(-1);
  const capsSentence = new Uint8Array(sentences.length);
  const digitSentence = new Uint8Array(sentences.length);
  for (let si = 0; si < sentences.length; si++) {
    const sent = sentences[si]!;
    let lowerWords = 0;
    let upperWords = 0;
    let digits = 0;
    for (let t = sent.tokenStart; t < sent.tokenEnd; t++) {
      if (capc[t] === cap.LOWER) lowerWords++;
      else if (capc[t] === cap.ALL || capc[t] === cap.INITIAL) upperWords++;
      else if (capc[t] === cap.DIGIT) digits++;
    }
    const caps = lowerWords === 0 && upperWords > 0 ? 1 : 0;
    capsSentence[si] = caps;
    const size = sent.tokenEnd - sent.tokenStart;
    digitSentence[si] = digits === 0 ? 0 : digits * 4 < size ? 1 : digits * 2 < size ? 2 : 3;
    // Runs of capitalized words ("Jones Medical Industries Inc", "Bank of England"): connectors
    // (&, of, and, de, -, ') join two capitalized words. Cues around a run tell its kind.
    for (let t = sent.tokenStart; t < sent.tokenEnd; ) {
      if (!isNamed(capc[t]!)) {
        if (capc[t] === cap.LOWER) docFlags.or(hl[t]!, 1);
        t++;
        continue;
      }
      let e = t + 1;
      while (e < sent.tokenEnd) {
        if (isNamed(capc[e]!)) e++;
        else if (e + 1 < sent.tokenEnd && isConnector(hl[e]!) && isNamed(capc[e + 1]!)) e += 2;
        else break;
      }
      let f = 0;
      if (t > sent.tokenStart) {
        const p = hl[t - 1]!;
        if (gz[t - 1]! & gaz.TITLE) f |= ctx.TITLE_BEFORE;
        if (p === H_IN || p === H_AT || p === H_NEAR || p === H_FROM) f |= ctx.PLACE_PREP_BEFORE;
        if (p === H_THE) f |= ctx.THE_BEFORE;
      }
      const last = gz[e - 1]!;
      const after = e < sent.tokenEnd ? gz[e]! : 0;
      if ((e - t > 1 && last & gaz.ORG_SUFFIX) || after & gaz.ORG_SUFFIX) f |= ctx.ORG_SUFFIX_AFTER;
      if ((e - t > 1 && last & gaz.ORG_CUE) || after & gaz.ORG_CUE) f |= ctx.ORG_CUE_AFTER;
      if ((e - t > 1 && last & gaz.PLACE_CUE) || after & gaz.PLACE_CUE) f |= ctx.PLACE_CUE_AFTER;
      if (e < sent.tokenEnd) {
        const q = hl[e]!;
        if (q === H_SAID || q === H_SAYS) f |= ctx.SAID_AFTER;
        if (q === H_POSS) f |= ctx.POSS_AFTER;
      }
      for (let u = t; u < e; u++) {
        runStart[u] = t;
        runEnd[u] = e;
        if (!isNamed(capc[u]!)) continue;
        let g = f;
        if (capc[u] === cap.INITIAL && u > sent.tokenStart && !caps) g |= 2;
        if (g !== 0) docFlags.or(hl[u]!, g);
      }
      t = e;
    }
  }

  // Sentence bounds per token (a token outside every sentence is its own sentence).
  const sa = new Int32Array(n);
  const sb = new Int32Array(n);
  const sc = new Uint8Array(n);
  for (let t = 0; t < n; t++) {
    sa[t] = t;
    sb[t] = t + 1;
  }
  for (let si = 0; si < sentences.length; si++) {
    const sent = sentences[si]!;
    for (let t = sent.tokenStart; t < sent.tokenEnd; t++) {
      sa[t] = sent.tokenStart;
      sb[t] = sent.tokenEnd;
      sc[t] = capsSentence[si]! | (digitSentence[si]! << 1);
    }
  }

  // How much of the document is numbers (results tables, market reports), in four levels.
  let digitTokens = 0;
  for (let t = 0; t < n; t++) if (capc[t] === cap.DIGIT) digitTokens++;
  const docDigits = digitTokens === 0 ? 0 : digitTokens * 10 < n ? 1 : digitTokens * 4 < n ? 2 : 3;
  const mask = (1 << bits) - 1;
  const withClusters = clusters !== undefined;
  const offsets = new Int32Array(n + 1);
  let feats = new Int32Array(n * TYPICAL_STATIC + MAX_STATIC);
  // First token of each distinct word, and where each token's word-only features end.
  const firstOf = new IntMap(n);
  const ownEnd = new Int32Array(n);
  let k = 0;
  // A feature is a weight-row offset; with a compact index, features without weights are dropped.
  const dense = index === null;
  const table: RowIndex = index ?? new Uint16Array(0);
  const put = (h: number): void => {
    const r = dense ? (h & mask) * labels : lookupRow(table, h & mask, labels);
    if (r >= 0) feats[k++] = r;
  };
  for (let i = 0; i < n; i++) {
    const a = sa[i]!;
    const b = sb[i]!;
    if (k + MAX_STATIC > feats.length) {
      const grown = new Int32Array(feats.length * 2);
      grown.set(feats);
      feats = grown;
    }
    const caps = sc[i]! & 1;
    const digits = sc[i]! >> 1;
    offsets[i] = k;
    const c = capc[i]!;
    const w = hl[i]!;
    const sp = shape[i]!;
    const wp = i - 1 >= a ? hl[i - 1]! : BOS1;
    const wn = i + 1 < b ? hl[i + 1]! : EOS1;
    const L = len[i]!;
    const g = gz[i]!;
    const flags = docFlags.get(w, 0);
    // Features of the word alone come first: a word seen before in this document copies them.
    const first = firstOf.get(hw[i]!, -1);
    if (first < 0) {
      firstOf.set(hw[i]!, i);
      put(feat1(0, 0));
      put(feat1(1, hw[i]!));
      put(feat1(2, w));
      put(feat1(3, sp));
      for (let q = 0; q < 4 && q < L; q++) {
        put(feat1(10 + q, pre[i * 4 + q]!));
        put(feat1(14 + q, suf[i * 4 + q]!));
      }
      if (g !== 0) for (let bit = 0; bit < gazBitCount; bit++) if (g & (1 << bit)) put(feat2(21, bit, c));
      if (flags > 3 && c !== cap.LOWER) {
        for (let bit = 2; bit < 10; bit++) if (flags & (1 << bit)) put(feat2(29, bit, c));
      }
      put(feat2(32, L, c));
      if (withClusters) {
        // Word clusters at three granularities (64, 512, 4,096), coarse ones with the word's case:
        // a name never seen in training still falls in the cluster of names like it.
        const q = cl[i]!;
        put(feat2(52, q === 0 ? 0 : 1 + ((q - 1) >> 6), c));
        put(feat2(53, q === 0 ? 0 : 1 + ((q - 1) >> 3), c));
        if (q !== 0) put(feat1(54, q));
      }
      ownEnd[i] = k;
    } else {
      const from = offsets[first]!;
      const to = ownEnd[first]!;
      feats.copyWithin(k, from, to);
      k += to - from;
      ownEnd[i] = k;
    }
    put(feat1(4, wp));
    put(feat1(5, wn));
    put(feat1(6, i - 2 >= a ? hl[i - 2]! : BOS2));
    put(feat1(7, i + 2 < b ? hl[i + 2]! : EOS2));
    put(feat2(8, i - 1 >= a ? shape[i - 1]! : BOS1, sp));
    put(feat2(9, sp, i + 1 < b ? shape[i + 1]! : EOS1));
    const p = pos[i]!;
    put(feat1(18, p));
    put(feat2(19, i - 1 >= a ? pos[i - 1]! : 30, p));
    put(feat2(20, p, i + 1 < b ? pos[i + 1]! : 31));
    const gp = i - 1 >= a ? gz[i - 1]! : 0;
    const gn = i + 1 < b ? gz[i + 1]! : 0;
    if ((gp | gn) !== 0) {
      for (let bit = 0; bit < gazBitCount; bit++) {
        const m = 1 << bit;
        if (gp & m) put(feat1(22, bit));
        if (gn & m) put(feat1(23, bit));
      }
    }
    put(feat2(24, wp, w));
    put(feat2(25, w, wn));
    put(feat2(26, i === a ? 1 : 0, c));
    put(feat2(27, caps, sp));
    put(feat2(28, flags & 3, c * 2 + caps));
    put(feat2(35, digits, c));
    put(feat2(47, docDigits * 8 + c, caps));
    const rs = runStart[i]!;
    if (rs >= 0 && runEnd[i]! - rs > 1) {
      const re = runEnd[i]!;
      const at = i === re - 1 ? 0 : i === rs ? 1 : 2;
      if (at !== 0) put(feat2(37, hl[re - 1]!, at));
      put(feat2(38, gz[re - 1]! & RUN_CUES, at));
      put(feat2(39, re - rs > 5 ? 5 : re - rs, i - rs > 3 ? 3 : i - rs));
    }
    if (withClusters) {
      // Neighbours' clusters (512); in a line written in capitals, where case tells nothing,
      // the word's own cluster with the line's kind (a case-folded view of the word).
      const qp = i - 1 >= a ? cl[i - 1]! : 0;
      const qn = i + 1 < b ? cl[i + 1]! : 0;
      put(feat1(55, qp === 0 ? (i - 1 >= a ? 0 : 9999) : (qp - 1) >> 3));
      put(feat1(56, qn === 0 ? (i + 1 < b ? 0 : 9999) : (qn - 1) >> 3));
      if (caps) put(feat1(57, cl[i]!));
    }
    // A word in brackets ("(Ruritania)").
    if (i - 1 >= a && i + 1 < b && wp === H_LPAREN && wn === H_RPAREN) put(feat2(51, c, g & RUN_CUES));
  }
  offsets[n] = k;
  return { n, hl, shape, cap: capc, gz, offsets, feats };
}

const RUN_CUES = gaz.ORG_SUFFIX | gaz.ORG_CUE | gaz.PLACE_CUE | gaz.TITLE | gaz.COUNTRY | gaz.CITY;
const connectors = new Set(['&', 'of', 'and', 'de', 'del', 'der', 'van', 'von', '-', "'", 'for', 'the', 'on', 'du', 'la'].map((w) => hashString(w, true)));

function isConnector(h: number): boolean {
  return connectors.has(h);
}

function isNamed(c: number): boolean {
  return c === cap.INITIAL || c === cap.ALL || c === cap.MIXED;
}
