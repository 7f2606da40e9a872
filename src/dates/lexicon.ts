/** Word lists shared by the date rules. Lower-case keys; general English, no corpus phrases. */

export const monthIndex: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11,
  november: 11, dec: 12, december: 12,
};

export const weekdayIndex: Record<string, number> = {
  mon: 1, monday: 1, tue: 2, tues: 2, tuesday: 2, wed: 3, wednesday: 3, thu: 4, thur: 4, thurs: 4,
  thursday: 4, fri: 5, friday: 5, sat: 6, saturday: 6, sun: 7, sunday: 7,
};

const units: Record<string, number> = {
  zero: 0, a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9,
  ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16,
  seventeen: 17, eighteen: 18, nineteen: 19,
};
const tens: Record<string, number> = {
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};

export const ordinalIndex: Record<string, number> = {
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9,
  tenth: 10, eleventh: 11, twelfth: 12, thirteenth: 13, fourteenth: 14, fifteenth: 15,
  sixteenth: 16, seventeenth: 17, eighteenth: 18, nineteenth: 19, twentieth: 20,
  'twenty-first': 21, 'twenty-second': 22, 'twenty-third': 23, 'twenty-fourth': 24,
  'twenty-fifth': 25, 'twenty-sixth': 26, 'twenty-seventh': 27, 'twenty-eighth': 28,
  'twenty-ninth': 29, thirtieth: 30, 'thirty-first': 31,
};

/** Regex source of a cardinal written in words up to ninety-nine ("twenty four", "twenty-four"). */
export const NUMBER_WORD = `(?:(?:${Object.keys(tens).join('|')})(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|${Object.keys(units).filter((w) => w !== 'a' && w !== 'an').join('|')})`;

/** Regex source of an amount: digits, a number word, or a vague quantifier. */
export const AMOUNT = `(?:\\d+(?:\\.\\d+)?|${NUMBER_WORD}|a|an|a few|a couple of|a couple|several|few|some|many|a number of)`;

/** Value of an amount; `null` for a vague one ("several", "a few"). */
export function amountValue(s: string): number | null {
  const w = s.toLowerCase().replace(/\s+/g, ' ').trim();
  if (/^\d+(\.\d+)?$/.test(w)) return Number(w);
  if (w in units) return units[w]!;
  const m = /^([a-z]+)(?:[- ]([a-z]+))?$/.exec(w);
  if (m && m[1]! in tens) {
    const unit = m[2] === undefined ? 0 : units[m[2]];
    if (unit !== undefined) return tens[m[1]!]! + unit;
  }
  return null;
}

/** A year written in words: "nineteen ninety-six", "two thousand", "two thousand and one". */
export const YEAR_WORDS = `(?:nineteen[- ](?:${Object.keys(tens).join('|')})(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|nineteen[- ](?:hundred|oh[- ][a-z]+|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)|two thousand(?:(?: and)?[- ](?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve))?)`;

export function yearWordsValue(s: string): number | null {
  const w = s.toLowerCase().replace(/-/g, ' ').replace(/\s+/g, ' ').trim();
  let m = /^two thousand(?: and)?(?: (.+))?$/.exec(w);
  if (m) {
    const rest = m[1] === undefined ? 0 : amountValue(m[1]);
    return rest === null ? null : 2000 + rest;
  }
  m = /^nineteen (.+)$/.exec(w);
  if (m) {
    if (m[1] === 'hundred') return 1900;
    const oh = /^oh (.+)$/.exec(m[1]!);
    const rest = amountValue(oh ? oh[1]! : m[1]!);
    return rest === null || rest > 99 ? null : 1900 + rest;
  }
  return null;
}

/** TIMEX3 part-of-day codes. */
export const partOfDay: Record<string, string> = {
  morning: 'MO', afternoon: 'AF', evening: 'EV', night: 'NI', overnight: 'NI', tonight: 'NI',
  noon: 'MI', midday: 'MI', daytime: 'DT',
};

export const seasonCode: Record<string, string> = {
  spring: 'SP', summer: 'SU', fall: 'FA', autumn: 'FA', winter: 'WI',
};

/** TIMEX3 duration unit letters; units below a day go after `T`. */
export const durationUnit: Record<string, { code: string; time: boolean }> = {
  second: { code: 'S', time: true }, minute: { code: 'M', time: true }, hour: { code: 'H', time: true },
  day: { code: 'D', time: false }, night: { code: 'D', time: false }, week: { code: 'W', time: false },
  fortnight: { code: 'W', time: false }, month: { code: 'M', time: false },
  quarter: { code: 'Q', time: false }, year: { code: 'Y', time: false },
  decade: { code: 'DE', time: false }, century: { code: 'CE', time: false },
};
