import { describe, expect, it } from 'vitest';
import { corpusState } from '../src/corpus.js';
import { dedupeEntities } from '../src/stages/dedupe-entities.js';
import type { ProcessedDoc } from '../src/types.js';
import { doc, type M } from './dedupe-helpers.js';

// No gazetteer: these tests are about the name rules; tests/geo-*.test.ts cover the linking.
const run = (docs: ProcessedDoc[], overrides?: { merge?: Array<[string, string]>; forbid?: Array<[string, string]> }) =>
  dedupeEntities({ places: null, ...(overrides === undefined ? {} : { overrides }) })(corpusState(docs));

/** The entity names, each with the sorted texts of its mentions. */
function groups(docs: ProcessedDoc[], overrides?: Parameters<typeof run>[1]): string[][] {
  const r = run(docs, overrides);
  const byId = new Map<string, string[]>();
  for (const d of docs) for (const m of d.entities) {
    const id = r.mentionEntity.lookup(d.id, m.start)!;
    byId.set(id, [...(byId.get(id) ?? []), m.text]);
  }
  return [...byId.values()].map((g) => [...new Set(g)].sort()).sort((a, b) => (a[0]! < b[0]! ? -1 : 1));
}

const together = (docs: ProcessedDoc[], a: string, b: string, o?: Parameters<typeof run>[1]) =>
  groups(docs, o).some((g) => g.includes(a) && g.includes(b));

describe('within a document', () => {
  it('resolves a surname and an honorific form to the full name already seen', () => {
    const d = doc('a', [['PERSON', 'Petra Doran'], ['PERSON', 'Mrs. Doran'], ['PERSON', 'Doran']]);
    expect(groups([d])).toEqual([['Doran', 'Mrs. Doran', 'Petra Doran']]);
  });

  it('resolves a multi-word surname with particles', () => {
    const d = doc('a', [['PERSON', 'Karel van der Velde'], ['PERSON', 'Mr. van der Velde']]);
    expect(together([d], 'Karel van der Velde', 'Mr. van der Velde')).toBe(true);
  });

  it('leaves a surname alone when two people in the document share it', () => {
    const d = doc('a', [['PERSON', 'Lina Okafor'], ['PERSON', 'Samuel Okafor'], ['PERSON', 'Okafor']]);
    expect(groups([d])).toEqual([['Lina Okafor'], ['Okafor'], ['Samuel Okafor']]);
  });

  it('joins a lone given name to the one full name of the document that starts with it', () => {
    const d = doc('a', [['PERSON', 'Nadia Farouk'], ['PERSON', 'Nadia']]);
    expect(groups([d])).toEqual([['Nadia', 'Nadia Farouk']]);
    expect(run([d]).merges.map((m) => m.rule)).toContain('given-name');
  });

  it('leaves a lone given name alone when two people in the document have it, or it is a surname there', () => {
    expect(run([doc('a', [['PERSON', 'Nadia Farouk'], ['PERSON', 'Nadia Selim'], ['PERSON', 'Nadia']])]).entities).toHaveLength(3);
    const d = doc('b', [['PERSON', 'Grant Ellis'], ['PERSON', 'Maya Grant'], ['PERSON', 'Tom Grant'], ['PERSON', 'Grant']]);
    expect(groups([d]).find((g) => g.includes('Grant'))).toEqual(['Grant']);
  });

  it('joins an acronym defined in the text to its long form', () => {
    const d = doc('a', [
      ['ORGANIZATION', 'NRWA', { longFormText: 'Northern Rivers Water Authority' }],
      ['ORGANIZATION', 'Northern Rivers Water Authority'],
    ]);
    const r = run([d]);
    expect(r.entities).toHaveLength(1);
    expect(r.entities[0]!.name).toBe('Northern Rivers Water Authority');
    expect(r.merges.map((m) => m.rule)).toContain('acronym');
  });

  it('joins an acronym formed from the initials of a name, skipping "of" and "the"', () => {
    const d = doc('a', [['ORGANIZATION', 'Council of the Grain Exporters'], ['ORGANIZATION', 'CGE']]);
    expect(together([d], 'Council of the Grain Exporters', 'CGE')).toBe(true);
  });
});

describe('across documents', () => {
  const cases: Array<[string, EntityType, string, string]> = [
    ['article spelled al/ul', 'ORGANIZATION', 'Liwa al-Furqan', 'Liwa ul-Furqan'],
    ['article spaced or hyphenated', 'ORGANIZATION', 'Liwa al Furqan', 'Liwa al-Furqan'],
    ['article el', 'ORGANIZATION', 'Liwa el-Furqan', 'Liwa al-Furqan'],
    ['article joined to the previous word', 'PERSON', 'Shamsul Rehman Qureshi', 'Shams ul Rehman Qureshi'],
    ['assimilated article', 'PERSON', 'Salah ad-Din Ayyubi', 'Salah al-Din Ayyubi'],
    ['hyphen or space', 'PERSON', 'Reza Taheri-Nejad', 'Reza Taheri Nejad'],
    ['ou or u', 'PERSON', 'Karim Nouri', 'Karim Nuri'],
    ['w or v', 'PERSON', 'Wiktor Danilov', 'Viktor Danilov'],
    ['-istan or -estan', 'PLACE', 'Nuristan', 'Nurestan'],
    ['o or u', 'PERSON', 'Farid Rostami', 'Farid Rustami'],
    ['q or k', 'PERSON', 'Tariq Aziz', 'Tarik Aziz'],
    ['e or i', 'PERSON', 'Ebrahim Sadr', 'Ibrahim Sadr'],
  ];
  type EntityType = 'PERSON' | 'ORGANIZATION' | 'PLACE';
  for (const [what, type, a, b] of cases) {
    it(`joins spelling variants: ${what} (${a} / ${b})`, () => {
      const docs = [doc('d1', [[type, a]]), doc('d2', [[type, b]])];
      const r = run(docs);
      expect(r.entities).toHaveLength(1);
      expect(r.merges.some((m) => m.rule === 'variant' || m.rule === 'exact')).toBe(true);
    });
  }

  const apart: Array<[string, EntityType, string, string]> = [
    ['one letter apart in a short name', 'PLACE', 'Iran', 'Iraq'],
    ['a prefix', 'PLACE', 'Sanan', 'Sananshah'],
    ['a prefix (person)', 'PERSON', 'Ali Hosseini', 'Ali Hosseinizadeh'],
    ['a/u in given names', 'PERSON', 'Hassan Tavakoli', 'Hussein Tavakoli'],
    ['two acronyms', 'ORGANIZATION', 'NLA', 'NLF'],
  ];
  for (const [what, type, a, b] of apart) {
    it(`keeps look-alikes apart: ${what} (${a} / ${b})`, () => {
      expect(run([doc('d1', [[type, a]]), doc('d2', [[type, b]])]).entities).toHaveLength(2);
    });
  }

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

  it('keeps a city and a province of the same name apart when the text says which', () => {
    const docs = [doc('d1', [['PLACE', 'Lorca city']]), doc('d2', [['PLACE', 'Lorca province']]), doc('d3', [['PLACE', 'Lorca province']])];
    const r = run(docs);
    expect(r.entities).toHaveLength(2);
    expect(r.entities.map((e) => e.place?.kind).sort()).toEqual(['city', 'region']);
  });

  it('joins a name with the kind word to the bare name in one document', () => {
    expect(run([doc('d1', [['PLACE', 'Lorca province'], ['PLACE', 'Lorca']])]).entities).toHaveLength(1);
  });

  it('joins a bare acronym across documents only to a long form it is known by somewhere', () => {
    // Initials alone are weak evidence across documents: many names share them.
    const bare = [doc('d1', [['ORGANIZATION', 'Coastal Defence League']]), doc('d2', [['ORGANIZATION', 'CDL']])];
    expect(run(bare).entities).toHaveLength(2);
    const known = [
      doc('d1', [['ORGANIZATION', 'Coastal Defense League']]),
      doc('d2', [['ORGANIZATION', 'CDL']]),
      doc('d3', [['ORGANIZATION', 'CDL', { longFormText: 'Coastal Defence League' }], ['ORGANIZATION', 'Coastal Defence League']]),
    ];
    expect(run(known).entities).toHaveLength(1);
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

  it('joins full names that differ by a middle initial, and then the short form that fits both', () => {
    const docs = [
      doc('d1', [['PERSON', 'Peter J. Maddox']]),
      doc('d2', [['PERSON', 'Peter John Maddox']]),
      doc('d3', [['PERSON', 'Peter Maddox']]),
    ];
    expect(groups(docs)).toEqual([['Peter J. Maddox', 'Peter John Maddox', 'Peter Maddox']]);
    expect(run(docs).merges.map((m) => m.rule)).toContain('middle-initial');
  });

  it('keeps full names whose middle initial does not fit apart', () => {
    const docs = [doc('d1', [['PERSON', 'Peter J. Maddox']]), doc('d2', [['PERSON', 'Peter Karl Maddox']])];
    expect(run(docs).entities).toHaveLength(2);
  });

  it('never merges across types', () => {
    expect(run([doc('d1', [['PLACE', 'Jordan']]), doc('d2', [['PERSON', 'Jordan']])]).entities).toHaveLength(2);
  });
});

describe('overrides', () => {
  const docs = [doc('d1', [['ORGANIZATION', 'Blue Crescent Society']]), doc('d2', [['ORGANIZATION', 'Crescent Aid']])];

  it('forces a merge and records it with rule override', () => {
    const r = run(docs, { merge: [['Blue Crescent Society', 'crescent aid']] });
    expect(r.entities).toHaveLength(1);
    expect(r.merges).toContainEqual(expect.objectContaining({ rule: 'override', score: 1 }));
  });

  it('forbids a merge the rules would make and records it with score 0', () => {
    const variants = [doc('d1', [['PERSON', 'Karim Nouri']]), doc('d2', [['PERSON', 'Karim Nuri']])];
    const r = run(variants, { forbid: [['Karim Nouri', 'Karim Nuri']] });
    expect(r.entities).toHaveLength(2);
    expect(r.merges).toContainEqual(expect.objectContaining({ rule: 'override', score: 0 }));
  });

  it('rejects a malformed override', () => {
    expect(() => dedupeEntities({ places: null, overrides: { merge: [['only one']] as never } })).toThrow(/pair of two non-empty strings/);
    expect(() => dedupeEntities({ places: null, overrides: { merge: [], other: [] } as never })).toThrow(/valid keys: merge, forbid/);
  });
});

describe('entity rows', () => {
  const docs = [
    doc('d2', [['PERSON', 'Petra Doran', { role: 'Finance Minister' }], ['PERSON', 'Doran']]),
    doc('d1', [['PERSON', 'Petra Doran', { role: 'minister' }], ['PLACE', 'Velden'], ['PLACE', 'Velden', { repeated: true }]]),
  ];

  it('has the most complete name, sorted aliases, counts, doc ids and roles', () => {
    const r = run(docs);
    const person = r.entities.find((e) => e.type === 'PERSON')!;
    expect(person).toMatchObject({ name: 'Petra Doran', aliases: ['Doran', 'Petra Doran'], mentionCount: 3, docIds: ['d1', 'd2'], roles: ['Finance Minister', 'minister'] });
    expect(person.id).toMatch(/^per_[0-9a-f]{12}$/);
  });

  it('does not count mentions marked repeated, but still maps them', () => {
    const r = run(docs);
    const place = r.entities.find((e) => e.type === 'PLACE')!;
    expect(place.mentionCount).toBe(1);
    expect(r.mentionEntity.lookup('d1', docs[1]!.entities[2]!.start)).toBe(place.id);
  });

  it('gives an unknown place a place link without coordinates', () => {
    const place = run(docs).entities.find((e) => e.type === 'PLACE')!;
    expect(place.place).toEqual({ kind: 'other', countryCode: null, admin1: null, latitude: null, longitude: null, gazetteerId: null });
  });

  it('sorts entities by type, name and id, and maps every mention', () => {
    const r = run(docs);
    const keys = r.entities.map((e) => `${e.type}|${e.name}|${e.id}`);
    expect(keys).toEqual([...keys].sort());
    expect(r.mentionEntity.size).toBe(5);
  });
});
