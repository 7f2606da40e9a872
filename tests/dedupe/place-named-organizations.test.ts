import { describe, expect, it } from 'vitest';
import { corpusState } from '../../src/corpus.js';
import type { PlaceResolver } from '../../src/geo/types.js';
import { dedupeEntities } from '../../src/stages/dedupe-entities.js';
import { doc } from '../dedupe-helpers.js';

// Invented names: a town, Brackton, whose clubs the stories call by its name.
const places: PlaceResolver = {
  resolve: (name) => (name === 'Brackton' || name === 'BRACKTON' ? { kind: 'city', countryCode: 'XR', admin1: null, latitude: null, longitude: null, gazetteerId: 't:brackton' } : null),
};
const withGazetteer = dedupeEntities({ places });
const orgRows = (docs: ReturnType<typeof doc>[], dedupe = withGazetteer) => dedupe(corpusState(docs)).entities.filter((e) => e.type === 'ORGANIZATION');

describe('an organization named by a place alone, written as that place in the run', () => {
  const club = (id: string) => doc(id, [['ORGANIZATION', 'Brackton'], ['ORGANIZATION', 'Dunmore Rovers']]);
  const town = doc('t1', [['PLACE', 'Brackton']]);

  it('is not joined to another document by its name (which club is meant changes)', () => {
    expect(orgRows([club('d1'), club('d2'), town])).toHaveLength(3); // one Brackton per document, one Dunmore Rovers
  });

  it('is not joined either when a results table writes it in capitals', () => {
    const caps = (id: string) => doc(id, [['ORGANIZATION', 'BRACKTON']]);
    expect(orgRows([caps('d1'), caps('d2'), club('d3'), town]).filter((e) => e.name.toLowerCase() === 'brackton')).toHaveLength(3);
    expect(orgRows([caps('d1'), caps('d2'), club('d3')]).filter((e) => e.name.toLowerCase() === 'brackton')).toHaveLength(1);
  });

  it('still joins when the run never writes the name as a place (a company sharing a town\'s name)', () => {
    expect(orgRows([club('d1'), club('d2')])).toHaveLength(2);
  });

  it('still joins without a gazetteer, and the place rows themselves still join', () => {
    expect(orgRows([club('d1'), club('d2'), town], dedupeEntities({ places: null }))).toHaveLength(2);
    const r = withGazetteer(corpusState([town, doc('t2', [['PLACE', 'Brackton']])]));
    expect(r.entities).toHaveLength(1);
  });

  it('is not the bare form of a company with a designator ("Brackton Group")', () => {
    const docs = [doc('d1', [['ORGANIZATION', 'Brackton Group']]), doc('d2', [['ORGANIZATION', 'Brackton']]), town];
    expect(orgRows(docs)).toHaveLength(2);
    expect(orgRows(docs.slice(0, 2))).toHaveLength(1);
  });
});
