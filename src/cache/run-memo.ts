/**
 * The run memo: when every input document, every input failure and the whole configuration are
 * what a previous run saw, its tables are what this run would write, so they are copied instead
 * of recomputed. The per-document cache alone cannot make a re-run fast: after the documents come
 * the corpus stages (dedupe, event merging) and the export, which on a large corpus take as long
 * as the per-document stages on all cores.
 *
 * The key is computed by a first pass over the input (read and parse only: no stages), from the
 * per-document cache keys (which already cover the content, the stage configuration, the code,
 * the models and the versions), the failures of reading and parsing, and every configuration
 * key except where files are and how many threads run.
 *
 * Layout: `<generation>/runs/<64 hex>/` holds the output files (run-report.json aside, which is
 * written fresh) and `summary.bin` (failures, counts, the report and the SHA-256 of every stored
 * file, v8-serialized; not the tables, which are in the files and would make the memo as large in
 * memory as the run). An entry is built in a temporary folder, every file flushed (fsync), and
 * renamed into place, so it is complete or absent. A replay checks every file against its recorded
 * checksum as it copies it: a stored file that is missing, damaged or changed means a full run
 * (and the entry is dropped), never a replay of wrong tables. The two most recently used entries
 * of a generation are kept.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, rm, stat, utimes } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { Config } from '../config.js';
import { noteStaging, noteWritten } from '../io/output-manifest.js';
import { readInput } from '../io/read-inputs.js';
import { syncFolder } from '../io/write-tables.js';
import type { Failure, ParseResult, RawFile } from '../ingest/types.js';
import { STALE_TEMP_MS, type DocCache } from './doc-cache.js';
import { stableJson } from './fingerprint.js';

/** Run entries kept per generation. */
const KEEP_RUNS = 2;

/** What a replayed run gives back; the rest of the summary is rebuilt by the caller. */
export interface MemoSummary {
  failures: Failure[];
  documentsRead: number;
  tokens: number;
  /** run-report.json of the recorded run, less what belongs to a run (timings, workers, cache). */
  report: Record<string, unknown>;
}

/** What `summary.bin` holds: the summary and the SHA-256 (hex) of each stored file, by name. */
interface StoredSummary extends MemoSummary {
  checksums: Record<string, string>;
}

export interface RunMemo {
  readonly key: string;
  /** Copies the recorded outputs into `dir` (each staged and renamed into place) and returns the summary, or null on a miss. */
  replay(dir: string): Promise<{ summary: MemoSummary; written: string[] } | null>;
  /** Records a finished run's outputs. Never throws: the memo is only an optimisation. */
  record(written: readonly string[], summary: MemoSummary): Promise<void>;
}

/**
 * The memo for this run's input: reads and parses every listed file once (the texts are hashed
 * and dropped, never held) to compute the run key.
 */
export async function openRunMemo(options: {
  cache: DocCache;
  config: Config;
  files: ReadonlyArray<{ abs: string; rel: string }>;
  listFailures: readonly Failure[];
  parse: (file: RawFile) => ParseResult;
}): Promise<RunMemo> {
  const { cache, config } = options;
  const h = createHash('sha256');
  const { input: _i, output: _o, workers: _w, cache: _c, ...settings } = config;
  h.update(`${basename(cache.generationDir)}\0${stableJson(settings)}\0${stableJson(options.listFailures)}\0`);
  for (const f of options.files) {
    const read = await readInput(f, config.maxFileBytes);
    if (read.kind === 'failure') {
      h.update(`F${stableJson(read.failure)}\0`);
      continue;
    }
    const parsed = options.parse(read.file);
    for (const failure of parsed.failures) h.update(`F${stableJson(failure)}\0`);
    for (const doc of parsed.docs) h.update(`D${cache.keyOf(doc)}\0`);
  }
  const key = h.digest('hex');
  const runs = join(cache.generationDir, 'runs');
  const entry = join(runs, key);

  return {
    key,
    async replay(dir) {
      let summary: StoredSummary;
      try {
        summary = deserialize(await readFile(join(entry, 'summary.bin'))) as StoredSummary;
      } catch {
        return null; // absent, or unreadable: run for real (and record again)
      }
      if (summary === null || typeof summary !== 'object' || summary.checksums === null || typeof summary.checksums !== 'object') return dropEntry(entry);
      const names = Object.keys(summary.checksums).sort();
      const tag = randomBytes(4).toString('hex');
      const staged: Array<{ tmp: string; final: string }> = [];
      try {
        await noteStaging(dir, names.map((name) => `.tmp-${tag}-${name}`));
        for (const name of names) {
          const tmp = join(dir, `.tmp-${tag}-${name}`);
          staged.push({ tmp, final: join(dir, name) });
          // The bytes written are the bytes checked: hashed on their way to the output folder.
          if ((await copySynced(join(entry, 'files', name), tmp)) !== summary.checksums[name]) throw new Error(`${name}: checksum differs`);
        }
      } catch {
        await Promise.all(staged.map((s) => rm(s.tmp, { force: true })));
        return dropEntry(entry); // a stored file is missing or damaged: the run is recomputed and recorded again
      }
      for (const { tmp, final } of staged) await rename(tmp, final);
      await syncFolder(dir);
      await noteWritten(dir, staged.map((s) => basename(s.tmp)), staged.map((s) => s.final), false);
      const now = new Date();
      await utimes(entry, now, now).catch(() => {});
      const { checksums: _c, ...rest } = summary;
      return { summary: rest, written: staged.map((s) => s.final) };
    },
    async record(written, summary) {
      // A document whose stages failed or ran out of time may succeed next time (a worker that died, a busy machine): not recorded.
      if (summary.failures.some((f) => f.code === 'STAGE_FAILED' || f.code === 'STAGE_TIMEOUT')) return;
      const tmp = join(runs, `.tmp-${randomBytes(4).toString('hex')}`);
      try {
        await mkdir(join(tmp, 'files'), { recursive: true });
        const checksums: Record<string, string> = {};
        for (const file of written) if (basename(file) !== 'run-report.json') checksums[basename(file)] = await copySynced(file, join(tmp, 'files', basename(file)));
        const stored: StoredSummary = { ...summary, checksums };
        const handle = await open(join(tmp, 'summary.bin'), 'w');
        try {
          await handle.writeFile(serialize(stored));
          await handle.sync();
        } finally {
          await handle.close();
        }
        await syncFolder(join(tmp, 'files'));
        await syncFolder(tmp);
        await rm(entry, { recursive: true, force: true });
        await rename(tmp, entry);
        await syncFolder(runs);
        await prune(runs, key);
      } catch {
        await rm(tmp, { recursive: true, force: true }).catch(() => {});
      }
    },
  };
}

/** Copies `from` to `to` (created), flushes it to disk, and returns the SHA-256 (hex) of the bytes copied. */
async function copySynced(from: string, to: string): Promise<string> {
  const hash = createHash('sha256');
  const source = await open(from, 'r');
  try {
    const target = await open(to, 'w');
    try {
      const buffer = Buffer.alloc(1 << 20);
      for (;;) {
        const { bytesRead } = await source.read(buffer, 0, buffer.length, null);
        if (bytesRead === 0) break;
        const chunk = buffer.subarray(0, bytesRead);
        hash.update(chunk);
        for (let offset = 0; offset < chunk.length; ) offset += (await target.write(chunk, offset, chunk.length - offset)).bytesWritten;
      }
      await target.sync();
    } finally {
      await target.close();
    }
  } finally {
    await source.close();
  }
  return hash.digest('hex');
}

/** Removes an entry that cannot be replayed; null, the answer for a miss. */
async function dropEntry(entry: string): Promise<null> {
  await rm(entry, { recursive: true, force: true }).catch(() => {});
  return null;
}

/** Keeps the `KEEP_RUNS` most recently used entries (and removes temporary folders of killed runs, once old enough not to be another run's). */
async function prune(runs: string, current: string): Promise<void> {
  const entries: Array<{ name: string; used: number }> = [];
  for (const name of await readdir(runs)) {
    if (name === current) continue;
    if (name.startsWith('.tmp-')) {
      const age = Date.now() - (await stat(join(runs, name)).then((s) => s.mtimeMs, () => 0));
      if (age > STALE_TEMP_MS) await rm(join(runs, name), { recursive: true, force: true });
      continue;
    }
    entries.push({ name, used: await stat(join(runs, name)).then((s) => s.mtimeMs, () => 0) });
  }
  entries.sort((a, b) => b.used - a.used);
  await Promise.all(entries.slice(KEEP_RUNS - 1).map((e) => rm(join(runs, e.name), { recursive: true, force: true })));
}
