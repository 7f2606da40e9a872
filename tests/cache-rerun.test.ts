/**
 * The per-document cache through whole runs (runOnFiles with its default processor): a re-run on
 * unchanged input answers every document from the cache with byte-identical tables; a changed
 * document or a changed stage setting misses; a corrupt entry is recomputed, not fatal.
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
      .filter((f) => f !== 'run-report.json')
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

/** The cache entry files of the current layout, any generation. */
function entries(): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(d, e.name));
      else if (e.name.endsWith('.json')) out.push(join(d, e.name));
    }
  };
  walk(join(cacheDir, 'v1'));
  return out;
}

describe('per-document cache across runs', () => {
  it('reuses results on unchanged input with identical tables, recomputes what changed or is corrupt', async () => {
    const fresh = await run({ cache: false });
    expect(fresh.cache).toBeNull();
    const n = fresh.documents;
    expect(n).toBeGreaterThan(1);

    const cold = await run({ cache: true });
    expect(cold.cache).toMatchObject({ hits: 0, misses: n, writes: n, corrupt: 0, writeErrors: 0 });
    expectSame(fresh.files, cold.files);
    expect(entries()).toHaveLength(n);

    // A re-run, on worker threads this time: every document from the cache, same bytes.
    const warm = await run({ cache: true, workers: 2 });
    expect(warm.cache).toMatchObject({ hits: n, misses: 0, writes: 0 });
    expectSame(fresh.files, warm.files);

    // A corrupt entry (a half-written file) is recomputed and rewritten; the output is unchanged.
    const [victim] = entries();
    writeFileSync(victim!, readFileSync(victim!, 'utf8').slice(0, 40));
    const repaired = await run({ cache: true });
    expect(repaired.cache).toMatchObject({ hits: n - 1, misses: 1, corrupt: 1, writes: 1 });
    expectSame(fresh.files, repaired.files);
    expect(() => JSON.parse(readFileSync(victim!, 'utf8'))).not.toThrow();

    // A changed document misses (only it), and the tables match an uncached run on the new input.
    const file = readdirSync(input).sort()[0]!;
    appendFileSync(join(input, file), '\nThe city council of Brackwater met again on Friday.\n');
    const changed = await run({ cache: true });
    expect(changed.cache).toMatchObject({ hits: n - 1, misses: 1 });
    expectSame((await run({ cache: false })).files, changed.files);

    // A setting the stages see starts a new generation: everything misses.
    const otherConfig = await run({ cache: true, extra: { dates: { preferPast: false } } });
    expect(otherConfig.cache).toMatchObject({ hits: 0, misses: n });
    // ...and one they do not see (the export formats) does not.
    const otherExport = await run({ cache: true, extra: { export: { formats: ['csv'] } } });
    expect(otherExport.cache).toMatchObject({ hits: n, misses: 0 });
  }, 180_000);
});
