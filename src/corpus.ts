/**
 * What the corpus stages pass along, as `Doc` is what the per-document stages pass along: every
 * document that arrived at the barrier, and what each corpus stage has added so far. A corpus
 * stage is a factory (options in once, checked then) that returns a {@link CorpusStage}: a
 * function of one state that returns the next, doing no I/O of its own and reading no clock.
 *
 * The documents are not held as a list: the state has their {@link DocSource}, which keeps each
 * document's light part (id, source, title, counts) and reads the rest when a stage asks for it,
 * one document at a time. For a run on files that is the temporary file the documents were
 * spilled to as they arrived (src/io/doc-spill.ts), so what the corpus stages hold grows with
 * what they derive (one dedupe node per document and name, the event reports), not with every
 * mention, date and fingerprint of the corpus; for the library API it is a list in memory.
 */
import type { MentionEntityLookup } from './dedupe/mention-entities.js';
import { arrayRows, type BuiltTables, type RowBuffer } from './tables.js';
import type { Entity, Event, Fingerprints, Merge, ProcessedDoc } from './types.js';

/** A document dropped as an exact or near duplicate of an earlier one (in doc-id order). */
export interface DroppedDocument {
  docId: string;
  duplicateOf: string;
  similarity: number;
  kind: 'exact' | 'near';
}

/** What a document is without its mentions, dates, event reports and fingerprints. */
export type DocMeta = Omit<ProcessedDoc, 'entities' | 'dates' | 'events' | 'fingerprints'> & {
  /** Number of entity mentions. */
  readonly entityCount: number;
  /** Number of date mentions. */
  readonly dateCount: number;
};

/** Every field of {@link DocMeta} (checked by the compiler: a field added to the documents must be listed here). */
const docMetaFields = {
  id: true, source: true, line: true, title: true, published: true, publishedSource: true, url: true, markup: true,
  sentenceCount: true, tokenCount: true, droppedParagraphs: true, entityCount: true, dateCount: true,
} as const satisfies Record<keyof DocMeta, true>;
void docMetaFields;

/** The paragraphs dropped from a document that dropped none (shared; never added to). */
const noParagraphs = Object.freeze([]) as unknown as number[];

/**
 * The light part of a processed document: what a run keeps in memory for every document.
 *
 * Made as one of two object literals (with a line or without), so that all of a run's light parts
 * share one shape: copied with a rest pattern and a spread, as before, each light part got a
 * hidden class of its own, some 500 bytes per document (measured in a heap snapshot at 10 million
 * tokens: 45,000 documents, 45,000 maps). `intern` gives one copy of strings many documents repeat
 * (the name of a file of many documents, the published date and its source).
 */
export function docMeta(doc: ProcessedDoc, intern: (s: string) => string = (s) => s): DocMeta {
  // A file's name repeats only when the file holds many documents (JSONL, CSV: those have a line).
  const source = doc.line === undefined ? doc.source : intern(doc.source);
  const published = doc.published === null ? null : intern(doc.published);
  const publishedSource = intern(doc.publishedSource) as DocMeta['publishedSource'];
  const droppedParagraphs = doc.droppedParagraphs.length === 0 ? noParagraphs : doc.droppedParagraphs;
  const { id, title, sentenceCount, tokenCount } = doc;
  const entityCount = doc.entities.length;
  const dateCount = doc.dates.length;
  const meta: { -readonly [K in keyof DocMeta]: DocMeta[K] } =
    doc.line === undefined
      ? { id, source, title, published, publishedSource, sentenceCount, tokenCount, droppedParagraphs, entityCount, dateCount }
      : { id, source, line: doc.line, title, published, publishedSource, sentenceCount, tokenCount, droppedParagraphs, entityCount, dateCount };
  if (doc.url !== undefined) meta.url = doc.url;
  if (doc.markup !== undefined) meta.markup = doc.markup;
  return meta;
}

/**
 * The documents at the barrier, in doc-id order (index 0 is the smallest id). Reading a document
 * twice gives equal documents (the same object, for documents in memory).
 */
export interface DocSource {
  /** The light part of each document, by index. */
  readonly meta: readonly DocMeta[];
  /** The fingerprints of document `i` (the document dedupe's only input). */
  fingerprints(i: number): Fingerprints;
  /** The whole document `i`; its `fingerprints` may be spent (empty) once the document dedupe ran. */
  read(i: number): ProcessedDoc;
  /** Tells the source the fingerprints will not be asked for again (documents in memory let go of them). */
  spendFingerprints(): void;
  /** A place for rows made from the documents (the tables), kept where the documents are: in memory, or in their file. */
  rows(): RowBuffer;
}

/** What a document's fingerprints are once the document dedupe has run. */
export const spentFingerprints: Fingerprints = Object.freeze({ exact: '', minhash: Object.freeze([]) as unknown as number[], paragraphs: Object.freeze([]) as unknown as string[] });

const byId = (a: ProcessedDoc, b: ProcessedDoc): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Documents held in memory (the library API's, and tests'): sorted by id here. */
export function memoryDocs(input: readonly ProcessedDoc[]): DocSource {
  const docs = [...input].sort(byId);
  const meta = docs.map((d) => docMeta(d));
  return {
    meta,
    fingerprints: (i) => docs[i]!.fingerprints,
    read: (i) => docs[i]!,
    spendFingerprints() {
      for (let i = 0; i < docs.length; i++) if (docs[i]!.fingerprints !== spentFingerprints) docs[i] = { ...docs[i]!, fingerprints: spentFingerprints };
    },
    rows: arrayRows,
  };
}

/**
 * Mentions of a kept document to mark `repeated` (set by the document dedupe): those in the
 * paragraphs that an earlier kept document already has, as offsets `start0, end0, start1, end1,
 * ...` (each paragraph `[start, end]`, in text order). Numbers in one typed array: on a corpus
 * of wire copies most paragraphs are repeats, and a pair of numbers as an array each took some
 * 50 MB at 10 million tokens.
 */
export type RepeatedParagraphs = Int32Array;

/** The repeated paragraphs of kept documents, by index into `docs` (documents with none: undefined). */
export interface RepeatedLookup {
  get(i: number): RepeatedParagraphs | undefined;
}

/**
 * Repeated paragraphs of many documents in three typed arrays (the documents, ascending; where
 * each one's spans start; the spans): a typed array and a map entry per document took some 200
 * bytes each, on a corpus of wire copies nearly every document. {@link get} gives a view.
 */
export class RepeatedSpans implements RepeatedLookup {
  readonly #docs: Int32Array;
  readonly #first: Int32Array;
  readonly #spans: Int32Array;

  /** From documents in ascending order, each with its spans (none empty). */
  constructor(entries: Iterable<readonly [number, RepeatedParagraphs]>) {
    const docs: number[] = [];
    const first: number[] = [0];
    let total = 0;
    const parts: RepeatedParagraphs[] = [];
    for (const [i, spans] of entries) {
      if (docs.length > 0 && i <= docs.at(-1)!) throw new Error('RepeatedSpans: documents out of order');
      if (spans.length === 0) continue;
      docs.push(i);
      parts.push(spans);
      total += spans.length;
      first.push(total);
    }
    this.#docs = Int32Array.from(docs);
    this.#first = Int32Array.from(first);
    this.#spans = new Int32Array(total);
    for (let k = 0; k < parts.length; k++) this.#spans.set(parts[k]!, first[k]!);
  }

  get(i: number): RepeatedParagraphs | undefined {
    let lo = 0;
    let hi = this.#docs.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const d = this.#docs[mid]!;
      if (d < i) lo = mid + 1;
      else if (d > i) hi = mid - 1;
      else return this.#spans.subarray(this.#first[mid]!, this.#first[mid + 1]!);
    }
    return undefined;
  }
}

export interface CorpusState {
  /** Every document read, duplicates included. */
  readonly docs: DocSource;
  /** Indices into `docs` of the documents the later stages work on (ascending): all of them until the document dedupe drops some. */
  readonly kept: readonly number[];
  /** The repeated paragraphs of a kept document, by index into `docs` (documents with none are absent). */
  readonly repeated: RepeatedLookup;
  readonly duplicates: readonly DroppedDocument[];
  readonly entities: readonly Entity[];
  /** Entity id of each entity mention, by document and start offset. */
  readonly mentionEntity: MentionEntityLookup;
  readonly merges: readonly Merge[];
  readonly events: readonly Event[];
  /** The rows of every table, once the tables are built; null before. */
  readonly tables: BuiltTables | null;
}

/** A corpus stage: runs once, after every document has arrived. */
export type CorpusStage = (state: CorpusState) => CorpusState;

const noEntities: MentionEntityLookup = { lookup: () => undefined };

/** The state at the barrier: the documents, nothing derived yet. An array is held in memory ({@link memoryDocs}). */
export function corpusState(docs: DocSource | readonly ProcessedDoc[]): CorpusState {
  const source = Array.isArray(docs) ? memoryDocs(docs as readonly ProcessedDoc[]) : (docs as DocSource);
  return { docs: source, kept: source.meta.map((_, i) => i), repeated: new Map(), duplicates: [], entities: [], mentionEntity: noEntities, merges: [], events: [], tables: null };
}

/** Kept document `i` (an index into `state.docs`), its mentions in repeated paragraphs marked. */
export function readKept(state: Pick<CorpusState, 'docs' | 'repeated'>, i: number): ProcessedDoc {
  const doc = state.docs.read(i);
  const spans = state.repeated.get(i);
  if (spans !== undefined) markRepeated(doc, spans);
  return doc;
}

/** The kept documents, in doc-id order, read one at a time. */
export function* keptDocs(state: Pick<CorpusState, 'docs' | 'repeated' | 'kept'>): Generator<ProcessedDoc> {
  for (const i of state.kept) yield readKept(state, i);
}

/**
 * Marks `repeated` the mentions that start in one of `spans` (in place: on a corpus of wire copies
 * most documents share a paragraph with an earlier one, and a marked copy of every mention would
 * double what is held; only this sets the flag, and setting it twice changes nothing).
 */
export function markRepeated(doc: ProcessedDoc, spans: RepeatedParagraphs): void {
  if (spans.length === 0) return;
  const inSpan = (offset: number): boolean => {
    let lo = 0;
    let hi = spans.length / 2 - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = spans[2 * mid]!;
      const e = spans[2 * mid + 1]!;
      if (offset < s) hi = mid - 1;
      else if (offset > e) lo = mid + 1;
      else return true;
    }
    return false;
  };
  for (const m of doc.entities) if (inSpan(m.start)) m.repeated = true;
}
