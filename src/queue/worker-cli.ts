/**
 * `dateline worker --redis URL [--queue NAME] [--lock-ms N] [--verbose]`: runs until stopped
 * (SIGINT or SIGTERM finish the document in hand, then exit 0). Exit 2 on bad usage.
 */
import { Command, CommanderError, InvalidArgumentError } from 'commander';
import { DatelineError } from '../errors.js';
import { startQueueWorker } from './queue-worker.js';

function wholeNumber(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError(`expected a whole number from 1 up, got "${value}"`);
  return n;
}

export async function workerMain(argv: string[]): Promise<number> {
  const program = new Command()
    .name('dateline worker')
    .description('Take documents from a BullMQ queue in Redis, run the per-document stages, and return the results to the coordinator (`dateline --redis URL ...`).')
    .requiredOption('--redis <url>', 'Redis server, e.g. redis://127.0.0.1:6379')
    .option('--queue <name>', 'queue name (the same as the coordinator\'s)', 'dateline')
    .option('--lock-ms <n>', 'how long a job stays with a worker that stopped answering before another takes it', wholeNumber, 30_000)
    .option('--verbose', 'print each document as it starts and ends')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
  try {
    program.parse(argv, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    throw error;
  }
  const opts = program.opts<{ redis: string; queue: string; lockMs: number; verbose?: boolean }>();
  let worker;
  try {
    worker = startQueueWorker({
      redis: opts.redis,
      queue: opts.queue,
      lockMs: opts.lockMs,
      ...(opts.verbose ? { onJob: (event: string, id: string) => process.stderr.write(`${event} ${id}\n`) } : {}),
    });
  } catch (error) {
    if (error instanceof DatelineError) {
      process.stderr.write(`dateline worker: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
  await worker.ready;
  process.stderr.write(`dateline worker: taking documents from queue "${opts.queue}" at ${opts.redis}\n`);
  await new Promise<void>((resolve) => {
    const stop = (): void => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await worker.close();
  return 0;
}
