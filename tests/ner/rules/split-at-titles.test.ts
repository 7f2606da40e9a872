import { describe, expect, it } from 'vitest';
import { docFeatures } from '../../../src/ner/tagger.js';
import { attachRoles } from '../../../src/ner/rules/attach-roles.js';
import { splitAtTitles } from '../../../src/ner/rules/split-at-titles.js';
import { model, docOf, draft, shown } from './helpers.js';

describe('splitAtTitles and attachRoles', () => {
  it('splits a title off a name and keeps the role', () => {
    const doc = docOf('Foreign Minister Maria Lopez arrived late.');
    const df = docFeatures(model(), doc.text, doc.tokens, doc.sentences);
    const out = splitAtTitles(doc, [draft(doc, 'Foreign Minister Maria Lopez', 'ORGANIZATION')], df.gz);
    expect(shown(doc, out)).toEqual(['Maria Lopez/PERSON role=Foreign Minister']);
  });

  it('keeps a place before the title as its own mention', () => {
    const doc = docOf('Estonian Cardinal Peter Tamm and Canada Ambassador John Reid spoke.');
    const df = docFeatures(model(), doc.text, doc.tokens, doc.sentences);
    const out = splitAtTitles(doc, [draft(doc, 'Estonian Cardinal Peter Tamm', 'PERSON'), draft(doc, 'Canada Ambassador John Reid', 'PERSON')], df.gz);
    expect(shown(doc, out)).toEqual(['Peter Tamm/PERSON role=Estonian Cardinal', 'Canada/PLACE', 'John Reid/PERSON role=Ambassador']);
  });

  it('does not split an organization whose name only starts with a title word', () => {
    const doc = docOf('General Dynamics won the contract.');
    const df = docFeatures(model(), doc.text, doc.tokens, doc.sentences);
    expect(shown(doc, splitAtTitles(doc, [draft(doc, 'General Dynamics', 'ORGANIZATION')], df.gz))).toEqual(['General Dynamics/ORGANIZATION']);
  });
});

describe('splitAtTitles with offices', () => {
  it('keeps only the name after the last title word, and a county before it as a place', () => {
    const doc = docOf('Lowell County District Attorney Nora Baines and Pastor Ed Vance spoke.');
    const df = docFeatures(model(), doc.text, doc.tokens, doc.sentences);
    const out = splitAtTitles(doc, [draft(doc, 'Lowell County District Attorney Nora Baines', 'PERSON'), draft(doc, 'Pastor Ed Vance', 'PERSON')], df.gz);
    expect(shown(doc, out)).toEqual(['Lowell County/PLACE', 'Nora Baines/PERSON role=District Attorney', 'Ed Vance/PERSON role=Pastor']);
  });

  it('takes "Chief of" into the role when only "Staff" and the name were tagged', () => {
    const doc = docOf('Chief of Staff Mark Ellison resigned.');
    const df = docFeatures(model(), doc.text, doc.tokens, doc.sentences);
    expect(shown(doc, splitAtTitles(doc, [draft(doc, 'Staff Mark Ellison', 'PERSON')], df.gz))).toEqual(['Mark Ellison/PERSON role=Chief of Staff']);
  });
});

describe('splitAtTitles with a chief executive', () => {
  it('splits "X Inc. CEO Given Family" into the company and the person with role CEO', () => {
    const doc = docOf('Korvane Inc. CEO Steven Marsh resigned.');
    const df = docFeatures(model(), doc.text, doc.tokens, doc.sentences);
    expect(shown(doc, splitAtTitles(doc, [draft(doc, 'Korvane Inc. CEO Steven Marsh', 'ORGANIZATION')], df.gz))).toEqual(['Korvane Inc./ORGANIZATION', 'Steven Marsh/PERSON role=CEO']);
  });
});
