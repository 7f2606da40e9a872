import { monthIndex } from './lexicon.js';

/**
 * Word classes that can start or anchor a temporal expression. A sentence is scanned once for
 * words; each rule runs only when the sentence holds a word of a class it needs, so most rules
 * never see most sentences (the pipeline's speed budget is a few microseconds a token).
 */
export const MONTH = 1;
export const WEEKDAY = 2;
export const YEAR4 = 4;
export const NUM = 8;
export const CLOCK = 16;
export const UNIT = 32;
export const AGO = 64;
export const DEICTIC = 128;
export const PRESENT = 256;
export const PAST = 512;
export const FUTURE = 1024;
export const QUARTER = 2048;
export const SEASON = 4096;
export const HOLIDAY = 8192;
export const DECADE = 16384;
export const YEARWORD = 32768;
export const SETW = 65536;
export const AMPM = 131072;

const TRIGGERS = new Map<string, number>();
const addTriggers = (bits: number, words: string): void => {
  for (const w of words.split(' ')) TRIGGERS.set(w, (TRIGGERS.get(w) ?? 0) | bits);
};
addTriggers(MONTH, Object.keys(monthIndex).join(' '));
addTriggers(WEEKDAY, 'monday tuesday wednesday thursday friday saturday sunday mondays tuesdays wednesdays thursdays fridays saturdays sundays');
addTriggers(UNIT, 'second seconds minute minutes hour hours day days night nights week weeks weekend weekends fortnight fortnights month months quarter quarters year years decade decades century centuries end');
addTriggers(AGO, 'ago');
addTriggers(DEICTIC, 'today yesterday tomorrow tonight morning afternoon evening night');
addTriggers(PRESENT, 'now currently presently present nowadays these current moment being');
addTriggers(PAST, 'recently lately past time recent ago years months weeks days decades');
addTriggers(FUTURE, 'future coming term later soon');
addTriggers(QUARTER, 'quarter half period q');
addTriggers(SEASON, 'spring summer fall autumn winter');
addTriggers(HOLIDAY, 'christmas year thanksgiving easter good halloween valentine election memorial labor independence veterans boxing');
addTriggers(DECADE, 'twenties thirties forties fifties sixties seventies eighties nineties');
addTriggers(YEARWORD, 'nineteen thousand');
addTriggers(SETW, 'every each daily nightly weekly monthly yearly annually quarterly hourly once twice times');
addTriggers(CLOCK, 'noon midnight midday');
addTriggers(AMPM, 'am pm m');

const WORD = /[A-Za-z]+|\d+(?::\d\d)?/g;

/** The trigger classes present in `text[start, end)`. */
export function triggersOf(text: string, start: number, end: number): number {
  let bits = 0;
  WORD.lastIndex = start;
  for (let m = WORD.exec(text); m !== null && m.index < end; m = WORD.exec(text)) {
    const w = m[0];
    const c = w.charCodeAt(0);
    if (c <= 57) {
      if (w.length > 2 && w.charCodeAt(w.length - 3) === 58) bits |= CLOCK;
      else if (w.length === 4 && (c === 49 || (c === 50 && w.charCodeAt(1) === 48))) bits |= YEAR4;
      else bits |= NUM;
    } else {
      bits |= TRIGGERS.get(c < 97 ? w.toLowerCase() : w) ?? 0;
    }
  }
  return bits;
}
