import { describe, expect, it } from 'vitest';
import { datesOf, mention } from '../../dates-helpers.js';

// 2024-01-17 is a Wednesday.
const PUB = '2024-01-17';

describe('sets, ranges and idioms', () => {
  it.each([
    ['It felt like high noon for the council.'],
  ])('no date in: %s', (sentence) => {
    expect(datesOf(sentence, PUB)).toEqual([]);
  });
});

describe('numeric and compact calendar formats', () => {
  it('a clock time with no dots does not take the full stop', () => {
    expect(mention('The bridge opened on May 2, 2023 at 5pm.', PUB, 'May 2, 2023 at 5pm').value).toBe('2023-05-02T17:00');
  });
});

describe('parts of the day', () => {
  it('"in the morning" is the morning of the day last mentioned', () => {
    const text = 'The storm hit the coast on Tuesday. Crews cleared the roads in the morning.';
    expect(mention(text, PUB, 'the morning')).toMatchObject({ value: '2024-01-16TMO', timexType: 'TIME' });
  });

  it('"by mid-afternoon" with no day before it is the document date', () => {
    expect(mention('By mid-afternoon, the water had receded.', PUB, 'mid-afternoon')).toMatchObject({ value: '2024-01-17TAF', timexType: 'TIME' });
  });

  it('"the morning of" leaves the day to the date after it', () => {
    expect(datesOf('Crews worked through the morning of the flood.', PUB).filter((d) => d.text === 'the morning')).toEqual([]);
  });

  it.each([
    ['The ferry will leave at 5 in the morning.', '5 in the morning', '2024-01-17T05:00'],
    ['The depot opens at 3 in the afternoon.', '3 in the afternoon', '2024-01-17T15:00'],
    ['The shop closes at 11 at night.', '11 at night', '2024-01-17T23:00'],
  ])('a clock hour with its half of the day: %s', (sentence, phrase, value) => {
    expect(mention(sentence, PUB, phrase)).toMatchObject({ value, timexType: 'TIME' });
  });
});

describe('clock times with zones', () => {
  it.each([
    ['The shuttle docked at 14:20 UTC.', '14:20 UTC', '2024-01-17T14:20Z'],
    ['The shuttle docked at 14:20 GMT.', '14:20 GMT', '2024-01-17T14:20Z'],
    ['The shuttle docked at 1420Z.', '1420Z', '2024-01-17T14:20Z'],
    ['The shuttle docked at 2 p.m. GMT.', '2 p.m. GMT', '2024-01-17T14:00Z'],
    ['The ferry sailed at 0615 GMT.', '0615 GMT', '2024-01-17T06:15Z'],
    ['The polls closed at 2100 UTC Tuesday.', '2100 UTC Tuesday', '2024-01-16T21:00Z'],
  ])('UTC and GMT keep the zone as TimeML does (a Z): %s', (sentence, phrase, value) => {
    expect(mention(sentence, PUB, phrase)).toMatchObject({ value, timexType: 'TIME' });
  });

  it.each([
    ['The vote closed at 11 a.m. EST on Tuesday.', '11 a.m. EST on Tuesday', '2024-01-16T11:00'],
    ['The market shut at 4 p.m. PDT.', '4 p.m. PDT', '2024-01-17T16:00'],
    ['The envoy landed at 9:45 CET.', '9:45 CET', '2024-01-17T09:45'],
  ])('a local zone is part of the expression, the clock as written (TimeBank): %s', (sentence, phrase, value) => {
    expect(mention(sentence, PUB, phrase)).toMatchObject({ value, timexType: 'TIME' });
  });

  it('"at 2300 hours" is a clock time; "for 2300 hours" is not', () => {
    expect(mention('The patrol set out at 2300 hours.', PUB, '2300 hours')).toMatchObject({ value: '2024-01-17T23:00', timexType: 'TIME' });
    expect(datesOf('The engine ran for 2300 hours.', PUB).filter((d) => d.timexType === 'TIME' || d.precision === 'year')).toEqual([]);
  });

  it('a four-digit clock time is never a year', () => {
    const found = datesOf('The blast came at 1915 GMT, officials said.', PUB);
    expect(found.map((d) => [d.text, d.value])).toEqual([['1915 GMT', '2024-01-17T19:15Z']]);
  });
});
