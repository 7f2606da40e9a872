import { describe, expect, it } from 'vitest';
import { docFeatures } from '../../../src/ner/tagger.js';
import { sentenceOfTokens } from '../../../src/ner/rules/draft.js';
import { dropNonNames } from '../../../src/ner/rules/drop-non-names.js';
import { model, docOf, draft, shown } from './helpers.js';

describe('dropNonNames', () => {
  it('drops single letters, link pieces, creed words, credit lines and a lone head word after a possessive', () => {
    const doc = docOf('Guards (R) watched. See pic.twitter.com/Xq7Lm2 now.\nMuslim leaders met Shia-Sunni envoys at the Governor\'s Office.\n(Photo by Lars Venn / Tessa Agency)\nNadia Orlov spoke.');
    const sent = sentenceOfTokens(doc);
    const df = docFeatures(model(), doc.text, doc.tokens, doc.sentences);
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
    const df = docFeatures(model(), doc.text, doc.tokens, doc.sentences);
    expect(shown(doc, dropNonNames(doc, [draft(doc, 'KNX', 'PERSON', 10, 0), draft(doc, 'KNX', 'PERSON', 10, 1)], sent, df.gz))).toEqual(['KNX/ORGANIZATION', 'KNX/PERSON']);
  });
});

describe('institutions inside a person span, and faith adjectives ending an organization', () => {
  it('drops an organization that ends in an adjective of faith', () => {
    const doc = docOf('It is an ethnic Tarvi Sunni group, unlike the Sunni Relief Board.');
    const sent = sentenceOfTokens(doc);
    const df = docFeatures(model(), doc.text, doc.tokens, doc.sentences);
    const drafts = [draft(doc, 'Tarvi Sunni', 'ORGANIZATION'), draft(doc, 'Sunni Relief Board', 'ORGANIZATION')];
    expect(shown(doc, dropNonNames(doc, drafts, sent, df.gz))).toEqual(['Sunni Relief Board/ORGANIZATION']);
  });
});

describe('dropNonNames and titles alone', () => {
  it('drops a mention made only of titles or honorifics, and keeps one with a name in it', () => {
    const doc = docOf('The CEO met Executive Officer staff, Mr. and Governor Ana Lee.');
    const sent = sentenceOfTokens(doc);
    const df = docFeatures(model(), doc.text, doc.tokens, doc.sentences);
    const drafts = [draft(doc, 'CEO', 'ORGANIZATION'), draft(doc, 'Executive Officer', 'PERSON'), draft(doc, 'Mr.', 'PLACE'), draft(doc, 'Governor Ana Lee', 'PERSON')];
    expect(shown(doc, dropNonNames(doc, drafts, sent, df.gz))).toEqual(['Governor Ana Lee/PERSON']);
  });
});
