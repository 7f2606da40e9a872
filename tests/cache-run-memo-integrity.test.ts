/**
 * The run memo never replays wrong tables: a stored file that was truncated, changed or removed
 * makes the run recompute (with the tables an uncached run writes), and the memo is recorded again.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../src/config.js';
import { runOnFiles } from '../src/run.js';

const work = mkdtempSync(join(tmpdir(), 'dateline-memo-integrity-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const input = join(work, 'input');
mkdirSync(input);
writeFileSync(join(input, 'a.txt'), 'Harbor board meets in Velder\nThe harbor board of Velder met on Tuesday, March 5, 2024. Mira Tollen, its chair, said the new pier opens in May.\n');
writeFileSync(join(input, 'b.txt'), 'Ferry strike ends in Orsk\nPavel Reyk of the Orsk Ferry Union said on Monday that the strike had ended after three weeks.\n');
const cacheDir = join(work, 'cache');
const output = join(work, 'out');

const run = () => runOnFiles(parseConfig({ input, output, workers: 1, cache: { enabled: true, dir: cacheDir } }));
const replayed = (summary: Awaited<ReturnType<typeof run>>): boolean => (summary.report['cache'] as { replayedRun?: string }).replayedRun !== undefined;
const tables = (): Record<string, string> => Object.fromEntries(readdirSync(output).filter((f) => !f.startsWith('.') && f !== 'run-report.json').sort().map((f) => [f, readFileSync(join(output, f), 'utf8')]));

/** The stored copy of `name` in every recorded run. */
function stored(name: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(d, e.name));
      else if (e.name === name && d.endsWith('files')) out.push(join(d, e.name));
    }
  };
  walk(cacheDir);
  return out;
}

describe('a replay of the run memo', () => {
  it('happens only when every stored file matches its checksum', async () => {
    const first = await run();
    expect(replayed(first)).toBe(false);
    const good = tables();
    expect(good['events.csv']).toBeDefined();
    expect(replayed(await run())).toBe(true);
    expect(tables()).toEqual(good);

    // A stored table cut short: recomputed, not copied over the good output.
    for (const file of stored('events.csv')) writeFileSync(file, readFileSync(file).subarray(0, 40));
    const afterTruncation = await run();
    expect(replayed(afterTruncation)).toBe(false);
    expect(tables()).toEqual(good);
    expect(replayed(await run())).toBe(true); // recorded again

    // A stored table with the same size but other bytes.
    for (const file of stored('people.jsonl')) {
      const bytes = readFileSync(file);
      bytes[bytes.length - 2] ^= 1;
      writeFileSync(file, bytes);
    }
    expect(replayed(await run())).toBe(false);
    expect(tables()).toEqual(good);

    // A stored table that is missing: recomputed, so no older table is left in its place.
    writeFileSync(join(output, 'mentions.csv'), 'an older table\r\n');
    for (const file of stored('mentions.csv')) rmSync(file);
    expect(replayed(await run())).toBe(false);
    expect(tables()).toEqual(good);
    expect(statSync(join(output, 'mentions.csv')).size).toBeGreaterThan(20);
  }, 180_000);
});
