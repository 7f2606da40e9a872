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
 *   gazetteer keys (i32) and values (u16).
 * Only rows with a non-zero quantized weight are stored; weights are `q * scale`.
 */
const MAGIC = 'DLNER';
const VERSION = 2;

/** File name of the shipped model, under `models/`. */
export const modelFileName = 'ner-model.bin.gz';

interface Header {
  bits: number;
  labels: number;
  scale: number;
  rows: number;
  gazEntries: number;
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
  const header: Header = {
    bits: model.bits,
    labels: L,
    scale,
    rows: rowIds.length,
    gazEntries: gazEntries.keys.length,
    typicalMargin: model.typicalMargin,
  };
  const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
  const pad = (x: number): number => (x + 3) & ~3;
  const headerEnd = pad(6 + 4 + headerBytes.length);
  const rowsEnd = headerEnd + 4 * rowIds.length;
  const weightsEnd = pad(rowsEnd + 2 * q.length);
  const keysEnd = weightsEnd + 4 * gazEntries.keys.length;
  const total = pad(keysEnd + 2 * gazEntries.values.length);
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
  // Gazetteer keys sorted so they compress.
  const order = [...gazEntries.keys.keys()].sort((a, b) => (gazEntries.keys[a]! >>> 0) - (gazEntries.keys[b]! >>> 0));
  prev = 0;
  for (let i = 0; i < order.length; i++) {
    const key = gazEntries.keys[order[i]!]! >>> 0;
    buf.writeUInt32LE((key - prev) >>> 0, weightsEnd + 4 * i);
    prev = key;
    buf.writeUInt16LE(gazEntries.values[order[i]!]!, keysEnd + 2 * i);
  }
  return gzipSync(buf, { level: 9 });
}

/** Reads a model written by `serializeModel`. */
export function parseModel(gz: Buffer, file = '(model)'): TaggerModel {
  let buf: Buffer;
  try {
    buf = gunzipSync(gz);
  } catch (cause) {
    throw new DatelineError('MODEL_INVALID', 'Expected a gzip-compressed NER model', { file }, { cause });
  }
  if (buf.toString('latin1', 0, 5) !== MAGIC || buf.readUInt8(5) !== VERSION) {
    throw new DatelineError('MODEL_INVALID', `Expected an NER model of format ${MAGIC} ${VERSION}`, { file });
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
  const keys = new Int32Array(header.gazEntries);
  const values = new Uint16Array(header.gazEntries);
  let key = 0;
  for (let i = 0; i < header.gazEntries; i++) {
    key = (key + buf.readUInt32LE(weightsEnd + 4 * i)) >>> 0;
    keys[i] = key | 0;
    values[i] = buf.readUInt16LE(keysEnd + 2 * i);
  }
  const index = buildRowIndex(rowIds, header.bits);
  return { bits: header.bits, weights, scale: header.scale, typicalMargin: header.typicalMargin, index, gazetteer: new GazTable(keys, values) };
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
