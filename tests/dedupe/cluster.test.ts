import { describe, expect, it } from 'vitest';
import { doc, run } from '../dedupe-helpers.js';

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
    const mapped = docs.flatMap((d) => d.entities.map((m) => r.mentionEntity.lookup(d.id, m.start)));
    expect(mapped).toHaveLength(5);
    expect(mapped.every((id) => id !== undefined && r.entities.some((e) => e.id === id))).toBe(true);
    expect(r.mentionEntity.lookup(docs[0]!.id, 99_999)).toBeUndefined();
    expect(r.mentionEntity.lookup('no such document', 0)).toBeUndefined();
  });
});
