/**
 * The processor of one queue job, run by BullMQ in a worker thread of `dateline worker` (a
 * sandboxed processor), so that the worker's own thread stays free to renew the job's lock while a
 * long document runs. The stages are built once per configuration a coordinator sends.
 */
import { cacheFingerprint, stableJson } from '../cache/fingerprint.js';
import { processDocument, type Timings } from '../pipeline.js';
import type { QueueJobData } from './connection.js';
import type { QueueJobResult } from './queue-processor.js';

const built = new Map<string, { fingerprint: string; run: ReturnType<typeof processDocument> }>();

export default function documentJob(job: { data: QueueJobData }): QueueJobResult {
  const { source, config, fingerprint } = job.data;
  const key = stableJson(config);
  let stages = built.get(key);
  if (stages === undefined) {
    stages = { fingerprint: cacheFingerprint(config), run: processDocument(config) };
    built.set(key, stages);
  }
  if (stages.fingerprint !== fingerprint) {
    // A mixed fleet must never make tables a local run would not: refuse (jobs are tried once).
    throw new Error(`this worker runs another build of dateline than the coordinator (fingerprint ${stages.fingerprint.slice(0, 12)} here, ${fingerprint.slice(0, 12)} there); run the same version, model and Node.js on both`);
  }
  const timings: Timings = {};
  return { doc: stages.run(source, timings), timings };
}
