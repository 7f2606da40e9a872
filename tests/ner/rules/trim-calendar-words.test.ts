import { describe, expect, it } from 'vitest';
import { sentenceOfTokens } from '../../../src/ner/rules/draft.js';
import { trimCalendarWords } from '../../../src/ner/rules/trim-calendar-words.js';
import { docOf, draft, shown } from './helpers.js';

describe('trimCalendarWords', () => {
  it('cuts weekdays and dated months off names, and drops them alone', () => {
    const doc = docOf('Ruritania Tuesday named Jo Pike Sept. 9 as envoy, Ed Lamb Dec. said, and Lamb Corp on June 2 agreed on Monday.');
    const sent = sentenceOfTokens(doc);
    const drafts = [
      draft(doc, 'Ruritania Tuesday', 'PLACE'), draft(doc, 'Jo Pike Sept.', 'PERSON'), draft(doc, 'Ed Lamb Dec.', 'PERSON'),
      draft(doc, 'Lamb Corp on June', 'ORGANIZATION'), draft(doc, 'Monday', 'PERSON'),
    ];
    expect(shown(doc, trimCalendarWords(doc, drafts, sent))).toEqual(['Ruritania/PLACE', 'Jo Pike/PERSON', 'Ed Lamb/PERSON', 'Lamb Corp/ORGANIZATION']);
  });

  it('keeps month words that are names', () => {
    const doc = docOf('Jan Holm met Ava May and Rob June at home.');
    const sent = sentenceOfTokens(doc);
    const drafts = [draft(doc, 'Jan Holm', 'PERSON'), draft(doc, 'Ava May', 'PERSON'), draft(doc, 'Rob June', 'PERSON')];
    expect(shown(doc, trimCalendarWords(doc, drafts, sent))).toEqual(['Jan Holm/PERSON', 'Ava May/PERSON', 'Rob June/PERSON']);
  });
});
