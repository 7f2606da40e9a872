import { describe, expect, it } from 'vitest';
import { dropEventNames } from '../../../src/ner/rules/drop-event-names.js';
import { docOf, draft, shown } from './helpers.js';

describe('dropEventNames', () => {
  it('drops a name ending in an event word, and keeps a one-word name and other heads', () => {
    const doc = docOf('Korvane flew at the Valdor Air Show and the Kessel Cup, said Show, of Tarvo Airways.');
    const drafts = [draft(doc, 'Korvane', 'ORGANIZATION'), draft(doc, 'Valdor Air Show', 'PLACE'), draft(doc, 'Kessel Cup', 'ORGANIZATION'), draft(doc, 'Show', 'PERSON'), draft(doc, 'Tarvo Airways', 'ORGANIZATION')];
    expect(shown(doc, dropEventNames(doc, drafts))).toEqual(['Korvane/ORGANIZATION', 'Show/PERSON', 'Tarvo Airways/ORGANIZATION']);
  });
});
