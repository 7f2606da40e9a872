import { describe, expect, it } from 'vitest';
import { sentenceOfTokens } from '../../../src/ner/rules/draft.js';
import { attachRoles } from '../../../src/ner/rules/attach-roles.js';
import { docOf, draft, shown } from './helpers.js';

describe('splitAtTitles and attachRoles', () => {
  it('takes a role written before the name, with a place inside it, or in an apposition', () => {
    const doc = docOf('Ambassador to Moldavia Ivan Sorin spoke. Later Greta Lind, a spokeswoman for the club, agreed.');
    const sentOf = sentenceOfTokens(doc);
    const drafts = [draft(doc, 'Moldavia', 'PLACE'), draft(doc, 'Ivan Sorin', 'PERSON'), draft(doc, 'Greta Lind', 'PERSON')];
    expect(shown(doc, attachRoles(doc, drafts, sentOf))).toEqual([
      'Moldavia/PLACE',
      'Ivan Sorin/PERSON role=Ambassador to Moldavia',
      'Greta Lind/PERSON role=spokeswoman',
    ]);
  });
});
