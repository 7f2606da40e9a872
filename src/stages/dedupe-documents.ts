/**
 * Duplicate documents and paragraphs.
 *
 * Per document ({@link fingerprintDocument}): an exact hash of the normalized text, a MinHash
 * signature of its word shingles, and a hash per paragraph (non-blank line, numbered as
 * `Sentence.paragraph` numbers them). A paragraph whose normalized text already appeared earlier in
 * the same document (a caption printed twice, the headline again above the body) is dropped.
 *
 * Over the corpus ({@link dedupeDocuments}): documents are visited in doc-id order; one whose
 * exact hash, or whose MinHash Jaccard estimate with an earlier kept one reaches the threshold,
 * is dropped as a duplicate of it. In the documents kept, a paragraph of four words or more that
 * an earlier kept document already has (the same caption in two articles) keeps its mentions,
 * but they are marked `repeated` and the entity dedupe does not count them.
 */
import { createHash } from 'node:crypto';
import { DatelineError, describe } from '../errors.js';
import { RepeatedSpans, type CorpusStage, type DroppedDocument, type RepeatedParagraphs } from '../corpus.js';
import type { Doc, Fingerprints } from '../types.js';
import { lineRanges } from './split-sentences.js';

/** Number of MinHash functions (signature length). */
export const minhashSize = 64;
/** Words per shingle. */
const shingleSize = 3;
/** LSH banding: `bands * rows = minhashSize`; 16 bands of 4 find pairs from a Jaccard of about 0.5 up. */
const bands = 16;
const rows = minhashSize / bands;
/** Paragraphs shorter than this (in words) are too generic to call repeats across documents. */
const minSharedParagraphWords = 4;

/** Fixed seeds, derived from a constant string: no randomness, the same signature in every run. */
const seeds: Uint32Array = (() => {
  const out = new Uint32Array(minhashSize);
  const bytes = createHash('sha512').update('dateline-minhash-v1').digest();
  let block = bytes;
  for (let i = 0; i < minhashSize; i++) {
    if (i % 16 === 0 && i > 0) block = createHash('sha512').update(block).digest();
    out[i] = block.readUInt32LE((i % 16) * 4);
  }
  return out;
})();

/** Lower-case, accent-folded words of a text (letters and digits only): what the hashes see. */
export function normalizeWords(text: string): string[] {
  return (
    text
      .normalize('NFKD')
      .replace(/\p{M}+/gu, '')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? []
  );
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 32);
}

/**
 * FNV-1a, 32 bits, of `words.slice(from, to).join(' ')`: the base hash of a shingle (the MinHash
 * functions are mixes of it), computed without building the string, since a document has about
 * as many shingles as words.
 */
function shingleHash(words: readonly string[], from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let w = from; w < to; w++) {
    if (w > from) {
      h ^= 0x20; // the joining space
      h = Math.imul(h, 0x01000193);
    }
    const word = words[w]!;
    for (let i = 0; i < word.length; i++) {
      h ^= word.charCodeAt(i);
      h = Math.imul(h, 0x01000193);
    }
  }
  return h >>> 0;
}

/** MurmurHash3's 32-bit finalizer: a cheap, well-mixed permutation of 32-bit values. */
function fmix32(x: number): number {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** MinHash signature of the word shingles of `words` (all 0xffffffff for an empty text). */
export function minhash(words: readonly string[]): number[] {
  const sig = new Array<number>(minhashSize).fill(0xffffffff);
  const n = Math.max(1, words.length - shingleSize + 1);
  if (words.length === 0) return sig;
  for (let i = 0; i < n; i++) {
    const base = shingleHash(words, i, Math.min(i + shingleSize, words.length));
    for (let k = 0; k < minhashSize; k++) {
      const v = fmix32(base ^ seeds[k]!);
      if (v < sig[k]!) sig[k] = v;
    }
  }
  return sig;
}

/** Share of equal positions of two signatures: an estimate of the Jaccard similarity of the shingle sets. */
export function jaccardEstimate(a: readonly number[], b: readonly number[]): number {
  if (a.length !== b.length || a.length === 0) return 0;
  let same = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++;
  return same / a.length;
}

/** Fingerprints of one document, and the paragraphs repeated inside it (dropped after their first). */
export function fingerprintDocument(doc: Pick<Doc, 'text'>): { fingerprints: Fingerprints; droppedParagraphs: number[] } {
  const paragraphs: string[] = [];
  const paragraphSpans: Array<[number, number]> = [];
  const paragraphWords: number[] = [];
  const droppedParagraphs: number[] = [];
  const kept: string[] = [];
  const seen = new Set<string>();
  for (const [start, end] of lineRanges(doc.text)) {
    const line = doc.text.slice(start, end);
    if (!/\S/.test(line)) continue;
    const words = normalizeWords(line);
    const hash = sha256(words.join(' '));
    const index = paragraphs.length;
    paragraphs.push(hash);
    paragraphSpans.push([start, end]);
    paragraphWords.push(words.length);
    if (words.length > 0 && seen.has(hash)) {
      droppedParagraphs.push(index);
      continue;
    }
    seen.add(hash);
    for (const w of words) kept.push(w); // not push(...words): a paragraph of a million words would overflow the stack
  }
  return {
    fingerprints: { exact: sha256(kept.join(' ')), minhash: minhash(kept), paragraphs, paragraphSpans, paragraphWords },
    droppedParagraphs,
  };
}

/** Options of the document dedupe. */
export interface DocumentDedupeOptions {
  /**
   * Jaccard estimate (MinHash of word 3-shingles) from which two documents are near-duplicates.
   * @default 0.9
   */
  threshold?: number;
}

export type { DroppedDocument };

/**
 * Corpus stage: drops exact and near-duplicate documents from `kept` (into `duplicates`); marks
 * mentions of shared paragraphs.
 */
export function dedupeDocuments(options: DocumentDedupeOptions = {}): CorpusStage {
  const threshold = options.threshold ?? 0.9;
  if (typeof threshold !== 'number' || !(threshold > 0 && threshold <= 1)) {
    throw new DatelineError('CONFIG_INVALID', `\`dedupe.nearDuplicateThreshold\` must be a number above 0 and at most 1, got ${describe(threshold)}`);
  }
  return (state) => {
    // Documents in doc-id order, one set of fingerprints at a time: a bucket keeps a kept
    // document's id and signature, not the document.
    const kept: number[] = [];
    const dropped: DroppedDocument[] = [];
    // Spans of the kept documents, in index order (those found here, else any found before).
    const repeated: Array<readonly [number, RepeatedParagraphs]> = [];
    const byExact = new Map<string, string>();
    const buckets = new Map<string, Array<{ id: string; minhash: readonly number[] }>>();
    const sharedParagraphs = new Set<string>();
    for (const i of state.kept) {
      const { id, droppedParagraphs } = state.docs.meta[i]!;
      const fp = state.docs.fingerprints(i);
      const empty = fp.minhash.length === 0 || fp.minhash.every((v) => v === 0xffffffff);
      const exactOf = empty ? undefined : byExact.get(fp.exact);
      if (exactOf !== undefined) {
        dropped.push({ docId: id, duplicateOf: exactOf, similarity: 1, kind: 'exact' });
        continue;
      }
      const keys = empty ? [] : bandKeys(fp.minhash);
      let best: { id: string; similarity: number } | null = null;
      const candidates = new Set<{ id: string; minhash: readonly number[] }>();
      for (const key of keys) for (const c of buckets.get(key) ?? []) candidates.add(c);
      for (const c of candidates) {
        const similarity = jaccardEstimate(fp.minhash, c.minhash);
        if (similarity >= threshold && (best === null || similarity > best.similarity || (similarity === best.similarity && c.id < best.id))) {
          best = { id: c.id, similarity };
        }
      }
      if (best !== null) {
        dropped.push({ docId: id, duplicateOf: best.id, similarity: Math.round(best.similarity * 1e4) / 1e4, kind: 'near' });
        continue;
      }
      if (!empty) byExact.set(fp.exact, id);
      const entry = { id, minhash: fp.minhash };
      for (const key of keys) {
        const bucket = buckets.get(key);
        if (bucket === undefined) buckets.set(key, [entry]);
        else bucket.push(entry);
      }
      const spans = sharedSpans(fp, droppedParagraphs, sharedParagraphs);
      const before = state.repeated.get(i);
      if (spans.length > 0) repeated.push([i, spans]);
      else if (before !== undefined) repeated.push([i, before]);
      kept.push(i);
    }
    // The fingerprints are spent: no later stage reads them (documents in memory let go of them;
    // at about 3 KB a document they were a fifth of what the documents held at the barrier).
    state.docs.spendFingerprints();
    return { ...state, kept, repeated: new RepeatedSpans(repeated), duplicates: [...state.duplicates, ...dropped] };
  };
}

function bandKeys(sig: readonly number[]): string[] {
  const keys: string[] = [];
  for (let b = 0; b < bands; b++) keys.push(`${b}:${sig.slice(b * rows, (b + 1) * rows).join(',')}`);
  return keys;
}

/**
 * The spans of the paragraphs of a kept document that an earlier kept document already has (its
 * mentions there are marked `repeated` when the document is read: `readKept`, src/corpus.ts),
 * then adds this document's paragraphs to `shared`. Paragraph spans are needed to place a mention;
 * a document fingerprinted without them has none.
 */
const noSpans: RepeatedParagraphs = new Int32Array(0);

function sharedSpans(fp: Fingerprints, droppedParagraphs: readonly number[], shared: Set<string>): RepeatedParagraphs {
  const spans = fp.paragraphSpans;
  const words = fp.paragraphWords;
  if (spans === undefined || words === undefined) return noSpans;
  const droppedInDoc = new Set(droppedParagraphs);
  const out: number[] = [];
  fp.paragraphs.forEach((hash, i) => {
    if (droppedInDoc.has(i) || (words[i] ?? 0) < minSharedParagraphWords) return;
    if (shared.has(hash) && spans[i] !== undefined) out.push(spans[i]![0], spans[i]![1]);
  });
  fp.paragraphs.forEach((hash, i) => {
    if (!droppedInDoc.has(i) && (words[i] ?? 0) >= minSharedParagraphWords) shared.add(hash);
  });
  return out.length === 0 ? noSpans : Int32Array.from(out);
}
