/**
 * A worker thread of the pool (src/workers/pool.ts). It builds the per-document stages once
 * (wink-nlp and the NER model load here, once per thread), says `ready`, then answers each batch
 * of source documents with their processed form and per-stage timings. A document whose stages
 * throw is answered with the error; the rest of the batch carries on, as in the inline processor.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { processDocument, type Timings } from '../pipeline.js';
import { serializeError, type BatchRequest, type DocOutcome, type WorkerInit, type WorkerMessage } from './protocol.js';

const port = parentPort;
if (port === null) throw new Error('src/workers/worker.ts runs as a worker thread of the pool, not on its own');

const send = (message: WorkerMessage): void => port.postMessage(message);

let run: ReturnType<typeof processDocument> | undefined;
try {
  run = processDocument((workerData as WorkerInit).config);
  send({ type: 'ready' });
} catch (error) {
  send({ type: 'init-failed', error: serializeError(error) });
}

port.on('message', (message: BatchRequest) => {
  if (run === undefined) return; // init failed; the pool is closing this worker
  const results: DocOutcome[] = [];
  for (const source of message.docs) {
    const timings: Timings = {};
    try {
      results.push({ ok: true, doc: run(source, timings), timings });
    } catch (error) {
      results.push({ ok: false, error: serializeError(error) });
    }
  }
  send({ type: 'batch', batch: message.batch, results });
});
