/**
 * The dedupe's nodes as columns (src/dedupe/node-table.ts): a node reads back what it was made
 * of, the three fields the phases set change for that node only, and a node object holds nothing
 * but its index (the fields live in the table's typed arrays).
 */
import { describe, expect, it } from 'vitest';
import { surface } from '../../src/names/normalize.js';
import { NodeTable, type NodeDraft } from '../../src/dedupe/node-table.js';
import { DocNodes } from '../../src/dedupe/state.js';
import type { PlaceLink } from '../../src/types.js';

const draft = (over: Partial<NodeDraft> = {}): NodeDraft => ({
  docId: 'd1',
  type: 'PERSON',
  typedAs: 'ORGANIZATION',
  surf: surface('Maria Lopez', 'PERSON'),
  written: ['Maria Lopez'],
  mentionCount: 3,
  counted: 2,
  roles: new Set(['minister']),
  virtual: false,
  kind: null,
  ...over,
});

const link: PlaceLink = { kind: 'city', countryCode: 'ES', admin1: null, latitude: 40.4, longitude: -3.7, gazetteerId: 'geonames:1' };

describe('NodeTable', () => {
  it('gives back every field of every node, in the order added', () => {
    const table = new NodeTable();
    const drafts = Array.from({ length: 3000 }, (_, i) =>
      draft({
        docId: `d${i % 7}`,
        type: (['PERSON', 'ORGANIZATION', 'PLACE'] as const)[i % 3]!,
        typedAs: (['PLACE', 'PERSON', 'ORGANIZATION'] as const)[i % 3]!,
        surf: surface(`Name ${i % 50}`, 'PERSON'),
        written: i % 2 === 0 ? ['a'] : ['a', `b${i}`],
        mentionCount: i,
        counted: i % 5,
        roles: i % 4 === 0 ? new Set([`r${i}`]) : new Set(),
        virtual: i % 6 === 0,
        kind: ([null, 'country', 'region', 'city', 'other'] as const)[i % 5]!,
      }),
    );
    const nodes = drafts.map((d) => table.add(d));
    table.seal();
    expect(table.length).toBe(3000);
    for (const [i, d] of drafts.entries()) {
      const n = table.nodes[i]!;
      expect(n).toBe(nodes[i]);
      expect(n.index).toBe(i);
      expect({
        docId: n.docId, type: n.type, typedAs: n.typedAs, surf: n.surf, written: n.written, mentionCount: n.mentionCount,
        counted: n.counted, roles: [...n.roles], virtual: n.virtual, kind: n.kind, weak: n.weak, link: n.link,
      }).toEqual({ ...d, roles: [...d.roles], weak: false, link: null });
      expect(n.surf).toBe(d.surf);
      expect(n.written).toBe(d.written);
    }
  });

  it('sets weak, link and kind on one node only', () => {
    const table = new NodeTable();
    const [a, b] = [table.add(draft()), table.add(draft({ docId: 'd2' }))];
    a.weak = true;
    a.link = link;
    a.kind = 'city';
    expect([a.weak, a.link, a.kind]).toEqual([true, link, 'city']);
    expect(a.link).toBe(link);
    expect([b.weak, b.link, b.kind]).toEqual([false, null, null]);
    a.weak = false;
    a.link = null;
    expect([a.weak, a.link, a.type, a.typedAs, a.virtual]).toEqual([false, null, 'PERSON', 'ORGANIZATION', false]);
  });

  it('keeps a node as its index alone, and refuses what it cannot hold', () => {
    const table = new NodeTable();
    const n = table.add(draft());
    expect(Object.keys(n)).toEqual(['index']);
    expect(() => table.add(draft({ type: 'EVENT' as never }))).toThrow(/unknown value EVENT/);
    table.seal();
    expect(() => table.add(draft())).toThrow(/sealed/);
    expect(n.docId).toBe('d1');
  });
});

describe('DocNodes', () => {
  it('gives each document its consecutive nodes, none to a document without any, in document order', () => {
    const table = new NodeTable();
    for (const docId of ['a', 'a', 'c', 'c', 'c']) table.add(draft({ docId }));
    const byDoc = new DocNodes(table.nodes, ['a', 'b', 'c'], Int32Array.of(0, 2, 2, 5));
    expect([...byDoc].map(([id, list]) => [id, list.map((n) => n.index)])).toEqual([['a', [0, 1]], ['b', []], ['c', [2, 3, 4]]]);
    expect([...byDoc.values()].map((l) => l.length)).toEqual([2, 0, 3]);
    expect(() => new DocNodes(table.nodes, ['a'], Int32Array.of(0))).toThrow(/one start per document/);
  });
});
