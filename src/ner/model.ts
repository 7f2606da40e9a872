import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import { DatelineError } from '../errors.js';
import { GazTable } from './gazetteer.js';
import { buildRowIndex } from './row-index.js';
import { labelCount, type TaggerModel } from './tagger.js';

/**
 * The model file: gzip of
 *   "DLNER" + version byte, u32 header length, JSON header, then 4-byte aligned sections:
 *   row ids (u32, delta-coded), quantized weights (i16, `labelCount` per row),
 *   gazetteer keys (i32) and values (u16), then (format 3) word-cluster keys (i32) and values
 *   (u16: 1 + the word's finest cluster; see scripts/word-clusters.ts).
 * Only rows with a non-zero quantized weight are stored; weights are `q * scale`.
 */
const MAGIC = 'DLNER';
const VERSION = 3;

/** File name of the shipped model, under `models/`. */
export const modelFileName = 'ner-model.bin.gz';

interface Header {
  bits: number;
  labels: number;
  scale: number;
  rows: number;
  gazEntries: number;
  /** Words in the word-cluster table (format 3; 0 or absent: no cluster features). */
  clusterEntries?: number;
  /** Median margin of the tagger on its training tokens (see `TaggerModel.typicalMargin`). */
  typicalMargin: number;
}

/** Quantizes, prunes (rows under `prune` times the largest weight) and compresses a model. */
export function serializeModel(model: TaggerModel, prune = 0.0005): Buffer {
  if (model.index !== null || !(model.weights instanceof Float32Array)) {
    throw new DatelineError('MODEL_INVALID', 'Expected a dense (training) model to serialize');
  }
  const L = labelCount;
  const W = model.weights;
  let maxAbs = 0;
  for (let i = 0; i < W.length; i++) maxAbs = Math.max(maxAbs, Math.abs(W[i]!));
  const scale = maxAbs / 32767 || 1;
  // Rows whose largest weight is under `prune` of the largest weight anywhere are dropped: most
  // rows go at no measurable cost, and a smaller table is a faster one (under 65,535 rows the
  // run-time index is 16-bit, see row-index.ts).
  const minRow = Math.round(prune * 32767);
  const rowIds: number[] = [];
  const q: number[] = [];
  const rowCount = W.length / L;
  for (let r = 0; r < rowCount; r++) {
    let rowMax = 0;
    for (let l = 0; l < L; l++) rowMax = Math.max(rowMax, Math.abs(Math.round(W[r * L + l]! / scale)));
    if (rowMax === 0 || rowMax < minRow) continue;
    rowIds.push(r);
    for (let l = 0; l < L; l++) q.push(Math.round(W[r * L + l]! / scale));
  }
  const gazEntries = model.gazetteer.entries();
  const clusterEntries = model.clusters?.entries() ?? { keys: new Int32Array(0), values: new Uint16Array(0) };
  const header: Header = {
    bits: model.bits,
    labels: L,
    scale,
    rows: rowIds.length,
    gazEntries: gazEntries.keys.length,
    clusterEntries: clusterEntries.keys.length,
    typicalMargin: model.typicalMargin,
  };
  const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
  const pad = (x: number): number => (x + 3) & ~3;
  const headerEnd = pad(6 + 4 + headerBytes.length);
  const rowsEnd = headerEnd + 4 * rowIds.length;
  const weightsEnd = pad(rowsEnd + 2 * q.length);
  const keysEnd = weightsEnd + 4 * gazEntries.keys.length;
  const gazEnd = pad(keysEnd + 2 * gazEntries.values.length);
  const clusterKeysEnd = gazEnd + 4 * clusterEntries.keys.length;
  const total = pad(clusterKeysEnd + 2 * clusterEntries.values.length);
  const buf = Buffer.alloc(total);
  buf.write(MAGIC, 0, 'latin1');
  buf.writeUInt8(VERSION, 5);
  buf.writeUInt32LE(headerBytes.length, 6);
  headerBytes.copy(buf, 10);
  let prev = 0;
  for (let i = 0; i < rowIds.length; i++) {
    buf.writeUInt32LE(rowIds[i]! - prev, headerEnd + 4 * i);
    prev = rowIds[i]!;
  }
  for (let i = 0; i < q.length; i++) buf.writeInt16LE(q[i]!, rowsEnd + 2 * i);
  writeTable(buf, gazEntries, weightsEnd, keysEnd);
  writeTable(buf, clusterEntries, gazEnd, clusterKeysEnd);
  return gzipSync(buf, { level: 9 });
}

/** A hash table's keys, sorted and delta-coded so they compress, at `keysAt`; its values at `valuesAt`. */
function writeTable(buf: Buffer, table: { keys: Int32Array; values: Uint16Array }, keysAt: number, valuesAt: number): void {
  const order = [...table.keys.keys()].sort((a, b) => (table.keys[a]! >>> 0) - (table.keys[b]! >>> 0));
  let prev = 0;
  for (let i = 0; i < order.length; i++) {
    const key = table.keys[order[i]!]! >>> 0;
    buf.writeUInt32LE((key - prev) >>> 0, keysAt + 4 * i);
    prev = key;
    buf.writeUInt16LE(table.values[order[i]!]!, valuesAt + 2 * i);
  }
}

/** Reads a table written by `writeTable`. */
function readTable(buf: Buffer, count: number, keysAt: number, valuesAt: number): GazTable {
  const keys = new Int32Array(count);
  const values = new Uint16Array(count);
  let key = 0;
  for (let i = 0; i < count; i++) {
    key = (key + buf.readUInt32LE(keysAt + 4 * i)) >>> 0;
    keys[i] = key | 0;
    values[i] = buf.readUInt16LE(valuesAt + 2 * i);
  }
  return new GazTable(keys, values);
}

/** Reads a model written by `serializeModel`. */
export function parseModel(gz: Buffer, file = '(model)'): TaggerModel {
  let buf: Buffer;
  try {
    buf = gunzipSync(gz);
  } catch (cause) {
    throw new DatelineError('MODEL_INVALID', 'Expected a gzip-compressed NER model', { file }, { cause });
  }
  // Format 2 is format 3 without word clusters.
  if (buf.toString('latin1', 0, 5) !== MAGIC || (buf.readUInt8(5) !== VERSION && buf.readUInt8(5) !== 2)) {
    throw new DatelineError('MODEL_INVALID', `Expected an NER model of format ${MAGIC} ${VERSION} (or 2)`, { file });
  }
  const headerLength = buf.readUInt32LE(6);
  const header = JSON.parse(buf.toString('utf8', 10, 10 + headerLength)) as Header;
  if (header.labels !== labelCount || !(header.typicalMargin > 0)) {
    throw new DatelineError('MODEL_INVALID', `Expected a model with ${labelCount} labels and a typical margin, got ${header.labels} labels, margin ${header.typicalMargin}`, { file });
  }
  const pad = (x: number): number => (x + 3) & ~3;
  const L = labelCount;
  const headerEnd = pad(10 + headerLength);
  const rowsEnd = headerEnd + 4 * header.rows;
  const weightsEnd = pad(rowsEnd + 2 * header.rows * L);
  const keysEnd = weightsEnd + 4 * header.gazEntries;
  // Compact table: only stored rows, reached through the bucket index (small enough to stay in cache).
  const weights = new Int16Array(header.rows * L);
  const rowIds = new Int32Array(header.rows);
  let row = 0;
  for (let i = 0; i < header.rows; i++) {
    row += buf.readUInt32LE(headerEnd + 4 * i);
    rowIds[i] = row;
    for (let l = 0; l < L; l++) weights[i * L + l] = buf.readInt16LE(rowsEnd + 2 * (i * L + l));
  }
  const gazetteer = readTable(buf, header.gazEntries, weightsEnd, keysEnd);
  const gazEnd = pad(keysEnd + 2 * header.gazEntries);
  const clusterCount = header.clusterEntries ?? 0;
  const clusters = clusterCount > 0 ? readTable(buf, clusterCount, gazEnd, gazEnd + 4 * clusterCount) : undefined;
  const index = buildRowIndex(rowIds, header.bits);
  const model: TaggerModel = { bits: header.bits, weights, scale: header.scale, typicalMargin: header.typicalMargin, index, gazetteer };
  if (clusters !== undefined) model.clusters = clusters;
  return model;
}

/** `models/` of this package, found from this module (src/ner or dist/src/ner). */
export function defaultModelPath(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let up = 0; up < 5; up++) {
    const candidate = join(dir, 'models', modelFileName);
    if (existsSync(candidate)) return candidate;
    dir = dirname(dir);
  }
  return join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'models', modelFileName);
}

/** Loads the model shipped in `models/` (or the one at `path`). */
export function loadModel(path: string = defaultModelPath()): TaggerModel {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (cause) {
    throw new DatelineError('MODEL_INVALID', `Expected an NER model file at ${path}; run \`npm run train\``, { file: path }, { cause });
  }
  return parseModel(bytes, path);
}
