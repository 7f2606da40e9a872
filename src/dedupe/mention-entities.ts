/**
 * The entity id of every entity mention, by document and start offset: what the entity dedupe
 * hands to the event merge and the tables.
 *
 * A corpus has about one entity mention per eight tokens, so this is the largest map the corpus
 * stages hold. Keyed by document, then by offset (a small integer), it needs no key string per
 * mention: at 10 million tokens (1.2 million mentions) it holds a fraction of what one map keyed
 * by `${docId}\u0000${start}` did.
 */

/** What the corpus stages need: the entity id of the mention starting at `start` in `docId`. */
export interface MentionEntityLookup {
  lookup(docId: string, start: number): string | undefined;
}

export class MentionEntities implements MentionEntityLookup {
  readonly #byDoc = new Map<string, Map<number, string>>();

  set(docId: string, start: number, entityId: string): void {
    let inDoc = this.#byDoc.get(docId);
    if (inDoc === undefined) this.#byDoc.set(docId, (inDoc = new Map()));
    inDoc.set(start, entityId);
  }

  /** The entity of the mention starting at `start` in `docId`. */
  lookup(docId: string, start: number): string | undefined {
    return this.#byDoc.get(docId)?.get(start);
  }

  /** Number of mentions mapped. */
  get size(): number {
    let n = 0;
    for (const inDoc of this.#byDoc.values()) n += inDoc.size;
    return n;
  }
}
