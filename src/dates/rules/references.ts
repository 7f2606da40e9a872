/** Vague references (TIMEX3 PRESENT_REF, PAST_REF, FUTURE_REF): "now", "recently", "the future", "soon". */
import { L, R, ruleOf, S } from '../grammar.js';
import { clausePointsForward } from '../tense.js';
import { FUTURE, PAST, PRESENT } from '../triggers.js';

const rule = ruleOf('references');

// now, currently, at present, these days
export const presentRef = rule({
  name: 'present-ref',
  need: PRESENT,
  re: new RegExp(
    `${L}(?:(?:right|just|even)${S})?(?:now|currently|presently|at present|nowadays|these days|at this time|the present(?!${S}(?:day|week|month|year|quarter|decade|century))|current(?!${S}(?:account|affairs|events|quarter|year|month|week|fiscal|period|season|decade|century|term|session|rate|price|level|market|law|contract|crisis|system|form|account))|at the moment|for the time being|as of now)${R}(?!-)`,
    'gi',
  ),
  build: (_g, match, sentence, index) => {
    // "Now, ..." opening a sentence and set off by a comma is a discourse marker that moves
    // the argument on, not a reference to the present (TIMEX3 tags only temporal uses).
    if (/^now$/i.test(match) && /^[\s"'`‘“]*$/.test(sentence.slice(0, index)) && /^,/.test(sentence.slice(index + match.length))) return null;
    return { k: 'ref', value: 'PRESENT_REF' };
  },
});

// recently, previously, the past, in recent years. ("formerly" is left out: it describes a role or a
// state, "formerly state-owned", "X, formerly a director", and TimeML gives it no TIMEX.)
export const pastRef = rule({
  name: 'past-ref',
  need: PAST,
  re: new RegExp(
    `${L}(?:more${S}|most${S}|until${S}|only${S})?(?:recently|lately|in the past|the past(?!${S}(?:A-Za-z\\u00C0-\\u024F+${S})?(?:seconds?|minutes?|hours?|days?|nights?|weeks?|weekends?|months?|years?|decades?|centur(?:y|ies)|quarters?|\\d)${R})|the time|recent${S}(?:days|weeks|months|years|decades|times)|(?:several|a few|many|some)${S}(?:days|weeks|months|years|decades)${S}(?:ago|earlier)|years ago|long ago)${R}`,
    'gi',
  ),
  build: (_g, match, sentence, index) => {
    const m = match.toLowerCase();
    if (m === 'the time') {
      // "at the time" refers back to a past moment; "the time" elsewhere is a noun.
      if (!/\bat\s+$/i.test(sentence.slice(Math.max(0, index - 4), index))) return null;
      // "at the time of its founding" is anchored to an event, not a time of its own.
      if (/^[ \t\u00a0]+of\b/i.test(sentence.slice(index + match.length))) return null;
    }
    if (/recent years$/.test(m)) return { k: 'ref', value: 'PAST_REF' };
    return { k: 'ref', value: 'PAST_REF' };
  },
});

// the future, soon, the coming months, the near term
export const futureRef = rule({
  name: 'future-ref',
  need: FUTURE,
  re: new RegExp(
    `${L}(?:(?:the|in)${S})?(?:(?:near|distant|foreseeable|immediate)${S})?(?:(?<=(?:the|in)${S}(?:(?:near|distant|foreseeable|immediate)${S})?)future(?!s)|coming${S}(?:days|weeks|months|years|decades|quarters)|(?:near|short|long)${S}term|future${S}(?:quarters|years|months)|later date|soon(?!${S}(?:as|after|before|afterwards?|thereafter)${R}|-to-))${R}`,
    'gi',
  ),
  build: (_g, match, sentence, index) => {
    if (/^soon$/i.test(match)) {
      // "will soon", "may soon seek", "expects sales to soon grow": the near future. In a
      // narrative ("was soon released") or a comparison ("as soon", "too soon") it is no time.
      if (/\b(?:as|too|so|how)\s+$/i.test(sentence.slice(Math.max(0, index - 4), index))) return null;
      return clausePointsForward(sentence, index, index + match.length) ? { k: 'ref', value: 'FUTURE_REF' } : null;
    }
    if (/term$/i.test(match) && !/^the/i.test(match)) return null;
    return { k: 'ref', value: 'FUTURE_REF' };
  },
});
