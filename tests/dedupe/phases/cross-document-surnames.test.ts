import { describe, expect, it } from 'vitest';
import { doc, run, groups } from '../../dedupe-helpers.js';

describe('across documents: cross-document-surnames', () => {
  it('keeps two people who share a surname apart, with their short forms', () => {
    const docs = [
      doc('d1', [['PERSON', 'Omar Haddad'], ['PERSON', 'Haddad']]),
      doc('d2', [['PERSON', 'Layla Haddad'], ['PERSON', 'Ms. Haddad']]),
    ];
    expect(groups(docs)).toEqual([['Haddad', 'Omar Haddad'], ['Layla Haddad', 'Ms. Haddad']]);
  });

  it('does not chain a surname into two people: a lone surname stays alone when it fits both', () => {
    const docs = [doc('d1', [['PERSON', 'Omar Haddad']]), doc('d2', [['PERSON', 'Layla Haddad']]), doc('d3', [['PERSON', 'Haddad']])];
    expect(run(docs).entities).toHaveLength(3);
  });

  it('joins a lone surname to the one person it fits', () => {
    const docs = [doc('d1', [['PERSON', 'Omar Haddad']]), doc('d3', [['PERSON', 'Haddad']])];
    expect(run(docs).entities).toHaveLength(1);
  });

  it('does not join a lone name to a person whose surname is only near it', () => {
    // "Alin" and "Yelin" share a consonant skeleton; a single word across documents needs the surname itself.
    const docs = [doc('d1', [['PERSON', 'Marta Yelin']]), doc('d2', [['PERSON', 'Alin']])];
    expect(run(docs).entities).toHaveLength(2);
    const spelled = [doc('d1', [['PERSON', 'Omar Haddad']]), doc('d2', [['PERSON', 'Hadad']])];
    expect(run(spelled).entities).toHaveLength(1);
  });

  it('leaves a lone word that is also somebody\'s given name where it is', () => {
    const docs = [doc('d1', [['PERSON', 'Tomas Reyes']]), doc('d2', [['PERSON', 'Reyes Alvarado']]), doc('d3', [['PERSON', 'Reyes']])];
    expect(groups(docs)).toEqual([['Reyes'], ['Reyes Alvarado'], ['Tomas Reyes']]);
  });
});
