/** Clock times and parts of the day: "10 p.m.", "14:30 GMT", "noon", "5 in the morning", "by mid-afternoon". */
import { CLOCK_RE, clockOf, L, R, ruleOf, S, TZ, ZONE, zoneOf } from '../grammar.js';
import { partOfDay } from '../lexicon.js';
import { AMPM, CLOCK, DEICTIC, NUM, YEAR4 } from '../triggers.js';

const rule = ruleOf('clock-times');

// Clock times: 10 p.m. (EST), 10:35 a.m., noon, midnight, 14:30
export const clockAmPm = rule({
  name: 'clock-am-pm',
  need: CLOCK | AMPM,
  re: new RegExp(`${L}(?:(?:around|about|at about|shortly after|shortly before)${S})?(?:${CLOCK_RE}|(?<word>noon|midnight|midday)${R})`, 'gi'),
  build: (g, _m, sentence, index) => {
    if (g.word !== undefined) {
      const w = g.word.toLowerCase();
      // "high noon" is an idiom (and "High Noon" a title), not a time of day.
      if (/\bhigh[ \t\u00a0]+$/i.test(sentence.slice(Math.max(0, index - 6), index))) return null;
      return { spec: { k: 'clock' }, tod: w === 'midnight' ? { hour: 24, minute: 0 } : { hour: 12, minute: 0 } };
    }
    const tod = clockOf(g);
    return tod === null ? null : { spec: { k: 'clock' }, tod };
  },
});

export const clock24h = rule({
  name: 'clock-24h',
  need: CLOCK,
  re: new RegExp(`(?<![A-Za-z0-9\\u00C0-\\u024F_$£€#:.,/])(?<hour>[01]?\\d|2[0-3]):(?<minute>[0-5]\\d)(?![0-9:]|\\.\\d)(?:Z(?![A-Za-z0-9])|${TZ})`, 'g'),
  build: (g, match, sentence, index) => {
    // "won 3:12" in sports results or "John 3:16" are not times: need a time cue nearby.
    const around = sentence.slice(Math.max(0, index - 20), index + 30);
    if (!/\b(?:at|around|about|by|until|from|GMT|UTC|local|time|o'clock|hours|h)\b/i.test(around) && !match.endsWith('Z')) return null;
    const zone = match.endsWith('Z') ? 'Z' : zoneOf(g);
    const tod = { hour: Number(g.hour), minute: Number(g.minute) };
    return { spec: { k: 'clock' }, tod: zone === undefined ? tod : { ...tod, zone } };
  },
});

/**
 * Four-digit clock times, read by their context before any year rule can take the number:
 * "at 1100 GMT", "1600 UTC", "0830Z", "at 2300 hours". The zone (or "hours" after a time
 * preposition) is what tells them from a year.
 */
export const clockFourDigit = rule({
  name: 'clock-four-digit',
  need: YEAR4 | NUM,
  re: new RegExp(`${L}(?<hour>[01]\\d|2[0-3])(?<minute>[0-5]\\d)(?:Z(?![A-Za-z0-9])|${S}(?:${ZONE}|(?<hours>hours|hrs)${R}))`, 'g'),
  build: (g, match, sentence, index) => {
    if (g.hours !== undefined && !/\b(?:at|by|until|till|from|before|after|around|about|since|to)[ \t\u00a0]+$/i.test(sentence.slice(Math.max(0, index - 10), index))) return null;
    const zone = match.endsWith('Z') ? 'Z' : zoneOf(g);
    const tod = { hour: Number(g.hour), minute: Number(g.minute) };
    return { spec: { k: 'clock' }, tod: zone === undefined ? tod : { ...tod, zone } };
  },
});

// "4 in the morning", "10:30 in the evening", "11 at night": a clock time with its half of the day.
export const clockHalfOfDay = rule({
  name: 'clock-half-of-day',
  need: DEICTIC,
  re: new RegExp(`${L}(?<hour>1[0-2]|[1-9])(?:[:.](?<minute>[0-5]\\d))?(?:${S}o'clock)?${S}(?:in${S}the${S}(?<half>morning|afternoon|evening)|at${S}(?<night>night))${R}`, 'gi'),
  build: (g) => {
    let hour = Number(g.hour);
    // "at night" is evening hours up to midnight and the small hours after it ("2 at night").
    const pm = g.half !== undefined ? g.half.toLowerCase() !== 'morning' : hour >= 5 && hour < 12;
    if (g.night !== undefined && hour === 12) hour = 0;
    else if (pm && hour < 12) hour += 12;
    else if (!pm && hour === 12) hour = 0;
    return { spec: { k: 'clock' }, tod: { hour, minute: g.minute === undefined ? 0 : Number(g.minute) } };
  },
});

// "(in) the morning", "(by) mid-afternoon": a part of the day the text is telling about (the day
// last mentioned, else the document date). "the morning of May 3" is left to the date after it;
// a habit ("works in the morning") has no day to take and its clause says so only in context.
export const dayPart = rule({
  name: 'day-part',
  need: DEICTIC,
  re: new RegExp(
    `(?:(?<=\\b(?:[Ii]n|[Dd]uring|[Bb]y|[Uu]ntil|[Tt]hrough|[Tt]hroughout|[Ll]ate in|[Ee]arly in|[Ll]ater in|[Ee]arlier in)${S})the${S}(?<tod>morning|afternoon|evening)|(?<=\\b(?:[Bb]y|[Aa]t|[Ii]n|[Uu]ntil|[Aa]round|[Ss]ince|[Aa]fter|[Bb]efore)${S})(?:mid|late|early)[- ]?(?<tod2>morning|afternoon|evening))${R}(?!${S}(?:of|hours|session|edition|newspaper|paper|show|news|prayers?|rush|shift|trading)${R}|${S}(?:today|yesterday|tomorrow|on)${R})`,
    'g',
  ),
  build: (g) => ({ spec: { k: 'clock' }, tod: { part: partOfDay[(g.tod ?? g.tod2)!]! } }),
});
