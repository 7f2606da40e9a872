import { describe, expect, it } from 'vitest';
import { Gazetteer, loadGazetteer } from '../src/geo/gazetteer.js';
import { corpusState } from '../src/corpus.js';
import { dedupeEntities } from '../src/stages/dedupe-entities.js';
import { doc } from './dedupe-helpers.js';

const g = loadGazetteer();
const none = { cue: null, countries: [] } as const;

describe('gazetteer', () => {
  it('links countries and tells look-alike countries apart', () => {
    expect(g.resolve('Iran', none)).toMatchObject({ kind: 'country', countryCode: 'IR', gazetteerId: 'iso3166-1:IR' });
    expect(g.resolve('Iraq', none)).toMatchObject({ kind: 'country', countryCode: 'IQ' });
    expect(g.resolve('U.S.', none)).toMatchObject({ kind: 'country', countryCode: 'US' });
  });

  it('matches a country code only as written, never folded into an abbreviation', () => {
    expect(g.resolve('UK', none)).toMatchObject({ kind: 'country', countryCode: 'GB' });
    expect(g.resolve('U.A.E.', none)).toMatchObject({ kind: 'country', countryCode: 'AE' });
    // "Ill." (Illinois) folds to "il" and "N.Y." to "ni": neither is Israel or Nicaragua.
    expect(g.resolve('Ill', none)?.countryCode ?? null).not.toBe('IL');
    expect(g.resolve('N.Y.', none)?.countryCode ?? null).not.toBe('NI');
    expect(g.resolve('QQ', none)).toBeNull();
  });

  it('tells a US state postal code from the country of the same code by the countries the document names', () => {
    // "IL" is Israel's code and Illinois' postal code ("SPRINGVALE, IL" in a dateline).
    expect(g.resolve('IL', none)).toBeNull();
    expect(g.resolve('IL', { cue: null, countries: ['US'] })).toMatchObject({ kind: 'region', countryCode: 'US', admin1: 'Illinois' });
    expect(g.resolve('IL', { cue: null, countries: ['IL'] })).toMatchObject({ kind: 'country', countryCode: 'IL' });
    expect(g.resolve('IL', { cue: null, countries: ['IL', 'US'] })).toBeNull();
    expect(g.resolve('CA', { cue: null, countries: ['CA'] })).toMatchObject({ kind: 'country', countryCode: 'CA' });
    // A code no state has stays the country's wherever it is written.
    expect(g.resolve('FR', none)).toMatchObject({ kind: 'country', countryCode: 'FR' });
  });

  it('does not join a state written by its postal code to the country of that code', () => {
    const r = dedupeEntities({})(corpusState([doc('a', [['PLACE', 'Israel']]), doc('b', [['PLACE', 'Springvale'], ['PLACE', 'IL']])]));
    const israel = r.entities.find((e) => e.name === 'Israel')!;
    expect(israel.aliases).not.toContain('IL');
    expect(r.entities.filter((e) => e.type === 'PLACE')).toHaveLength(3);
    expect(r.merges.filter((m) => m.rule === 'gazetteer')).toHaveLength(0);
  });

  it('reads a code against the countries a document names by name, not by other codes', () => {
    // A listing of country codes: "CA" is Canada's code there, and "US" beside it is no US context.
    const listing = doc('a', [['PLACE', 'US'], ['PLACE', 'UK'], ['PLACE', 'CA']]);
    const r = dedupeEntities({})(corpusState([doc('b', [['PLACE', 'California']]), listing]));
    expect(r.entities.find((e) => e.name === 'California')!.aliases).not.toContain('CA');
    // A dateline in a story that names the country by name still reads the state.
    const story = doc('c', [['PLACE', 'Springvale'], ['PLACE', 'CA'], ['PLACE', 'United States']]);
    const s = dedupeEntities({})(corpusState([doc('b', [['PLACE', 'California']]), story]));
    expect(s.entities.find((e) => e.name === 'California')!.aliases).toContain('CA');
  });

  it('leaves continents and world regions unlinked rather than linking a town of that name', () => {
    for (const name of ['Asia', 'Europe', 'South America', 'Western Asia']) expect(g.resolve(name, none), name).toBeNull();
  });

  it('prefers the region to a city of the same name, unless the text says city', () => {
    expect(g.resolve('Kerman', none)).toMatchObject({ kind: 'region', countryCode: 'IR', admin1: 'Kerman' });
    const city = g.resolve('Kerman', { cue: 'city', countries: [] })!;
    expect(city).toMatchObject({ kind: 'city', countryCode: 'IR', admin1: 'Kerman' });
    expect(city.gazetteerId).toMatch(/^geonames:\d+$/);
    expect(city.latitude).toBeCloseTo(30.28, 1);
    expect(g.resolve('Kermanshah', none)?.admin1).toBe('Kermanshah');
  });

  it('prefers a national capital to the province named after it', () => {
    expect(g.resolve('Islamabad', none)).toMatchObject({ kind: 'city', countryCode: 'PK' });
  });

  it('finds a capital written without the qualifier of its gazetteer name ("Washington, D.C.")', () => {
    expect(g.resolve('Washington', none)).toMatchObject({ kind: 'city', countryCode: 'US', admin1: 'District of Columbia' });
    expect(g.resolve('Washington', { cue: 'region', countries: [] })).toMatchObject({ kind: 'region', admin1: 'Washington' });
  });

  it('uses the countries the document names to choose between regions of one name', () => {
    expect(g.resolve('Punjab', { cue: null, countries: ['PK'] })?.countryCode).toBe('PK');
    expect(g.resolve('Punjab', { cue: null, countries: ['IN'] })?.countryCode).toBe('IN');
  });

  it('finds spelling variants the gazetteer lacks by their skeleton', () => {
    expect(g.resolve('Baluchistan', none)?.gazetteerId).toBe(g.resolve('Balochistan', none)?.gazetteerId);
    expect(g.resolve('Khuzistan', none)).toMatchObject({ kind: 'region', countryCode: 'IR' });
  });

  it('returns null for an unknown place, and for a small foreign town when the text is about other countries', () => {
    expect(g.resolve('Qwertyville', none)).toBeNull();
    const foreign = new Gazetteer([
      { kind: 'city', name: 'Tarvan', countryCode: 'MX', admin1: null, latitude: 1, longitude: 2, gazetteerId: 'geonames:1', population: 2000 },
    ]);
    expect(foreign.resolve('Tarvan', { cue: null, countries: ['PK'] })).toBeNull();
    expect(foreign.resolve('Tarvan', none)?.countryCode).toBe('MX');
  });

  it('keeps the written kind and country, without coordinates, when only another kind is known', () => {
    expect(g.resolve('Mastung', { cue: 'region', countries: ['PK'] })).toEqual({
      kind: 'region', countryCode: 'PK', admin1: null, latitude: null, longitude: null, gazetteerId: null,
    });
  });

  it('links place entities in the dedupe and merges names of one gazetteer entry', () => {
    const r = dedupeEntities({})(corpusState([doc('a', [['PLACE', 'United States of America']]), doc('b', [['PLACE', 'U.S.']])]));
    expect(r.entities).toHaveLength(1);
    expect(r.entities[0]!.place).toMatchObject({ kind: 'country', countryCode: 'US' });
    expect(r.merges.map((m) => m.rule)).toContain('gazetteer');
  });
});
