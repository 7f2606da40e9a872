import { describe, expect, it } from 'vitest';
import { docFeatures } from '../../../src/ner/tagger.js';
import { typeByHeadWord } from '../../../src/ner/rules/type-by-head-word.js';
import { model, docOf, draft, shown } from './helpers.js';

describe('typeByHeadWord', () => {
  it('types a multi-word name by its head word', () => {
    const doc = docOf('The Valdoran Defence Ministry and Upper Kessel Province and Kessel Corp replied.');
    const df = docFeatures(model(), doc.text, doc.tokens, doc.sentences);
    const drafts = [draft(doc, 'Valdoran Defence Ministry', 'PLACE'), draft(doc, 'Upper Kessel Province', 'ORGANIZATION'), draft(doc, 'Kessel Corp', 'PERSON')];
    expect(shown(doc, typeByHeadWord(doc, drafts, df.gz))).toEqual([
      'Valdoran Defence Ministry/ORGANIZATION',
      'Upper Kessel Province/PLACE',
      'Kessel Corp/ORGANIZATION',
    ]);
  });
});

describe('institutions inside a person span, and faith adjectives ending an organization', () => {
  it('types a long PERSON span with an institution word inside as an organization', () => {
    const doc = docOf('Victims reached Saint Orlan Memorial Hospital Vesk and met Anna Maria Hospitaler.');
    const df = docFeatures(model(), doc.text, doc.tokens, doc.sentences);
    const drafts = [draft(doc, 'Saint Orlan Memorial Hospital Vesk', 'PERSON'), draft(doc, 'Anna Maria Hospitaler', 'PERSON')];
    expect(shown(doc, typeByHeadWord(doc, drafts, df.gz))).toEqual(['Saint Orlan Memorial Hospital Vesk/ORGANIZATION', 'Anna Maria Hospitaler/PERSON']);
  });
});
