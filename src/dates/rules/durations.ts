/** Durations: "two weeks", "72 hours", "a five-year plan", "for months". */
import { durationValue, L, R, ruleOf, S, UNIT_RE } from '../grammar.js';
import { AMOUNT, amountValue } from '../lexicon.js';
import { UNIT } from '../triggers.js';

const rule = ruleOf('durations');

// Durations: two weeks, 72 hours, a five-year plan, the past three months, decades
export const duration = rule({
  name: 'duration',
  need: UNIT,
  re: new RegExp(
    `${L}(?:(?:the${S}(?:past|last|next|previous|first|coming|following|latest|final)${S})|(?:about|nearly|almost|more than|less than|over|some|roughly|at least|up to|only|just|another|the better part of)${S})?(?<n>${AMOUNT}|a half|half an?)(?:${S}and a half)?[ \\t\\u00a0-]+${UNIT_RE}(?:[ -](?:long|old))?${R}`,
    'gi',
  ),
  build: (g, match, sentence, index) => {
    const raw = g.n!.toLowerCase();
    // "a 22-year-old", "the six-month-old plan": an age or a compound adjective, no duration.
    if (/-old$/i.test(match)) return null;
    // "a second attempt", "a night service": an ordinal or a noun modifier, not an amount of time.
    if (/^an?$/.test(raw) && /^(?:second|night)$/i.test(g.unit!)) {
      const next = /^[ \t\u00a0]+([a-z]+)/.exec(sentence.slice(index + match.length));
      if (next !== null && !/^(?:of|in|or|and|to|at|on|before|after|later|earlier|ago|for|from|with|the|that|when|while|away|more|longer)$/.test(next[1]!)) return null;
    }
    const n = raw.startsWith('half') || raw === 'a half' ? null : amountValue(raw);
    return { k: 'duration', value: durationValue(n, g.unit!) };
  },
});

export const vagueDuration = rule({
  name: 'vague-duration',
  need: UNIT,
  re: new RegExp(`${L}(?:for|over|in|within)${S}(?<unit>days|weeks|months|years|decades|centuries|hours|minutes)${R}`, 'gi'),
  build: (g) => ({ k: 'duration', value: durationValue(null, g.unit!) }),
});
