/**
 * Candidate pairs of nodes with a score, kept in fixed-size chunks of typed arrays: about one pair
 * per node over a large run (650,000 at 10M tokens), so neither an object per pair nor arrays
 * that double as they grow (each doubling left the old copy behind until the next full
 * collection: 45 MB outside the heap at 10M tokens, against the 10.5 MB the pairs take).
 */
const chunkBits = 16;
const chunkSize = 1 << chunkBits;
const chunkMask = chunkSize - 1;

export class ScoredPairs {
  readonly #a: Int32Array[] = [];
  readonly #b: Int32Array[] = [];
  readonly #score: Float64Array[] = [];
  #length = 0;

  get length(): number {
    return this.#length;
  }

  push(a: number, b: number, score: number): void {
    const at = this.#length & chunkMask;
    if (at === 0) {
      this.#a.push(new Int32Array(chunkSize));
      this.#b.push(new Int32Array(chunkSize));
      this.#score.push(new Float64Array(chunkSize));
    }
    const c = this.#length >>> chunkBits;
    this.#a[c]![at] = a;
    this.#b[c]![at] = b;
    this.#score[c]![at] = score;
    this.#length++;
  }

  a(e: number): number {
    return this.#a[e >>> chunkBits]![e & chunkMask]!;
  }

  b(e: number): number {
    return this.#b[e >>> chunkBits]![e & chunkMask]!;
  }

  score(e: number): number {
    return this.#score[e >>> chunkBits]![e & chunkMask]!;
  }

  /** The pairs' numbers, strongest first; ties by the first node, then the second (ascending). */
  order(): Uint32Array {
    const out = new Uint32Array(this.#length);
    for (let i = 0; i < out.length; i++) out[i] = i;
    return out.sort((p, q) => this.score(q) - this.score(p) || this.a(p) - this.a(q) || this.b(p) - this.b(q));
  }
}
