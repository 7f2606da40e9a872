import { describe, expect, it } from 'vitest';
import { docFeatures } from '../../../src/ner/tagger.js';
import { sentenceOfTokens } from '../../../src/ner/rules/draft.js';
import { agreeTypes } from '../../../src/ner/rules/agree-types.js';
import { model, docOf, draft, shown } from './helpers.js';
import type { EntityType } from '../../../src/types.js';

function run(text: string, spans: Array<[string, EntityType, number?]>): string[] {
  const doc = docOf(text);
  const df = docFeatures(model(), doc.text, doc.tokens, doc.sentences);
  return shown(doc, agreeTypes(doc, spans.map(([p, t, nth]) => draft(doc, p, t, 10, nth ?? 0)), sentenceOfTokens(doc), df.gz));
}

describe('agreeTypes', () => {
  it('makes the PERSON mentions of a name typed ORGANIZATION elsewhere in the document organizations', () => {
    expect(run('Quorvex CEO Ana Lee spoke. Quorvex introduced a phone.', [['Quorvex', 'ORGANIZATION'], ['Ana Lee', 'PERSON'], ['Quorvex', 'PERSON', 1]])).toEqual([
      'Quorvex/ORGANIZATION',
      'Ana Lee/PERSON',
      'Quorvex/ORGANIZATION',
    ]);
  });

  it('keeps a person the document gives evidence for: a title, a longer name, a given name first', () => {
    expect(run('Senator Tallow spoke. Tallow Bank lent. Tallow left.', [['Tallow', 'PERSON'], ['Tallow', 'ORGANIZATION', 1], ['Tallow', 'PERSON', 2]])).toEqual([
      'Tallow/PERSON',
      'Tallow/ORGANIZATION',
      'Tallow/PERSON',
    ]);
    expect(run('Ana Tallow spoke. Tallow lent. Tallow left.', [['Ana Tallow', 'PERSON'], ['Tallow', 'ORGANIZATION', 1], ['Tallow', 'PERSON', 2]])).toEqual([
      'Ana Tallow/PERSON',
      'Tallow/ORGANIZATION',
      'Tallow/PERSON',
    ]);
    expect(run('John Tallow spoke. John Tallow lent.', [['John Tallow', 'PERSON'], ['John Tallow', 'ORGANIZATION', 1]])).toEqual([
      'John Tallow/PERSON',
      'John Tallow/ORGANIZATION',
    ]);
  });
});
