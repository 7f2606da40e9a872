/**
 * Where the processed documents wait for the barrier (`DocStore` in src/pipeline.ts), and where
 * the corpus stages read them from. In memory by default (the library API); for a run on files,
 * in a temporary file of the output folder ({@link spillStore}), so that the documents do not pile
 * up in this thread's heap, next to the worker threads, while the rest are processed, nor all at
 * once in the corpus stages: each is serialized as it arrives, and read back by a corpus stage
 * when it needs it, one at a time (the document dedupe reads the fingerprints, the entity dedupe
 * the mentions twice, the event merge and each format of the mentions table once more).
 *
 * Measured on the bench's 10-million-token corpus (one worker): the documents held in the heap
 * while the per-document phase ran took the process to about 1.1 GB before the corpus stages
 * started; spilled, the process stays near the worker's own size until the barrier; and read
 * back whole at the barrier they were still the largest part of the corpus stages' peak
 * (docs/scaling.md). The file is named in the output folder's manifest before it is created, so
 * a killed run's file is removed by the next run (src/io/output-manifest.ts), and removed by this
 * run once its tables are written, or when the run fails.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { docMeta, spentFingerprints, type DocMeta, type DocSource } from '../corpus.js';
import { stringInterner } from '../gc.js';
import { sliceRange, type Row, type RowBuffer, type RowList } from '../tables.js';
import type { Fingerprints, ProcessedDoc } from '../types.js';
import { noteStaging } from './output-manifest.js';

/** Bytes gathered before one write to the file. */
const writeBytes = 1 << 20;

/** Rows per record of a table's rows in the file (what is held while they are read back). */
export const spillBlockRows = 1_000;

/**
 * The documents in a temporary file of `dir` (the output folder, whose lock the run holds): each
 * as two records (v8-serialized), its fingerprints and the rest, appended as it comes; what is
 * kept in memory is each document's light part ({@link DocMeta}) and where its records are. At
 * the barrier {@link finish} gives the documents in doc-id order as a {@link DocSource} that
 * reads a document from the file when a corpus stage asks for it (the file stays until `close`,
 * after the tables are written).
 */
export async function spillStore(dir: string): Promise<{ add(doc: ProcessedDoc): void; finish(): DocSource; close(): void }> {
  const name = `.tmp-${randomBytes(4).toString('hex')}-documents.spill`;
  await noteStaging(dir, [name]);
  const path = join(dir, name);
  let fd: number | null = openSync(path, 'w+', 0o600);
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let written = 0;
  const meta: DocMeta[] = [];
  const intern = stringInterner();
  /** Per document, in the order added: offset of its fingerprints, their length, then the rest's length (the rest follows them). */
  const where: number[] = [];
  /** Writes `bytes` at the end of the file; returns where. */
  const append = (bytes: Buffer): number => {
    if (fd === null) throw new Error('the document store is closed');
    const at = written;
    for (let off = 0; off < bytes.length; ) off += writeSync(fd, bytes, off, bytes.length - off, at + off);
    written += bytes.length;
    return at;
  };
  const flush = (): void => {
    if (pendingBytes === 0 || fd === null) return;
    append(Buffer.concat(pending, pendingBytes));
    pending = [];
    pendingBytes = 0;
  };
  const close = (): void => {
    pending = [];
    pendingBytes = 0;
    if (fd === null) return;
    closeSync(fd);
    fd = null;
    rmSync(path, { force: true });
  };
  const readAt = (offset: number, length: number): unknown => {
    if (fd === null) throw new Error('the document store is closed');
    const bytes = Buffer.allocUnsafe(length);
    for (let got = 0; got < length; ) {
      const n = readSync(fd, bytes, got, length - got, offset + got);
      if (n === 0) throw new Error(`the document store's file ${path} is cut short`);
      got += n;
    }
    return deserialize(bytes);
  };
  return {
    add(doc) {
      if (fd === null) throw new Error('the document store is closed');
      const { entities, dates, events, fingerprints } = doc;
      const head = serialize(fingerprints);
      const body = serialize({ entities, dates, events });
      where.push(written + pendingBytes, head.length, body.length);
      meta.push(docMeta(doc, intern));
      pending.push(head, body);
      pendingBytes += head.length + body.length;
      if (pendingBytes >= writeBytes) flush();
    },
    finish() {
      if (fd === null) throw new Error('the document store is closed');
      flush();
      const order = meta.map((_, i) => i).sort((a, b) => (meta[a]!.id < meta[b]!.id ? -1 : meta[a]!.id > meta[b]!.id ? 1 : 0));
      const sorted = order.map((i) => meta[i]!);
      const at = Float64Array.from(order.flatMap((i) => [where[3 * i]!, where[3 * i + 1]!, where[3 * i + 2]!]));
      meta.length = 0;
      where.length = 0;
      let spent = false;
      return {
        meta: sorted,
        fingerprints: (i) => {
          if (spent) throw new Error('the documents\' fingerprints were spent');
          return readAt(at[3 * i]!, at[3 * i + 1]!) as Fingerprints;
        },
        read: (i) => {
          const rest = readAt(at[3 * i]! + at[3 * i + 1]!, at[3 * i + 2]!) as Pick<ProcessedDoc, 'entities' | 'dates' | 'events'>;
          const { entityCount: _e, dateCount: _d, ...light } = sorted[i]!;
          return { ...light, ...rest, fingerprints: spentFingerprints };
        },
        spendFingerprints: () => {
          spent = true;
        },
        rows: () => {
          // Rows go to the file in records of `spillBlockRows`, each at the file's end (the
          // documents are all written by then: nothing is pending).
          const blocks: number[] = [];
          let block: Row[] = [];
          let count = 0;
          const put = (): void => {
            if (block.length === 0) return;
            const bytes = serialize(block);
            blocks.push(append(bytes), bytes.length);
            block = [];
          };
          let sealed: RowList | null = null;
          return {
            push(row) {
              if (sealed !== null) throw new Error('rows pushed after they were done');
              block.push(row);
              count++;
              if (block.length === spillBlockRows) put();
            },
            done() {
              if (sealed === null) {
                put();
                sealed = new SpilledRows(count, Float64Array.from(blocks), (offset, length) => readAt(offset, length) as Row[]);
              }
              return sealed;
            },
          } satisfies RowBuffer;
        },
      };
    },
    close,
  };
}

/**
 * Rows kept in the spill file as records of {@link spillBlockRows}: one record is read (and held)
 * at a time, whether the rows are read in slices, in order (the writers), or one after another.
 */
export class SpilledRows implements RowList {
  /** The record last read, by index (slices go in order, and a slice may end mid-record). */
  #cached = -1;
  #cachedRows: Row[] = [];

  /** `blocks`: offset and length of each record in the file, in row order. */
  constructor(
    readonly length: number,
    private readonly blocks: Float64Array,
    private readonly readAt: (offset: number, length: number) => Row[],
  ) {}

  #block(b: number): Row[] {
    if (b !== this.#cached) {
      this.#cachedRows = this.readAt(this.blocks[2 * b]!, this.blocks[2 * b + 1]!);
      this.#cached = b;
    }
    return this.#cachedRows;
  }

  /** Rows `start` to `end` (exclusive), as `Array.prototype.slice` takes them. */
  slice(start = 0, end = this.length): Row[] {
    const [from, to] = sliceRange(this.length, start, end);
    const out: Row[] = [];
    for (let row = from; row < to; ) {
      const b = Math.floor(row / spillBlockRows);
      const rows = this.#block(b);
      const first = b * spillBlockRows;
      for (let i = row - first; i < rows.length && first + i < to; i++, row++) out.push(rows[i]!);
    }
    return out;
  }

  *[Symbol.iterator](): Iterator<Row> {
    // Records read afresh, not through the cache: an iteration may run beside slices.
    for (let b = 0; b < this.blocks.length / 2; b++) yield* this.readAt(this.blocks[2 * b]!, this.blocks[2 * b + 1]!);
  }
}
