import { describe, expect, it } from 'vitest';
import { docFeatures } from '../../../src/ner/tagger.js';
import { sentenceOfTokens } from '../../../src/ner/rules/draft.js';
import { placeBeforeFacility } from '../../../src/ner/rules/place-before-facility.js';
import { model, docOf, draft, shown } from './helpers.js';

describe('placeBeforeFacility', () => {
  it('types a known place before a lower-case facility noun as a place, not an organization', () => {
    const doc = docOf('Crowds waited outside the Sukkur hospital while the Acme hospital stayed shut.');
    const sent = sentenceOfTokens(doc);
    const df = docFeatures(model(), doc.text, doc.tokens, doc.sentences);
    const drafts = [draft(doc, 'Sukkur', 'ORGANIZATION'), draft(doc, 'Acme', 'ORGANIZATION')];
    expect(shown(doc, placeBeforeFacility(doc, drafts, sent, df.gz))).toEqual(['Sukkur/PLACE', 'Acme/ORGANIZATION']);
  });

  it('leaves a name that is an organization elsewhere in the document, and other nouns, alone', () => {
    const doc = docOf('Sukkur signed the striker on Monday. Fans met at the Sukkur airport and the Sukkur bakery.');
    const sent = sentenceOfTokens(doc);
    const df = docFeatures(model(), doc.text, doc.tokens, doc.sentences);
    const drafts = [draft(doc, 'Sukkur', 'ORGANIZATION', 10, 0), draft(doc, 'Sukkur', 'ORGANIZATION', 10, 1), draft(doc, 'Sukkur', 'ORGANIZATION', 10, 2)];
    expect(shown(doc, placeBeforeFacility(doc, drafts, sent, df.gz))).toEqual(['Sukkur/ORGANIZATION', 'Sukkur/ORGANIZATION', 'Sukkur/ORGANIZATION']);
    const other = docOf('Fans met at the Sukkur bakery.');
    const odf = docFeatures(model(), other.text, other.tokens, other.sentences);
    expect(shown(other, placeBeforeFacility(other, [draft(other, 'Sukkur', 'ORGANIZATION')], sentenceOfTokens(other), odf.gz))).toEqual(['Sukkur/ORGANIZATION']);
  });
});
