import { describe, expect, it } from 'vitest';
import { extractEvents } from '../src/stages/extract-events.js';
import type { Doc } from '../src/types.js';
import { makeDoc, type EntitySpec } from './events-doc.js';

const extract = extractEvents();

/** The one event of a sentence dated by `dateText`, with role names instead of indices. */
function roles(text: string, entities: EntitySpec[], dateText: string, value = '2031-05-12'): { type: string; actors: string[]; targets: string[]; places: string[]; others: string[] } {
  const doc: Doc = extract(makeDoc(text, entities, [{ text: dateText, value }]));
  expect(doc.events).toHaveLength(1);
  const e = doc.events[0]!;
  const names = (xs: number[]): string[] => xs.map((i) => text.slice(doc.entities[i]!.start, doc.entities[i]!.end));
  return { type: e.type, actors: names(e.actors), targets: names(e.targets), places: names(e.places), others: names(e.others) };
}

describe('actor and target rules', () => {
  it('takes the subject of a verb trigger as actor and its object as target', () => {
    const r = roles('Freedonia attacked the Red Hand militia on Monday.', [{ text: 'Freedonia', type: 'PLACE' }, { text: 'Red Hand', type: 'ORGANIZATION' }], 'Monday');
    expect(r.actors).toEqual(['Freedonia']);
    expect(r.targets).toEqual(['Red Hand']);
  });

  it('takes the main subject for a gerund after a comma ("X struck back, targeting Y")', () => {
    const r = roles('Sylvania struck back on Tuesday, targeting the Red Hand camps in Freedonia.', [{ text: 'Sylvania', type: 'PLACE' }, { text: 'Red Hand', type: 'ORGANIZATION' }, { text: 'Freedonia', type: 'PLACE' }], 'Tuesday');
    expect(r.actors).toEqual(['Sylvania']);
    expect(r.places).toEqual(['Freedonia']);
  });

  it('takes the subject of a light verb whose object is the trigger ("X launched attacks")', () => {
    const r = roles('On Monday Freedonia launched air raids on the Blue Brigade near Ostrava.', [{ text: 'Freedonia', type: 'PLACE' }, { text: 'Blue Brigade', type: 'ORGANIZATION' }, { text: 'Ostrava', type: 'PLACE' }], 'Monday');
    expect(r.actors).toEqual(['Freedonia']);
    expect(r.targets).toEqual(['Blue Brigade']);
    expect(r.places).toEqual(['Ostrava']);
  });

  it("takes the possessor of a noun trigger (\"X's strikes\") and an agent after by", () => {
    expect(roles("Sylvania's Monday drone strikes hit a depot.", [{ text: 'Sylvania', type: 'PLACE' }], 'Monday').actors).toEqual(['Sylvania']);
    expect(roles('The Monday attack by the Blue Brigade destroyed a depot.', [{ text: 'Blue Brigade', type: 'ORGANIZATION' }], 'Monday').actors).toEqual(['Blue Brigade']);
  });

  it('reads "its" in "launching its own strikes" as the clause subject', () => {
    const r = roles('Sylvania raised the stakes on Monday, launching its own missile strikes against targets in Freedonia.', [{ text: 'Sylvania', type: 'PLACE' }, { text: 'Freedonia', type: 'PLACE' }], 'Monday');
    expect(r.actors).toEqual(['Sylvania']);
    expect(r.actors).not.toContain('Freedonia');
  });

  it('makes the subject of a passive the target and the agent the actor', () => {
    const r = roles('On 4 March 2019, Osric Tann was killed by the Blue Brigade near Ostrava.', [{ text: 'Osric Tann', type: 'PERSON' }, { text: 'Blue Brigade', type: 'ORGANIZATION' }, { text: 'Ostrava', type: 'PLACE' }], '4 March 2019', '2019-03-04');
    expect(r.actors).toEqual(['Blue Brigade']);
    expect(r.targets).toEqual(['Osric Tann']);
    expect(r.places).toEqual(['Ostrava']);
  });

  it('takes the participants of a call after "between"', () => {
    const r = roles('The crisis eased after a phone call between Marta Ilves and Osric Tann on Monday.', [{ text: 'Marta Ilves', type: 'PERSON' }, { text: 'Osric Tann', type: 'PERSON' }], 'Monday');
    expect(r.type).toBe('meeting');
    expect(r.actors).toEqual(['Marta Ilves', 'Osric Tann']);
  });

  it('does not make the speaker of "X said" the actor of an attack in the clause after it', () => {
    const r = roles('Freedonia said the Monday bombing of the market was a crime.', [{ text: 'Freedonia', type: 'PLACE' }], 'Monday');
    expect(r.type).toBe('explosion');
    expect(r.actors).toEqual([]);
    expect(r.places).toEqual(['Freedonia']);
  });

  it('gives the speaker of a statement made at a briefing', () => {
    const r = roles('Marta Ilves of the Blue Cross said at a Monday press briefing that aid had arrived.', [{ text: 'Marta Ilves', type: 'PERSON' }, { text: 'Blue Cross', type: 'ORGANIZATION' }], 'Monday');
    expect(r.type).toBe('statement');
    expect(r.actors).toContain('Marta Ilves');
  });
});
