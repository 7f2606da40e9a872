import type { EntityType, MentionRecord, ProcessedDoc } from '../src/types.js';

/** A mention for tests: [type, text] or with extras. */
export type M = [EntityType, string, Partial<MentionRecord>?];

/** A processed document whose mentions are laid out one after another. */
export function doc(id: string, mentions: M[]): ProcessedDoc {
  let at = 0;
  const entities: MentionRecord[] = mentions.map(([type, text, extra]) => {
    const m: MentionRecord = { start: at, end: at + text.length, type, sentence: 0, text, ...extra };
    at += text.length + 1;
    return m;
  });
  return {
    id, source: `${id}.txt`, title: id, published: null, publishedSource: 'none',
    sentenceCount: 1, tokenCount: mentions.length, entities, dates: [], events: [],
    fingerprints: { exact: id, minhash: [], paragraphs: [] }, droppedParagraphs: [],
  };
}
