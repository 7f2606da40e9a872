/**
 * Throughput benchmark (issue 7). Prints numbers; it is not a test.
 *
 *   npm run bench [-- --tokens N] [-- --corpus path] [-- --workers N] [-- --queue [--queue-workers N]]
 *                 [-- --only 1,2,all,cold,warm,cached-docs,queue,wink] [-- --keep]
 *
 * (options in scripts/bench-options.ts)
 *
 * 1. Builds a corpus deterministically (at least `--tokens`, default 2,000,000): varied copies of
 *    the CoNLL-2003 training text in ../shared/eval/, each copy with its own ids, published dates,
 *    line order and a share of lines dropped or borrowed from another article, written as JSONL
 *    files of 250 articles to a temporary folder. Or uses `--corpus` (a file or folder of input).
 * 2. Runs the whole pipeline as a child process of the CLI (start-up included, cache off) with 1
 *    worker, 2 workers and all cores (`--workers`, default one per core); then with the cache on
 *    in an empty folder (cold), again (warm: the run memo replays the recorded tables), and once
 *    more with a setting that changes the run key but no output byte (every document from the
 *    per-document cache, corpus stages and export run); and compares the tables byte for byte.
 *    The runs use a snapshot of dist/, so a rebuild in the tree meanwhile cannot mix versions.
 *    With `--queue`, also the distributed mode: a redis-server started here on a free port,
 *    `--queue-workers` (default 2) `dateline worker` processes on this machine and a coordinator
 *    (`dateline --redis URL`), each process's time and peak memory shown.
 *    `--only` makes only the runs named (e.g. `--only 1` for a large corpus).
 * 3. Tags the same texts with bare wink-nlp (readDoc with sentence boundaries and part of speech,
 *    as the pipeline loads it) on one core, in this process.
 *
 * Peak memory is the child's maximum resident set size (`process.resourceUsage().maxRSS` at exit,
 * recorded by a preloaded hook). Worker threads live in that process, so it covers every thread.
 * The two-worker speed-up is also given for the per-document phase alone (`documents (wall)`), with
 * what runs on one thread around it (start-up, corpus stages, export), so the two can be told apart.
 * Time per stage is `timings_ms` from the run's run-report.json: per-document stages are summed
 * over documents (CPU time across workers, so with 2 workers they can add up to more than the
 * wall time); corpus stages run once.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from 'node:net';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { parseConfig } from '../src/config.js';
import { listInputs, readInput } from '../src/io/read-inputs.js';
import { ingest } from '../src/stages/ingest.js';
import { parseBenchOptions, type RunName } from './bench-options.js';
import { rng } from './rng.js';

const here = dirname(fileURLToPath(import.meta.url));
/** The package root, from scripts/ (tsx) or dist/scripts/ (compiled). */
const root = existsSync(join(here, '..', 'package.json')) ? resolve(here, '..') : resolve(here, '..', '..');
const built = join(root, 'dist', 'src', 'cli.js');
const conll = resolve(root, '..', 'shared', 'eval', 'conll2003-train.jsonl');

const args = parseBenchOptions(process.argv.slice(2), availableParallelism());
const allCores = args.workers;
const runs = new Set<RunName>(args.runs);
if (!existsSync(built)) throw new Error(`${built} is missing: run \`npm run build\` (npm run bench does)`);

const work = mkdtempSync(join(tmpdir(), 'dateline-bench-'));

/**
 * The runs use a snapshot of the build (dist/, package.json and models/ copied, node_modules
 * linked), so a rebuild in the working tree during the benchmark cannot mix two versions of the
 * code in one comparison.
 */
function snapshot(): string {
  const pkg = join(work, 'package');
  mkdirSync(pkg);
  cpSync(join(root, 'dist'), join(pkg, 'dist'), { recursive: true });
  cpSync(join(root, 'package.json'), join(pkg, 'package.json'));
  if (existsSync(join(root, 'models'))) cpSync(join(root, 'models'), join(pkg, 'models'), { recursive: true });
  symlinkSync(join(root, 'node_modules'), join(pkg, 'node_modules'), 'dir');
  return join(pkg, 'dist', 'src', 'cli.js');
}
const cli = snapshot();
const n = (x: number, digits = 0): string => x.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

// ---------------------------------------------------------------------------------------------
// The corpus

/** wink-nlp's tokenizer alone (no tagging), line by line as split-sentences reads: the pipeline's count. */
const tokenizer = winkNLP(model, []);
const countTokens = (text: string): number => text.split('\n').reduce((n, line) => n + (/\S/.test(line) ? tokenizer.readDoc(line).tokens().length() : 0), 0);

function buildCorpus(dir: string, target: number): { files: number; docs: number; bytes: number } {
  const articles = readFileSync(conll, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as { id: string; text: string });
  const rand = rng(20240116); // seeded: the corpus is the same on every run
  const perFile = 250;
  let tokens = 0;
  let docs = 0;
  let bytes = 0;
  let file: string[] = [];
  let files = 0;
  const flush = (): void => {
    if (file.length === 0) return;
    const body = `${file.join('\n')}\n`;
    writeFileSync(join(dir, `part-${String(files).padStart(4, '0')}.jsonl`), body);
    bytes += Buffer.byteLength(body);
    files++;
    file = [];
  };
  for (let copy = 0; tokens < target; copy++) {
    for (let i = 0; i < articles.length && tokens < target; i++) {
      const lines = articles[i]!.text.split('\n');
      let body = lines.slice(1);
      if (copy > 0) {
        // Vary the copy: shuffle the body, drop about a fifth of it, borrow lines from another article.
        const other = articles[(i * 7 + copy * 131) % articles.length]!.text.split('\n').slice(1);
        body = body.filter(() => rand() >= 0.2).concat(other.filter(() => rand() < 0.2));
        for (let j = body.length - 1; j > 0; j--) {
          const k = Math.floor(rand() * (j + 1));
          [body[j], body[k]] = [body[k]!, body[j]!];
        }
      }
      const text = [lines[0]!, ...body].join('\n');
      const day = new Date(Date.UTC(1996, 0, 1) + ((copy * 997 + i * 13) % 730) * 86_400_000).toISOString().slice(0, 10);
      file.push(JSON.stringify({ id: `bench-${String(copy).padStart(2, '0')}-${articles[i]!.id}`, title: lines[0]!, published: day, text }));
      tokens += countTokens(text);
      docs++;
      if (file.length === perFile) flush();
    }
  }
  flush();
  return { files, docs, bytes };
}

// ---------------------------------------------------------------------------------------------
// Pipeline runs

interface RunReport {
  documents: { read: number; failed: number; duplicates: number };
  tokens: number;
  timings_ms: Record<string, number>;
  workers: number;
  cache: { hits: number; misses: number; corrupt: number; writes: number; replayedRun?: string } | null;
}

interface Run {
  label: string;
  wallMs: number;
  maxRssMB: number;
  /** User and system CPU time of the process, all its threads, in seconds. */
  cpuS: number;
  report: RunReport;
  output: string;
}

/** Records the process's peak RSS (kB on Linux) and CPU time (µs) when it exits, for the benchmark to read. */
const rssHook = `data:text/javascript,${encodeURIComponent("import{writeFileSync}from'node:fs';process.on('exit',()=>{const u=process.resourceUsage();writeFileSync(process.env.DATELINE_BENCH_RSS,JSON.stringify({maxRSS:u.maxRSS,cpu:u.userCPUTime+u.systemCPUTime}))})")}`;

/** Peak RSS (MB) and CPU time (s) a process wrote through the hook. */
function readUsage(file: string): { maxRssMB: number; cpuS: number } {
  const u = JSON.parse(readFileSync(file, 'utf8')) as { maxRSS: number; cpu: number };
  return { maxRssMB: u.maxRSS / 1024, cpuS: u.cpu / 1e6 };
}

const slug = (label: string): string => `${label.replace(/\W+/g, '-')}${sizeTag}`;
/** With several corpus sizes, each size's files are told apart by this suffix (`-10000000`). */
let sizeTag = '';

async function runPipeline(label: string, corpus: string, workers: number, cacheDir: string | null, extra: (base: Record<string, unknown>) => Record<string, unknown> = () => ({}), cliArgs: string[] = []): Promise<Run> {
  const output = join(work, `out-${slug(label)}`);
  const config = join(work, `config-${slug(label)}.json`);
  const repoConfig = join(root, 'pipeline.config.json');
  const base = existsSync(repoConfig) ? (JSON.parse(readFileSync(repoConfig, 'utf8')) as Record<string, unknown>) : {};
  writeFileSync(config, JSON.stringify({ ...base, ...extra(base), cache: { enabled: cacheDir !== null, dir: cacheDir ?? join(work, 'unused-cache') } }));
  const rssFile = join(work, `rss-${slug(label)}`);
  const argv = ['--import', rssHook, cli, '-c', config, '-i', corpus, '-o', output, '--workers', String(workers), '-q', ...cliArgs];
  if (cacheDir === null) argv.push('--no-cache');
  const t0 = performance.now();
  const { code, stderr } = await new Promise<{ code: number | null; stderr: string }>((done, fail) => {
    const child = spawn(process.execPath, argv, { cwd: root, env: { ...process.env, DATELINE_BENCH_RSS: rssFile }, stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', fail);
    child.on('close', (c) => done({ code: c, stderr: err }));
  });
  const wallMs = performance.now() - t0;
  if (code !== 0 && code !== 1) throw new Error(`${label}: the CLI exited with ${code}:\n${stderr}`);
  const report = JSON.parse(readFileSync(join(output, 'run-report.json'), 'utf8')) as RunReport;
  const run = { label, wallMs, ...readUsage(rssFile), report, output };
  printRun(run);
  return run;
}

function printRun(run: Run): void {
  const { label, wallMs, report, maxRssMB, cpuS } = run;
  const r = (x: number): string => n(x / (wallMs / 1000));
  process.stdout.write(`  ${label.padEnd(22)} ${n(wallMs / 1000, 1).padStart(7)} s ${r(report.documents.read).padStart(9)} docs/s ${r(report.tokens).padStart(10)} tokens/s ${n(maxRssMB).padStart(6)} MB peak RSS ${n(cpuS, 1).padStart(7)} s CPU${report.documents.failed > 0 ? `  (${report.documents.failed} failed)` : ''}\n`);
}

// ---------------------------------------------------------------------------------------------
// The distributed mode: redis-server, `dateline worker` processes and a coordinator

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
    server.on('error', fail);
  });
}

/** Peak resident set size of a live process (Linux /proc), in MB; NaN where it cannot be read. */
function peakRssOf(pid: number): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : NaN;
  } catch {
    return NaN;
  }
}

/** Resolves when the child exits; SIGKILLs it if it has not after `ms`. */
function exited(child: ChildProcess, ms: number): Promise<number | null> {
  return new Promise((done) => {
    if (child.exitCode !== null || child.signalCode !== null) return done(child.exitCode);
    const timer = setTimeout(() => child.kill('SIGKILL'), ms);
    child.on('exit', (code) => {
      clearTimeout(timer);
      done(code);
    });
  });
}

async function runQueue(corpus: string, workerCount: number): Promise<Run> {
  if (spawnSync('redis-server', ['--version']).status !== 0) throw new Error('--queue needs redis-server on the PATH (Debian: apt-get install redis-server)');
  const port = await freePort();
  const url = `redis://127.0.0.1:${port}`;
  const redis = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  const workers: ChildProcess[] = [];
  try {
    let up = false;
    for (let i = 0; i < 100 && !up; i++) {
      up = spawnSync('redis-cli', ['-p', String(port), 'ping'], { encoding: 'utf8' }).stdout?.trim() === 'PONG';
      if (!up) await new Promise((r) => setTimeout(r, 100));
    }
    if (!up) throw new Error(`redis-server did not answer on port ${port}`);
    const queue = `bench-${process.pid}`;
    const rssFiles: string[] = [];
    const starts: number[] = [];
    await Promise.all(
      Array.from({ length: workerCount }, (_, i) => {
        const rssFile = join(work, `rss-queue-worker-${i + 1}`);
        rssFiles.push(rssFile);
        starts.push(performance.now());
        const w = spawn(process.execPath, ['--import', rssHook, cli, 'worker', '--redis', url, '--queue', queue], { cwd: root, env: { ...process.env, DATELINE_BENCH_RSS: rssFile }, stdio: ['ignore', 'ignore', 'pipe'] });
        workers.push(w);
        return new Promise<void>((ready, fail) => {
          let err = '';
          const onData = (d: Buffer): void => {
            err += d.toString();
            if (err.includes('taking documents')) {
              w.stderr!.off('data', onData);
              w.stderr!.resume();
              ready();
            }
          };
          w.stderr!.on('data', onData);
          w.on('exit', (code) => fail(new Error(`queue worker ${i + 1} exited (${code}) before taking documents:\n${err}`)));
        });
      }),
    );
    const coordinator = await runPipeline(`queue, ${workerCount} workers`, corpus, 1, null, () => ({}), ['--redis', url, '--queue', queue]);
    const end = performance.now();
    const redisPeak = peakRssOf(redis.pid!);
    for (const w of workers) w.kill('SIGTERM');
    await Promise.all(workers.map((w) => exited(w, 30_000)));
    for (const [i, file] of rssFiles.entries()) {
      const label = `  worker ${i + 1}`;
      if (!existsSync(file)) {
        process.stdout.write(`  ${label.padEnd(22)} (no figures: the process did not exit cleanly)\n`);
        continue;
      }
      const u = readUsage(file);
      process.stdout.write(`  ${label.padEnd(22)} ${n((end - starts[i]!) / 1000, 1).padStart(7)} s up ${''.padStart(34)} ${n(u.maxRssMB).padStart(6)} MB peak RSS ${n(u.cpuS, 1).padStart(7)} s CPU\n`);
    }
    process.stdout.write(`  ${'  redis-server'.padEnd(22)} ${''.padStart(47)} ${n(redisPeak).padStart(6)} MB peak RSS\n`);
    return coordinator;
  } finally {
    for (const w of workers) if (w.exitCode === null && w.signalCode === null) w.kill('SIGKILL');
    redis.kill('SIGTERM');
    await exited(redis, 10_000);
  }
}

/** Names of output files whose bytes differ between two runs (run-report.json aside: it holds timings). */
function differences(a: string, b: string): string[] {
  const names = new Set([...readdirSync(a), ...readdirSync(b)]);
  names.delete('run-report.json');
  return [...names].sort().filter((f) => !existsSync(join(a, f)) || !existsSync(join(b, f)) || !readFileSync(join(a, f)).equals(readFileSync(join(b, f))));
}

// ---------------------------------------------------------------------------------------------
// Bare wink-nlp on the same texts

async function sourceTexts(corpus: string): Promise<string[]> {
  const config = parseConfig({ input: corpus });
  const { files } = await listInputs(corpus, config);
  const parse = ingest(config);
  const texts: string[] = [];
  for (const f of files) {
    const read = await readInput(f, config.maxFileBytes);
    if (read.kind === 'file') for (const d of parse(read.file).docs) texts.push(d.text);
  }
  return texts;
}

function winkBaseline(texts: string[]): { loadMs: number; tagMs: number; tokens: number } {
  const t0 = performance.now();
  const nlp = winkNLP(model, ['sbd', 'pos']);
  const loadMs = performance.now() - t0;
  const its = nlp.its;
  for (const text of texts.slice(0, 200)) nlp.readDoc(text).tokens().out(its.pos); // warm up the JIT
  let tokens = 0;
  const t1 = performance.now();
  for (const text of texts) tokens += nlp.readDoc(text).tokens().out(its.pos).length;
  return { loadMs, tagMs: performance.now() - t1, tokens };
}

// ---------------------------------------------------------------------------------------------

/**
 * The most mentioned people, organizations and places of a run, each with every alias: a false
 * merge among them shows as an alias that names someone else (issue 18 asks for none in the top 20).
 */
function printTopEntities(run: Run, count: number): void {
  const output = run.output;
  const rows = ['people', 'organizations', 'places'].flatMap((table) =>
    readFileSync(join(output, `${table}.jsonl`), 'utf8')
      .split('\n')
      .filter((l) => l !== '')
      .map((l) => ({ table, ...(JSON.parse(l) as { name: string; aliases: string[]; mention_count: number; document_count: number }) })),
  );
  rows.sort((a, b) => b.mention_count - a.mention_count || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  process.stdout.write(`\nthe ${count} most mentioned entities of "${run.label}" (check by eye: every alias should name the same entity):\n`);
  for (const e of rows.slice(0, count)) {
    process.stdout.write(`  ${n(e.mention_count).padStart(8)}  ${e.table.padEnd(13)} ${e.name}  [${e.aliases.join('; ')}]  (${n(e.document_count)} docs)\n`);
  }
}

/** What one corpus size gave: its token count and the runs made on it. */
interface SizeResult {
  tokens: number;
  made: Run[];
}

async function main(): Promise<void> {
  const cpu = cpus()[0]?.model.trim() ?? 'unknown CPU';
  process.stdout.write(`dateline benchmark: ${cpu}, ${availableParallelism()} cores, ${n(totalmem() / 2 ** 30, 1)} GB RAM, Node ${process.version}, ${process.platform}\n`);
  const results: SizeResult[] = [];
  for (const size of args.sizes) {
    if (args.sizes.length > 1) {
      sizeTag = `-${size}`;
      process.stdout.write(`\n===== ${n(size)} tokens =====\n`);
    }
    results.push(await benchSize(size));
  }
  printMemory(results);
}

/**
 * Issue 22, part 1: the peak memory of the whole run (the one-worker run, else the first run made)
 * at each size, against its targets: under 1 GB at 10 million tokens, at most 1.25 times the peak
 * at 2 million, and a 50-million-token run completing under 1.5 GB. The ratio is of the largest
 * size to the smallest when several were run (`--tokens 2000000,10000000`).
 */
function printMemory(results: readonly SizeResult[]): void {
  const peaks = results.flatMap((r) => {
    const run = r.made.find((m) => m.label === '1 worker') ?? r.made[0];
    return run === undefined ? [] : [{ tokens: r.tokens, run }];
  });
  if (peaks.length === 0) return;
  process.stdout.write('\npeak memory of the whole run (issue 22, part 1; targets: under 1,000 MB at 10M tokens, at most 1.25 times the 2M peak, under 1,500 MB at 50M):\n');
  for (const { tokens, run } of peaks) {
    const target = tokens >= 50_000_000 ? '  (target < 1,500 MB at 50M)' : tokens >= 10_000_000 ? '  (target < 1,000 MB at 10M)' : '';
    const corpusMs = corpusStageNames.reduce((t, s) => t + (run.report.timings_ms[s] ?? 0), 0);
    process.stdout.write(`  ${n(run.report.tokens).padStart(12)} tokens  ${run.label.padEnd(10)} ${n(run.maxRssMB).padStart(6)} MB peak RSS   corpus stages ${n(corpusMs / 1000, 1).padStart(6)} s${target}\n`);
  }
  if (peaks.length > 1) {
    const [small, large] = [peaks[0]!, peaks.at(-1)!];
    const ratio = large.run.maxRssMB / small.run.maxRssMB;
    const stages = (p: (typeof peaks)[number]): number => corpusStageNames.reduce((t, s) => t + (p.run.report.timings_ms[s] ?? 0), 0);
    process.stdout.write(`  peak at ${n(large.tokens)} / peak at ${n(small.tokens)} tokens: ${ratio.toFixed(2)}  (target <= 1.25 for 10M / 2M)\n`);
    process.stdout.write(`  corpus stages, ${n(large.tokens)} / ${n(small.tokens)} tokens: ${(stages(large) / stages(small)).toFixed(1)} times the time for ${(large.tokens / small.tokens).toFixed(1)} times the tokens\n`);
  }
}

/** The corpus stages: serial, after every document (see "where the wall time goes"). */
const corpusStageNames = ['dedupe-documents', 'dedupe-entities', 'merge-events', 'build-tables'];

async function benchSize(targetTokens: number): Promise<SizeResult> {
  process.stdout.write(`load average at start: ${loadavg().map((x) => x.toFixed(2)).join(' ')} (other processes on the machine make the figures noisy)\n`);
  let corpus: string;
  if (args.corpus !== undefined) {
    corpus = resolve(args.corpus);
    if (!existsSync(corpus)) throw new Error(`--corpus: ${corpus} does not exist`);
    process.stdout.write(`corpus: ${corpus}\n`);
  } else {
    corpus = join(work, `corpus${sizeTag}`);
    mkdirSync(corpus);
    const t0 = performance.now();
    const c = buildCorpus(corpus, targetTokens);
    process.stdout.write(`corpus: ${n(c.docs)} articles in ${c.files} JSONL files, ${n(c.bytes / 2 ** 20, 1)} MB, built in ${n((performance.now() - t0) / 1000, 1)} s (varied copies of ${conll})\n`);
  }

  if (args.added.length > 0) process.stdout.write(`runs: ${args.runs.join(', ')} (${args.added.join(', ')} added: the cached runs need it)\n`);
  else if (args.runs.length < 7) process.stdout.write(`runs: ${args.runs.join(', ')}\n`);

  const made: Run[] = [];
  let one: Run | undefined;
  let two: Run | undefined;
  let all: Run | undefined;
  let cold: Run | undefined;
  let warm: Run | undefined;
  let docsOnly: Run | undefined;
  let queued: Run | undefined;
  const pipelineRuns = args.runs.filter((r) => r !== 'wink');
  // Bare wink is timed before the pipeline runs and again after them, so a burst of load on a
  // shared machine during one timing does not make the ratio: the faster of the two is used.
  const winkTexts = runs.has('wink') ? await sourceTexts(corpus) : [];
  const winkBefore = runs.has('wink') && pipelineRuns.length > 0 ? winkBaseline(winkTexts) : undefined;
  if (pipelineRuns.length > 0) process.stdout.write('\npipeline (CLI as a child process, start-up included):\n');
  if (runs.has('1')) made.push((one = await runPipeline('1 worker', corpus, 1, null)));
  if (runs.has('2')) made.push((two = await runPipeline('2 workers', corpus, 2, null)));
  if (runs.has('all')) {
    // On a machine of one or two cores "all cores" is a run already made.
    const same = allCores === 1 ? one : allCores === 2 ? two : undefined;
    if (same !== undefined) all = same;
    else made.push((all = await runPipeline(`${allCores} workers (all cores)`, corpus, allCores, null)));
  }
  const cacheDir = join(work, `cache${sizeTag}`);
  if (runs.has('cold')) made.push((cold = await runPipeline(`${allCores} workers, cache cold`, corpus, allCores, cacheDir)));
  if (runs.has('warm')) made.push((warm = await runPipeline(`${allCores} workers, cache warm`, corpus, allCores, cacheDir)));
  // The export formats in another order: the same bytes out, but another run key, so the run is
  // not replayed and every document comes from the per-document cache instead.
  const reordered = (base: Record<string, unknown>): Record<string, unknown> => {
    const formats = ((base['export'] as { formats?: string[] } | undefined)?.formats ?? ['csv', 'jsonl']).slice().reverse();
    return { export: { ...(base['export'] as object), formats: formats.length > 1 ? formats : [...formats, ...formats] } };
  };
  if (runs.has('cached-docs')) made.push((docsOnly = await runPipeline(`${allCores} w, cached docs only`, corpus, allCores, cacheDir, reordered)));
  if (runs.has('queue')) made.push((queued = await runQueue(corpus, args.queueWorkers)));

  let wink: ReturnType<typeof winkBaseline> | undefined;
  if (runs.has('wink')) {
    process.stdout.write('\nbare wink-nlp, one core, in this process:\n');
    const texts = winkTexts;
    const after = winkBaseline(texts);
    wink = winkBefore !== undefined && winkBefore.tagMs < after.tagMs ? winkBefore : after;
    const winkRate = wink.tokens / (wink.tagMs / 1000);
    if (winkBefore !== undefined) process.stdout.write(`  timed before the pipeline runs ${n(winkBefore.tagMs / 1000, 1)} s, after them ${n(after.tagMs / 1000, 1)} s: the faster is used\n`);
    process.stdout.write(`  readDoc + pos of ${n(texts.length)} texts: ${n(wink.tagMs / 1000, 1)} s, ${n(texts.length / (wink.tagMs / 1000))} docs/s, ${n(winkRate)} tokens/s (model load ${n(wink.loadMs)} ms, not counted)\n`);
  }

  // Tables are compared with the first run made (the one-worker run when there is one).
  const reference = made[0];
  process.stdout.write('\nratios:\n');
  // Same texts, so the ratio of times is the ratio of rates; start-up is in the pipeline's time only.
  const fastest = all ?? two ?? one;
  if (wink !== undefined && fastest !== undefined) process.stdout.write(`  pipeline (${fastest.label}) / bare wink (1 core): ${(wink.tagMs / fastest.wallMs).toFixed(2)}  (target >= 0.25: the whole pipeline, all cores, at least 0.25 times bare wink-nlp tagging on one core; issue 22)\n`);
  const docsWall = (r: Run): number => r.report.timings_ms['documents (wall)'] ?? NaN;
  if (one !== undefined && two !== undefined) {
    process.stdout.write(`  2 workers / 1 worker: ${(one.wallMs / two.wallMs).toFixed(2)}  (target >= 1.7)\n`);
    // Where the rest goes: the per-document phase alone, and what runs on one thread around it.
    process.stdout.write(
      `    of which the per-document phase: ${(docsWall(one) / docsWall(two)).toFixed(2)} (${n(docsWall(one) / 1000, 1)} s / ${n(docsWall(two) / 1000, 1)} s); ` +
        `the rest (start-up, corpus stages, export) takes ${n((one.wallMs - docsWall(one)) / 1000, 1)} s / ${n((two.wallMs - docsWall(two)) / 1000, 1)} s\n`,
    );
  }
  if (queued !== undefined && one !== undefined) process.stdout.write(`  ${queued.label} / 1 worker: ${(one.wallMs / queued.wallMs).toFixed(2)}; per-document phase ${(docsWall(one) / docsWall(queued)).toFixed(2)} (${n(docsWall(one) / 1000, 1)} s / ${n(docsWall(queued) / 1000, 1)} s)\n`);
  if (cold !== undefined && warm !== undefined) {
    const base = all ?? cold;
    process.stdout.write(`  cached re-run (replayed: ${warm.report.cache?.replayedRun === undefined ? 'no' : 'yes'}) speed-up, cold / warm: ${(cold.wallMs / warm.wallMs).toFixed(1)}x; no cache / warm: ${(base.wallMs / warm.wallMs).toFixed(1)}x  (target >= 10)\n`);
  }
  if (cold !== undefined && docsOnly !== undefined) process.stdout.write(`  re-run with documents from the cache only (corpus stages and export run): cold / warm ${(cold.wallMs / docsOnly.wallMs).toFixed(1)}x; hits ${docsOnly.report.cache?.hits ?? 0}, misses ${docsOnly.report.cache?.misses ?? 0}\n`);
  if (reference !== undefined) {
    for (const r of made.slice(1)) {
      const diff = differences(reference.output, r.output);
      process.stdout.write(`  tables of "${r.label}" vs "${reference.label}": ${diff.length === 0 ? 'byte-identical' : `DIFFER: ${diff.join(', ')}`}\n`);
    }
  }

  // The corpus stages run once, serially, on the coordinator (the main thread): their share of
  // the run is what more workers or machines cannot shorten.
  const computed = made.filter((r) => r.report.timings_ms['documents (wall)'] !== undefined);
  if (computed.length > 0) process.stdout.write('\nwhere the wall time goes (s): per-document phase, serial corpus stages, the rest (start-up, reading, export, exit):\n');
  for (const r of computed) {
    const corpusMs = corpusStageNames.reduce((t, s) => t + (r.report.timings_ms[s] ?? 0), 0);
    const rest = r.wallMs - docsWall(r) - corpusMs;
    process.stdout.write(`  ${r.label.padEnd(22)} ${n(docsWall(r) / 1000, 1).padStart(7)} ${n(corpusMs / 1000, 1).padStart(7)} (${((100 * corpusMs) / r.wallMs).toFixed(0).padStart(2)}%) ${n(rest / 1000, 1).padStart(7)}\n`);
  }

  if (made.length > 0) {
    process.stdout.write('\ntime per stage, ms (run-report.json timings_ms; per-document stages summed over documents):\n');
    const shown = [one, two, all !== one && all !== two ? all : undefined, docsOnly, warm, queued].filter((r): r is Run => r !== undefined);
    const stages = [...new Set(shown.flatMap((r) => Object.keys(r.report.timings_ms)))];
    process.stdout.write(`  ${'stage'.padEnd(18)}${shown.map((r) => r.label.padStart(24)).join('')}\n`);
    for (const s of stages) process.stdout.write(`  ${s.padEnd(18)}${shown.map((r) => (r.report.timings_ms[s] === undefined ? '-' : n(r.report.timings_ms[s]!)).padStart(24)).join('')}\n`);
  }
  if (reference !== undefined) {
    printTopEntities(reference, 20);
    process.stdout.write(`\ndocuments ${n(reference.report.documents.read)}, tokens ${n(reference.report.tokens)} (pipeline count), duplicates ${n(reference.report.documents.duplicates)}, failed ${n(reference.report.documents.failed)}\n`);
  }
  process.stdout.write(`load average at end: ${loadavg().map((x) => x.toFixed(2)).join(' ')}\n`);
  return { tokens: reference?.report.tokens ?? targetTokens, made };
}

try {
  await main();
} finally {
  if (args.keep) process.stdout.write(`kept ${work}\n`);
  else rmSync(work, { recursive: true, force: true });
}
