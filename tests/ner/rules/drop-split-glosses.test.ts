import { describe, expect, it } from 'vitest';
import { sentenceOfTokens } from '../../../src/ner/rules/draft.js';
import { dropSplitGlosses } from '../../../src/ner/rules/drop-split-glosses.js';
import { docOf, draft, shown } from './helpers.js';

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
