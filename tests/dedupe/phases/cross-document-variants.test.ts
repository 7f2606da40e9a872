import { describe, expect, it } from 'vitest';
import { doc, run } from '../../dedupe-helpers.js';

describe('across documents: cross-document-variants', () => {
  type EntityType = 'PERSON' | 'ORGANIZATION' | 'PLACE';
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

  it('keeps a city and a province of the same name apart when the text says which', () => {
    const docs = [doc('d1', [['PLACE', 'Lorca city']]), doc('d2', [['PLACE', 'Lorca province']]), doc('d3', [['PLACE', 'Lorca province']])];
    const r = run(docs);
    expect(r.entities).toHaveLength(2);
    expect(r.entities.map((e) => e.place?.kind).sort()).toEqual(['city', 'region']);
  });

  it('never merges across types', () => {
    expect(run([doc('d1', [['PLACE', 'Jordan']]), doc('d2', [['PERSON', 'Jordan']])]).entities).toHaveLength(2);
  });
});
