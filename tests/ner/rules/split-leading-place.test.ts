import { describe, expect, it } from 'vitest';
import { docFeatures } from '../../../src/ner/tagger.js';
import { splitLeadingPlace } from '../../../src/ner/rules/split-leading-place.js';
import { typeByHeadWord } from '../../../src/ner/rules/type-by-head-word.js';
import { model, docOf, draft, shown } from './helpers.js';

describe('splitLeadingPlace', () => {
  it('splits a country off the front of a person span', () => {
    const doc = docOf('The envoy of Mongolia Oleg Marsh spoke.');
    const df = docFeatures(model(), doc.text, doc.tokens, doc.sentences);
    expect(shown(doc, splitLeadingPlace(doc, [draft(doc, 'Mongolia Oleg Marsh', 'PERSON')], df.gz))).toEqual(['Mongolia/PLACE', 'Oleg Marsh/PERSON']);
  });
});
