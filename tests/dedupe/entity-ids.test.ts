/**
 * Entity ids of clusters that share a canonical key (src/dedupe/cluster.ts, `EntityIds`): the
 * same ids as ever, and linear work however many clusters share one key and aliases (a city's
 * club in each of thousands of documents made it quadratic: most of the 50M run's entity dedupe).
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { EntityIds } from '../../src/dedupe/cluster.js';
import type { EntityType } from '../../src/types.js';

/** The allocation as it was first written: the reference for the ids. */
function reference(): (type: EntityType, key: string, aliases: readonly string[]) => string {
  const used = new Set<string>();
  const hash = (type: EntityType, key: string): string =>
    `${type === 'PERSON' ? 'per' : type === 'ORGANIZATION' ? 'org' : 'loc'}_${createHash('sha256').update(key).digest('hex').slice(0, 12)}`;
  return (type, key, aliases) => {
    let id = hash(type, key);
    if (used.has(id)) {
      const full = `${key}\u0000${aliases.join('\u0001')}`;
      id = hash(type, full);
      for (let k = 2; used.has(id); k++) id = hash(type, `${full}\u0000${k}`);
    }
    used.add(id);
    return id;
  };
}

describe('EntityIds', () => {
  it('gives the ids it always gave, for keys shared by several clusters with the same or other aliases', () => {
    const ids = new EntityIds();
    const ref = reference();
    const calls: Array<[EntityType, string, string[]]> = [];
    for (let i = 0; i < 40; i++) {
      calls.push(['ORGANIZATION', 'ORGANIZATION\u0000velmora\u0000\u0000', i % 3 === 0 ? ['VELMORA'] : ['VELMORA', 'Velmora']]);
      calls.push(['PLACE', `PLACE\u0000town ${i % 4}\u0000city\u0000XX`, ['Town']]);
    }
    calls.push(['PERSON', 'PERSON\u0000ann\u0000\u0000', ['Ann']]);
    const got = calls.map(([t, k, a]) => ids.allocate(t, k, a));
    expect(got).toEqual(calls.map(([t, k, a]) => ref(t, k, a)));
    expect(new Set(got).size).toBe(got.length);
  });

  it('hashes each cluster a bounded number of times, not once per earlier cluster of its key', () => {
    const ids = new EntityIds();
    const n = 2_000;
    for (let i = 0; i < n; i++) ids.allocate('ORGANIZATION', 'ORGANIZATION\u0000milbrook\u0000\u0000', ['MILBROOK']);
    // First cluster: 1 hash; second: 2; each later one: 3 (key, key with aliases, next suffix).
    expect(ids.hashes).toBeLessThanOrEqual(3 * n);
  });
});
