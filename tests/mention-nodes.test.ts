/**
 * The entity dedupe's node of each mention, kept as numbers (`MentionNodes`,
 * src/dedupe/mention-entities.ts), and the entity lookup made from it.
 */
import { describe, expect, it } from 'vitest';
import { MentionNodes } from '../src/dedupe/mention-entities.js';

describe('MentionNodes', () => {
  const nodes = new MentionNodes();
  nodes.addDocument('doc-a', [0, 17, 17, 40], [3, 5, 4, 3]);
  nodes.addDocument('doc-b', [], []);
  nodes.addDocument('a\u00001', [2], [7]);
  nodes.seal();

  it('answers by document and start offset', () => {
    expect(nodes.nodeOf('doc-a', 0)).toBe(3);
    expect(nodes.nodeOf('doc-a', 40)).toBe(3);
    expect(nodes.nodeOf('a\u00001', 2)).toBe(7);
    expect(nodes.nodeOf('doc-a', 1)).toBe(-1);
    expect(nodes.nodeOf('doc-b', 0)).toBe(-1);
    expect(nodes.nodeOf('doc-c', 0)).toBe(-1);
  });

  it('maps a start shared by two mentions to the later node in node order', () => {
    expect(nodes.nodeOf('doc-a', 17)).toBe(5);
  });

  it('gives each mention its node\'s entity id', () => {
    const ids = ['per_0', 'per_1', 'per_2', 'org_3', 'org_4', 'loc_5', 'loc_6', 'per_7'];
    const lookup = nodes.entities(ids);
    expect(lookup.lookup('doc-a', 17)).toBe('loc_5');
    expect(lookup.lookup('a\u00001', 2)).toBe('per_7');
    expect(lookup.lookup('doc-a', 99)).toBeUndefined();
  });

  it('takes no documents once sealed', () => {
    expect(() => nodes.addDocument('doc-d', [1], [1])).toThrow(/sealed/);
  });
});
