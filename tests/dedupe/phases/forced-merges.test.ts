import { describe, expect, it } from 'vitest';
import { dedupeEntities } from '../../../src/stages/dedupe-entities.js';
import { doc, run } from '../../dedupe-helpers.js';

describe('overrides', () => {
  const docs = [doc('d1', [['ORGANIZATION', 'Blue Crescent Society']]), doc('d2', [['ORGANIZATION', 'Crescent Aid']])];

  it('forces a merge and records it with rule override', () => {
    const r = run(docs, { merge: [['Blue Crescent Society', 'crescent aid']] });
    expect(r.entities).toHaveLength(1);
    expect(r.merges).toContainEqual(expect.objectContaining({ rule: 'override', score: 1 }));
  });

  it('forbids a merge the rules would make and records it with score 0', () => {
    const variants = [doc('d1', [['PERSON', 'Karim Nouri']]), doc('d2', [['PERSON', 'Karim Nuri']])];
    const r = run(variants, { forbid: [['Karim Nouri', 'Karim Nuri']] });
    expect(r.entities).toHaveLength(2);
    expect(r.merges).toContainEqual(expect.objectContaining({ rule: 'override', score: 0 }));
  });

  it('rejects a malformed override', () => {
    expect(() => dedupeEntities({ places: null, overrides: { merge: [['only one']] as never } })).toThrow(/pair of two non-empty strings/);
    expect(() => dedupeEntities({ places: null, overrides: { merge: [], other: [] } as never })).toThrow(/valid keys: merge, forbid/);
  });
});
