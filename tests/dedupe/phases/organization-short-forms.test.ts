import { describe, expect, it } from 'vitest';
import { corpusState } from '../../../src/corpus.js';
import type { PlaceResolver } from '../../../src/geo/types.js';
import { dedupeEntities } from '../../../src/stages/dedupe-entities.js';
import { doc, groups, run } from '../../dedupe-helpers.js';

describe('across documents: organization-short-forms', () => {
  it('joins "the Fund" to the one longer organization of the run that ends in it', () => {
    const docs = [doc('d1', [['ORGANIZATION', 'the Coastal Relief Fund']]), doc('d2', [['ORGANIZATION', 'the Fund']])];
    expect(groups(docs)).toEqual([['the Coastal Relief Fund', 'the Fund']]);
    expect(run(docs).merges.map((m) => m.rule)).toContain('org-short-form');
  });

  it('leaves the short form alone when two organizations claim it', () => {
    const ends = [doc('d1', [['ORGANIZATION', 'Coastal Relief Fund']]), doc('d2', [['ORGANIZATION', 'Harbour Pension Fund']]), doc('d3', [['ORGANIZATION', 'Fund']])];
    expect(run(ends).entities).toHaveLength(3);
    const starts = [doc('d1', [['ORGANIZATION', 'Coastal Relief Fund']]), doc('d2', [['ORGANIZATION', 'Fund Managers Guild']]), doc('d3', [['ORGANIZATION', 'Fund']])];
    expect(run(starts).entities).toHaveLength(3);
  });

  it('claims nothing with a span of two names, or a hyphenated compound', () => {
    expect(run([doc('d1', [['ORGANIZATION', 'Velmora and Fund']]), doc('d2', [['ORGANIZATION', 'Fund']])]).entities).toHaveLength(2);
    expect(run([doc('d1', [['ORGANIZATION', 'Velmora-Quillon']]), doc('d2', [['ORGANIZATION', 'Quillon']])]).entities).toHaveLength(2);
  });

  it('leaves a word that is a place the gazetteer knows alone (a town and its clubs)', () => {
    const places: PlaceResolver = { resolve: (name) => (name === 'Brackton' ? { kind: 'city', countryCode: 'XR', admin1: null, latitude: null, longitude: null, gazetteerId: 't:brackton' } : null) };
    const docs = [doc('d1', [['ORGANIZATION', 'West Brackton']]), doc('d2', [['ORGANIZATION', 'Brackton']])];
    expect(dedupeEntities({ places })(corpusState(docs)).entities).toHaveLength(2);
    expect(dedupeEntities({ places: null })(corpusState(docs)).entities).toHaveLength(1);
  });
});
