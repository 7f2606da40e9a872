/**
 * Same input, same output: the tables are byte-identical whatever order the files were created
 * in and wherever the input folder is. (Identical output for any number of workers is checked
 * with the workers.) Runs the built CLI.
 */
import { copyFileSync, mkdirSync, readdirSync, rmSync, statSync, utimesSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { copyScenarios, readOutput, repo, runCli, tempDir } from './cli-helpers.js';

// Each test runs the CLI (about a second to load the model, more on a busy machine).
vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

/** Every file under `dir`, relative, sorted. */
function filesUnder(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(relative(dir, p));
    }
  };
  walk(dir);
  return out.sort();
}

/** Copies `from` to `to` creating the files in the given order, with descending times for a reverse copy. */
function copyInOrder(from: string, to: string, names: readonly string[]): void {
  names.forEach((name, i) => {
    mkdirSync(dirname(join(to, name)), { recursive: true });
    copyFileSync(join(from, name), join(to, name));
    const t = new Date(Date.UTC(2020, 0, 1) + i * 60_000);
    utimesSync(join(to, name), t, t);
  });
}

describe('output does not depend on file order', () => {
  let work: string;
  beforeAll(() => {
    work = tempDir('order');
    const source = join(work, 'source');
    copyInOrder(join(repo, 'input'), join(source, 'articles'), filesUnder(join(repo, 'input')));
    copyScenarios(source, ['crlf-and-nbsp', 'duplicate-ids', 'bad-csv-row', 'truncated-jsonl-line']);
    const names = filesUnder(source);
    copyInOrder(source, join(work, 'forward'), names);
    // Interleaved and reversed: odd positions last to first, then even ones; in a deeper folder.
    const odd = names.filter((_, i) => i % 2 === 1);
    const even = names.filter((_, i) => i % 2 === 0);
    copyInOrder(source, join(work, 'nested', 'reordered'), [...odd.reverse(), ...even.reverse()]);
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('writes byte-identical tables and errors for the same files created in different orders', () => {
    const outputs = ['forward', 'nested/reordered'].map((dir, i) => {
      const r = runCli(['-q', '-i', dir, '-o', `out-${i}`], work);
      expect(r.status).toBe(1); // the fixtures hold bad lines on purpose
      return readOutput(join(work, `out-${i}`));
    });
    expect(Object.keys(outputs[0]!).length).toBeGreaterThan(10);
    expect(outputs[0]!['documents.csv']).toContain('articles/');
    expect(outputs[1]).toEqual(outputs[0]);
  }, 120_000);
});
