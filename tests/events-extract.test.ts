import { describe, expect, it } from 'vitest';
import { extractEvents } from '../src/stages/extract-events.js';
import type { Doc } from '../src/types.js';
import { makeDoc, type DateSpec, type EntitySpec } from './events-doc.js';

const extract = extractEvents();

/** `[trigger, date value, planned]` of each event the text reports. */
function events(text: string, dates: DateSpec[], entities: EntitySpec[] = []): Array<[string, string | null, boolean]> {
  const doc: Doc = extract(makeDoc(text, entities, dates));
  return doc.events.map((e) => [e.trigger, doc.dates[e.date]!.value, doc.dates[e.date]!.planned]);
}

describe('which date governs a trigger', () => {
  it('needs a resolved calendar date and a trigger', () => {
    expect(events('Rebels shelled the harbour on Monday.', [{ text: 'Monday', value: null }])).toEqual([]);
    expect(events('The harbour was quiet on Monday.', [{ text: 'Monday', value: '2031-05-12' }])).toEqual([]);
    expect(events('Rebels shelled the harbour for two days.', [{ text: 'two days', value: 'P2D', precision: null, timexType: 'DURATION' }])).toEqual([]);
    expect(events('Rebels have shelled the harbour in recent years.', [{ text: 'recent years', value: 'PAST_REF', precision: 'ref' }])).toEqual([]);
  });

  it('gives each date to its nearest trigger, across a comma only when nothing is nearer', () => {
    const text = 'Sylvania raided the camps on Thursday, two days after Freedonia shelled the border in 2030.';
    expect(events(text, [{ text: 'Thursday', value: '2031-05-15' }, { text: '2030', value: '2030' }])).toEqual([
      ['raided', '2031-05-15', false],
      ['shelled', '2030', false],
    ]);
  });

  it('keeps the precise date over a vaguer one of the same event', () => {
    const text = 'Ten days ago, a blast tore through the market on 2 May, and 12 people were killed.';
    expect(events(text, [{ text: 'Ten days ago', value: '2031-05-04' }, { text: '2 May', value: '2031-05-02' }]).map((e) => e[1])).toEqual(['2031-05-02']);
  });

  it('gives a report for each of two coordinated dates', () => {
    const text = 'The exchange of fire followed raids on 3 May and 4 May.';
    expect(events(text, [{ text: '3 May', value: '2031-05-03' }, { text: '4 May', value: '2031-05-04' }]).map((e) => e[1])).toEqual(['2031-05-03', '2031-05-04']);
  });

  it('keeps background events of another time in their own reports', () => {
    const text = 'Freedonia struck the camps on 12 May, citing an ambush in March 2030 that killed nine guards.';
    const found = events(text, [{ text: '12 May', value: '2031-05-12' }, { text: 'March 2030', value: '2030-03' }], [{ text: 'Freedonia', type: 'PLACE' }]);
    expect(found.map((e) => e[1])).toEqual(['2031-05-12', '2030-03']);
  });

  it('ignores a relational phrase ("a day after") as a date', () => {
    expect(events('The strike came a day after Freedonia shelled the border.', [{ text: 'a day after', value: '2031-05-13' }])).toEqual([]);
  });

  it('drops a relative date inside a quotation but keeps a written one', () => {
    expect(events('"Last night\'s attack was a crime," the mayor said.', [{ text: 'Last night', value: '2031-05-13' }])).toEqual([]);
    expect(events('"The attack of 2 May was a crime," the mayor said.', [{ text: '2 May', value: '2031-05-02' }])).toEqual([['attack', '2031-05-02', false]]);
  });

  it('does not pair a date outside a quotation with a trigger inside it', () => {
    expect(events('The mayor posted on her account on Monday: "The attack was a crime."', [{ text: 'Monday', value: '2031-05-12' }]).map((e) => e[0])).toEqual(['posted']);
  });

  it('carries the planned flag of the date', () => {
    expect(events('The minister will visit the capital next week.', [{ text: 'next week', value: '2031-W21', planned: true }])).toEqual([['visit', '2031-W21', true]]);
  });

  it('skips photo captions and embedded posts', () => {
    const text = 'Rebels shelled the harbour on Monday.\nSmoke rises after the shelling of the harbour on May 12, 2031. (Photo by Staff/Wire via Getty Images)\nNo more shelling was reported. pic.twitter.com/abc123 May 12, 2031';
    const found = events(text, [{ text: 'Monday', value: '2031-05-12' }, { text: 'May 12, 2031', value: '2031-05-12' }, { text: 'May 12, 2031', value: '2031-05-12', nth: 1 }]);
    expect(found).toEqual([['shelled', '2031-05-12', false]]);
    expect(extractEvents({ skipCaptions: false })(makeDoc(text, [], [{ text: 'May 12, 2031', value: '2031-05-12' }])).events).toHaveLength(1);
  });

  it('stores the sentence, its offset and the trigger as written', () => {
    const text = 'Calm returned.\nRebels SHELLED the harbour on Monday.';
    const doc = extract(makeDoc(text, [], [{ text: 'Monday', value: '2031-05-12' }]));
    const e = doc.events[0]!;
    expect(e.sentenceText).toBe('Rebels SHELLED the harbour on Monday.');
    expect(text.slice(e.sentenceStart, e.sentenceStart + e.sentenceText.length)).toBe(e.sentenceText);
    expect(e.trigger).toBe('SHELLED');
  });

  it('keeps every report inside its sentence (date, entities, text)', () => {
    const text = 'Freedonia shelled Verdi on Monday. Talks between Marta Ilves and Osric Tann began on Tuesday.\nOn 2 May 2030, the Blue Brigade attacked Ostrava, killing six.';
    const doc = extract(makeDoc(
      text,
      [{ text: 'Freedonia', type: 'PLACE' }, { text: 'Verdi', type: 'PLACE' }, { text: 'Marta Ilves', type: 'PERSON' }, { text: 'Osric Tann', type: 'PERSON' }, { text: 'Blue Brigade', type: 'ORGANIZATION' }, { text: 'Ostrava', type: 'PLACE' }],
      [{ text: 'Monday', value: '2031-05-12' }, { text: 'Tuesday', value: '2031-05-13' }, { text: '2 May 2030', value: '2030-05-02' }],
    ));
    expect(doc.events.map((e) => e.type)).toEqual(['explosion', 'meeting', 'attack']);
    for (const e of doc.events) {
      const s = doc.sentences[e.sentence]!;
      expect(e.sentenceText).toBe(text.slice(s.start, s.end));
      expect(e.sentenceStart).toBe(s.start);
      expect(doc.dates[e.date]!.sentence).toBe(e.sentence);
      for (const i of [...e.actors, ...e.targets, ...e.places, ...e.others]) expect(doc.entities[i]!.sentence).toBe(e.sentence);
      const all = [...e.actors, ...e.targets, ...e.places, ...e.others];
      expect(new Set(all).size).toBe(all.length);
    }
    expect(doc.events[2]!.fatalities).toBe(6);
  });

  it('rejects unknown and ill-typed options', () => {
    expect(() => extractEvents({ skipCaption: true } as never)).toThrow(/unknown option `skipCaption`.*`skipCaptions`/);
    expect(() => extractEvents({ skipCaptions: 'yes' } as never)).toThrow(/boolean/);
  });
});
