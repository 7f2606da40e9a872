/**
 * The weight-row index of a loaded model: an open-addressing table from feature bucket to the
 * offset of its row in the compact weight array. Pairs `[bucket + 1, offset]` sit side by side
 * (0 = empty slot), so a probe touches one cache line; at under 60% load the table of a pruned
 * model stays small enough for the L2 cache, which matters more than anything else for speed.
 */

/** Builds the table for `rows` (bucket of each stored row, in storage order). */
export function buildRowIndex(rows: ArrayLike<number>, labels: number): Int32Array {
  let size = 1024;
  while (size * 0.6 < rows.length) size <<= 1;
  const table = new Int32Array(size * 2);
  const mask = size - 1;
  for (let i = 0; i < rows.length; i++) {
    const bucket = rows[i]!;
    let s = bucket & mask;
    while (table[2 * s] !== 0) s = (s + 1) & mask;
    table[2 * s] = bucket + 1;
    table[2 * s + 1] = i * labels;
  }
  return table;
}

/** Offset of the row of `bucket`, or -1 when the model stores none. */
export function lookupRow(table: Int32Array, bucket: number): number {
  const mask = (table.length >> 1) - 1;
  const key = bucket + 1;
  let s = bucket & mask;
  for (;;) {
    const k = table[2 * s]!;
    if (k === key) return table[2 * s + 1]!;
    if (k === 0) return -1;
    s = (s + 1) & mask;
  }
}
