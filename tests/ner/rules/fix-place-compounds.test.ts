import { describe, expect, it } from 'vitest';
import { docFeatures } from '../../../src/ner/tagger.js';
import { sentenceOfTokens } from '../../../src/ner/rules/draft.js';
import { joinSplitNames } from '../../../src/ner/rules/join-split-names.js';
import { fixPlaceCompounds } from '../../../src/ner/rules/fix-place-compounds.js';
import { model, docOf, draft, shown } from './helpers.js';

describe('fixPlaceCompounds and a place run into a name', () => {
  it('joins "X and Y Province", splits a pair of countries, and gives a given name back to the person', () => {
    const doc = docOf('Shelling hit Varno and Tesk Province near the France-Germany border. Premier of France Omar ul Haq Zain spoke.');
    const sent = sentenceOfTokens(doc);
    const df = docFeatures(model(), doc.text, doc.tokens, doc.sentences);
    const places = [draft(doc, 'Varno', 'PLACE'), draft(doc, 'Tesk Province', 'PLACE'), draft(doc, 'France-Germany', 'PLACE')];
    expect(shown(doc, fixPlaceCompounds(doc, places, sent, df.gz))).toEqual(['Varno and Tesk Province/PLACE', 'France/PLACE', 'Germany/PLACE']);
    const run = [draft(doc, 'France Omar', 'PLACE', 10, 0), draft(doc, 'Haq Zain', 'PERSON')];
    expect(shown(doc, joinSplitNames(doc, run, sent))).toEqual(['France/PLACE', 'Omar ul Haq Zain/PERSON']);
  });
});
