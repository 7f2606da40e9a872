/**
 * Fatality counts: the number of dead a sentence states, written as digits or number words.
 *
 * Only phrases that say people died count: "killing three pilgrims", "at least fourteen people dead",
 * "killed over 250 people", "claimed the lives of 8 guards", "two hikers had died". Injuries
 * never count, and a sentence that states no number gives `null`, never 0.
 */

const units: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17,
  eighteen: 18, nineteen: 19,
};
const tens: Record<string, number> = {
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};
const scales: Record<string, number> = { hundred: 100, thousand: 1000, million: 1_000_000 };

const byLength = (words: string[]): string => words.sort((a, b) => b.length - a.length).join('|');
const firstWord = byLength([...Object.keys(units), ...Object.keys(tens), 'a', 'an']);
const nextWord = byLength([...Object.keys(units), ...Object.keys(tens), ...Object.keys(scales), 'and', 'dozen']);

/**
 * A number as written: `12`, `1,200`, `two`, `twenty-one`, `a hundred`, `two hundred and five`,
 * `a dozen`. Bare "a"/"an" is matched but parses to null.
 */
const NUMBER = `(?:\\d{1,3}(?:,\\d{3})+|\\d+|(?:(?:${firstWord})(?:[ -](?:${nextWord}))*))`;

/** Parses what `NUMBER` matched; null when it is not a number (e.g. only "a"). */
export function parseNumber(text: string): number | null {
  const t = text.trim().toLowerCase();
  if (/^\d{1,3}(,\d{3})+$|^\d+$/.test(t)) return Number(t.replace(/,/g, ''));
  let total = 0;
  let current = 0;
  let seen = false;
  for (const word of t.split(/[\s-]+/)) {
    if (word === 'and') continue;
    if (word === 'a' || word === 'an') {
      current = Math.max(current, 1);
      continue;
    }
    if (word === 'dozen') {
      current = Math.max(current, 1) * 12;
      seen = true;
    } else if (units[word] !== undefined) {
      current += units[word]!;
      seen = true;
    } else if (tens[word] !== undefined) {
      current += tens[word]!;
      seen = true;
    } else if (word === 'hundred') {
      current = Math.max(current, 1) * 100;
      seen = true;
    } else if (scales[word] !== undefined) {
      total += Math.max(current, 1) * scales[word]!;
      current = 0;
      seen = true;
    } else {
      return null;
    }
  }
  return seen ? total + current : null;
}

/** Units after a number that make it a measure, not a head count. */
const NOT_PEOPLE = `(?!\\s*(?:%|percent|per cent|km|kilomet(?:er|re)s?|miles?|meters?|metres?|years?|days?|hours?|minutes?|weeks?|months?)\\b)`;
const HEDGE = `(?:(?:at least|more than|over|nearly|almost|about|around|some|up to|as many as|roughly|an estimated)\\s+)?`;
/** Up to three words describing the dead ("local security officers"), no punctuation. */
const NOUNS = `(?:[A-Za-z][\\w'’-]*\\s+){0,3}?`;

/** Patterns whose group `n` is the number of dead. */
const patterns: readonly RegExp[] = [
  // "killing three pilgrims", "killed over 250 people", "left six people dead", "leaving 3 dead"
  new RegExp(`\\b(?:kill(?:ed|ing|s)?|left|leaving|leaves)\\s+${HEDGE}(?<n>${NUMBER})\\b${NOT_PEOPLE}`, 'gi'),
  // "at least fourteen people dead", "six miners were killed", "two hikers had died"
  new RegExp(`(?<![\\w,.])${HEDGE}(?<n>${NUMBER})${NOT_PEOPLE}\\s+${NOUNS}(?:(?:were|was|have been|had been|has been|are|is|being|got)\\s+)?(?:(?:reportedly|also|all|later)\\s+)?(?:killed|dead|died|slain|confirmed dead)\\b`, 'gi'),
  // "claimed the lives of 11 officers", "death toll of 40", "death toll rose to 40"
  new RegExp(`\\b(?:lives of|death toll (?:of|at|to|rose to|reached|climbed to|stood at|stands at))\\s+${HEDGE}(?<n>${NUMBER})\\b`, 'gi'),
];

/** A stated number of dead in `text`, with its offset (for choosing the one nearest a trigger). */
export interface FatalityPhrase {
  start: number;
  end: number;
  count: number;
  /** Offset of the number itself. */
  numberStart: number;
}

/** Every number-of-dead phrase in `text` (offsets relative to `text`), in text order. */
export function findFatalities(text: string): FatalityPhrase[] {
  const found: FatalityPhrase[] = [];
  for (const re of patterns) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      const n = m.groups?.['n'];
      if (n === undefined) continue;
      const count = parseNumber(n);
      if (count === null || count === 0) {
        // "a" or "an" alone: look again one character on, where a real number may start.
        re.lastIndex = m.index + 1;
        continue;
      }
      if (found.some((f) => f.start < m!.index + m![0].length && m!.index < f.end)) continue;
      found.push({ start: m.index, end: m.index + m[0].length, count, numberStart: m.index + m[0].indexOf(n) });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}
