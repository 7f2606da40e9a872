import { describe, expect, it } from 'vitest';
import { datesOf, mention } from '../../dates-helpers.js';

// 2024-01-17 is a Wednesday.
const PUB = '2024-01-17';

describe('sets, ranges and idioms', () => {
  it.each([
    ['Tickets were cheap at the time of its opening.'],
  ])('no date in: %s', (sentence) => {
    expect(datesOf(sentence, PUB)).toEqual([]);
  });
});

describe('present and future references', () => {
  it('"Now," opening a sentence is a discourse marker, not the present', () => {
    expect(datesOf('Now, the council says, the bridge is safe.', PUB)).toEqual([]);
    expect(mention('Now the bridge is safe again.', PUB, 'Now').value).toBe('PRESENT_REF');
    expect(mention('The bridge, the council says, is now safe.', PUB, 'now').value).toBe('PRESENT_REF');
  });

  it.each([
    ['The port will soon reopen to tankers.', 'soon'],
    ['Inspectors may soon close the mine.', 'soon'],
  ])('"soon" in a forward clause is the near future: %s', (sentence, phrase) => {
    expect(mention(sentence, PUB, phrase)).toMatchObject({ value: 'FUTURE_REF', timexType: 'DATE' });
  });

  it.each([
    ['The mayor was soon released on bail.'],
    ['They will leave as soon as the storm passes.'],
    ['The rally began soon after dawn.'],
  ])('"soon" in a narrative or a comparison is no time: %s', (sentence) => {
    expect(datesOf(sentence, PUB).filter((d) => d.value === 'FUTURE_REF')).toEqual([]);
  });
});

describe('words that describe, not date', () => {
  it.each([['Crowds toured the soon-to-open museum.'], ['The bank, formerly state-owned, was listed.'], ['Ada Quince, formerly a judge, chairs the panel.']])('no TIMEX in: %s', (sentence) => {
    expect(datesOf(sentence, PUB)).toEqual([]);
  });

  it('"soon" alone in a forward clause is still the near future', () => {
    expect(mention('The museum will open soon.', PUB, 'soon').value).toBe('FUTURE_REF');
  });
});
