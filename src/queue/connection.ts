/**
 * The Redis connection of the distributed mode, from a `redis://` or `rediss://` URL. BullMQ
 * takes ioredis options; parsing the URL here (rather than importing ioredis, a dependency of
 * BullMQ's own) keeps one client library in the tree.
 */
import type { ConnectionOptions } from 'bullmq';
import { DatelineError } from '../errors.js';

/** The default queue name; `--queue` picks another so several runs can share one Redis. */
export const defaultQueueName = 'dateline';

/** ioredis options for `url`; a URL that is not redis:// or rediss:// is a usage error. */
export function redisConnection(url: string, extra: { retryStrategy?: (times: number) => number | null } = {}): ConnectionOptions {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new DatelineError('USAGE', `--redis: expected a URL such as redis://127.0.0.1:6379, got ${JSON.stringify(url)}`);
  }
  if (parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:') {
    throw new DatelineError('USAGE', `--redis: expected a redis:// or rediss:// URL, got ${JSON.stringify(url)}`);
  }
  const db = parsed.pathname.replace(/^\//, '');
  if (db !== '' && !/^\d+$/.test(db)) throw new DatelineError('USAGE', `--redis: the database after the port must be a number, got ${JSON.stringify(db)}`);
  return {
    host: parsed.hostname || '127.0.0.1',
    port: parsed.port === '' ? 6379 : Number(parsed.port),
    ...(parsed.username === '' ? {} : { username: decodeURIComponent(parsed.username) }),
    ...(parsed.password === '' ? {} : { password: decodeURIComponent(parsed.password) }),
    ...(db === '' ? {} : { db: Number(db) }),
    ...(parsed.protocol === 'rediss:' ? { tls: {} } : {}),
    // Workers block on the queue; BullMQ requires ioredis not to give up on those commands.
    maxRetriesPerRequest: null,
    ...extra,
  };
}

/** What a job carries: the source document and the configuration its stages run with. */
export interface QueueJobData {
  source: import('../types.js').SourceDoc;
  config: import('../config.js').Config;
  /** The coordinator's cache fingerprint (code, model, versions, configuration): a worker of another build refuses the job. */
  fingerprint: string;
}
