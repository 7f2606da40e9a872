/**
 * Allocation-free hashing of token text straight from the document string.
 *
 * Features are never built as strings: each is a 32-bit hash of its template id and the hashes
 * of the values it combines, folded into a bucket of the weight table (the "hashing trick").
 */

/** Lower-case code unit for every UTF-16 code unit, built once (128 KiB). */
export const lowerTable: Uint16Array = (() => {
  const table = new Uint16Array(65536);
  for (let c = 0; c < 65536; c++) {
    const s = String.fromCharCode(c).toLowerCase();
    table[c] = s.length === 1 ? s.charCodeAt(0) : c;
  }
  return table;
})();

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 16777619;

/** FNV-1a over `text[start, end)`, lower-cased when `lower`. */
export function hashRange(text: string, start: number, end: number, lower: boolean): number {
  let h = FNV_OFFSET;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    h = Math.imul(h ^ (lower ? lowerTable[c]! : c), FNV_PRIME);
  }
  return h;
}

/** FNV-1a of a JavaScript string, lower-cased when `lower` (same values as `hashRange`). */
export function hashString(s: string, lower: boolean): number {
  return hashRange(s, 0, s.length, lower);
}

/** Murmur3's finalizer: spreads every input bit over the output. */
export function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h;
}

/** Hash of a feature template and one value. */
export function feat1(template: number, a: number): number {
  return fmix(Math.imul(template + 1, 0x9e3779b1) ^ a);
}

/** Hash of a feature template and two values. */
export function feat2(template: number, a: number, b: number): number {
  return fmix((Math.imul(template + 1, 0x9e3779b1) ^ Math.imul(a, 0xcc9e2d51)) + Math.imul((b << 15) | (b >>> 17), 0x1b873593));
}

/** 1 for every UTF-16 code unit that is a letter (`\p{L}`), built once (64 KiB). */
export const letterTable: Uint8Array = (() => {
  const table = new Uint8Array(65536);
  const re = /\p{L}/u;
  for (let c = 0; c < 65536; c++) if (c < 0xd800 || c > 0xdfff) table[c] = re.test(String.fromCharCode(c)) ? 1 : 0;
  return table;
})();

/**
 * An int -> int map in typed arrays, sized once for at most `capacity` keys: the per-document
 * tables (word flags, first occurrences, history slots) without boxing or rehashing.
 */
export class IntMap {
  private readonly keys: Int32Array;
  private readonly values: Int32Array;
  private readonly used: Uint8Array;
  private readonly mask: number;
  size = 0;

  constructor(capacity: number) {
    let slots = 16;
    while (slots < capacity * 2) slots <<= 1;
    this.keys = new Int32Array(slots);
    this.values = new Int32Array(slots);
    this.used = new Uint8Array(slots);
    this.mask = slots - 1;
  }

  private slot(key: number): number {
    let s = fmix(key) & this.mask;
    while (this.used[s] === 1 && this.keys[s] !== key) s = (s + 1) & this.mask;
    return s;
  }

  /** The value of `key`, or `missing`. */
  get(key: number, missing: number): number {
    const s = this.slot(key);
    return this.used[s] === 1 ? this.values[s]! : missing;
  }

  set(key: number, value: number): void {
    const s = this.slot(key);
    if (this.used[s] === 0) {
      if (this.size * 2 >= this.keys.length) throw new RangeError(`IntMap is full (${this.size} keys)`);
      this.used[s] = 1;
      this.keys[s] = key;
      this.size++;
    }
    this.values[s] = value;
  }

  /** ORs `bits` into the value of `key` (0 when absent). */
  or(key: number, bits: number): void {
    this.set(key, this.get(key, 0) | bits);
  }
}
