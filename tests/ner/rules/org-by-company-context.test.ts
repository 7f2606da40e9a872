import { describe, expect, it } from 'vitest';
import { docFeatures } from '../../../src/ner/tagger.js';
import { sentenceOfTokens } from '../../../src/ner/rules/draft.js';
import { orgByCompanyContext } from '../../../src/ner/rules/org-by-company-context.js';
import { docOf, draft, model, shown } from './helpers.js';

function run(text: string, drafts: (doc: ReturnType<typeof docOf>) => { drafts: Parameters<typeof shown>[1]; misc: Parameters<typeof shown>[1] }): string[] {
  const doc = docOf(text);
  const df = docFeatures(model(), doc.text, doc.tokens, doc.sentences);
  const { drafts: d, misc } = drafts(doc);
  return shown(doc, orgByCompanyContext(doc, d, misc, sentenceOfTokens(doc), df.gz).drafts);
}

describe('orgByCompanyContext', () => {
  it('makes a MISC name an organization when a verb or a possessive follows, with its other mentions', () => {
    const out = run('Zentrix said on Friday that Korvane lost an order. Later Zentrix sued Korvane.', (doc) => ({
      drafts: [],
      misc: [draft(doc, 'Zentrix', 'ORGANIZATION', 5, 0), draft(doc, 'Korvane', 'ORGANIZATION', 5, 0)],
    }));
    // The later, untagged mentions are added too.
    expect(out).toEqual(['Zentrix/ORGANIZATION', 'Korvane/ORGANIZATION', 'Zentrix/ORGANIZATION', 'Korvane/ORGANIZATION']);
  });

  it('keeps a name the text refers to by "his" or "her" from being made an organization', () => {
    const out = run('Later Zentrix predicted a famine. Zentrix asserted his influence.', (doc) => ({
      drafts: [draft(doc, 'Zentrix', 'PERSON', 5, 1)],
      misc: [draft(doc, 'Zentrix', 'ORGANIZATION', 5, 0)],
    }));
    expect(out).toEqual(['Zentrix/PERSON']);
  });

  it('leaves a MISC model name followed by a number, and a nationality, alone', () => {
    const out = run('The Zentrix 880 flew well, and French pilots said so.', (doc) => ({
      drafts: [],
      misc: [draft(doc, 'Zentrix', 'ORGANIZATION'), draft(doc, 'French', 'ORGANIZATION')],
    }));
    expect(out).toEqual([]);
  });

  it('does not take a first word followed by a verb for a company unless it is capitalized inside a sentence too', () => {
    const out = run('Whispers spread fast. Zentrix grew. Later Zentrix fell.', (doc) => ({
      drafts: [],
      misc: [draft(doc, 'Whispers', 'ORGANIZATION'), draft(doc, 'Zentrix', 'ORGANIZATION', 5, 0)],
    }));
    expect(out).toEqual(['Zentrix/ORGANIZATION', 'Zentrix/ORGANIZATION']);
  });

  it('types a name used as a modifier of shares, staff or jets, or after "shares in", as an organization', () => {
    const out = run('Korvane shares fell while shares in Tellamo rose, and Dravik jets flew.', (doc) => ({
      drafts: [draft(doc, 'Korvane', 'PERSON'), draft(doc, 'Tellamo', 'PLACE'), draft(doc, 'Dravik', 'PERSON')],
      misc: [],
    }));
    expect(out).toEqual(['Korvane/ORGANIZATION', 'Tellamo/ORGANIZATION', 'Dravik/ORGANIZATION']);
  });

  it('takes a short name from a company word written after it elsewhere, and an untagged word before a company noun', () => {
    const out = run('Korvane Inc. grew. Korvane hired Ana Lee. Later Tellamo executives met Korvane.', (doc) => ({
      drafts: [draft(doc, 'Korvane Inc.', 'ORGANIZATION'), draft(doc, 'Korvane', 'PERSON', 5, 1), draft(doc, 'Ana Lee', 'PERSON')],
      misc: [],
    }));
    expect(out).toEqual(['Korvane Inc./ORGANIZATION', 'Korvane/ORGANIZATION', 'Ana Lee/PERSON', 'Tellamo/ORGANIZATION', 'Korvane/ORGANIZATION']);
  });

  it('does not retype a known place or a person without company evidence', () => {
    const out = run('France shares the view, and Ana Lee said Paris workers agreed.', (doc) => ({
      drafts: [draft(doc, 'France', 'PLACE'), draft(doc, 'Ana Lee', 'PERSON'), draft(doc, 'Paris', 'PLACE')],
      misc: [],
    }));
    expect(out).toEqual(['France/PLACE', 'Ana Lee/PERSON', 'Paris/PLACE']);
  });
});
