import { describe, expect, it } from 'vitest';
import { findFatalities, parseNumber } from '../src/events/fatalities.js';
import { extractEvents } from '../src/stages/extract-events.js';
import { makeDoc } from './events-doc.js';

const counts = (text: string): number[] => findFatalities(text).map((f) => f.count);

describe('numbers', () => {
  it('reads digits and number words', () => {
    expect(parseNumber('12')).toBe(12);
    expect(parseNumber('1,250')).toBe(1250);
    expect(parseNumber('seven')).toBe(7);
    expect(parseNumber('twenty-three')).toBe(23);
    expect(parseNumber('a hundred and five')).toBe(105);
    expect(parseNumber('two thousand')).toBe(2000);
    expect(parseNumber('a dozen')).toBe(12);
    expect(parseNumber('several')).toBeNull();
  });
});

describe('fatality phrases', () => {
  it('finds the number of dead in the usual phrasings', () => {
    expect(counts('Gunmen opened fire in the square, killing three pilgrims and wounding ten.')).toEqual([3]);
    expect(counts('The flood left at least fourteen people dead.')).toEqual([14]);
    expect(counts('The blast killed over 250 people.')).toEqual([250]);
    expect(counts('Six miners were killed when the shaft collapsed.')).toEqual([6]);
    expect(counts('The raid claimed the lives of 8 border guards.')).toEqual([8]);
    expect(counts('Two hikers had died of cold.')).toEqual([2]);
    expect(counts('The death toll rose to 31 on Friday.')).toEqual([31]);
  });

  it('ignores injuries, distances and ages', () => {
    expect(counts('At least forty people were injured in the crash.')).toEqual([]);
    expect(counts('The boys, aged nine and 14, were killed in the fire.')).toEqual([]);
    expect(counts('About 30 kilometers away, a soldier was killed.')).toEqual([]);
    expect(counts('The attack left several people dead.')).toEqual([]);
  });

  it('gives null, not 0, to an event with no stated number of dead', () => {
    const doc = extractEvents()(makeDoc('Rebels shelled the harbour on Monday.', [], [{ text: 'Monday', value: '2031-05-12' }]));
    expect(doc.events).toHaveLength(1);
    expect(doc.events[0]!.fatalities).toBeNull();
  });

  it('attaches the count nearest each violent report of the sentence, and none to a statement', () => {
    const text = 'Officials said on Friday that the toll of the 3 March bombing, which killed 40 people, was final, and that two soldiers were killed in a raid on Friday.';
    const doc = extractEvents()(makeDoc(text, [], [{ text: 'Friday', value: '2031-05-09' }, { text: '3 March', value: '2031-03-03' }, { text: 'Friday', value: '2031-05-09', nth: 1 }]));
    const byDate = Object.fromEntries(doc.events.map((e) => [doc.dates[e.date]!.value, e.fatalities]));
    expect(byDate['2031-03-03']).toBe(40);
    expect(byDate['2031-05-09']).toBe(2);
  });

  it('does not read a day of the month as a count', () => {
    const text = 'Ten days ago a blast at the stadium left 12 people dead on March 3 after the mayor was killed there.';
    const doc = extractEvents()(makeDoc(text, [], [{ text: 'Ten days ago', value: '2031-03-04' }, { text: 'March 3', value: '2031-03-03' }]));
    expect(doc.events).toHaveLength(1);
    expect(doc.events[0]!.fatalities).toBe(12);
    expect(doc.dates[doc.events[0]!.date]!.value).toBe('2031-03-03');
    const bare = extractEvents()(makeDoc('The bombing came on March 3 after the mayor was killed.', [], [{ text: 'March 3', value: '2031-03-03' }]));
    expect(bare.events).toHaveLength(1);
    expect(bare.events[0]!.fatalities).toBeNull();
  });
});
