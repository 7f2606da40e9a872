/**
 * The weight-row index of a loaded model: for every feature bucket, 1 + the number of its row
 * in the compact weight array, or 0 when the model stores none.
 *
 * A plain array of `2^bits` entries was measured faster than compact hash tables of a quarter
 * or an eighth of the size: a lookup is one load with no dependent probe chain, so the
 * processor overlaps the cache misses of a token's thirty lookups. Entries are 16-bit while the
 * pruned model has fewer than 65,535 rows (the shipped one has about 60,000 rows of 20-bit
 * buckets: a 2 MB index), which halves the array and its cache misses.
 */
export type RowIndex = Uint16Array | Int32Array;

/** Builds the index for `rows` (bucket of each stored row, in storage order). */
export function buildRowIndex(rows: ArrayLike<number>, bucketBits: number): RowIndex {
  const index = rows.length < 0xffff ? new Uint16Array(1 << bucketBits) : new Int32Array(1 << bucketBits);
  for (let i = 0; i < rows.length; i++) index[rows[i]!] = i + 1;
  return index;
}

/** Offset of the row of `bucket` in weights of `labels` per row, or -1 when there is none. */
export function lookupRow(index: RowIndex, bucket: number, labels: number): number {
  const r = index[bucket]!;
  return r === 0 ? -1 : (r - 1) * labels;
}
