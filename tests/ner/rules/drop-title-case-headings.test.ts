import { describe, expect, it } from 'vitest';
import { docFeatures } from '../../../src/ner/tagger.js';
import { sentenceOfTokens } from '../../../src/ner/rules/draft.js';
import { dropTitleCaseHeadings } from '../../../src/ner/rules/drop-title-case-headings.js';
import { typeByHeadWord } from '../../../src/ner/rules/type-by-head-word.js';
import { model, docOf, draft, shown } from './helpers.js';

describe('splitLeadingPlace, typeByHeadWord and dropTitleCaseHeadings', () => {
  it('drops unknown words of a Title Case heading line, not names known elsewhere', () => {
    const doc = docOf('Earlier Skirmishes\nGrelling Fort was shelled, officials said.\nGrelling Fort\nThe town is quiet.');
    const df = docFeatures(model(), doc.text, doc.tokens, doc.sentences);
    const drafts = [draft(doc, 'Earlier Skirmishes', 'ORGANIZATION'), draft(doc, 'Grelling Fort', 'PLACE', 10, 0), draft(doc, 'Grelling Fort', 'PLACE', 10, 1)];
    expect(shown(doc, dropTitleCaseHeadings(doc, drafts, sentenceOfTokens(doc), df.gz))).toEqual(['Grelling Fort/PLACE', 'Grelling Fort/PLACE']);
  });
});
