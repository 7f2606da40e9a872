import { describe, expect, it } from 'vitest';
import { family, findTriggers } from '../src/events/taxonomy.js';
import { extractEvents } from '../src/stages/extract-events.js';
import { makeDoc } from './events-doc.js';

const extract = extractEvents();

/** Types of the triggers found in a one-sentence text. */
function triggers(text: string): Array<[string, string, boolean]> {
  const doc = makeDoc(text);
  const lower = doc.tokens.map((t) => text.slice(t.start, t.end).toLowerCase());
  const pos = doc.tokens.map((t) => t.pos);
  return findTriggers(lower, pos, 0, doc.tokens.length, text.toLowerCase()).map((h) => [lower[h.token]!, h.type, h.weak]);
}

/** The type of the one event reported by a sentence dated "on Monday". */
function typeOf(sentence: string): string | undefined {
  const doc = extract(makeDoc(sentence, [], [{ text: 'Monday', value: '2031-05-12' }]));
  return doc.events.length === 1 ? doc.events[0]!.type : `${doc.events.length} events`;
}

describe('event taxonomy', () => {
  it('types each kind of event by its trigger', () => {
    expect(typeOf('Rebels shelled the harbour on Monday.')).toBe('attack');
    expect(typeOf('A car bomb exploded near the market on Monday.')).toBe('attack');
    expect(typeOf('The mayor was killed on Monday.')).toBe('casualties');
    expect(typeOf('The council condemned the decision on Monday.')).toBe('statement');
    expect(typeOf('The two presidents met on Monday in the capital.')).toBe('meeting');
    expect(typeOf('The republic expelled the consul and two diplomats on Monday.')).toBe('diplomatic');
    expect(typeOf('The parties signed a ceasefire on Monday.')).toBe('agreement');
    expect(typeOf('Police arrested the treasurer on Monday.')).toBe('other');
  });

  it('makes "recalled" and "return" diplomatic only next to an envoy', () => {
    expect(triggers('The ministry recalled its ambassador.')).toContainEqual(['recalled', 'diplomatic', false]);
    expect(triggers('The company recalled its cars.').map((t) => t[0])).not.toContain('recalled');
    expect(triggers('Envoys may return to their posts.')).toContainEqual(['return', 'diplomatic', false]);
  });

  it('needs "ties" or "relations" after restore and resume', () => {
    expect(triggers('They agreed to restore diplomatic ties.')).toContainEqual(['restore', 'diplomatic', false]);
    expect(triggers('They agreed to restore the old bridge.').map((t) => t[0])).not.toContain('restore');
  });

  it('counts a killing named by a noun ("slaying", "murder") as casualties', () => {
    expect(typeOf('The slaying of the judge on Monday shocked the town.')).toBe('casualties');
    expect(typeOf('Police charged him with the murder on Monday.')).toBe('casualties');
  });

  it('takes "posted" as a statement only online, and "claims"/"reports" only as verbs', () => {
    expect(triggers('The ministry posted a statement on its account.').map((t) => t[0])).toContain('posted');
    expect(triggers('The bakery posted a loss for the year.').map((t) => t[0])).not.toContain('posted');
    expect(triggers('The insurer paid the claims.').map((t) => t[0])).not.toContain('claims');
    expect(triggers('She claims that the town fell.').map((t) => t[0])).toContain('claims');
  });

  it('does not date a reporting verb by a date inside the clause it reports', () => {
    expect(typeOf('The minister said he lived abroad on Monday.')).toBe('0 events');
    expect(typeOf('The minister said on Monday that he lived abroad.')).toBe('statement');
  });

  it('counts "spoke" as a meeting only when a phone is mentioned', () => {
    expect(triggers('The leaders spoke by phone.')).toContainEqual(['spoke', 'meeting', false]);
    expect(triggers('The leader spoke to reporters.').map((t) => t[0])).not.toContain('spoke');
  });

  it('marks reporting verbs weak, and uses them only when nothing else triggers', () => {
    expect(triggers('The mayor said so.')).toEqual([['said', 'statement', true]]);
    expect(typeOf('The mayor said on Monday that she would stay.')).toBe('statement');
    expect(typeOf('Officials said on Monday that gunmen had killed four guards.')).toBe('casualties');
  });

  it('puts attacks and their casualties in one merge family', () => {
    expect(family('casualties')).toBe(family('attack'));
    expect(family('statement')).not.toBe(family('meeting'));
    expect(family('diplomatic')).not.toBe(family('agreement'));
  });

  it('needs a noun "call" and a noun "deal"', () => {
    expect(triggers('They had a long call.').map((t) => t[1])).toContain('meeting');
    expect(triggers('They call it a day.').map((t) => t[1])).not.toContain('meeting');
  });
});
