import type { EntityType, MentionRecord, ProcessedDoc } from '../src/types.js';
import { corpusState } from '../src/corpus.js';
import { dedupeEntities } from '../src/stages/dedupe-entities.js';

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

/** The dedupe without a gazetteer: the phase tests are about the name rules; tests/geo-*.test.ts cover the linking. */
export const run = (docs: ProcessedDoc[], overrides?: { merge?: Array<[string, string]>; forbid?: Array<[string, string]> }) =>
  dedupeEntities({ places: null, ...(overrides === undefined ? {} : { overrides }) })(corpusState(docs));

/** The entity names, each with the sorted texts of its mentions. */
export function groups(docs: ProcessedDoc[], overrides?: Parameters<typeof run>[1]): string[][] {
  const r = run(docs, overrides);
  const byId = new Map<string, string[]>();
  for (const d of docs) for (const m of d.entities) {
    const id = r.mentionEntity.lookup(d.id, m.start)!;
    byId.set(id, [...(byId.get(id) ?? []), m.text]);
  }
  return [...byId.values()].map((g) => [...new Set(g)].sort()).sort((a, b) => (a[0]! < b[0]! ? -1 : 1));
}

/** Whether mentions with texts `a` and `b` end in one entity. */
export const together = (docs: ProcessedDoc[], a: string, b: string, o?: Parameters<typeof run>[1]) =>
  groups(docs, o).some((g) => g.includes(a) && g.includes(b));
