/** Days counted from the document date by a word: "today", "yesterday", "last night", "tomorrow morning". */
import { L, R, ruleOf, S, S0, TOD_WORD } from '../grammar.js';
import { partOfDay } from '../lexicon.js';
import type { Spec } from '../spec.js';
import { DEICTIC } from '../triggers.js';

const rule = ruleOf('deictic-days');

/** Nouns that make "today's" mean the present age ("today's youth", "today's personal computers"). */
const GENERIC_TODAY = /^'s[ \t\u00a0]+(?:(?:modern|personal|young|fast-changing|global)[ \t\u00a0]+)?(?:world|youth|young|society|generation|children|kids|teenagers|students|parents|families|consumers|economy|culture|technology|computers|standards|politics|world's)\b/i;

// today, yesterday, tomorrow, tonight, this morning, last night, yesterday afternoon
export const deicticDay = rule({
  name: 'deictic-day',
  need: DEICTIC,
  re: new RegExp(
    `${L}(?:(?:early|late|earlier|later|mid-?)${S0})?(?:(?<word>today|yesterday|tomorrow|tonight)(?:${S}${TOD_WORD})?|(?<this>this|last)${S}(?<tod2>morning|afternoon|evening|night)|the day (?<ba>before yesterday|after tomorrow)|(?<tod3>morning|afternoon|evening|night)${S}(?<word2>yesterday|today|tomorrow))${R}`,
    'gi',
  ),
  build: (g, match, sentence, index) => {
    // "USA Today", "VOA Today": a capitalised deictic word after a capitalised word is a name.
    if (/^[A-Z]/.test(match) && /[A-Z][A-Za-z]*[ \t]+$/.test(sentence.slice(Math.max(0, index - 20), index))) return null;
    // "today's world", "today's youth": the present age in general, not the day.
    if (/^today$/i.test(match) && GENERIC_TODAY.test(sentence.slice(index + match.length))) return null;
    // "the people of tomorrow", "the schools of today": the age in general, not a day.
    if (/^(?:today|tomorrow)$/i.test(match) && /\b(?:the|our|their)[ \t\u00a0]+(?!(?:end|close|start|beginning|middle|rest|morning|afternoon|evening|night|events|session)\b)[a-z]+[ \t\u00a0]+of[ \t\u00a0]+$/i.test(sentence.slice(Math.max(0, index - 30), index))) return null;
    let n = 0;
    const w = (g.word ?? g.word2 ?? '').toLowerCase();
    if (w === 'yesterday') n = -1;
    else if (w === 'tomorrow') n = 1;
    if (g.ba !== undefined) n = g.ba.startsWith('before') ? -2 : 2;
    const todw = g.tod ?? g.tod3;
    let part: string | undefined = todw === undefined ? undefined : partOfDay[todw.toLowerCase()];
    if (w === 'tonight') part = 'NI';
    if (g.this !== undefined) {
      part = partOfDay[g.tod2!.toLowerCase()];
      if (g.this.toLowerCase() === 'last') n = -1;
    }
    const spec: Spec = { k: 'rel', unit: 'day', n };
    return part === undefined ? spec : { spec, tod: { part } };
  },
});
