import { describe, expect, it } from 'vitest';
import { MentionEntities } from '../src/dedupe/mention-entities.js';

describe('MentionEntities', () => {
  it('answers by document and offset', () => {
    const map = new MentionEntities();
    map.set('doc-a', 0, 'per_1');
    map.set('doc-a', 17, 'org_2');
    map.set('doc-b', 0, 'loc_3');
    expect(map.lookup('doc-a', 0)).toBe('per_1');
    expect(map.lookup('doc-a', 17)).toBe('org_2');
    expect(map.lookup('doc-b', 0)).toBe('loc_3');
    expect(map.lookup('doc-b', 17)).toBeUndefined();
    expect(map.lookup('doc-c', 0)).toBeUndefined();
    expect(map.size).toBe(3);
  });

  it('keeps the last id set for a mention and counts it once', () => {
    const map = new MentionEntities();
    map.set('d', 5, 'per_1');
    map.set('d', 5, 'per_2');
    expect(map.lookup('d', 5)).toBe('per_2');
    expect(map.size).toBe(1);
  });

  it('keeps documents apart whatever their ids hold', () => {
    const map = new MentionEntities();
    map.set('a\u00001', 2, 'org_9');
    map.set('a', 12, 'org_8');
    expect(map.lookup('a\u00001', 2)).toBe('org_9');
    expect(map.lookup('a', 12)).toBe('org_8');
    expect(map.lookup('a', 1)).toBeUndefined();
  });
});
