import { describe, expect, it } from 'vitest';
import { docFeatures } from '../../../src/ner/tagger.js';
import { attachLoneHeads } from '../../../src/ner/rules/attach-lone-heads.js';
import { trimDebris } from '../../../src/ner/rules/trim-debris.js';
import { model, docOf, draft, shown } from './helpers.js';

describe('trimDebris', () => {
  it('cuts a name at a lower-case word or an owner\'s possessive, but keeps "People\'s Party"', () => {
    const doc = docOf("Acme's chief left Acme plant, Farmers' and People's Party men met Mongolia's Border Guard.");
    const df = docFeatures(model(), doc.text, doc.tokens, doc.sentences);
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

describe('splitAtTitles with offices', () => {
  it('drops a lone lower-case joiner the tagger left', () => {
    const doc = docOf('Chief of Staff Mark Ellison resigned.');
    expect(shown(doc, trimDebris(doc, [draft(doc, 'of', 'PERSON'), draft(doc, 'Mark Ellison', 'PERSON')]))).toEqual(['Mark Ellison/PERSON']);
  });
});

describe('trimDebris at the start of a name', () => {
  it('drops a lower-case function word the tagger put first, but keeps a particle', () => {
    const doc = docOf('Shares of Korvane fell, said de Klerk.');
    expect(shown(doc, trimDebris(doc, [draft(doc, 'of Korvane', 'ORGANIZATION'), draft(doc, 'de Klerk', 'PERSON')]))).toEqual(['Korvane/ORGANIZATION', 'de Klerk/PERSON']);
  });
});

describe('trimDebris and an honorific first', () => {
  it('makes a mention that starts with an honorific a person, without the honorific', () => {
    const doc = docOf('Dr. Lena Varo and Ms. Ida Holm spoke.');
    expect(shown(doc, trimDebris(doc, [draft(doc, 'Dr. Lena Varo', 'ORGANIZATION'), draft(doc, 'Ms. Ida Holm', 'PLACE')]))).toEqual(['Lena Varo/PERSON', 'Ida Holm/PERSON']);
  });
});
