/**
 * What every date rule is made of: the rule shape, the regular-expression fragments and the small
 * readers of matched groups that several rule families share. General English temporal grammar
 * (TimeML/TIMEX3 conventions for what a span covers); nothing here is tuned to particular documents.
 */
import { durationUnit, monthIndex, ordinalIndex, partOfDay } from './lexicon.js';
import type { Spec, TimeOfDay, Unit } from './spec.js';

export type Groups = Record<string, string | undefined>;

/** What a rule's `build` returns: a meaning, with a time of day when the words give one; null rejects the match. */
export type Built = { spec: Spec; tod?: TimeOfDay } | Spec | null;

/** One recognition rule: a pattern over a sentence and the meaning of each match. */
export interface DateRuleDef<N extends string = string, F extends string = string> {
  /** Kebab-case name, unique in `dateRules` (the ablation tables name rules by it). */
  name: N;
  /** The family (and file, `src/dates/rules/<family>.ts`) the rule belongs to. */
  family: F;
  /** Trigger classes (bits of `triggers.ts`): the rule runs only on sentences with one of them. */
  need: number;
  re: RegExp;
  build: (g: Groups, match: string, sentence: string, index: number) => Built;
}

/**
 * The rule maker of one family: `const rule = ruleOf('months')`, then
 * `export const monthYear = rule({ name: 'month-year', ... })`. Names and family stay literal types,
 * so `DateRule` and `DateRuleFamily` are unions the compiler checks.
 */
export function ruleOf<const F extends string>(family: F) {
  return <const N extends string>(r: Omit<DateRuleDef<N, F>, 'family'>): DateRuleDef<N, F> => ({ ...r, family });
}

// ---- fragments -------------------------------------------------------------------------------
export const S = '[ \\t\\u00a0]+';
export const S0 = '[ \\t\\u00a0]*';
export const L = '(?<![A-Za-z0-9\\u00C0-\\u024F_$£€#])';
export const R = '(?![A-Za-z0-9\\u00C0-\\u024F_])';
export const MONTH_NAME = (n: string): string =>
  `(?<${n}>January|February|March|April|May|June|July|August|September|October|November|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\\.?)(?![A-Za-z])`;
export const WEEKDAY_NAME = (n: string): string => `(?<${n}>(?:mon|tues|wednes|thurs|fri|satur|sun)day)${R}`;
export const DAYNUM = (n: string): string => `(?<${n}>[0-3]?\\d)(?:st|nd|rd|th)?${R}`;
export const YEAR = (n: string): string => `(?<${n}>(?:1[0-9]|20)\\d\\d)${R}(?!,\\d|\\.\\d)`;
export const ORD_DAY = `(?<dword>${Object.keys(ordinalIndex).join('|')})`;
export const TOD_WORD = '(?<tod>morning|afternoon|evening|night|overnight)';
export const MOD = '(?:(?:early|late|mid|earlier|later)[- ]?|the (?:end|beginning|start|middle|close|rest) of |around |about )';
export const UNIT_RE = '(?<unit>second|minute|hour|day|night|week|fortnight|month|quarter|year|decade|century|centurie)s?';
/**
 * Zone names after a clock time. UTC and GMT are kept as TimeML keeps them, a `Z` after the time
 * ("18:00 UTC" is `T18:00Z`, as MEANTIME writes it). A local zone ("11 a.m. EST") is part of the
 * expression but, as in TimeBank ("5 p.m. EST Nov. 9" is `1989-11-09T17:00`), the value is the
 * clock time as written, with no offset: the day and hour stay those the text states.
 */
export const UTC_ZONES = ['GMT', 'UTC'];
export const LOCAL_ZONES = ['EST', 'EDT', 'CST', 'CDT', 'MST', 'MDT', 'PST', 'PDT', 'AKST', 'AKDT', 'HST', 'BST', 'CET', 'CEST', 'EET', 'EEST', 'WET', 'MSK', 'JST', 'KST', 'HKT', 'SGT', 'AEST', 'AEDT', 'ET', 'PT'];
/** A zone after a clock time: a name, an hour offset after GMT/UTC ("GMT+8"), or "local time". */
export const ZONE = `(?:(?<tz>${[...UTC_ZONES, ...LOCAL_ZONES].join('|')})(?:${S0}(?<off>[+-])${S0}(?<offh>1[0-4]|0?\\d)(?::?(?<offm>[0-5]\\d))?)?|local time)(?![A-Za-z0-9])`;
export const TZ = `(?:${S}${ZONE})?`;

/** The TimeML zone suffix of the zone groups of a match: `Z`, an offset from UTC (`+08:00`), or undefined. */
export function zoneOf(g: Groups): string | undefined {
  if (g.tz === undefined || !UTC_ZONES.includes(g.tz.toUpperCase())) return undefined;
  if (g.off === undefined) return 'Z';
  const h = Number(g.offh);
  const m = g.offm === undefined ? 0 : Number(g.offm);
  return h === 0 && m === 0 ? 'Z' : `${g.off}${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}
export const CLOCK_RE = `(?<hour>[01]?\\d|2[0-3])(?:[:.](?<minute>[0-5]\\d))?${S0}(?<ampm>[ap]\\.m\\.?|[ap]\\.?m)(?![A-Za-z\\u00C0-\\u024F])${TZ}`;

export const shiftOf = (w: string | undefined): number | undefined => {
  if (w === undefined) return undefined;
  const s = w.toLowerCase();
  if (/last|past|previous|preceding/.test(s)) return -1;
  if (/next|coming|following/.test(s)) return 1;
  return 0;
};

/** A month name must be capitalised ("may", "march" are verbs); bare "May"/"March" need a cue. */
export function monthNum(word: string): number {
  return monthIndex[word.toLowerCase().replace('.', '')]!;
}

export function monthOk(word: string | undefined): boolean {
  return word !== undefined && /^[A-Z]/.test(word);
}

export function todOf(g: Groups): TimeOfDay | undefined {
  if (g.tod === undefined) return undefined;
  return { part: partOfDay[g.tod.toLowerCase()] ?? 'NI' };
}

export function clockOf(g: Groups): TimeOfDay | null {
  let hour = Number(g.hour);
  const minute = g.minute === undefined ? 0 : Number(g.minute);
  if (g.ampm !== undefined) {
    if (hour < 1 || hour > 12) return null;
    const pm = /^p/i.test(g.ampm);
    if (pm && hour < 12) hour += 12;
    if (!pm && hour === 12) hour = 0;
  }
  const zone = zoneOf(g);
  return zone === undefined ? { hour, minute } : { hour, minute, zone };
}

export function durationValue(n: number | null, unitWord: string): string {
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

export const unitOf = (w: string): Unit => {
  const s = w.toLowerCase().replace(/s$/, '');
  if (s === 'centurie') return 'century';
  return (['day', 'week', 'weekend', 'month', 'quarter', 'year', 'decade', 'century'].includes(s) ? s : 'day') as Unit;
};

export const quarterOf = (m: number): number => Math.floor((m - 1) / 3) + 1;
