import { beforeAll, describe, expect, it } from 'vitest';
import { splitSentences } from '../src/stages/split-sentences.js';
import { blankDoc } from '../src/ner/corpus.js';
import { loadModel } from '../src/ner/model.js';
import { docFeatures, type TaggerModel } from '../src/ner/tagger.js';
import {
  attachLoneHeads,
  attachRoles,
  companyByHead,
  cutCompoundAdjectives,
  defineAcronyms,
  initialsMatch,
  joinSplitNames,
  oneLabelPerName,
  sentenceOfTokens,
  splitAtTitles,
  splitLeadingPlace,
  dropTitleCaseHeadings,
  dropNonNames,
  dropSplitGlosses,
  fixPlaceCompounds,
  joinParticlePlaces,
  joinRegionNames,
  placeBeforeFacility,
  orgByDescriptor,
  typeByHeadWord,
  toMentions,
  trimCalendarWords,
  trimDebris,
  type Draft,
} from '../src/ner/rules.js';
import type { Doc, EntityType } from '../src/types.js';
import { Gazetteer, type GazetteerEntry } from '../src/geo/gazetteer.js';
import { loadRegionNames } from '../src/geo/gazetteer.js';

// The rules are tested on hand-made drafts, so these tests do not depend on what the tagger
// predicts; the model is loaded once only for its gazetteer bits.
let model: TaggerModel;
beforeAll(() => {
  model = loadModel();
});

const split = splitSentences();

function docOf(text: string): Doc {
  return split(blankDoc('t', text));
}

/** A draft over the tokens of the n-th occurrence of `phrase`. */
function draft(doc: Doc, phrase: string, type: EntityType, confidence = 10, nth = 0): Draft {
  let at = -1;
  for (let k = 0; k <= nth; k++) at = doc.text.indexOf(phrase, at + 1);
  if (at < 0) throw new Error(`no "${phrase}"`);
  const a = doc.tokens.findIndex((t) => t.start === at);
  const b = doc.tokens.findIndex((t) => t.end === at + phrase.length) + 1;
  if (a < 0 || b <= a) throw new Error(`"${phrase}" is not on token boundaries`);
  return { a, b, type, confidence };
}

function shown(doc: Doc, drafts: Draft[]): string[] {
  return toMentions(doc, drafts, sentenceOfTokens(doc)).map(
    (m) => `${doc.text.slice(m.start, m.end)}/${m.type}${m.role === undefined ? '' : ` role=${m.role}`}${m.longForm === undefined ? '' : ` long=${doc.text.slice(m.longForm.start, m.longForm.end)}`}`,
  );
}

describe('joinSplitNames', () => {
  it('extends a name over hyphenated parts and particles the tokenizer split off', () => {
    const doc = docOf('Brigadier Yusuf Abu Karim al-Tikriti met Lena Varga-Holm near Kuh-e-Dinar on Friday.');
    const drafts = [draft(doc, 'Yusuf Abu Karim', 'PERSON'), draft(doc, 'Lena Varga', 'PERSON'), draft(doc, 'Kuh', 'PLACE')];
    expect(shown(doc, joinSplitNames(doc, drafts, sentenceOfTokens(doc)))).toEqual([
      'Yusuf Abu Karim al-Tikriti/PERSON',
      'Lena Varga-Holm/PERSON',
      'Kuh-e-Dinar/PLACE',
    ]);
  });

  it('leaves a lower-case compound alone and merges a name broken at "bin"', () => {
    const doc = docOf('The Utah-based firm hired Tariq bin Sulayem last week.');
    const drafts = [draft(doc, 'Utah', 'PLACE'), draft(doc, 'Tariq', 'PERSON'), draft(doc, 'Sulayem', 'PERSON')];
    expect(shown(doc, joinSplitNames(doc, drafts, sentenceOfTokens(doc)))).toEqual(['Utah/PLACE', 'Tariq bin Sulayem/PERSON']);
  });
});

describe('joinSplitNames with a particle first', () => {
  it('takes in the capitalized word before a name that starts with a particle', () => {
    const doc = docOf('Fighters of Harakat ul-Nasr crossed the border.');
    expect(shown(doc, joinSplitNames(doc, [draft(doc, 'ul-Nasr', 'ORGANIZATION')], sentenceOfTokens(doc)))).toEqual(['Harakat ul-Nasr/ORGANIZATION']);
  });
});

describe('trimDebris', () => {
  it('cuts a name at a lower-case word or an owner\'s possessive, but keeps "People\'s Party"', () => {
    const doc = docOf("Acme's chief left Acme plant, Farmers' and People's Party men met Mongolia's Border Guard.");
    const df = docFeatures(model, doc.text, doc.tokens, doc.sentences);
    const drafts = [
      draft(doc, "Acme's chief", 'ORGANIZATION'),
      draft(doc, 'Acme plant', 'ORGANIZATION'),
      draft(doc, "People's Party", 'ORGANIZATION'),
      draft(doc, "Mongolia's Border Guard", 'ORGANIZATION'),
    ];
    expect(shown(doc, trimDebris(doc, drafts, df.gz))).toEqual([
      'Acme/ORGANIZATION',
      'Acme/ORGANIZATION',
      "People's Party/ORGANIZATION",
      'Mongolia/ORGANIZATION',
      'Border Guard/ORGANIZATION',
    ]);
  });

  it('ends a name at a comma, and a lone head word rejoins the name before it', () => {
    const doc = docOf('Shelling hit Upper Kessel Province, Valdoria, on Monday.');
    const out = attachLoneHeads(doc, trimDebris(doc, [draft(doc, 'Upper Kessel', 'PLACE'), draft(doc, 'Province, Valdoria', 'PLACE')]));
    expect(shown(doc, out)).toEqual(['Upper Kessel Province/PLACE', 'Valdoria/PLACE']);
  });

  it('drops e-mail addresses and handles', () => {
    const doc = docOf('Write to desk@example.org or @ValdoriaNews today.');
    const drafts = [draft(doc, 'desk@example.org', 'PERSON'), draft(doc, '@ValdoriaNews', 'ORGANIZATION')];
    expect(shown(doc, trimDebris(doc, drafts))).toEqual([]);
  });

  it('drops honorifics, possessives and trailing punctuation; an honorific alone is no person', () => {
    const doc = docOf("Mr. Okafor said Dr. Lin's report reached Valdoria, then Mr. left.");
    const drafts = [
      draft(doc, 'Mr. Okafor', 'PERSON'),
      draft(doc, "Dr. Lin's", 'PERSON'),
      draft(doc, 'Valdoria,', 'PLACE'),
      draft(doc, 'Mr.', 'PERSON', 10, 1),
    ];
    expect(shown(doc, trimDebris(doc, drafts))).toEqual(['Okafor/PERSON', 'Lin/PERSON', 'Valdoria/PLACE']);
  });
});

describe('splitAtTitles and attachRoles', () => {
  it('splits a title off a name and keeps the role', () => {
    const doc = docOf('Foreign Minister Maria Lopez arrived late.');
    const df = docFeatures(model, doc.text, doc.tokens, doc.sentences);
    const out = splitAtTitles(doc, [draft(doc, 'Foreign Minister Maria Lopez', 'ORGANIZATION')], df.gz);
    expect(shown(doc, out)).toEqual(['Maria Lopez/PERSON role=Foreign Minister']);
  });

  it('keeps a place before the title as its own mention', () => {
    const doc = docOf('Estonian Cardinal Peter Tamm and Canada Ambassador John Reid spoke.');
    const df = docFeatures(model, doc.text, doc.tokens, doc.sentences);
    const out = splitAtTitles(doc, [draft(doc, 'Estonian Cardinal Peter Tamm', 'PERSON'), draft(doc, 'Canada Ambassador John Reid', 'PERSON')], df.gz);
    expect(shown(doc, out)).toEqual(['Peter Tamm/PERSON role=Estonian Cardinal', 'Canada/PLACE', 'John Reid/PERSON role=Ambassador']);
  });

  it('does not split an organization whose name only starts with a title word', () => {
    const doc = docOf('General Dynamics won the contract.');
    const df = docFeatures(model, doc.text, doc.tokens, doc.sentences);
    expect(shown(doc, splitAtTitles(doc, [draft(doc, 'General Dynamics', 'ORGANIZATION')], df.gz))).toEqual(['General Dynamics/ORGANIZATION']);
  });

  it('takes a role written before the name, with a place inside it, or in an apposition', () => {
    const doc = docOf('Ambassador to Moldavia Ivan Sorin spoke. Later Greta Lind, a spokeswoman for the club, agreed.');
    const sentOf = sentenceOfTokens(doc);
    const drafts = [draft(doc, 'Moldavia', 'PLACE'), draft(doc, 'Ivan Sorin', 'PERSON'), draft(doc, 'Greta Lind', 'PERSON')];
    expect(shown(doc, attachRoles(doc, drafts, sentOf))).toEqual([
      'Moldavia/PLACE',
      'Ivan Sorin/PERSON role=Ambassador to Moldavia',
      'Greta Lind/PERSON role=spokeswoman',
    ]);
  });
});

describe('splitLeadingPlace, typeByHeadWord and dropTitleCaseHeadings', () => {
  it('splits a country off the front of a person span', () => {
    const doc = docOf('The envoy of Mongolia Oleg Marsh spoke.');
    const df = docFeatures(model, doc.text, doc.tokens, doc.sentences);
    expect(shown(doc, splitLeadingPlace(doc, [draft(doc, 'Mongolia Oleg Marsh', 'PERSON')], df.gz))).toEqual(['Mongolia/PLACE', 'Oleg Marsh/PERSON']);
  });

  it('types a multi-word name by its head word', () => {
    const doc = docOf('The Valdoran Defence Ministry and Upper Kessel Province and Kessel Corp replied.');
    const df = docFeatures(model, doc.text, doc.tokens, doc.sentences);
    const drafts = [draft(doc, 'Valdoran Defence Ministry', 'PLACE'), draft(doc, 'Upper Kessel Province', 'ORGANIZATION'), draft(doc, 'Kessel Corp', 'PERSON')];
    expect(shown(doc, typeByHeadWord(doc, drafts, df.gz))).toEqual([
      'Valdoran Defence Ministry/ORGANIZATION',
      'Upper Kessel Province/PLACE',
      'Kessel Corp/ORGANIZATION',
    ]);
  });

  it('drops unknown words of a Title Case heading line, not names known elsewhere', () => {
    const doc = docOf('Earlier Skirmishes\nGrelling Fort was shelled, officials said.\nGrelling Fort\nThe town is quiet.');
    const df = docFeatures(model, doc.text, doc.tokens, doc.sentences);
    const drafts = [draft(doc, 'Earlier Skirmishes', 'ORGANIZATION'), draft(doc, 'Grelling Fort', 'PLACE', 10, 0), draft(doc, 'Grelling Fort', 'PLACE', 10, 1)];
    expect(shown(doc, dropTitleCaseHeadings(doc, drafts, sentenceOfTokens(doc), df.gz))).toEqual(['Grelling Fort/PLACE', 'Grelling Fort/PLACE']);
  });
});

describe('defineAcronyms', () => {
  it('gives an acronym defined in passing the long form type and span, everywhere in the text', () => {
    const doc = docOf('The Southern Farmers Alliance (SFA) marched. Police said SFA members left.');
    const sentOf = sentenceOfTokens(doc);
    const out = defineAcronyms(doc, [draft(doc, 'Southern Farmers Alliance', 'ORGANIZATION'), draft(doc, 'SFA', 'PLACE', 1, 1)], sentOf);
    expect(shown(doc, out)).toEqual([
      'Southern Farmers Alliance/ORGANIZATION',
      'SFA/ORGANIZATION long=Southern Farmers Alliance',
      'SFA/ORGANIZATION long=Southern Farmers Alliance',
    ]);
  });

  it('matches initials loosely but not at random', () => {
    expect(initialsMatch('Islamic Revolutionary Guard Corps', 'IRGC')).toBe(true);
    expect(initialsMatch('North Atlantic Treaty Organization', 'NATO')).toBe(true);
    expect(initialsMatch('Organisation for Economic Co-operation and Development', 'OECD')).toBe(true);
    expect(initialsMatch('Bank of Valdoria', 'XYZ')).toBe(false);
  });
});

describe('oneLabelPerName', () => {
  it('gives the same string one type by confidence, unless a mention is itself confident', () => {
    const doc = docOf('Kerrow rose. Kerrow fell. Kerrow won. Kerrow lost.');
    const drafts = [
      draft(doc, 'Kerrow', 'PLACE', 8, 0),
      draft(doc, 'Kerrow', 'ORGANIZATION', 2, 1),
      draft(doc, 'Kerrow', 'PLACE', 9, 2),
      draft(doc, 'Kerrow', 'ORGANIZATION', 50, 3),
    ];
    const out = oneLabelPerName(doc, drafts, 20);
    expect(out.map((d) => d.type)).toEqual(['ORGANIZATION', 'ORGANIZATION', 'ORGANIZATION', 'ORGANIZATION']);
    const out2 = oneLabelPerName(doc, [draft(doc, 'Kerrow', 'PLACE', 30, 0), draft(doc, 'Kerrow', 'ORGANIZATION', 2, 1), draft(doc, 'Kerrow', 'PLACE', 9, 2)], 20);
    expect(out2.map((d) => d.type)).toEqual(['PLACE', 'PLACE', 'PLACE']);
  });
});

describe('orgByDescriptor', () => {
  it('makes a MISC name an organization when a descriptor noun stands before, after or in apposition', () => {
    const doc = docOf('Troops raided the rebel group Harakat ul-Nasr at dawn. Later Harakat ul-Nasr denied it. The Velmar Brotherhood, an armed faction, fled. Zorvan fighters and the Sunni group stayed.');
    const sent = sentenceOfTokens(doc);
    const df = docFeatures(model, doc.text, doc.tokens, doc.sentences);
    const misc = joinSplitNames(doc, [draft(doc, 'Harakat', 'ORGANIZATION', 10, 0), draft(doc, 'Harakat', 'ORGANIZATION', 10, 1), draft(doc, 'Velmar Brotherhood', 'ORGANIZATION'), draft(doc, 'Zorvan', 'ORGANIZATION'), draft(doc, 'Sunni', 'ORGANIZATION')], sent);
    expect(shown(doc, orgByDescriptor(doc, [], misc, sent, df.gz))).toEqual([
      'Harakat ul-Nasr/ORGANIZATION',
      'Harakat ul-Nasr/ORGANIZATION',
      'Velmar Brotherhood/ORGANIZATION',
    ]);
  });

  it('adds untagged occurrences of a confirmed name and retypes a PERSON of the same string', () => {
    const doc = docOf('The militant group Dar Kalim claimed it. Dar Kalim said more. Police blamed Dar Kalim.');
    const sent = sentenceOfTokens(doc);
    const df = docFeatures(model, doc.text, doc.tokens, doc.sentences);
    const drafts = [draft(doc, 'Dar Kalim', 'PERSON', 10, 1)];
    const misc = [draft(doc, 'Dar Kalim', 'ORGANIZATION', 10, 0)];
    expect(shown(doc, orgByDescriptor(doc, drafts, misc, sent, df.gz))).toEqual([
      'Dar Kalim/ORGANIZATION',
      'Dar Kalim/ORGANIZATION',
      'Dar Kalim/ORGANIZATION',
    ]);
  });
});

describe('dropNonNames', () => {
  it('drops single letters, link pieces, creed words, credit lines and a lone head word after a possessive', () => {
    const doc = docOf('Guards (R) watched. See pic.twitter.com/Xq7Lm2 now.\nMuslim leaders met Shia-Sunni envoys at the Governor\'s Office.\n(Photo by Lars Venn / Tessa Agency)\nNadia Orlov spoke.');
    const sent = sentenceOfTokens(doc);
    const df = docFeatures(model, doc.text, doc.tokens, doc.sentences);
    const drafts = [
      draft(doc, 'R', 'PERSON'),
      draft(doc, 'Xq7Lm2', 'PLACE'),
      draft(doc, 'Muslim', 'PERSON'),
      draft(doc, 'Shia-Sunni', 'PERSON'),
      draft(doc, 'Office', 'ORGANIZATION'),
      draft(doc, 'Photo', 'PLACE'),
      draft(doc, 'Lars Venn', 'PERSON'),
      draft(doc, 'Tessa Agency', 'ORGANIZATION'),
      draft(doc, 'Nadia Orlov', 'PERSON'),
    ];
    expect(shown(doc, dropNonNames(doc, drafts, sent, df.gz))).toEqual(['Nadia Orlov/PERSON']);
  });

  it('makes a one-word all-capitals PERSON an organization, except in a line written in capitals', () => {
    const doc = docOf('Reporting by KNX staff.\nKNX WINS THE CUP');
    const sent = sentenceOfTokens(doc);
    const df = docFeatures(model, doc.text, doc.tokens, doc.sentences);
    expect(shown(doc, dropNonNames(doc, [draft(doc, 'KNX', 'PERSON', 10, 0), draft(doc, 'KNX', 'PERSON', 10, 1)], sent, df.gz))).toEqual(['KNX/ORGANIZATION', 'KNX/PERSON']);
  });
});

describe('fixPlaceCompounds and a place run into a name', () => {
  it('joins "X and Y Province", splits a pair of countries, and gives a given name back to the person', () => {
    const doc = docOf('Shelling hit Varno and Tesk Province near the France-Germany border. Premier of France Omar ul Haq Zain spoke.');
    const sent = sentenceOfTokens(doc);
    const df = docFeatures(model, doc.text, doc.tokens, doc.sentences);
    const places = [draft(doc, 'Varno', 'PLACE'), draft(doc, 'Tesk Province', 'PLACE'), draft(doc, 'France-Germany', 'PLACE')];
    expect(shown(doc, fixPlaceCompounds(doc, places, sent, df.gz))).toEqual(['Varno and Tesk Province/PLACE', 'France/PLACE', 'Germany/PLACE']);
    const run = [draft(doc, 'France Omar', 'PLACE', 10, 0), draft(doc, 'Haq Zain', 'PERSON')];
    expect(shown(doc, joinSplitNames(doc, run, sent))).toEqual(['France/PLACE', 'Omar ul Haq Zain/PERSON']);
  });
});

describe('institutions inside a person span, and faith adjectives ending an organization', () => {
  it('types a long PERSON span with an institution word inside as an organization', () => {
    const doc = docOf('Victims reached Saint Orlan Memorial Hospital Vesk and met Anna Maria Hospitaler.');
    const df = docFeatures(model, doc.text, doc.tokens, doc.sentences);
    const drafts = [draft(doc, 'Saint Orlan Memorial Hospital Vesk', 'PERSON'), draft(doc, 'Anna Maria Hospitaler', 'PERSON')];
    expect(shown(doc, typeByHeadWord(doc, drafts, df.gz))).toEqual(['Saint Orlan Memorial Hospital Vesk/ORGANIZATION', 'Anna Maria Hospitaler/PERSON']);
  });

  it('drops an organization that ends in an adjective of faith', () => {
    const doc = docOf('It is an ethnic Tarvi Sunni group, unlike the Sunni Relief Board.');
    const sent = sentenceOfTokens(doc);
    const df = docFeatures(model, doc.text, doc.tokens, doc.sentences);
    const drafts = [draft(doc, 'Tarvi Sunni', 'ORGANIZATION'), draft(doc, 'Sunni Relief Board', 'ORGANIZATION')];
    expect(shown(doc, dropNonNames(doc, drafts, sent, df.gz))).toEqual(['Sunni Relief Board/ORGANIZATION']);
  });
});

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
    const df = docFeatures(model, doc.text, doc.tokens, doc.sentences);
    const real = loadRegionNames();
    const drafts = joinRegionNames(doc, [draft(doc, 'France-Spain', 'PLACE'), draft(doc, 'Guinea-Bissau', 'PLACE')], [], sent, real);
    expect(shown(doc, fixPlaceCompounds(doc, drafts, sent, df.gz, real))).toEqual(['France/PLACE', 'Spain/PLACE', 'Guinea-Bissau/PLACE']);
  });
});

describe('placeBeforeFacility', () => {
  it('types a known place before a lower-case facility noun as a place, not an organization', () => {
    const doc = docOf('Crowds waited outside the Sukkur hospital while the Acme hospital stayed shut.');
    const sent = sentenceOfTokens(doc);
    const df = docFeatures(model, doc.text, doc.tokens, doc.sentences);
    const drafts = [draft(doc, 'Sukkur', 'ORGANIZATION'), draft(doc, 'Acme', 'ORGANIZATION')];
    expect(shown(doc, placeBeforeFacility(doc, drafts, sent, df.gz))).toEqual(['Sukkur/PLACE', 'Acme/ORGANIZATION']);
  });

  it('leaves a name that is an organization elsewhere in the document, and other nouns, alone', () => {
    const doc = docOf('Sukkur signed the striker on Monday. Fans met at the Sukkur airport and the Sukkur bakery.');
    const sent = sentenceOfTokens(doc);
    const df = docFeatures(model, doc.text, doc.tokens, doc.sentences);
    const drafts = [draft(doc, 'Sukkur', 'ORGANIZATION', 10, 0), draft(doc, 'Sukkur', 'ORGANIZATION', 10, 1), draft(doc, 'Sukkur', 'ORGANIZATION', 10, 2)];
    expect(shown(doc, placeBeforeFacility(doc, drafts, sent, df.gz))).toEqual(['Sukkur/ORGANIZATION', 'Sukkur/ORGANIZATION', 'Sukkur/ORGANIZATION']);
    const other = docOf('Fans met at the Sukkur bakery.');
    const odf = docFeatures(model, other.text, other.tokens, other.sentences);
    expect(shown(other, placeBeforeFacility(other, [draft(other, 'Sukkur', 'ORGANIZATION')], sentenceOfTokens(other), odf.gz))).toEqual(['Sukkur/ORGANIZATION']);
  });
});

describe('dropSplitGlosses', () => {
  it('drops the pieces of a quoted translation of a name', () => {
    const doc = docOf('The Tarvi faction, whose name means ‘Hammer of the Dawn’, was banned. Its rival, meaning "Sons of Rain", was not.');
    const sent = sentenceOfTokens(doc);
    const drafts = [draft(doc, 'Tarvi', 'ORGANIZATION'), draft(doc, 'Hammer', 'ORGANIZATION'), draft(doc, 'Dawn', 'PERSON'), draft(doc, 'Rain', 'PERSON')];
    expect(shown(doc, dropSplitGlosses(doc, drafts, sent))).toEqual(['Tarvi/ORGANIZATION']);
  });

  it('keeps a mention that covers the quoted phrase whole, and quotes after other words', () => {
    const doc = docOf("Its name means 'Hammer of the Dawn'. A unit called 'Sons of Rain' also fought.");
    const sent = sentenceOfTokens(doc);
    const drafts = [draft(doc, 'Hammer of the Dawn', 'ORGANIZATION'), draft(doc, 'Rain', 'PERSON')];
    expect(shown(doc, dropSplitGlosses(doc, drafts, sent))).toEqual(['Hammer of the Dawn/ORGANIZATION', 'Rain/PERSON']);
  });
});

describe('orgByDescriptor and a "place" before a media noun', () => {
  it('makes an unknown place before a channel or app noun an organization, with its other mentions', () => {
    const doc = docOf('The claim spread on a Zapchat channel and the Lisbon newspaper, then in the Vorsk party. Zapchat deleted it.');
    const sent = sentenceOfTokens(doc);
    const df = docFeatures(model, doc.text, doc.tokens, doc.sentences);
    const drafts = [draft(doc, 'Zapchat', 'PLACE', 10, 0), draft(doc, 'Lisbon', 'PLACE'), draft(doc, 'Vorsk', 'PLACE'), draft(doc, 'Zapchat', 'PLACE', 10, 1)];
    expect(shown(doc, orgByDescriptor(doc, drafts, [], sent, df.gz))).toEqual(['Zapchat/ORGANIZATION', 'Lisbon/PLACE', 'Vorsk/PLACE', 'Zapchat/ORGANIZATION']);
  });
});

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

describe('splitAtTitles with offices', () => {
  it('keeps only the name after the last title word, and a county before it as a place', () => {
    const doc = docOf('Lowell County District Attorney Nora Baines and Pastor Ed Vance spoke.');
    const df = docFeatures(model, doc.text, doc.tokens, doc.sentences);
    const out = splitAtTitles(doc, [draft(doc, 'Lowell County District Attorney Nora Baines', 'PERSON'), draft(doc, 'Pastor Ed Vance', 'PERSON')], df.gz);
    expect(shown(doc, out)).toEqual(['Lowell County/PLACE', 'Nora Baines/PERSON role=District Attorney', 'Ed Vance/PERSON role=Pastor']);
  });

  it('takes "Chief of" into the role when only "Staff" and the name were tagged', () => {
    const doc = docOf('Chief of Staff Mark Ellison resigned.');
    const df = docFeatures(model, doc.text, doc.tokens, doc.sentences);
    expect(shown(doc, splitAtTitles(doc, [draft(doc, 'Staff Mark Ellison', 'PERSON')], df.gz))).toEqual(['Mark Ellison/PERSON role=Chief of Staff']);
  });

  it('drops a lone lower-case joiner the tagger left', () => {
    const doc = docOf('Chief of Staff Mark Ellison resigned.');
    expect(shown(doc, trimDebris(doc, [draft(doc, 'of', 'PERSON'), draft(doc, 'Mark Ellison', 'PERSON')]))).toEqual(['Mark Ellison/PERSON']);
  });
});

describe('companyByHead', () => {
  it('makes a person ending in a company word an organization, with the short name', () => {
    const doc = docOf('Garvey Brewing bought Tolland Partners Limited Partnership and Brix S.A. Garvey said so; Ann Garvey did not.');
    const drafts = [
      draft(doc, 'Garvey Brewing', 'PERSON'), draft(doc, 'Tolland Partners Limited Partnership', 'PERSON'), draft(doc, 'Brix S.A.', 'PERSON'),
      draft(doc, 'Garvey', 'PERSON', 10, 1), draft(doc, 'Ann Garvey', 'PERSON'),
    ];
    expect(shown(doc, companyByHead(doc, drafts))).toEqual([
      'Garvey Brewing/ORGANIZATION', 'Tolland Partners Limited Partnership/ORGANIZATION', 'Brix S.A./ORGANIZATION', 'Garvey/ORGANIZATION', 'Ann Garvey/PERSON',
    ]);
  });

  it('leaves one-word persons and persons whose last word is a name', () => {
    const doc = docOf('Group leader Tom Marsh met Capital.');
    const drafts = [draft(doc, 'Tom Marsh', 'PERSON'), draft(doc, 'Capital', 'PERSON')];
    expect(shown(doc, companyByHead(doc, drafts))).toEqual(['Tom Marsh/PERSON', 'Capital/PERSON']);
  });
});

describe('trimCalendarWords', () => {
  it('cuts weekdays and dated months off names, and drops them alone', () => {
    const doc = docOf('Ruritania Tuesday named Jo Pike Sept. 9 as envoy, Ed Lamb Dec. said, and Lamb Corp on June 2 agreed on Monday.');
    const sent = sentenceOfTokens(doc);
    const drafts = [
      draft(doc, 'Ruritania Tuesday', 'PLACE'), draft(doc, 'Jo Pike Sept.', 'PERSON'), draft(doc, 'Ed Lamb Dec.', 'PERSON'),
      draft(doc, 'Lamb Corp on June', 'ORGANIZATION'), draft(doc, 'Monday', 'PERSON'),
    ];
    expect(shown(doc, trimCalendarWords(doc, drafts, sent))).toEqual(['Ruritania/PLACE', 'Jo Pike/PERSON', 'Ed Lamb/PERSON', 'Lamb Corp/ORGANIZATION']);
  });

  it('keeps month words that are names', () => {
    const doc = docOf('Jan Holm met Ava May and Rob June at home.');
    const sent = sentenceOfTokens(doc);
    const drafts = [draft(doc, 'Jan Holm', 'PERSON'), draft(doc, 'Ava May', 'PERSON'), draft(doc, 'Rob June', 'PERSON')];
    expect(shown(doc, trimCalendarWords(doc, drafts, sent))).toEqual(['Jan Holm/PERSON', 'Ava May/PERSON', 'Rob June/PERSON']);
  });
});

describe('cutCompoundAdjectives', () => {
  it('cuts a name before "-based" and friends, keeping what follows as its own mention', () => {
    const doc = docOf('The Boston-based Delmar Bancorp and a Smith-led panel met Paris-born Lena Holt.');
    const df = docFeatures(model, doc.text, doc.tokens, doc.sentences);
    const drafts = [draft(doc, 'Boston-based Delmar Bancorp', 'PLACE'), draft(doc, 'Smith-led', 'ORGANIZATION'), draft(doc, 'Paris-born Lena Holt', 'PERSON')];
    expect(shown(doc, cutCompoundAdjectives(doc, drafts, df.gz))).toEqual(['Boston/PLACE', 'Delmar Bancorp/ORGANIZATION', 'Smith/PERSON', 'Paris/PLACE', 'Lena Holt/PERSON']);
  });

  it('leaves hyphenated names and lower-case words that are not participles', () => {
    const doc = docOf('Anna Smith-Jones and the Ruritania-Valdoria border.');
    const df = docFeatures(model, doc.text, doc.tokens, doc.sentences);
    const drafts = [draft(doc, 'Anna Smith-Jones', 'PERSON'), draft(doc, 'Ruritania-Valdoria', 'PLACE')];
    expect(shown(doc, cutCompoundAdjectives(doc, drafts, df.gz))).toEqual(['Anna Smith-Jones/PERSON', 'Ruritania-Valdoria/PLACE']);
  });
});
