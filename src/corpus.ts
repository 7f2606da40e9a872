/**
 * What the corpus stages pass along, as `Doc` is what the per-document stages pass along: every
 * document that arrived at the barrier, and what each corpus stage has added so far. A corpus
 * stage is a factory (options in once, checked then) that returns a {@link CorpusStage}: a
 * function of one state that returns the next, doing no I/O and reading no clock.
 */
import type { MentionEntityLookup } from './dedupe/mention-entities.js';
import type { BuiltTables } from './tables.js';
import type { Entity, Event, Merge, ProcessedDoc } from './types.js';

/** A document dropped as an exact or near duplicate of an earlier one (in doc-id order). */
export interface DroppedDocument {
  docId: string;
  duplicateOf: string;
  similarity: number;
  kind: 'exact' | 'near';
}

export interface CorpusState {
  /** Every document read, in doc-id order, duplicates included. */
  readonly docs: readonly ProcessedDoc[];
  /** The documents the later stages work on: all of them until the document dedupe drops some. */
  readonly kept: readonly ProcessedDoc[];
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

/** The state at the barrier: the documents (sorted by id here), nothing derived yet. */
export function corpusState(docs: readonly ProcessedDoc[]): CorpusState {
  const sorted = [...docs].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { docs: sorted, kept: sorted, duplicates: [], entities: [], mentionEntity: noEntities, merges: [], events: [], tables: null };
}
