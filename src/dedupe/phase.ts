import type { DedupeState, Node } from './state.js';

/** A phase run once over the whole corpus. */
export interface CorpusPhase {
  /** The phase's file name in src/dedupe/phases/. */
  name: string;
  scope: 'corpus';
  run(state: DedupeState): void;
}

/**
 * A phase run on each document's nodes. Consecutive document phases run together, document by
 * document in sorted order: all of them on one document before the next document.
 */
export interface DocumentPhase {
  name: string;
  scope: 'document';
  run(state: DedupeState, docId: string, nodes: readonly Node[]): void;
}

export type DedupePhase = CorpusPhase | DocumentPhase;
