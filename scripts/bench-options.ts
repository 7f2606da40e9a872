/**
 * The options of `npm run bench` (scripts/bench.ts), parsed apart from the benchmark so they can be
 * tested without running it.
 *
 *   --tokens N[,N...]   corpus size (default 2,000,000); several sizes (e.g. 2000000,10000000) make
 *                       the runs at each, in order, and print each size's peak memory and the
 *                       ratio of the largest to the smallest against issue 22's targets
 *   --corpus PATH       a file or folder of input instead of the built corpus
 *   --workers N         the "all cores" run's workers (default one per core)
 *   --queue             add the distributed run: a redis-server, a coordinator and --queue-workers
 *                       local `dateline worker` processes
 *   --queue-workers N   worker processes of the distributed run (default 2)
 *   --only RUNS         run only these (comma-separated, in the bench's order whatever the order
 *                       given): 1, 2, all, cold, warm, cached-docs, queue, wink
 *   --keep              keep the temporary folder
 *
 * `warm` and `cached-docs` re-use the cache that `cold` fills, so asking for either adds `cold`.
 */
import { parseArgs } from 'node:util';

/** The bench's runs, in the order it makes them. */
export const runNames = ['1', '2', 'all', 'cold', 'warm', 'cached-docs', 'queue', 'wink'] as const;
export type RunName = (typeof runNames)[number];

/** What each run is, for the usage message. */
export const runDescriptions: Record<RunName, string> = {
  '1': 'the pipeline on 1 worker thread',
  '2': 'on 2 worker threads',
  all: 'on --workers threads (one per core by default), when that is more than 2',
  cold: 'all cores, cache on in an empty folder',
  warm: 'again on that cache (the run memo replays the tables)',
  'cached-docs': 'again with another run key (documents from the per-document cache)',
  queue: 'the distributed mode: redis-server, a coordinator and --queue-workers worker processes',
  wink: 'bare wink-nlp tagging of the same texts on one core',
};

/** Runs that need another run made before them. */
const needs: Partial<Record<RunName, RunName>> = { warm: 'cold', 'cached-docs': 'cold' };

export interface BenchOptions {
  /** The first (or only) corpus size. */
  tokens: number;
  /** Every corpus size asked for, ascending, each once. */
  sizes: number[];
  corpus: string | undefined;
  /** Workers of the "all cores" run. */
  workers: number;
  keep: boolean;
  queueWorkers: number;
  /** The runs to make, in the bench's order. */
  runs: RunName[];
  /** Runs added to `--only` because a run asked for needs them. */
  added: RunName[];
}

function wholeNumber(option: string, value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n) || n < 1) throw new Error(`--${option}: expected a whole number from 1 up, got ${JSON.stringify(value)}`);
  return n;
}

/** Parses the bench's argv (without node and the script). `cores` is the machine's, for the defaults. */
export function parseBenchOptions(argv: string[], cores: number): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    allowPositionals: false,
    options: {
      tokens: { type: 'string', default: '2000000' },
      corpus: { type: 'string' },
      workers: { type: 'string' },
      keep: { type: 'boolean', default: false },
      queue: { type: 'boolean', default: false },
      'queue-workers': { type: 'string', default: '2' },
      only: { type: 'string' },
    },
  });
  const sizes = [...new Set(values.tokens.split(',').map((t) => wholeNumber('tokens', t.trim())))].sort((x, y) => x - y);
  const tokens = sizes[0]!;
  if (values.corpus !== undefined && sizes.length > 1) throw new Error('--tokens: several sizes build several corpora; with --corpus give one size or none');
  const workers = values.workers === undefined ? cores : wholeNumber('workers', values.workers);
  const queueWorkers = wholeNumber('queue-workers', values['queue-workers']);

  let asked: Set<RunName>;
  const added: RunName[] = [];
  if (values.only === undefined) {
    asked = new Set(runNames.filter((r) => r !== 'queue' && (r !== '2' || workers >= 2) && (r !== 'all' || workers > 2)));
    if (values.queue) asked.add('queue');
  } else {
    const given = values.only.split(',').map((s) => s.trim()).filter((s) => s !== '');
    if (given.length === 0) throw new Error(`--only: expected one or more of ${runNames.join(', ')} (comma-separated), got ${JSON.stringify(values.only)}`);
    for (const g of given) {
      if (!(runNames as readonly string[]).includes(g)) throw new Error(`--only: unknown run ${JSON.stringify(g)}; the runs are ${runNames.map((r) => `${r} (${runDescriptions[r]})`).join(', ')}`);
    }
    asked = new Set(given as RunName[]);
    if (values.queue) asked.add('queue');
    for (const r of [...asked]) {
      const need = needs[r];
      if (need !== undefined && !asked.has(need)) {
        asked.add(need);
        added.push(need);
      }
    }
  }
  return { tokens, sizes, corpus: values.corpus, workers, keep: values.keep, queueWorkers, runs: runNames.filter((r) => asked.has(r)), added };
}
