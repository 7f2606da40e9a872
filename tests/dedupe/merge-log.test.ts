/**
 * The dedupe's merge log keeps each distinct merge record once (a name joined in every document
 * it is in logs the same record again and again: 685,000 merges for 45,000 rows at 10M tokens),
 * and the merges table still gets one row per entity and record, as before.
 */
import { describe, expect, it } from 'vitest';
import { clusterEntities } from '../../src/dedupe/cluster.js';
import { MergeLog } from '../../src/dedupe/state.js';
import { doc } from '../dedupe-helpers.js';

describe('MergeLog', () => {
  it('keeps one record per distinct merge, and every merge as its node and record, in order', () => {
    const log = new MergeLog();
    for (let i = 0; i < 5_000; i++) log.push({ node: i, from: 'Velmora', into: 'Velmora City', rule: 'exact', score: 1, docId: null });
    log.push({ node: 7, from: 'Velmora', into: 'Velmora City', rule: 'exact', score: 1, docId: 'd1' });
    log.push({ node: 8, from: 'Velmora', into: 'Velmora City', rule: 'exact', score: 0.5, docId: null });
    expect(log.length).toBe(5_002);
    expect(log.records).toBe(3);
    expect([log.node(0), log.node(4_999), log.node(5_000), log.node(5_001)]).toEqual([0, 4_999, 7, 8]);
    expect([log.recordId(0), log.recordId(4_999), log.recordId(5_000), log.recordId(5_001)]).toEqual([0, 0, 1, 2]);
    expect(log.record(1)).toEqual({ from: 'Velmora', into: 'Velmora City', rule: 'exact', score: 1, docId: 'd1' });
  });

  it('gives the merges table one row per entity and record, however often a merge repeats', () => {
    const docs = Array.from({ length: 40 }, (_, i) => doc(`d${String(i).padStart(2, '0')}`, [['PERSON', 'Arlo Venn'], ['PERSON', 'Venn']]));
    const { entities, merges } = clusterEntities(() => docs, { merge: [], forbid: [], places: null, ablate: new Set() });
    expect(entities.filter((e) => e.type === 'PERSON')).toHaveLength(1);
    const keys = merges.map((m) => JSON.stringify(m));
    expect(new Set(keys).size).toBe(keys.length);
    // 39 cross-document joins of "Arlo Venn" are one row; the short form's, one per document.
    expect(merges.filter((m) => m.docId === null)).toEqual([{ entityId: entities[0]!.id, from: 'Arlo Venn', into: 'Arlo Venn', rule: 'exact', score: 1, docId: null }]);
    expect(merges.filter((m) => m.rule === 'short-form').map((m) => m.docId)).toEqual(docs.map((d) => d.id));
    expect(merges).toHaveLength(41);
  });
});
