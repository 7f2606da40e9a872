import { describe, expect, it } from 'vitest';
import { docFeatures } from '../../../src/ner/tagger.js';
import { sentenceOfTokens } from '../../../src/ner/rules/draft.js';
import { joinParticleNames } from '../../../src/ner/rules/join-particle-names.js';
import { docOf, draft, model, shown } from './helpers.js';

describe('joinParticleNames', () => {
  it('joins a given name, one or two particles and a family name into one person, whatever the parts were typed', () => {
    const doc = docOf('Greta von der Halden met Pieter van Morsel and Omar bin Talal.');
    const df = docFeatures(model(), doc.text, doc.tokens, doc.sentences);
    const drafts = [draft(doc, 'Greta', 'PLACE'), draft(doc, 'Halden', 'ORGANIZATION'), draft(doc, 'Pieter', 'PERSON'), draft(doc, 'Omar', 'PERSON'), draft(doc, 'Talal', 'PERSON')];
    expect(shown(doc, joinParticleNames(doc, drafts, sentenceOfTokens(doc), df.gz))).toEqual([
      'Greta von der Halden/PERSON',
      'Pieter van Morsel/PERSON',
      'Omar bin Talal/PERSON',
    ]);
  });

  it('leaves a mention that is no given name, and a particle before a lower-case word', () => {
    const doc = docOf('Troops left Brakkenfeld van Dorn and Greta de facto ruled.');
    const df = docFeatures(model(), doc.text, doc.tokens, doc.sentences);
    const drafts = [draft(doc, 'Brakkenfeld', 'PLACE'), draft(doc, 'Dorn', 'PLACE'), draft(doc, 'Greta', 'PERSON')];
    expect(shown(doc, joinParticleNames(doc, drafts, sentenceOfTokens(doc), df.gz))).toEqual(['Brakkenfeld/PLACE', 'Dorn/PLACE', 'Greta/PERSON']);
  });
});
