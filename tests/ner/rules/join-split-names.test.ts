import { describe, expect, it } from 'vitest';
import { sentenceOfTokens } from '../../../src/ner/rules/draft.js';
import { joinSplitNames } from '../../../src/ner/rules/join-split-names.js';
import { docOf, draft, shown } from './helpers.js';

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
