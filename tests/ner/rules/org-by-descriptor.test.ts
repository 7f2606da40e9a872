import { describe, expect, it } from 'vitest';
import { docFeatures } from '../../../src/ner/tagger.js';
import { sentenceOfTokens } from '../../../src/ner/rules/draft.js';
import { joinSplitNames } from '../../../src/ner/rules/join-split-names.js';
import { orgByDescriptor } from '../../../src/ner/rules/org-by-descriptor.js';
import { model, docOf, draft, shown } from './helpers.js';

describe('orgByDescriptor', () => {
  it('makes a MISC name an organization when a descriptor noun stands before, after or in apposition', () => {
    const doc = docOf('Troops raided the rebel group Harakat ul-Nasr at dawn. Later Harakat ul-Nasr denied it. The Velmar Brotherhood, an armed faction, fled. Zorvan fighters and the Sunni group stayed.');
    const sent = sentenceOfTokens(doc);
    const df = docFeatures(model(), doc.text, doc.tokens, doc.sentences);
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
    const df = docFeatures(model(), doc.text, doc.tokens, doc.sentences);
    const drafts = [draft(doc, 'Dar Kalim', 'PERSON', 10, 1)];
    const misc = [draft(doc, 'Dar Kalim', 'ORGANIZATION', 10, 0)];
    expect(shown(doc, orgByDescriptor(doc, drafts, misc, sent, df.gz))).toEqual([
      'Dar Kalim/ORGANIZATION',
      'Dar Kalim/ORGANIZATION',
      'Dar Kalim/ORGANIZATION',
    ]);
  });
});

describe('orgByDescriptor and a "place" before a media noun', () => {
  it('makes an unknown place before a channel or app noun an organization, with its other mentions', () => {
    const doc = docOf('The claim spread on a Zapchat channel and the Lisbon newspaper, then in the Vorsk party. Zapchat deleted it.');
    const sent = sentenceOfTokens(doc);
    const df = docFeatures(model(), doc.text, doc.tokens, doc.sentences);
    const drafts = [draft(doc, 'Zapchat', 'PLACE', 10, 0), draft(doc, 'Lisbon', 'PLACE'), draft(doc, 'Vorsk', 'PLACE'), draft(doc, 'Zapchat', 'PLACE', 10, 1)];
    expect(shown(doc, orgByDescriptor(doc, drafts, [], sent, df.gz))).toEqual(['Zapchat/ORGANIZATION', 'Lisbon/PLACE', 'Vorsk/PLACE', 'Zapchat/ORGANIZATION']);
  });
});

describe('orgByDescriptor and a sentence\'s first word', () => {
  it('does not take a first word the document never capitalizes inside a sentence for a name before a descriptor', () => {
    const doc = docOf('Tractor maker Velmar grew. Trucks rolled.\nDaskon group members met. The Daskon group left.');
    const sent = sentenceOfTokens(doc);
    const df = docFeatures(model(), doc.text, doc.tokens, doc.sentences);
    const misc = [draft(doc, 'Tractor', 'ORGANIZATION'), draft(doc, 'Daskon', 'ORGANIZATION', 10, 0), draft(doc, 'Daskon', 'ORGANIZATION', 10, 1)];
    expect(shown(doc, orgByDescriptor(doc, [], misc, sent, df.gz))).toEqual(['Daskon/ORGANIZATION', 'Daskon/ORGANIZATION']);
  });
});
