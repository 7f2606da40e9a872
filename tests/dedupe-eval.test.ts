import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defaultClustersPath, goldDocs, scorePairs, type GoldFile } from '../scripts/eval/dedupe.js';
import { corpusState } from '../src/corpus.js';
import { dedupeEntities } from '../src/stages/dedupe-entities.js';

describe('labelled mention clusters (tests/fixtures/dedupe-clusters)', () => {
  it('scores pairwise precision and recall of at least 0.95', () => {
    const gold = JSON.parse(readFileSync(defaultClustersPath, 'utf8')) as GoldFile;
    const { docs, items } = goldDocs(gold);
    const r = dedupeEntities({})(corpusState(docs));
    const score = scorePairs(items, items.map((i) => r.mentionEntity.lookup(i.doc, i.start)!), gold);
    expect(score.wrong).toEqual([]);
    expect(score.precision).toBeGreaterThanOrEqual(0.95);
    expect(score.recall).toBeGreaterThanOrEqual(0.95);
  });

  it('scorePairs counts a wrong merge against precision and a missed one against recall', () => {
    const gold: GoldFile = { clusters: [{ type: 'PLACE', name: 'A', mentions: [['d', 'a1'], ['d', 'a2']] }, { type: 'PLACE', name: 'B', mentions: [['d', 'b']] }] };
    const items = goldDocs(gold).items;
    expect(scorePairs(items, ['x', 'x', 'x'], gold)).toMatchObject({ precision: 1 / 3, recall: 1 });
    expect(scorePairs(items, ['x', 'y', 'z'], gold)).toMatchObject({ precision: 1, recall: 0 });
  });
});
