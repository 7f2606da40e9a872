import { describe, expect, it } from 'vitest';
import { docFeatures } from '../../../src/ner/tagger.js';
import { cutCompoundAdjectives } from '../../../src/ner/rules/cut-compound-adjectives.js';
import { model, docOf, draft, shown } from './helpers.js';

describe('cutCompoundAdjectives', () => {
  it('cuts a name before "-based" and friends, keeping what follows as its own mention', () => {
    const doc = docOf('The Boston-based Delmar Bancorp and a Smith-led panel met Paris-born Lena Holt.');
    const df = docFeatures(model(), doc.text, doc.tokens, doc.sentences);
    const drafts = [draft(doc, 'Boston-based Delmar Bancorp', 'PLACE'), draft(doc, 'Smith-led', 'ORGANIZATION'), draft(doc, 'Paris-born Lena Holt', 'PERSON')];
    expect(shown(doc, cutCompoundAdjectives(doc, drafts, df.gz))).toEqual(['Boston/PLACE', 'Delmar Bancorp/ORGANIZATION', 'Smith/PERSON', 'Paris/PLACE', 'Lena Holt/PERSON']);
  });

  it('leaves hyphenated names and lower-case words that are not participles', () => {
    const doc = docOf('Anna Smith-Jones and the Ruritania-Valdoria border.');
    const df = docFeatures(model(), doc.text, doc.tokens, doc.sentences);
    const drafts = [draft(doc, 'Anna Smith-Jones', 'PERSON'), draft(doc, 'Ruritania-Valdoria', 'PLACE')];
    expect(shown(doc, cutCompoundAdjectives(doc, drafts, df.gz))).toEqual(['Anna Smith-Jones/PERSON', 'Ruritania-Valdoria/PLACE']);
  });
});
