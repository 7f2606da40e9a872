/**
 * The recognizer: regular-expression rules over one sentence at a time, each producing a `Spec`.
 * Rules are general English temporal grammar (TimeML/TIMEX3 conventions for what a span covers);
 * nothing here is tuned to particular documents.
 */
import {
  AMOUNT,
  amountValue,
  durationUnit,
  monthIndex,
  NUMBER_WORD,
  ordinalIndex,
  partOfDay,
  seasonCode,
  weekdayIndex,
  YEAR_WORDS,
  yearWordsValue,
} from './lexicon.js';
import { isValidDay } from './calendar.js';
import { clausePointsForward } from './tense.js';
import type { Candidate, Spec, TimeOfDay, Unit } from './spec.js';

type Groups = Record<string, string | undefined>;
interface Rule {
  /** Trigger classes (bits of `Trigger`): the rule runs only on sentences with one of them. */
  need: number;
  re: RegExp;
  build: (g: Groups, match: string, sentence: string, index: number) => { spec: Spec; tod?: TimeOfDay } | Spec | null;
}

// ---- fragments -------------------------------------------------------------------------------
const S = '[ \\t\\u00a0]+';
const S0 = '[ \\t\\u00a0]*';
const L = '(?<![A-Za-z0-9\\u00C0-\\u024F_$£€#])';
const R = '(?![A-Za-z0-9\\u00C0-\\u024F_])';
const MONTH_NAME = (n: string): string =>
  `(?<${n}>January|February|March|April|May|June|July|August|September|October|November|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\\.?)(?![A-Za-z])`;
const WEEKDAY_NAME = (n: string): string => `(?<${n}>(?:mon|tues|wednes|thurs|fri|satur|sun)day)${R}`;
const DAYNUM = (n: string): string => `(?<${n}>[0-3]?\\d)(?:st|nd|rd|th)?${R}`;
const YEAR = (n: string): string => `(?<${n}>(?:1[0-9]|20)\\d\\d)${R}(?!,\\d|\\.\\d)`;
const ORD_DAY = `(?<dword>${Object.keys(ordinalIndex).join('|')})`;
const TOD_WORD = '(?<tod>morning|afternoon|evening|night|overnight)';
const MOD = '(?:(?:early|late|mid|earlier|later)[- ]?|the (?:end|beginning|start|middle|close|rest) of |around |about )';
const UNIT_RE = '(?<unit>second|minute|hour|day|night|week|fortnight|month|quarter|year|decade|century|centurie)s?';
const TZ = `(?:${S}(?:EST|EDT|CST|CDT|MST|MDT|PST|PDT|GMT|UTC|BST|CET|CEST|local time))?`;
const CLOCK_RE = `(?<hour>[01]?\\d|2[0-3])(?:[:.](?<minute>[0-5]\\d))?${S0}(?<ampm>[ap]\\.m\\.?|[ap]\\.?m)(?![A-Za-z\\u00C0-\\u024F])${TZ}`;

const shiftOf = (w: string | undefined): number | undefined => {
  if (w === undefined) return undefined;
  const s = w.toLowerCase();
  if (/last|past|previous|preceding/.test(s)) return -1;
  if (/next|coming|following/.test(s)) return 1;
  return 0;
};

/** A month name must be capitalised ("may", "march" are verbs); bare "May"/"March" need a cue. */
function monthNum(word: string): number {
  return monthIndex[word.toLowerCase().replace('.', '')]!;
}

function monthOk(word: string | undefined): boolean {
  return word !== undefined && /^[A-Z]/.test(word);
}

function yearOf(g: Groups, digits: string, words?: string): number | undefined {
  if (g[digits] !== undefined) return Number(g[digits]);
  if (words !== undefined && g[words] !== undefined) return yearWordsValue(g[words]!) ?? undefined;
  return undefined;
}

function todOf(g: Groups): TimeOfDay | undefined {
  if (g.tod === undefined) return undefined;
  return { part: partOfDay[g.tod.toLowerCase()] ?? 'NI' };
}

function clockOf(g: Groups): TimeOfDay | null {
  let hour = Number(g.hour);
  const minute = g.minute === undefined ? 0 : Number(g.minute);
  if (g.ampm !== undefined) {
    if (hour < 1 || hour > 12) return null;
    const pm = /^p/i.test(g.ampm);
    if (pm && hour < 12) hour += 12;
    if (!pm && hour === 12) hour = 0;
  }
  return { hour, minute };
}

function durationValue(n: number | null, unitWord: string): string {
  const u = durationUnit[unitWord.toLowerCase().replace(/ies$/, 'y').replace(/s$/, '')] ?? durationUnit.day!;
  let amount = n === null ? 'X' : String(n);
  let code = u.code;
  if (unitWord.toLowerCase().startsWith('fortnight') && n !== null) amount = String(n * 2);
  if (code === 'Q' && n !== null) {
    amount = String(n * 3);
    code = 'M';
  }
  return u.time ? `PT${amount}${code}` : `P${amount}${code}`;
}

const unitOf = (w: string): Unit => {
  const s = w.toLowerCase().replace(/s$/, '');
  if (s === 'centurie') return 'century';
  return (['day', 'week', 'weekend', 'month', 'quarter', 'year', 'decade', 'century'].includes(s) ? s : 'day') as Unit;
};

// ---- triggers -------------------------------------------------------------------------------
/**
 * Word classes that can start or anchor a temporal expression. A sentence is scanned once for
 * words; each rule runs only when the sentence holds a word of a class it needs, so most rules
 * never see most sentences (the pipeline's speed budget is a few microseconds a token).
 */
const MONTH = 1;
const WEEKDAY = 2;
const YEAR4 = 4;
const NUM = 8;
const CLOCK = 16;
const UNIT = 32;
const AGO = 64;
const DEICTIC = 128;
const PRESENT = 256;
const PAST = 512;
const FUTURE = 1024;
const QUARTER = 2048;
const SEASON = 4096;
const HOLIDAY = 8192;
const DECADE = 16384;
const YEARWORD = 32768;
const SETW = 65536;
const AMPM = 131072;

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
addTriggers(PAST, 'recently lately formerly past time recent ago years months weeks days decades');
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
function triggersOf(text: string, start: number, end: number): number {
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

const QUARTER_ENDED = new RegExp(`^${S}(?:ended|ending)${S}${MONTH_NAME('mon')}${S0}${DAYNUM('d')}(?:,${S0}${YEAR('y')})?`, 'i');
/** Nouns that make "today's" mean the present age ("today's youth", "today's personal computers"). */
const GENERIC_TODAY = /^'s[ \t\u00a0]+(?:(?:modern|personal|young|fast-changing|global)[ \t\u00a0]+)?(?:world|youth|young|society|generation|children|kids|teenagers|students|parents|families|consumers|economy|culture|technology|computers|standards|politics|world's)\b/i;
/** Words after "the day before" that start its complement (an event), not a new phrase. */
const ANCHORED_TO_EVENT = /^[ \t\u00a0]+(?!(?:and|or|but|last|that|this|then|too|as|in|at|on|with|from|to|by|for)\b)[A-Za-z]/i;
const COORDINATED_PLURAL = new RegExp(`^${S}(?:and|or)${S}(?:mon|tues|wednes|thurs|fri|satur|sun)day(?:s|${S}(?:mornings|afternoons|evenings|nights))${R}`, 'i');
const quarterOf = (m: number): number => Math.floor((m - 1) / 3) + 1;

// ---- rules -----------------------------------------------------------------------------------
/** Rules in priority order (earlier wins between equally long overlapping matches). */
const RULES: Rule[] = [
  // 2024-01-16, 2024-01-16T14:00
  {
    need: YEAR4,
    re: new RegExp(`${L}(?<y>(?:1[0-9]|20)\\d\\d)-(?<m>[01]\\d)-(?<d>[0-3]\\d)(?:T(?<hour>[0-2]\\d):(?<minute>[0-5]\\d))?${R}`, 'g'),
    build: (g) => {
      const spec: Spec = { k: 'date', y: Number(g.y), m: Number(g.m), d: Number(g.d) };
      return g.hour === undefined ? spec : { spec, tod: { hour: Number(g.hour), minute: Number(g.minute) } };
    },
  },
  // 1/16/2024, 1-16-2024 (month first, as in US news), 16/1/2024 when the first number cannot be
  // a month; 16.01.2024 (day first, the European dotted form). Dashes and dots need a four-digit
  // year ("3.5.10" is a version, "6-4-6" a score).
  {
    need: NUM | YEAR4,
    re: new RegExp(`${L}(?<a>[0-3]?\\d)(?<sep>[/.-])(?<b>[0-3]?\\d)\\k<sep>(?<y>\\d{4}|\\d\\d)${R}(?![/.-]\\d)`, 'g'),
    build: (g) => {
      if (g.y!.length === 2 && g.sep !== '/') return null;
      let y = Number(g.y);
      if (g.y!.length === 2) y += y < 50 ? 2000 : 1900;
      const a = Number(g.a);
      const b = Number(g.b);
      const dayFirst = g.sep === '.' || (a > 12 && b <= 12);
      const m = dayFirst ? b : a;
      const d = dayFirst ? a : b;
      return isValidDay(y, m, d) ? { k: 'date', y, m, d } : null;
    },
  },
  // 2024/01/16 (year first)
  {
    need: YEAR4,
    re: new RegExp(`${L}(?<y>(?:1[0-9]|20)\\d\\d)/(?<m>[01]?\\d)/(?<d>[0-3]?\\d)${R}(?!/)`, 'g'),
    build: (g) => (isValidDay(Number(g.y), Number(g.m), Number(g.d)) ? { k: 'date', y: Number(g.y), m: Number(g.m), d: Number(g.d) } : null),
  },
  // 16-Jan-2024, 16-Jan-24
  {
    need: YEAR4 | NUM,
    re: new RegExp(`${L}(?<d>[0-3]?\\d)-(?<mon>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)-(?<y>\\d{4}|\\d\\d)${R}`, 'gi'),
    build: (g) => {
      const y = g.y!.length === 2 ? Number(g.y) + (Number(g.y) < 50 ? 2000 : 1900) : Number(g.y);
      const m = monthNum(g.mon!);
      return isValidDay(y, m, Number(g.d)) ? { k: 'date', y, m, d: Number(g.d) } : null;
    },
  },
  // (Tuesday,) January 16(th)(, 2024) | (Tuesday,) Jan. 16 last year
  {
    need: MONTH,
    re: new RegExp(
      `${L}(?:${MOD})?(?:(?<pre>last|this past|this coming|next)${S})?(?:${WEEKDAY_NAME('wd')},?${S})?(?:the${S})?${MONTH_NAME('mon')}${S0}${DAYNUM('d')}(?:(?:,${S0}|${S})(?:${YEAR('y')}|'(?<yy>\\d\\d)${R}|(?<rel>last|this|next)${S}year${R}))?`,
      'gi',
    ),
    build: (g) => {
      if (!monthOk(g.mon)) return null;
      const d = Number(g.d);
      if (d < 1 || d > 31) return null;
      const spec: Spec = { k: 'date', m: monthNum(g.mon!), d };
      if (g.y !== undefined) spec.y = Number(g.y);
      else if (g.yy !== undefined) spec.y = Number(g.yy) + (Number(g.yy) < 50 ? 2000 : 1900);
      if (g.rel !== undefined) spec.yearRel = shiftOf(g.rel)!;
      else if (g.pre !== undefined && g.y === undefined) spec.yearRel = /last|past/i.test(g.pre) ? -2 : 2;
      return spec;
    },
  },
  // Tuesday, the 16th of January | 16 January 2024 | the sixteenth of January
  {
    need: MONTH,
    re: new RegExp(
      `${L}(?:${WEEKDAY_NAME('wd')},?${S})?(?:the${S})?(?:${DAYNUM('d')}|${ORD_DAY})(?:${S}of)?${S}${MONTH_NAME('mon')}(?:,?${S}${YEAR('y')})?`,
      'gi',
    ),
    build: (g) => {
      if (!monthOk(g.mon)) return null;
      const d = g.d !== undefined ? Number(g.d) : ordinalIndex[g.dword!.toLowerCase()]!;
      if (d < 1 || d > 31) return null;
      const spec: Spec = { k: 'date', m: monthNum(g.mon!), d };
      if (g.y !== undefined) spec.y = Number(g.y);
      return spec;
    },
  },
  // the second day of "April 24 and 25", "Oct. 5 or 6(, 1998)"
  {
    need: MONTH,
    re: new RegExp(
      `(?<=${MONTH_NAME('mon')}${S0}[0-3]?\\d(?:st|nd|rd|th)?${S}(?:and|or|&)${S})${DAYNUM('d')}(?:,${S0}${YEAR('y')})?(?=${S0}(?:[.,;:)'"]|$)|${S}(?:at|in|on|of|to|for|with|when|while|and|but|after|before)${R})`,
      'gi',
    ),
    build: (g) => {
      if (!monthOk(g.mon)) return null;
      const d = Number(g.d);
      if (d < 1 || d > 31) return null;
      const spec: Spec = { k: 'date', m: monthNum(g.mon!), d, joined: true };
      if (g.y !== undefined) spec.y = Number(g.y);
      return spec;
    },
  },
  // this coming Sunday, March eighth
  {
    need: MONTH,
    re: new RegExp(`${L}(?:(?:this coming|this|next|last)${S})?${WEEKDAY_NAME('wd')},?${S}${MONTH_NAME('mon')}${S}${ORD_DAY}${R}`, 'gi'),
    build: (g) => (monthOk(g.mon) ? { k: 'date', m: monthNum(g.mon!), d: ordinalIndex[g.dword!.toLowerCase()]! } : null),
  },
  // January 2024 | January of 2024 | January '98 | January nineteen ninety-seven | March last year
  {
    need: MONTH,
    re: new RegExp(
      `${L}(?:${MOD})?${MONTH_NAME('mon')}(?:,?${S}(?:of${S})?(?:${YEAR('y')}|'(?<yy>\\d\\d)${R}|(?<yw>${YEAR_WORDS}))|${S}(?<rel>last|this|next)${S}year${R})`,
      'gi',
    ),
    build: (g) => {
      if (!monthOk(g.mon)) return null;
      const spec: Spec = { k: 'date', m: monthNum(g.mon!) };
      if (g.y !== undefined) spec.y = Number(g.y);
      else if (g.yy !== undefined) spec.y = 1900 + Number(g.yy);
      else if (g.yw !== undefined) {
        const y = yearWordsValue(g.yw);
        if (y === null) return null;
        spec.y = y;
      } else spec.yearRel = shiftOf(g.rel)!;
      return spec;
    },
  },
  // (last|this|next|early|late) January; bare "May"/"March" only after a cue
  {
    need: MONTH,
    re: new RegExp(`${L}(?:(?<rel>last|this|next|this past|this coming)${S}|${MOD})?${MONTH_NAME('mon')}`, 'gi'),
    build: (g, match, sentence, index) => {
      if (!monthOk(g.mon)) return null;
      const m = monthNum(g.mon!);
      const word = g.mon!.toLowerCase().replace('.', '');
      const cued = match.length > g.mon!.length + 1;
      // A bare abbreviation with no period and no day is a name or a word ("Jan Kavan").
      if (!cued && !g.mon!.endsWith('.') && !/^(?:may|june|july)$/.test(word) && word.length <= 4) return null;
      const before = sentence.slice(Math.max(0, index - 12), index);
      const prep = /\b(?:in|since|until|till|through|by|from|of|before|after|during|to|and|or|between|last|next|this|early|late|mid|since)\s+$/i.test(before);
      if (!cued && !prep) {
        if (word === 'may' || word === 'march' || word.length <= 3) return null;
        // A capitalised month at the start of a sentence is as likely a name ("June Carter").
        if (/^\s*$/.test(before) && /^(june|april|august)$/.test(word)) return null;
      }
      if (g.rel !== undefined) return { k: 'date', m, yearRel: /past|last/i.test(g.rel) ? -2 : /next|coming/i.test(g.rel) ? 2 : 0 };
      return { k: 'date', m };
    },
  },
  // Holidays
  {
    need: HOLIDAY,
    re: new RegExp(
      `${L}(?:(?<rel>last|this|next|this past)${S})?(?<name>Christmas(?:${S}(?:Day|Eve))?|New${S}Year's(?:${S}(?:Day|Eve))?|Thanksgiving(?:${S}Day)?|Easter(?:${S}(?:Sunday|Monday|week))?|Good${S}Friday|Halloween|Valentine's${S}Day|Election${S}Day|Memorial${S}Day|Labor${S}Day|Independence${S}Day|Veterans${S}Day|Boxing${S}Day)(?:,?${S}${YEAR('y')})?${R}`,
      'g',
    ),
    build: (g) => {
      const spec: Spec = { k: 'holiday', name: g.name!.toLowerCase().replace(/\s+/g, ' ') };
      if (g.y !== undefined) spec.y = Number(g.y);
      return spec;
    },
  },
  // Weekdays: (last|next|this|early|late) Friday (morning|night)
  {
    need: WEEKDAY,
    re: new RegExp(
      `${L}(?:(?<rel>last|next|this|this past|this coming|the previous|the following|the next)${S}|(?:early|late|earlier|later)${S})?${WEEKDAY_NAME('wd')}(?:${S}${TOD_WORD}${R})?`,
      'gi',
    ),
    build: (g, match, sentence, index) => {
      // "on Monday and Tuesday nights": the plural after the conjunction covers both days.
      if (g.rel === undefined && g.tod === undefined && COORDINATED_PLURAL.test(sentence.slice(index + match.length))) {
        return { k: 'set', value: `XXXX-WXX-${weekdayIndex[g.wd!.toLowerCase()]!}` };
      }
      const spec: Spec = { k: 'weekday', wd: weekdayIndex[g.wd!.toLowerCase()]! };
      const shift = shiftOf(g.rel);
      if (shift !== undefined) spec.shift = shift;
      if (g.rel !== undefined && /^the /i.test(g.rel)) spec.anaphoric = true;
      const tod = todOf(g);
      return tod === undefined ? spec : { spec, tod };
    },
  },
  // Weekdays in the plural or with a quantifier: on Sundays, Tuesday nights, each Thursday,
  // every Friday morning. ("Monday and Tuesday nights": see the weekday rule.)
  {
    need: WEEKDAY,
    re: new RegExp(
      `${L}(?:(?<q>every|each)${S}(?<wd1>(?:mon|tues|wednes|thurs|fri|satur|sun)day)(?:${S}${TOD_WORD})?|(?<wd>(?:mon|tues|wednes|thurs|fri|satur|sun)day)(?:s|${S}(?<tods>mornings|afternoons|evenings|nights)))${R}`,
      'gi',
    ),
    build: (g) => {
      const wd = weekdayIndex[(g.wd ?? g.wd1)!.toLowerCase()]!;
      const tod = g.tods ?? g.tod;
      const part = tod === undefined ? '' : `T${partOfDay[tod.toLowerCase().replace(/s$/, '')] ?? 'NI'}`;
      return { k: 'set', value: `XXXX-WXX-${wd}${part}` };
    },
  },
  // each July, every January
  {
    need: MONTH | SETW,
    re: new RegExp(`${L}(?:every|each)${S}${MONTH_NAME('mon')}`, 'g'),
    build: (g) => ({ k: 'set', value: `XXXX-${String(monthNum(g.mon!)).padStart(2, '0')}` }),
  },
  // Clock times: 10 p.m. (EST), 10:35 a.m., noon, midnight, 14:30
  {
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
  },
  {
    need: CLOCK,
    re: new RegExp(`(?<![A-Za-z0-9\\u00C0-\\u024F_$£€#:.,/])(?<hour>[01]?\\d|2[0-3]):(?<minute>[0-5]\\d)(?![0-9:]|\\.\\d)(?:${S}(?:GMT|UTC|local time|EST|EDT))?`, 'g'),
    build: (g, _m, sentence, index) => {
      // "won 3:12" in sports results or "John 3:16" are not times: need a time cue nearby.
      const around = sentence.slice(Math.max(0, index - 20), index + 30);
      if (!/\b(?:at|around|about|by|until|from|GMT|UTC|local|time|o'clock|hours|h)\b/i.test(around)) return null;
      return { spec: { k: 'clock' }, tod: { hour: Number(g.hour), minute: Number(g.minute) } };
    },
  },
  // "4 in the morning", "10:30 in the evening", "11 at night": a clock time with its half of the day.
  {
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
  },
  // "(in) the morning", "(by) mid-afternoon": a part of the day the text is telling about (the day
  // last mentioned, else the document date). "the morning of May 3" is left to the date after it;
  // a habit ("works in the morning") has no day to take and its clause says so only in context.
  {
    need: DEICTIC,
    re: new RegExp(
      `(?:(?<=\\b(?:[Ii]n|[Dd]uring|[Bb]y|[Uu]ntil|[Tt]hrough|[Tt]hroughout|[Ll]ate in|[Ee]arly in|[Ll]ater in|[Ee]arlier in)${S})the${S}(?<tod>morning|afternoon|evening)|(?<=\\b(?:[Bb]y|[Aa]t|[Ii]n|[Uu]ntil|[Aa]round|[Ss]ince|[Aa]fter|[Bb]efore)${S})(?:mid|late|early)[- ]?(?<tod2>morning|afternoon|evening))${R}(?!${S}(?:of|hours|session|edition|newspaper|paper|show|news|prayers?|rush|shift|trading)${R}|${S}(?:today|yesterday|tomorrow|on)${R})`,
      'g',
    ),
    build: (g) => ({ spec: { k: 'clock' }, tod: { part: partOfDay[(g.tod ?? g.tod2)!]! } }),
  },
  // today, yesterday, tomorrow, tonight, this morning, last night, yesterday afternoon
  {
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
  },
  // now, currently, at present, these days
  {
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
  },
  // recently, previously, the past, in recent years
  {
    need: PAST,
    re: new RegExp(
      `${L}(?:more${S}|most${S}|until${S}|only${S})?(?:recently|lately|formerly|in the past|the past(?!${S}(?:A-Za-z\\u00C0-\\u024F+${S})?(?:seconds?|minutes?|hours?|days?|nights?|weeks?|weekends?|months?|years?|decades?|centur(?:y|ies)|quarters?|\\d)${R})|the time|recent${S}(?:days|weeks|months|years|decades|times)|(?:several|a few|many|some)${S}(?:days|weeks|months|years|decades)${S}(?:ago|earlier)|years ago|long ago)${R}`,
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
  },
  // the future, soon, the coming months, the near term
  {
    need: FUTURE,
    re: new RegExp(
      `${L}(?:(?:the|in)${S})?(?:(?:near|distant|foreseeable|immediate)${S})?(?:(?<=(?:the|in)${S}(?:(?:near|distant|foreseeable|immediate)${S})?)future(?!s)|coming${S}(?:days|weeks|months|years|decades|quarters)|(?:near|short|long)${S}term|future${S}(?:quarters|years|months)|later date|soon(?!${S}(?:as|after|before|afterwards?|thereafter)${R}))${R}`,
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
  },
  // two weeks ago, a year ago, five months ago
  {
    need: AGO,
    re: new RegExp(`${L}(?:(?:about|nearly|almost|more than|less than|just|only|some|roughly|over|at least|exactly)${S})?(?<n>${AMOUNT})[ \\t\\u00a0-]+${UNIT_RE}(?:${S}or${S}so)?${S}ago${R}`, 'gi'),
    build: (g) => {
      const n = amountValue(g.n!);
      const unit = unitOf(g.unit!);
      if (n === null) return { k: 'ref', value: 'PAST_REF' };
      if (unit === 'year' && n === 1) return { k: 'yearAgo', anaphoric: false };
      return { k: 'rel', unit, n: -n };
    },
  },
  // two days later, a year earlier, a week after (relative to the date last mentioned)
  {
    need: UNIT,
    re: new RegExp(`${L}(?:(?:about|nearly|almost|just|only|some|roughly)${S})?(?<n>${AMOUNT})[ \\t\\u00a0-]+${UNIT_RE}${S}(?<dir>later|earlier|before|after|afterward|afterwards|previously)${R}`, 'gi'),
    build: (g, match, sentence, index) => {
      const n = amountValue(g.n!);
      if (n === null) return null;
      // "a month after Qantas suspended ...", "ten days before the shooting": "after"/"before"
      // with a complement counts from that event, not from the last date, so only the amount is
      // a temporal expression (a DURATION, the TimeML reading; the durations rule takes it).
      if (/^(?:after|before)$/i.test(g.dir!) && /^[ \t\u00a0]+[A-Za-z0-9$"'`]/.test(sentence.slice(index + match.length))) return null;
      const unit = unitOf(g.unit!);
      const sign = /^(?:later|after)/i.test(g.dir!) ? 1 : -1;
      if (unit === 'year' && n === 1 && sign < 0) return { k: 'yearAgo', anaphoric: true };
      return { k: 'ana', unit, n: sign * n };
    },
  },
  // year-ago, year-earlier (adjectives): the same period a year back
  {
    need: UNIT,
    re: new RegExp(`${L}(?:(?:the${S}(?:comparable${S}|same${S}|corresponding${S})?)?year[- ](?:ago|earlier)(?:${S}(?:(?:first|second|third|fourth|fiscal)[- ])?(?:quarter|period|level))?|the${S}(?:(?:comparable|same|corresponding|year-ago)${S})?(?:period|quarter)${S}(?:(?:of${S})?last${S}year|a${S}year${S}(?:ago|earlier))|last${S}year's${S}(?:(?:comparable|same|corresponding)${S})?(?:period|quarter))${R}`, 'gi'),
    build: (_g, match) => (/(?:quarter|period)$/i.test(match) ? { k: 'yearAgo', anaphoric: true, quarter: true } : { k: 'yearAgo', anaphoric: true }),
  },
  // "the year-earlier nine months", "the year-ago six months": the head is a span of months, so
  // the phrase is a duration (TimeML), not the year-ago period.
  {
    need: UNIT,
    re: new RegExp(`${L}(?:the${S})?year[- ](?:ago|earlier)${S}(?:first${S})?(?<n>${NUMBER_WORD}|\\d+)${S}(?<unit>months|weeks)${R}`, 'gi'),
    build: (g) => {
      const n = amountValue(g.n!);
      return n === null ? null : { k: 'duration', value: durationValue(n, g.unit!) };
    },
  },
  // the same day, the next day, that week, the following year, the day before, the next morning
  {
    need: UNIT | DEICTIC,
    re: new RegExp(
      `${L}(?:(?:earlier|later|early|late)${S})?(?:(?<dir>the same|that same|that|the next|the following|the previous|the preceding|the prior|the day before|the day after)${S}(?:(?<unit>day|week|weekend|month|year|quarter)|(?<part>morning|afternoon|evening|night))|the (?<unit2>day|week|month|year) (?<dir2>before|after))${R}(?!${S}(?:or so|and a half))`,
      'gi',
    ),
    build: (g, match, sentence, index) => {
      const dir = (g.dir ?? g.dir2 ?? '').toLowerCase();
      const unit = unitOf(g.unit ?? g.unit2 ?? 'day');
      if (/^the day (?:before|after)$/.test(dir)) return null;
      // "the day before authorities issued a warrant", "the day before returning home": the day
      // is counted from the event that follows, not from the last date.
      if (g.dir2 !== undefined && ANCHORED_TO_EVENT.test(sentence.slice(index + match.length))) return null;
      let n = 0;
      if (/next|following|after/.test(dir)) n = 1;
      if (/previous|preceding|prior|before/.test(dir)) n = -1;
      // "the next morning", "that night": a part of the day counted from the last day mentioned.
      if (g.part !== undefined) {
        if (/^the day /.test(dir)) return null;
        return { spec: { k: 'ana', unit: 'day', n }, tod: { part: partOfDay[g.part.toLowerCase()]! } };
      }
      // "the next year" from the document date reads as next year only with a future cue; keep anaphora.
      return { k: 'ana', unit, n };
    },
  },
  // Quarters: the third quarter (of 1989), fiscal 1990's first quarter, Q3 2024, third-quarter
  {
    need: QUARTER,
    re: new RegExp(
      `${L}(?:(?:the|its|a|this year's|last year's|next year's|this|last|next)${S})?(?:(?<fy>fiscal|calendar)${S})?(?:${YEAR('y1')}(?:'s)?${S})?(?:(?:fiscal|calendar)[- ])?(?<q>first|second|third|fourth|1st|2nd|3rd|4th|final)[- ](?:fiscal[- ])?(?<qh>quarter|half)(?:${S}(?:of${S})?(?:fiscal${S})?${YEAR('y2')})?${R}`,
      'gi',
    ),
    build: (g, match) => {
      const ord = g.q!.toLowerCase();
      const half = g.qh!.toLowerCase() === 'half';
      const q = ord === 'final' ? (half ? 2 : 4) : (ordinalIndex[ord] ?? Number(ord[0]));
      if (q > (half ? 2 : 4)) return null;
      const spec: Spec = { k: 'quarter', q, half };
      const y = g.y1 ?? g.y2;
      if (y !== undefined) spec.y = Number(y);
      else if (/^(?:last|this|next) year's/i.test(match)) spec.yearRel = /^last/i.test(match) ? -1 : /^next/i.test(match) ? 1 : 0;
      return spec;
    },
  },
  {
    need: QUARTER | UNIT,
    re: new RegExp(`${L}(?:the${S})?(?:last|first|second|latter)${S}(?:half|two${S}quarters)${S}of${S}(?:the${S})?(?:${YEAR('y')}|'(?<dec>\\d)0s|(?<dec4>1\\d|20)(?<d3>\\d)0s)${R}`, 'gi'),
    build: (g, match) => {
      if (g.y === undefined) {
        const dec = g.dec !== undefined ? 190 + Number(g.dec) : Number(g.dec4) * 10 + Number(g.d3);
        return { k: 'decade', dec };
      }
      return { k: 'quarter', q: /last|second|latter/i.test(match) ? 2 : 1, half: true, y: Number(g.y) };
    },
  },
  {
    need: QUARTER,
    re: new RegExp(`${L}Q(?<q>[1-4])(?:${S0}(?:'(?<yy>\\d\\d)|${YEAR('y')}))?${R}`, 'g'),
    build: (g) => {
      const spec: Spec = { k: 'quarter', q: Number(g.q) };
      if (g.y !== undefined) spec.y = Number(g.y);
      else if (g.yy !== undefined) spec.y = 1900 + Number(g.yy) + (Number(g.yy) < 50 ? 100 : 0);
      return spec;
    },
  },
  // the 1989 period, the 1988 quarter: the quarter talked about, in that year
  {
    need: QUARTER,
    re: new RegExp(`${L}the${S}${YEAR('y')}${S}(?:period|quarter)${R}`, 'gi'),
    build: (g) => ({ k: 'thisQuarter', y: Number(g.y) }),
  },
  // the quarter, the latest quarter, the current quarter, last quarter, this quarter
  {
    need: QUARTER,
    re: new RegExp(`${L}(?<det>the|this|that|last|next|its)(?:${S}(?<adj>latest|current|recent|most recent|same|previous|prior|preceding|past|latest fiscal|current fiscal|fiscal))?${S}(?<what>quarter|period)${R}(?!-)`, 'gi'),
    build: (g, match, sentence, index) => {
      const det = g.det!.toLowerCase();
      const adj = (g.adj ?? '').toLowerCase();
      if (g.what!.toLowerCase() === 'period' && !/latest|current|recent|same|comparable/.test(adj)) return null;
      // "the quarter ended Sept. 30(, 2023)": the three months up to that day, named by the
      // calendar quarter of their middle month (a fiscal quarter ended July 31 is mostly Q2).
      const ended = QUARTER_ENDED.exec(sentence.slice(index + match.length));
      if (ended !== null && monthOk(ended.groups!.mon) && det !== 'last' && det !== 'next') {
        const spec: Spec = { k: 'quarter', q: quarterOf(((monthNum(ended.groups!.mon!) + 10) % 12) + 1) };
        if (ended.groups!.y !== undefined) spec.y = Number(ended.groups!.y) - (monthNum(ended.groups!.mon!) === 1 ? 1 : 0);
        return spec;
      }
      if (det === 'last' || /previous|prior|preceding|past/.test(adj)) return { k: 'rel', unit: 'quarter', n: -1 };
      if (det === 'next') return { k: 'rel', unit: 'quarter', n: 1 };
      if (adj.startsWith('current')) return { k: 'rel', unit: 'quarter', n: 0 };
      if (det === 'this') return { k: 'thisQuarter', current: true };
      return { k: 'thisQuarter' };
    },
  },
  // last week, this year, next month, earlier this year, the past year, the current fiscal year
  {
    need: UNIT,
    re: new RegExp(
      `${L}(?:${MOD})?(?:(?<rel>last|this|next|this past|this coming|the past|the last|the coming|the current|the previous|the present|the latest|the following)${S}(?:(?:fiscal|calendar)${S})?(?<unit>week|weekend|month|year|decade|century)|(?<rel2>the)${S}(?:full|fiscal|calendar)${S}(?<unit2>year)|(?:the${S})?(?<ye>year[- ]end|year's end))${R}`,
      'gi',
    ),
    build: (g, match, sentence, index) => {
      // "the percentage change since year-end": the last one that has passed.
      if (g.ye !== undefined) return { k: 'rel', unit: 'year', n: /\bsince[ \t\u00a0]+$/i.test(sentence.slice(Math.max(0, index - 8), index)) ? -1 : 0 };
      // "This Week", "Next Year" with the unit capitalised is a title (a TV show, a report).
      if (/^[A-Z]/.test(g.unit ?? g.unit2!)) return null;
      const unit = unitOf(g.unit ?? g.unit2!);
      const rel = (g.rel ?? g.rel2!).toLowerCase();
      // "the fiscal year ended June 30" names a span by its end: a duration in TimeML.
      if (rel === 'the' && /^[ \t\u00a0]+(?:ended|ending|that ended|which ended)\b/i.test(sentence.slice(index + match.length))) return { k: 'duration', value: 'P1Y' };
      if (/^the following/.test(rel)) return { k: 'ana', unit, n: 1 };
      let n = shiftOf(rel) ?? 0;
      if (rel === 'the' || rel === 'the current' || rel === 'the present') n = 0;
      if (rel === 'the latest') n = unit === 'year' ? -1 : 0;
      return { k: 'rel', unit, n };
    },
  },
  // for the year, the first nine months of the year, by the end of the year: the year of the
  // period the text is about ("the year ended June 30" is a fiscal year, a duration in TimeML)
  {
    need: UNIT,
    re: new RegExp(`${L}(?:${MOD})?the${S}year${R}(?![- ](?:ago|earlier|before|after|ended|ending|to${S}date|two|nineteen|\\d)|'s|${S}(?:ended|ending|before|after|earlier|ago|\\d))`, 'gi'),
    build: (_g, match, sentence, index) => {
      if (!/^the\s+year/i.test(match)) return { k: 'ana', unit: 'year', n: 0, focus: true };
      if (!/\b(?:for|of|in|during|through|throughout|into|this|that)\s+$/i.test(sentence.slice(Math.max(0, index - 12), index))) return null;
      return { k: 'ana', unit: 'year', n: 0, focus: true };
    },
  },
  // the end of the month, the middle of the week: the month or week of the period talked about
  {
    need: UNIT,
    re: new RegExp(`${L}(?:the${S})?(?:end|beginning|start|middle|close)${S}of${S}the${S}(?<unit>week|month)${R}(?!'s)`, 'gi'),
    build: (g) => ({ k: 'ana', unit: unitOf(g.unit!), n: 0, focus: true }),
  },
  // the weekend, over the weekend
  {
    need: UNIT,
    re: new RegExp(`${L}the${S}weekend${R}`, 'gi'),
    build: (_g, _m, sentence, index) => {
      const future = /\b(?:will|this coming|next)\b/i.test(sentence.slice(Math.max(0, index - 40), index));
      return { k: 'rel', unit: 'weekend', n: future ? 0 : -1 };
    },
  },
  // Seasons: last fall, this summer, the winter of 1994, summer
  {
    need: SEASON,
    re: new RegExp(
      `${L}(?:(?<rel>last|this|next|this past|this coming|early|late|the early|the late|the)${S})?(?<s>spring|summer|fall|autumn|winter)(?:${S}of${S}(?:${YEAR('y')}|(?<yw>${YEAR_WORDS}))|${S}${YEAR('y2')})?${R}`,
      'gi',
    ),
    build: (g, match, sentence, index) => {
      const s = seasonCode[g.s!.toLowerCase()]!;
      const y = g.y ?? g.y2;
      const spec: Spec = { k: 'season', s };
      if (y !== undefined) spec.y = Number(y);
      else if (g.yw !== undefined) {
        const yy = yearWordsValue(g.yw);
        if (yy === null) return null;
        spec.y = yy;
      }
      const rel = g.rel?.toLowerCase();
      if (rel !== undefined && /last|this|next|past|coming/.test(rel)) spec.shift = shiftOf(rel)!;
      if (g.s!.toLowerCase() === 'fall' && rel === undefined && y === undefined) return null;
      if (rel === 'the' && y === undefined) {
        // "the spring" needs "in/during/by/over/this" before it to be a time.
        if (!/\b(?:in|into|during|by|over|until|through|since|before|after)\s+$/i.test(sentence.slice(Math.max(0, index - 8), index))) return null;
      }
      void match;
      return spec;
    },
  },
  // Decades: the 1990s, the late '70s, the nineties
  {
    need: YEAR4 | DECADE | NUM,
    re: new RegExp(
      `${L}(?:the${S})?(?:(?:early|late|mid)[- ]?)?(?:(?<c>1\\d|20)(?<d>\\d)0'?s|'(?<d2>\\d)0s|(?<w>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))${R}`,
      'gi',
    ),
    build: (g, match) => {
      if (g.w !== undefined) {
        if (!/^the|early|late|mid/i.test(match)) return null;
        const i = ['twenties', 'thirties', 'forties', 'fifties', 'sixties', 'seventies', 'eighties', 'nineties'].indexOf(g.w.toLowerCase());
        return { k: 'decade', dec: 192 + i };
      }
      if (g.d2 !== undefined) return { k: 'decade', dec: 190 + Number(g.d2) };
      return { k: 'decade', dec: Number(g.c) * 10 + Number(g.d) };
    },
  },
  // Centuries: the 20th century, the eleventh century
  {
    need: UNIT,
    re: new RegExp(`${L}(?:the${S})?(?:(?:early|late|mid)[- ]?)?(?:(?<n>\\d{1,2})(?:st|nd|rd|th)|(?<w>${Object.keys(ordinalIndex).join('|')}))[- ]century${R}`, 'gi'),
    build: (g) => {
      const n = g.n !== undefined ? Number(g.n) : ordinalIndex[g.w!.toLowerCase()]!;
      return n >= 1 && n <= 30 ? { k: 'century', c: n - 1 } : null;
    },
  },
  // Years: 1996, fiscal 1990, the year 2000, nineteen ninety-six
  {
    need: YEAR4 | YEARWORD,
    re: new RegExp(
      `${L}(?:(?:the${S}year|(?:fiscal|calendar|FY)(?:${S}year)?|mid|early|late)[ \\t\\u00a0-]*)?(?:${YEAR('y')}|(?<yw>${YEAR_WORDS})(?![ -](?:percent|people|dollars|hundred|thousand|million)))(?!${S0}(?:%|percent|per\\b|-\\d|[ap]\\.?m\\b|(?:million|billion|feet|foot|meters|metres|miles|kilometers|km|pounds|tons|tonnes|dollars|yen|marks|francs|people|men|women|points|shares|troops|soldiers|acres|degrees|votes|kilograms|barrels|units|cars|jobs)\\b))`,
      'gi',
    ),
    build: (g, match, sentence, index) => {
      const y = g.y !== undefined ? Number(g.y) : g.yw !== undefined ? yearWordsValue(g.yw) : null;
      if (y === null) return null;
      const before = sentence.slice(Math.max(0, index - 12), index);
      if (/(?:\$|No\.|number|#|page|route|flight|room|code|model)\s*$/i.test(before)) return null;
      // "2000 to 3000 troops" is a range of amounts; "from 1991 to 1997" one of years.
      const to = /^[ \t\u00a0]*to[ \t\u00a0]+(\d+)/.exec(sentence.slice(index + match.length));
      if (to !== null && !(/^(?:1[0-9]|20)\d\d$/.test(to[1]!) && /\b(?:from|between|in|since)\s+$/i.test(before))) return null;
      if (g.yw !== undefined && !/^(?:the|fiscal|calendar|in|since)/i.test(match) && !/\b(?:in|since|of|by|until|from|year)\s+$/i.test(before)) {
        if (/^two thousand/i.test(g.yw)) return null;
      }
      if (y < 1500 && !/\b(?:in|since|year|of|by|until|from|before|after|around|about|circa|c\.)\s+$/i.test(before) && !/^the year/i.test(match)) return null;
      return { k: 'date', y };
    },
  },
  // Sets: every week, each year, daily, twice a week
  {
    need: SETW,
    re: new RegExp(
      `${L}(?:(?:every|each)${S}(?:other${S})?(?<u>day|night|week|weekend|month|year|quarter|morning|evening|summer|winter|spring|fall|autumn|hour|minute)|(?<adv>daily|nightly|weekly|monthly|yearly|annually|quarterly|hourly)|(?:once|twice|(?:${NUMBER_WORD}|\\d+)${S}times)${S}(?:a|an|per|every|each)${S}(?<u2>day|week|month|year|quarter|hour|decade))${R}`,
      'gi',
    ),
    build: (g) => {
      const u = (g.u ?? g.u2 ?? '').toLowerCase();
      const adv = g.adv?.toLowerCase();
      const code: Record<string, string> = {
        day: 'P1D', night: 'P1D', morning: 'TMO', evening: 'TEV', week: 'P1W', weekend: 'P1WE', month: 'P1M',
        year: 'P1Y', quarter: 'P3M', hour: 'PT1H', minute: 'PT1M', decade: 'P1DE',
        summer: 'XXXX-SU', winter: 'XXXX-WI', spring: 'XXXX-SP', fall: 'XXXX-FA', autumn: 'XXXX-FA',
        daily: 'P1D', nightly: 'P1D', weekly: 'P1W', monthly: 'P1M', yearly: 'P1Y', annually: 'P1Y',
        quarterly: 'P3M', hourly: 'PT1H',
      };
      return { k: 'set', value: code[adv ?? u] ?? 'P1D' };
    },
  },
  // Durations: two weeks, 72 hours, a five-year plan, the past three months, decades
  {
    need: UNIT,
    re: new RegExp(
      `${L}(?:(?:the${S}(?:past|last|next|previous|first|coming|following|latest|final)${S})|(?:about|nearly|almost|more than|less than|over|some|roughly|at least|up to|only|just|another|the better part of)${S})?(?<n>${AMOUNT}|a half|half an?)(?:${S}and a half)?[ \\t\\u00a0-]+${UNIT_RE}(?:[ -](?:long|old))?${R}`,
      'gi',
    ),
    build: (g, match, sentence, index) => {
      const raw = g.n!.toLowerCase();
      // "a second attempt", "a night service": an ordinal or a noun modifier, not an amount of time.
      if (/^an?$/.test(raw) && /^(?:second|night)$/i.test(g.unit!)) {
        const next = /^[ \t\u00a0]+([a-z]+)/.exec(sentence.slice(index + match.length));
        if (next !== null && !/^(?:of|in|or|and|to|at|on|before|after|later|earlier|ago|for|from|with|the|that|when|while|away|more|longer)$/.test(next[1]!)) return null;
      }
      const n = raw.startsWith('half') || raw === 'a half' ? null : amountValue(raw);
      return { k: 'duration', value: durationValue(n, g.unit!) };
    },
  },
  {
    need: UNIT,
    re: new RegExp(`${L}(?:for|over|in|within)${S}(?<unit>days|weeks|months|years|decades|centuries|hours|minutes)${R}`, 'gi'),
    build: (g) => ({ k: 'duration', value: durationValue(null, g.unit!) }),
  },
];

/**
 * Finds temporal expressions in `text.slice(start, end)` and returns them as non-overlapping
 * candidates (longest first, then rule order).
 */
export function recognize(text: string, start: number, end: number): Candidate[] {
  const bits = triggersOf(text, start, end);
  if (bits === 0) return [];
  const sentence = text.slice(start, end);
  const found: Candidate[] = [];
  for (let prio = 0; prio < RULES.length; prio++) {
    const rule = RULES[prio]!;
    if ((rule.need & bits) === 0) continue;
    rule.re.lastIndex = 0;
    for (let m = rule.re.exec(sentence); m !== null; m = rule.re.exec(sentence)) {
      if (m[0].length === 0) {
        rule.re.lastIndex++;
        continue;
      }
      const built = rule.build((m.groups ?? {}) as Groups, m[0], sentence, m.index);
      if (built === null) continue;
      const { spec, tod } = 'k' in built ? { spec: built, tod: undefined } : built;
      const cand: Candidate = { start: start + m.index, end: start + m.index + m[0].length, spec, prio };
      if (tod !== undefined) cand.tod = tod;
      found.push(cand);
    }
  }
  found.sort((a, b) => b.end - b.start - (a.end - a.start) || a.prio - b.prio || a.start - b.start);
  const kept: Candidate[] = [];
  for (const c of found) {
    if (kept.every((k) => c.end <= k.start || c.start >= k.end)) kept.push(c);
  }
  kept.sort((a, b) => a.start - b.start);
  return mergeTimes(text, joinAnchored(text, start, kept));
}

const WEEK_OF = /\bthe[ \t\u00a0]+week[ \t\u00a0]+of[ \t\u00a0]+$/i;
const DAY_BEFORE = /\bthe[ \t\u00a0]+day[ \t\u00a0]+(before|after)[ \t\u00a0]+$/i;

/**
 * Joins a day with the words before it that count from it: "the week of March 6" is that
 * week; "the day before last Tuesday" the Monday. (TimeML takes each as one expression.)
 */
function joinAnchored(text: string, sentenceStart: number, cands: Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  for (const c of cands) {
    const before = text.slice(Math.max(sentenceStart, c.start - 20), c.start);
    const week = c.spec.k === 'date' && c.spec.d !== undefined && c.tod === undefined ? WEEK_OF.exec(before) : null;
    const day = c.spec.k === 'weekday' || c.spec.k === 'holiday' || (c.spec.k === 'date' && c.spec.d !== undefined) ? DAY_BEFORE.exec(before) : null;
    const hit = week ?? day;
    if (hit === null) {
      out.push(c);
      continue;
    }
    const from = c.start - hit[0].length;
    while (out.length > 0 && out[out.length - 1]!.end > from) out.pop();
    const spec: Spec = week !== null && c.spec.k === 'date' ? { ...c.spec, weekOf: true } : { k: 'shifted', base: c.spec, days: /before/i.test(hit[1]!) ? -1 : 1 };
    out.push({ ...c, start: from, spec });
  }
  return out;
}

/**
 * Joins a clock time or part of day with the date written next to it: "10 p.m. Wednesday",
 * "Wednesday at 10 p.m.", "5 p.m. EST, Nov. 6". The result keeps the date's spec.
 */
function mergeTimes(text: string, cands: Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  const dayLike = (c: Candidate): boolean =>
    (c.spec.k === 'weekday' || (c.spec.k === 'date' && c.spec.d !== undefined) || (c.spec.k === 'rel' && c.spec.unit === 'day') || c.spec.k === 'holiday') &&
    c.tod === undefined;
  for (const c of cands) {
    const prev = out[out.length - 1];
    if (prev !== undefined) {
      const gap = text.slice(prev.end, c.start);
      if (/^(?:,?[ \t]+(?:on|at|of)?[ \t]*|,[ \t]*)$/.test(gap) || /^[ \t]+(?:on|at)[ \t]+$/.test(gap)) {
        if (prev.spec.k === 'clock' && dayLike(c)) {
          out[out.length - 1] = { ...c, start: prev.start, tod: prev.tod! };
          continue;
        }
        if (c.spec.k === 'clock' && dayLike(prev) && !/,/.test(gap)) {
          out[out.length - 1] = { ...prev, end: c.end, tod: c.tod! };
          continue;
        }
      }
    }
    out.push(c);
  }
  return out;
}
