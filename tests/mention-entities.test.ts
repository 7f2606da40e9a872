import { describe, expect, it } from 'vitest';
import { MentionEntities, mentionKey } from '../src/dedupe/mention-entities.js';

describe('MentionEntities', () => {
  it('answers by document and offset, and by the joined key', () => {
    const map = new MentionEntities();
    map.set('doc-a', 0, 'per_1');
    map.set('doc-a', 17, 'org_2');
    map.set('doc-b', 0, 'loc_3');
    expect(map.lookup('doc-a', 17)).toBe('org_2');
    expect(map.lookup('doc-b', 0)).toBe('loc_3');
    expect(map.lookup('doc-b', 17)).toBeUndefined();
    expect(map.lookup('doc-c', 0)).toBeUndefined();
    expect(map.get(mentionKey('doc-a', 0))).toBe('per_1');
    expect(map.size).toBe(3);
  });

  it('keeps the last id set for a mention and counts it once', () => {
    const map = new MentionEntities();
    map.set('d', 5, 'per_1');
    map.set('d', 5, 'per_2');
    expect(map.lookup('d', 5)).toBe('per_2');
    expect(map.size).toBe(1);
  });

  it('reads a doc id that itself holds the separator up to the last one, and refuses malformed keys', () => {
    const map = new MentionEntities();
    map.set('odd\u0000id', 3, 'org_9');
    expect(map.get('odd\u0000id\u00003')).toBe('org_9');
    expect(map.get('no separator')).toBeUndefined();
    expect(map.get('odd\u0000id\u0000x3')).toBeUndefined();
  });
});
