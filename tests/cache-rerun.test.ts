/**
 * The per-document cache and the run memo through whole runs (runOnFiles with its default
 * processor): a re-run on unchanged input is replayed with byte-identical tables; with another
 * export setting every document comes from the cache; a changed document or a changed stage
 * setting misses; a corrupt entry or run record is recomputed, not fatal.
 */
import { appendFileSync, cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CacheStats } from '../src/cache/doc-cache.js';
import { parseConfig, type ConfigInput } from '../src/config.js';
import { runOnFiles } from '../src/run.js';

const work = mkdtempSync(join(tmpdir(), 'dateline-cache-run-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const input = join(work, 'input');
cpSync(resolve('input'), input, { recursive: true });
const cacheDir = join(work, 'cache');
let runs = 0;

function outputs(dir: string): Map<string, Buffer> {
  return new Map(
    readdirSync(dir)
      .filter((f) => f !== 'run-report.json' && !f.startsWith('.'))
      .sort()
      .map((f) => [f, readFileSync(join(dir, f))]),
  );
}

async function run(options: { cache: boolean; workers?: number; extra?: ConfigInput }): Promise<{ files: Map<string, Buffer>; cache: CacheStats | null; documents: number }> {
  const output = join(work, `out-${runs++}`);
  const config = parseConfig({ ...options.extra, input, output, workers: options.workers ?? 1, cache: { enabled: options.cache, dir: cacheDir } });
  const summary = await runOnFiles(config);
  return { files: outputs(output), cache: summary.report['cache'] as CacheStats | null, documents: summary.documentsRead };
}

function expectSame(a: Map<string, Buffer>, b: Map<string, Buffer>): void {
  expect([...b.keys()]).toEqual([...a.keys()]);
  for (const [name, bytes] of a) expect(b.get(name)?.equals(bytes), name).toBe(true);
}

/** The per-document cache entry files of the current layout, any generation (run records aside). */
function entries(): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) {
        if (e.name !== 'runs') walk(join(d, e.name));
      } else if (e.name.endsWith('.json')) out.push(join(d, e.name));
    }
  };
  walk(join(cacheDir, 'v1'));
  return out;
}

/** Files present in both outputs have the same bytes (and there are some). */
function expectSameShared(a: Map<string, Buffer>, b: Map<string, Buffer>): void {
  const shared = [...b.keys()].filter((k) => a.has(k));
  expect(shared.length).toBeGreaterThan(2);
  for (const name of shared) expect(b.get(name)!.equals(a.get(name)!), name).toBe(true);
}

type Stats = CacheStats & { replayedRun?: string };

describe('per-document cache and run memo across runs', () => {
  it('reuse results on unchanged input with identical tables, and recompute what changed or is corrupt', async () => {
    const fresh = await run({ cache: false });
    expect(fresh.cache).toBeNull();
    const n = fresh.documents;
    expect(n).toBeGreaterThan(1);

    const cold = await run({ cache: true });
    expect(cold.cache).toMatchObject({ hits: 0, misses: n, writes: n, corrupt: 0, writeErrors: 0 });
    expect((cold.cache as Stats).replayedRun).toBeUndefined();
    expectSame(fresh.files, cold.files);
    expect(entries()).toHaveLength(n);

    // The same input and configuration again (on worker threads this time): the run is replayed.
    const warm = await run({ cache: true, workers: 2 });
    expect((warm.cache as Stats).replayedRun).toMatch(/^[0-9a-f]{64}$/);
    expect(warm.cache).toMatchObject({ hits: 0, misses: 0 });
    expect(warm.documents).toBe(n);
    expectSame(fresh.files, warm.files);

    // Another export setting: not a replay, but every document comes from the cache.
    const csvOnly = await run({ cache: true, workers: 2, extra: { export: { formats: ['csv'] } } });
    expect((csvOnly.cache as Stats).replayedRun).toBeUndefined();
    expect(csvOnly.cache).toMatchObject({ hits: n, misses: 0, writes: 0 });
    expectSameShared(fresh.files, csvOnly.files);

    // A corrupt entry (a half-written file) is recomputed and rewritten; the output is unchanged.
    const [victim] = entries();
    writeFileSync(victim!, readFileSync(victim!, 'utf8').slice(0, 40));
    const repaired = await run({ cache: true, extra: { export: { formats: ['jsonl'] } } });
    expect(repaired.cache).toMatchObject({ hits: n - 1, misses: 1, corrupt: 1, writes: 1 });
    expectSameShared(fresh.files, repaired.files);
    expect(() => JSON.parse(readFileSync(victim!, 'utf8'))).not.toThrow();

    // A corrupt run record is not replayed: the run happens for real, with the same result.
    for (const summary of runRecords()) writeFileSync(summary, 'garbage');
    const unrecorded = await run({ cache: true });
    expect((unrecorded.cache as Stats).replayedRun).toBeUndefined();
    expect(unrecorded.cache).toMatchObject({ hits: n, misses: 0 });
    expectSame(fresh.files, unrecorded.files);

    // A changed document misses (only it), and the tables match an uncached run on the new input.
    const file = readdirSync(input).sort()[0]!;
    appendFileSync(join(input, file), '\nThe city council of Brackwater met again on Friday.\n');
    const changed = await run({ cache: true });
    expect((changed.cache as Stats).replayedRun).toBeUndefined();
    expect(changed.cache).toMatchObject({ hits: n - 1, misses: 1 });
    const changedFresh = await run({ cache: false });
    expectSame(changedFresh.files, changed.files);
    const changedAgain = await run({ cache: true });
    expect((changedAgain.cache as Stats).replayedRun).toBeDefined();
    expectSame(changedFresh.files, changedAgain.files);

    // A setting the stages see starts a new generation: everything misses.
    const otherConfig = await run({ cache: true, extra: { dates: { preferPast: false } } });
    expect(otherConfig.cache).toMatchObject({ hits: 0, misses: n });
  }, 180_000);
});

/** The summary files of recorded runs. */
function runRecords(): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(d, e.name));
      else if (e.name === 'summary.bin') out.push(join(d, e.name));
    }
  };
  walk(join(cacheDir, 'v1'));
  expect(out.length).toBeGreaterThan(0);
  return out;
}
