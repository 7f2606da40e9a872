import { fmix, hashString } from './hash.js';
import { calendarWords, orgCues, orgSuffixes, personTitles, placeCues } from './cues.js';

/** Gazetteer classes of a lower-cased word, one bit each. */
export const gaz = {
  NAME: 1 << 0,
  CITY: 1 << 1,
  CITY_BIG: 1 << 2,
  CITY_PART: 1 << 3,
  COUNTRY: 1 << 4,
  COUNTRY_PART: 1 << 5,
  CAPITAL: 1 << 6,
  DEMONYM: 1 << 7,
  REGION: 1 << 8,
  ORG_CUE: 1 << 9,
  PLACE_CUE: 1 << 10,
  TITLE: 1 << 11,
  ORG_SUFFIX: 1 << 12,
  CALENDAR: 1 << 13,
} as const;
export const gazBitCount = 14;

/**
 * Word hash -> class bits, as an open-addressing table of typed arrays (no objects per entry).
 * Keys are `hashString(word, true)` (lower-cased FNV-1a); 0 marks an empty slot.
 */
export class GazTable {
  /** Slot s holds its key at 2s and its bits at 2s + 1: one cache line per probe. */
  private readonly slots: Int32Array;
  private readonly mask: number;

  constructor(keys: ArrayLike<number>, values: ArrayLike<number>) {
    let size = 1024;
    while (size * 0.6 < keys.length) size <<= 1;
    this.slots = new Int32Array(size * 2);
    this.mask = size - 1;
    for (let i = 0; i < keys.length; i++) this.add(keys[i]! | 0, values[i]!);
  }

  private slot(key: number): number {
    const k = key === 0 ? 1 : key;
    let s = fmix(k) & this.mask;
    while (this.slots[2 * s] !== 0 && this.slots[2 * s] !== k) s = (s + 1) & this.mask;
    return s;
  }

  private add(key: number, bits: number): void {
    const s = this.slot(key);
    this.slots[2 * s] = key === 0 ? 1 : key;
    this.slots[2 * s + 1] = this.slots[2 * s + 1]! | bits;
  }

  /** Class bits of a word hash (0 when unknown). */
  get(key: number): number {
    return this.slots[2 * this.slot(key) + 1]!;
  }

  /** Entries as parallel arrays, for serialization. */
  entries(): { keys: Int32Array; values: Uint16Array } {
    let n = 0;
    for (let s = 0; s <= this.mask; s++) if (this.slots[2 * s] !== 0) n++;
    const keys = new Int32Array(n);
    const values = new Uint16Array(n);
    n = 0;
    for (let s = 0; s <= this.mask; s++) {
      if (this.slots[2 * s] === 0) continue;
      keys[n] = this.slots[2 * s]!;
      values[n++] = this.slots[2 * s + 1]!;
    }
    return { keys, values };
  }
}

/** Accumulates word -> bits while a gazetteer is built (training time only). */
export class GazBuilder {
  readonly map = new Map<number, number>();

  addWord(word: string, bits: number): void {
    if (word.length === 0) return;
    const key = hashString(word, true);
    this.map.set(key, (this.map.get(key) ?? 0) | bits);
  }

  /** Adds a possibly multi-word name: whole-name bits for one word, part bits for each word. */
  addName(name: string, whole: number, part: number): void {
    const words = name.split(/[\s\-–]+/u).filter((w) => w.length > 0);
    if (words.length === 1) this.addWord(words[0]!, whole);
    else for (const w of words) if (/^\p{Lu}/u.test(w)) this.addWord(w, part);
  }

  /** Adds the hand-kept cue lists of cues.ts. */
  addCues(): void {
    for (const w of personTitles) this.addWord(w, gaz.TITLE);
    for (const w of orgCues) this.addWord(w, gaz.ORG_CUE);
    for (const w of orgSuffixes) this.addWord(w, gaz.ORG_SUFFIX);
    for (const w of placeCues) this.addWord(w, gaz.PLACE_CUE);
    for (const w of calendarWords) this.addWord(w, gaz.CALENDAR);
  }

  build(): GazTable {
    return new GazTable([...this.map.keys()], [...this.map.values()]);
  }
}
