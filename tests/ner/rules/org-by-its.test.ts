import { describe, expect, it } from 'vitest';
import { docFeatures } from '../../../src/ner/tagger.js';
import { sentenceOfTokens } from '../../../src/ner/rules/draft.js';
import { orgByIts } from '../../../src/ner/rules/org-by-its.js';
import { model, docOf, draft, shown } from './helpers.js';

function run(text: string, drafts: (doc: ReturnType<typeof docOf>) => ReturnType<typeof draft>[]): string[] {
  const doc = docOf(text);
  const df = docFeatures(model(), doc.text, doc.tokens, doc.sentences);
  return shown(doc, orgByIts(doc, drafts(doc), [], sentenceOfTokens(doc), df.gz));
}

describe('orgByIts', () => {
  it('makes a PERSON referred to by "its" an organization, with its other mentions and untagged occurrences', () => {
    expect(
      run('Quorvex unveils a phone\nQuorvex today unveiled its new phone. Analysts praised Quorvex.', (doc) => [
        draft(doc, 'Quorvex', 'PERSON', 10, 1),
        draft(doc, 'Quorvex', 'PERSON', 10, 2),
      ]),
    ).toEqual(['Quorvex/ORGANIZATION', 'Quorvex/ORGANIZATION', 'Quorvex/ORGANIZATION']);
    expect(run('Dravin Kessel said its output rose.', (doc) => [draft(doc, 'Dravin Kessel', 'PERSON')])).toEqual(['Dravin Kessel/ORGANIZATION']);
    expect(run('Tallow and its partners met.', (doc) => [draft(doc, 'Tallow', 'PERSON')])).toEqual(['Tallow/ORGANIZATION']);
  });

  it('keeps a person: a given name first, a title, a longer name, a pronoun or a comma before "its"', () => {
    expect(run('John Kessel said its output rose.', (doc) => [draft(doc, 'John Kessel', 'PERSON')])).toEqual(['John Kessel/PERSON']);
    expect(run('Mayor Tallow spoke. Tallow said its budget was cut.', (doc) => [draft(doc, 'Tallow', 'PERSON', 10, 0), draft(doc, 'Tallow', 'PERSON', 10, 1)])).toEqual([
      'Tallow/PERSON',
      'Tallow/PERSON',
    ]);
    expect(run('Ana Tallow came. Tallow said its budget was cut.', (doc) => [draft(doc, 'Ana Tallow', 'PERSON'), draft(doc, 'Tallow', 'PERSON', 10, 1)])).toEqual([
      'Ana Tallow/PERSON',
      'Tallow/PERSON',
    ]);
    expect(run('Tallow said that its budget was cut.', (doc) => [draft(doc, 'Tallow', 'PERSON')])).toEqual(['Tallow/PERSON']);
    expect(run('Tallow, the firm, cut its budget.', (doc) => [draft(doc, 'Tallow', 'PERSON')])).toEqual(['Tallow/PERSON']);
    expect(run('Tallow met him and spoke at length about its budget.', (doc) => [draft(doc, 'Tallow', 'PERSON')])).toEqual(['Tallow/PERSON']);
  });
});
