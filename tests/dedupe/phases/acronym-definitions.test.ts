import { describe, expect, it } from 'vitest';
import { doc, run } from '../../dedupe-helpers.js';

describe('within a document: acronym-definitions', () => {
  it('joins an acronym defined in the text to its long form', () => {
    const d = doc('a', [
      ['ORGANIZATION', 'NRWA', { longFormText: 'Northern Rivers Water Authority' }],
      ['ORGANIZATION', 'Northern Rivers Water Authority'],
    ]);
    const r = run([d]);
    expect(r.entities).toHaveLength(1);
    expect(r.entities[0]!.name).toBe('Northern Rivers Water Authority');
    expect(r.merges.map((m) => m.rule)).toContain('acronym');
  });
});
