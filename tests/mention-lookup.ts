import type { MentionEntityLookup } from '../src/dedupe/mention-entities.js';

/** A mention-to-entity lookup for tests, filled by hand: the last id set for a mention wins. */
export class MentionEntities implements MentionEntityLookup {
  readonly #byKey = new Map<string, string>();

  set(docId: string, start: number, entityId: string): void {
    this.#byKey.set(JSON.stringify([docId, start]), entityId);
  }

  lookup(docId: string, start: number): string | undefined {
    return this.#byKey.get(JSON.stringify([docId, start]));
  }
}
