/**
 * The thread that encodes Parquet files (src/io/parquet-thread.ts). It gets a table one row
 * group at a time and answers each with that group's bytes (the footer's too after the last),
 * handed back without a copy, so it never holds more than one group of rows. An error is
 * answered as an error, with its code when it is a DatelineError, and the table is dropped.
 */
import { parentPort } from 'node:worker_threads';
import { DatelineError } from '../errors.js';
import { tables, type Row, type TableName } from '../tables.js';
import { ParquetEncoder } from './parquet.js';

/** One row group of a table: `first` starts the file, `last` ends it. */
export interface EncodeRequest {
  id: number;
  name: TableName;
  rows: Row[];
  firstRow: number;
  first: boolean;
  last: boolean;
}

export type EncodeReply = { id: number; ok: true; chunks: Uint8Array[] } | { id: number; ok: false; message: string; code: string | null };

const port = parentPort;
if (port === null) throw new Error('src/io/parquet-worker.ts runs as a worker thread, not on its own');

let current: { id: number; encoder: ParquetEncoder } | null = null;

port.on('message', (request: EncodeRequest) => {
  let reply: EncodeReply;
  try {
    if (request.first || current?.id !== request.id) current = { id: request.id, encoder: new ParquetEncoder(tables[request.name]) };
    const chunks = [current.encoder.rowGroup(request.rows, request.firstRow)];
    if (request.last) {
      chunks.push(current.encoder.finish());
      current = null;
    }
    reply = { id: request.id, ok: true, chunks };
  } catch (error) {
    current = null;
    reply = { id: request.id, ok: false, message: (error as Error).message, code: error instanceof DatelineError ? error.code : null };
  }
  port.postMessage(reply, reply.ok ? reply.chunks.map((c) => c.buffer as ArrayBuffer) : []);
});
