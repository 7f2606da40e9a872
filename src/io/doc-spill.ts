/**
 * Where the processed documents wait for the barrier (`DocStore` in src/pipeline.ts). In memory
 * by default (the library API); for a run on files, in a temporary file of the output folder
 * ({@link spillStore}), so that the
 * documents do not pile up in this thread's heap, next to the worker threads, while the rest are
 * processed: each one is serialized as it arrives and the whole lot read back once, at the
 * barrier, after the workers have stopped.
 *
 * Measured on the bench's 10-million-token corpus (one worker), the documents held in the heap
 * while the per-document phase ran took the process to about 1.1 GB before the corpus stages
 * started (the heap grows ahead of what it holds); spilled, the process stays near the worker's
 * own size until the barrier. The file is named in the output folder's manifest before it is
 * created, so a killed run's file is removed by the next run (src/io/output-manifest.ts), and
 * removed by this run as soon as it has been read back, or when the run fails.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { ProcessedDoc } from '../types.js';
import { noteStaging } from './output-manifest.js';

/** Bytes gathered before one write to the file. */
const writeBytes = 1 << 20;
/** Bytes read from the file at a time. */
const readBytes = 4 << 20;

/**
 * The documents in a temporary file of `dir` (the output folder, whose lock the run holds): each
 * serialized (v8) behind its length, appended as it comes.
 */
export async function spillStore(dir: string): Promise<{ add(doc: ProcessedDoc): void; takeAll(): ProcessedDoc[]; close(): void }> {
  const name = `.tmp-${randomBytes(4).toString('hex')}-documents.spill`;
  await noteStaging(dir, [name]);
  const path = join(dir, name);
  let fd: number | null = openSync(path, 'w+', 0o600);
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let written = 0;
  let count = 0;
  const flush = (): void => {
    if (pendingBytes === 0 || fd === null) return;
    const bytes = Buffer.concat(pending, pendingBytes);
    for (let off = 0; off < bytes.length; ) off += writeSync(fd, bytes, off, bytes.length - off, written + off);
    written += bytes.length;
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
  return {
    add(doc) {
      if (fd === null) throw new Error('the document store is closed');
      const body = serialize(doc);
      const head = Buffer.allocUnsafe(4);
      head.writeUInt32LE(body.length);
      pending.push(head, body);
      pendingBytes += 4 + body.length;
      count++;
      if (pendingBytes >= writeBytes) flush();
    },
    takeAll() {
      if (fd === null) throw new Error('the document store is closed');
      flush();
      const docs: ProcessedDoc[] = [];
      let buffer = Buffer.alloc(0);
      let at = 0;
      for (let pos = 0; pos < written || buffer.length - at >= 4; ) {
        // Enough bytes for the next record (its length, then its body)?
        const need = buffer.length - at >= 4 ? 4 + buffer.readUInt32LE(at) : 4;
        if (buffer.length - at >= need && need > 4) {
          docs.push(deserialize(buffer.subarray(at + 4, at + need)) as ProcessedDoc);
          at += need;
          continue;
        }
        if (pos >= written) throw new Error(`the document store's file ${path} is cut short`);
        const chunk = Buffer.allocUnsafe(Math.max(readBytes, need));
        const got = readSync(fd, chunk, 0, Math.min(chunk.length, written - pos), pos);
        pos += got;
        buffer = Buffer.concat([buffer.subarray(at), chunk.subarray(0, got)]);
        at = 0;
      }
      if (docs.length !== count) throw new Error(`the document store's file ${path} holds ${docs.length} documents, not ${count}`);
      close();
      return docs;
    },
    close,
  };
}
