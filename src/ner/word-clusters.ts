import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { DatelineError } from '../errors.js';
import { GazTable } from './gazetteer.js';
import { hashString } from './hash.js';

/** Finest clusters of the map (scripts/word-clusters.ts: 64, each in 8, each in 8). */
export const clusterCount = 4096;

/**
 * Reads the word-cluster map written by scripts/word-clusters.ts (gzipped lines of `word\tc64\t
 * c512\tc4096`) as the table the tagger's features read: lower-cased word hash -> 1 + its finest
 * cluster (the coarser ones are `>> 3` and `>> 6` of it). Training folds it into the model file.
 */
export function readWordClusters(path: string): GazTable {
  let text: string;
  try {
    text = gunzipSync(readFileSync(path)).toString('utf8');
  } catch (cause) {
    throw new DatelineError('MODEL_INVALID', 'Expected a gzipped word-cluster map (run `npx tsx scripts/word-clusters.ts`)', { file: path }, { cause });
  }
  const keys: number[] = [];
  const values: number[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (lines[i] === '') continue;
    const [word, c64, c512, c4096] = lines[i]!.split('\t');
    const fine = Number(c4096);
    if (word === undefined || !(fine >= 0 && fine < clusterCount) || Number(c512) !== fine >> 3 || Number(c64) !== fine >> 6) {
      throw new DatelineError('MODEL_INVALID', 'Expected `word<TAB>c64<TAB>c512<TAB>c4096` with nested cluster ids', { file: path, line: i + 1 });
    }
    keys.push(hashString(word, true));
    values.push(fine + 1);
  }
  return new GazTable(keys, values);
}
