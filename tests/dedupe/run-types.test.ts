import { describe, expect, it } from 'vitest';
import { corpusState } from '../../src/corpus.js';
import type { PlaceResolver } from '../../src/geo/types.js';
import { dedupeEntities } from '../../src/stages/dedupe-entities.js';
import { doc, run } from '../dedupe-helpers.js';

describe('run-types: one type per name over the run', () => {
  it('joins a name typed differently in two documents as one entity of the type most mentions have', () => {
    const docs = [
      doc('d1', [['ORGANIZATION', 'Marrow Kessing'], ['ORGANIZATION', 'Marrow Kessing']]),
      doc('d2', [['PERSON', 'Marrow Kessing']]),
    ];
    const r = run(docs);
    expect(r.entities).toHaveLength(1);
    expect(r.entities[0]!.type).toBe('ORGANIZATION');
    expect(r.merges.map((m) => m.rule)).toContain('run-type');
    // The mention keeps its own type; only the entity is typed once.
    expect(docs[1]!.entities[0]!.type).toBe('PERSON');
    expect(r.mentionEntity.lookup('d2', 0)).toBe(r.entities[0]!.id);
  });

  it('changes nothing on a tie, or with the rule switched off', () => {
    const tie = [doc('d1', [['ORGANIZATION', 'Marrow Kessing']]), doc('d2', [['PERSON', 'Marrow Kessing']])];
    expect(run(tie).entities).toHaveLength(2);
    const docs = [doc('d1', [['ORGANIZATION', 'Marrow Kessing'], ['ORGANIZATION', 'Marrow Kessing']]), doc('d2', [['PERSON', 'Marrow Kessing']])];
    expect(dedupeEntities({ places: null, ablate: ['run-type'] })(corpusState(docs)).entities).toHaveLength(2);
  });

  it('pools a place label only for a country the gazetteer knows', () => {
    const places: PlaceResolver = {
      resolve: (name) => (name === 'Ruritania' ? { kind: 'country', countryCode: 'XR', admin1: null, latitude: null, longitude: null, gazetteerId: 'c:XR' } : null),
    };
    const country = [doc('d1', [['PLACE', 'Ruritania'], ['PLACE', 'Ruritania']]), doc('d2', [['ORGANIZATION', 'Ruritania']])];
    const r = dedupeEntities({ places })(corpusState(country));
    expect(r.entities.map((e) => e.type)).toEqual(['PLACE']);
    const town = [doc('d1', [['PLACE', 'Lorca'], ['PLACE', 'Lorca']]), doc('d2', [['ORGANIZATION', 'Lorca']])];
    expect(dedupeEntities({ places })(corpusState(town)).entities.map((e) => e.type).sort()).toEqual(['ORGANIZATION', 'PLACE']);
  });

  it('rejects an unknown rule name to switch off', () => {
    expect(() => dedupeEntities({ places: null, ablate: ['no-such-rule' as never] })).toThrow(/unknown merge rule.*valid rules: override/);
  });
});
