import { describe, expect, it } from 'vitest';
import { docFeatures } from '../../../src/ner/tagger.js';
import { sentenceOfTokens } from '../../../src/ner/rules/draft.js';
import { fixPlaceCompounds } from '../../../src/ner/rules/fix-place-compounds.js';
import { joinRegionNames } from '../../../src/ner/rules/join-region-names.js';
import { Gazetteer, type GazetteerEntry, loadRegionNames } from '../../../src/geo/gazetteer.js';
import { model, docOf, draft, shown } from './helpers.js';

describe('joinRegionNames', () => {
  // Made-up regions, so the test does not depend on the real gazetteer's contents.
  const region = (name: string, iso: string): GazetteerEntry => ({
    kind: 'region', name, countryCode: 'RU', admin1: name, latitude: null, longitude: null, gazetteerId: `iso3166-2:${iso}`, population: 0,
  });
  const places = new Gazetteer([region('Zarvan and Meluchestan', 'RU-ZM'), region('Orlavia', 'RU-OR')], {});

  it('makes "A and B" one place when the joined form is one region, whatever the parts were tagged', () => {
    const doc = docOf('Rebels want independence for Zarvan and Meluchistan, not for Orlavia and Tesk.');
    const sent = sentenceOfTokens(doc);
    const drafts = [draft(doc, 'Zarvan', 'PLACE'), draft(doc, 'Meluchistan', 'ORGANIZATION'), draft(doc, 'Orlavia', 'PLACE'), draft(doc, 'Tesk', 'PLACE')];
    expect(shown(doc, joinRegionNames(doc, drafts, [], sent, places))).toEqual(['Zarvan and Meluchistan/PLACE', 'Orlavia/PLACE', 'Tesk/PLACE']);
  });

  it('joins an untagged capitalized part and a capitalized place head, but not a name that runs on', () => {
    const doc = docOf('Troops entered Zarvan and Meluchestan Province. The Zarvan and Meluchestan Liberation Front denied it.');
    const sent = sentenceOfTokens(doc);
    const drafts = [draft(doc, 'Zarvan', 'PLACE', 10, 0), draft(doc, 'Zarvan', 'PLACE', 10, 1)];
    expect(shown(doc, joinRegionNames(doc, drafts, [], sent, places))).toEqual(['Zarvan and Meluchestan Province/PLACE', 'Zarvan/PLACE']);
  });

  it('takes in a hyphenated MISC or mistyped span that names one region', () => {
    const doc = docOf('Clashes in the Zarvan-Meluchistan region spread to the Zarvan-Meluchestan border and to Orlavia-Tesk.');
    const sent = sentenceOfTokens(doc);
    const misc = [draft(doc, 'Zarvan-Meluchistan', 'ORGANIZATION'), draft(doc, 'Orlavia-Tesk', 'ORGANIZATION')];
    const drafts = [draft(doc, 'Zarvan-Meluchestan', 'PERSON')];
    expect(shown(doc, joinRegionNames(doc, drafts, misc, sent, places))).toEqual(['Zarvan-Meluchistan/PLACE', 'Zarvan-Meluchestan/PLACE']);
  });

  it('keeps two countries joined by a hyphen apart, and a country named with a hyphen whole', () => {
    const doc = docOf('Trade across the France-Spain border rose, and Guinea-Bissau joined the talks.');
    const sent = sentenceOfTokens(doc);
    const df = docFeatures(model(), doc.text, doc.tokens, doc.sentences);
    const real = loadRegionNames();
    const drafts = joinRegionNames(doc, [draft(doc, 'France-Spain', 'PLACE'), draft(doc, 'Guinea-Bissau', 'PLACE')], [], sent, real);
    expect(shown(doc, fixPlaceCompounds(doc, drafts, sent, df.gz, real))).toEqual(['France/PLACE', 'Spain/PLACE', 'Guinea-Bissau/PLACE']);
  });
});
