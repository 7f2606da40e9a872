import { describe, expect, it } from 'vitest';
import { attachLoneHeads } from '../../../src/ner/rules/attach-lone-heads.js';
import { docOf, draft, shown } from './helpers.js';

describe('attachLoneHeads', () => {
  it('joins a lone place or organization head word to the name it follows', () => {
    const doc = docOf('Floods hit Marrow Valley Province and the Tesk Ministry today.');
    const drafts = [draft(doc, 'Marrow Valley', 'PLACE'), draft(doc, 'Province', 'PLACE'), draft(doc, 'Tesk', 'ORGANIZATION'), draft(doc, 'Ministry', 'ORGANIZATION')];
    expect(shown(doc, attachLoneHeads(doc, drafts))).toEqual(['Marrow Valley Province/PLACE', 'Tesk Ministry/ORGANIZATION']);
  });

  it('leaves a head word alone when no name ends right before it', () => {
    const doc = docOf('Boats crossed the Gulf near Tesk.');
    const drafts = [draft(doc, 'Gulf', 'PLACE'), draft(doc, 'Tesk', 'PLACE')];
    expect(shown(doc, attachLoneHeads(doc, drafts))).toEqual(['Gulf/PLACE', 'Tesk/PLACE']);
  });
});
