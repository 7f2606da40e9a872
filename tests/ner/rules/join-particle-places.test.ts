import { describe, expect, it } from 'vitest';
import { sentenceOfTokens } from '../../../src/ner/rules/draft.js';
import { joinParticlePlaces } from '../../../src/ner/rules/join-particle-places.js';
import { Gazetteer, type GazetteerEntry } from '../../../src/geo/gazetteer.js';
import { docOf, draft, shown } from './helpers.js';

describe('joinParticlePlaces', () => {
  const region = (name: string, iso: string): GazetteerEntry => ({
    kind: 'region', name, countryCode: 'RU', admin1: name, latitude: null, longitude: null, gazetteerId: `iso3166-2:${iso}`, population: 0,
  });
  const places = new Gazetteer([region('Porto do Vale', 'RU-PV'), region('Vale', 'RU-VA')], {});

  it('joins the pieces of a region name with a lower-case particle, spaced or hyphenated', () => {
    const doc = docOf('Ferries left Porto do Vale at dawn and reached Porto-do-Vale by night.');
    const sent = sentenceOfTokens(doc);
    const drafts = [draft(doc, 'Porto', 'PERSON'), draft(doc, 'Vale', 'PLACE'), draft(doc, 'Porto-do-Vale', 'PERSON')];
    expect(shown(doc, joinParticlePlaces(doc, drafts, [], sent, places))).toEqual(['Porto do Vale/PLACE', 'Porto-do-Vale/PLACE']);
  });

  it('leaves runs that name no region, are untagged, or would cut a span', () => {
    const doc = docOf('Maria do Vale met Ana at Porto do Vale Hotel. Nobody saw Porto do Vale.');
    const sent = sentenceOfTokens(doc);
    const drafts = [draft(doc, 'Maria do Vale', 'PERSON'), draft(doc, 'Ana', 'PERSON'), draft(doc, 'Vale Hotel', 'ORGANIZATION')];
    expect(shown(doc, joinParticlePlaces(doc, drafts, [], sent, places))).toEqual(['Maria do Vale/PERSON', 'Ana/PERSON', 'Vale Hotel/ORGANIZATION']);
  });

  it('reads a particle in capitals only in a line written in capitals', () => {
    const doc = docOf('PORTO DO VALE, Ruritania\n\nLater Porto DO Vale was calm.');
    const sent = sentenceOfTokens(doc);
    const drafts = [draft(doc, 'PORTO DO', 'ORGANIZATION'), draft(doc, 'Vale', 'PLACE', 10, 0)];
    expect(shown(doc, joinParticlePlaces(doc, drafts, [], sent, places))).toEqual(['PORTO DO VALE/PLACE', 'Vale/PLACE']);
  });
});
