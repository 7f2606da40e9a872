import { describe, expect, it } from 'vitest';
import { sentenceOfTokens } from '../../../src/ner/rules/draft.js';
import { personBySurname } from '../../../src/ner/rules/person-by-surname.js';
import { docOf, draft, shown } from './helpers.js';
import type { EntityType } from '../../../src/types.js';

function run(text: string, spans: Array<[string, EntityType, number?]>): string[] {
  const doc = docOf(text);
  return shown(doc, personBySurname(doc, spans.map(([p, t, nth]) => draft(doc, p, t, 10, nth ?? 0)), sentenceOfTokens(doc)));
}

describe('personBySurname', () => {
  it('makes a one-word place that is the family name of a person named in the document that person', () => {
    expect(run('Ana Denver won. Later Denver said she was tired.', [['Ana Denver', 'PERSON'], ['Denver', 'PLACE', 1]])).toEqual(['Ana Denver/PERSON', 'Denver/PERSON']);
  });

  it('leaves the place after a word of place or an article, and everywhere when the document writes it so', () => {
    expect(run('Ana Denver won. The Denver side lost.', [['Ana Denver', 'PERSON'], ['Denver', 'PLACE', 1]])).toEqual(['Ana Denver/PERSON', 'Denver/PLACE']);
    expect(run('Ana Denver flew to Denver. Denver was cold.', [['Ana Denver', 'PERSON'], ['Denver', 'PLACE', 1], ['Denver', 'PLACE', 2]])).toEqual([
      'Ana Denver/PERSON',
      'Denver/PLACE',
      'Denver/PLACE',
    ]);
    expect(run('Denver was cold.', [['Denver', 'PLACE']])).toEqual(['Denver/PLACE']);
  });
});
