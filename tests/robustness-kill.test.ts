/**
 * Nothing half-written: a run killed (SIGKILL) while it processes or while it writes leaves every
 * table either as the previous run wrote it or as the new run writes it, never cut short; the run
 * after the kill produces exactly what an uninterrupted run does. Runs the built CLI.
 */
import { cpSync, mkdirSync, readdirSync, rmSync, watch, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { readOutput, runCli, startCli, tempDir } from './cli-helpers.js';

// Each test runs the CLI (about a second to load the model, more on a busy machine).
vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

/** A generated corpus of short articles (own wording; names are made up). */
function writeCorpus(dir: string, count: number): void {
  mkdirSync(dir, { recursive: true });
  const people = ['Ilse Varga', 'Tomas Reyk', 'Anna Lindqvist', 'Pavel Orsk', 'Mira Solheim'];
  const orgs = ['Baltic Tideworks', 'the Norlund Harbour Council', 'Osterby Rail', 'the Coastal Ferry Union'];
  const places = ['Norlund', 'Osterby', 'Kalvik', 'Sandhamn'];
  const months = ['January', 'February', 'March', 'April', 'May', 'June'];
  for (let i = 0; i < count; i++) {
    const p = people[i % people.length]!;
    const o = orgs[(i * 3) % orgs.length]!;
    const pl = places[(i * 7) % places.length]!;
    const m = months[i % months.length]!;
    const day = (i % 27) + 1;
    const text = [
      `${o} announces plan ${i}`,
      `${p} of ${o} said on ${day} ${m} 2025 that work in ${pl} would resume.`,
      `The council met in ${pl} on ${m} ${day}, 2025 and approved a budget of ${i + 10} million.`,
      `Officials from ${o} will visit ${places[(i + 1) % places.length]} next week, ${p} told reporters.`,
    ].join('\n');
    writeFileSync(join(dir, `2025-06-${String((i % 28) + 1).padStart(2, '0')}-story-${String(i).padStart(4, '0')}.txt`), `${text}\n`);
  }
}

/**
 * Starts a run and SIGKILLs it: when its first temporary table file appears (`writing`), or
 * after `afterMs` (`processing`, a fraction of an uninterrupted run's time, so mid-way through
 * the documents). Resolves with whether the kill landed before the run ended.
 */
function runAndKill(args: string[], cwd: string, out: string, when: { writing: true } | { afterMs: number }): Promise<{ killed: boolean }> {
  return new Promise((resolve, reject) => {
    const child = startCli(args, cwd);
    const watcher = watch(out, (_event, name) => {
      if ('writing' in when && typeof name === 'string' && name.startsWith('.tmp-')) child.kill('SIGKILL');
    });
    const timer = 'afterMs' in when ? setTimeout(() => child.kill('SIGKILL'), when.afterMs) : undefined;
    child.on('error', reject);
    child.on('exit', (_code, signal) => {
      watcher.close();
      clearTimeout(timer);
      resolve({ killed: signal === 'SIGKILL' });
    });
  });
}

describe('a run killed mid-way', () => {
  let work: string;
  let old: Record<string, string>;
  let reference: Record<string, string>;
  let referenceMs = 0;

  beforeAll(() => {
    work = tempDir('kill');
    writeCorpus(join(work, 'small'), 3);
    writeCorpus(join(work, 'big'), 40);
    const a = runCli(['-q', '-i', 'small', '-o', 'old'], work);
    const t0 = performance.now();
    const b = runCli(['-q', '-i', 'big', '-o', 'reference'], work);
    referenceMs = performance.now() - t0;
    expect([a.status, b.status, a.stderr + b.stderr]).toEqual([0, 0, '']);
    old = readOutput(join(work, 'old'));
    reference = readOutput(join(work, 'reference'));
    expect(Object.keys(old).length).toBeGreaterThan(10);
    expect(old).not.toEqual(reference);
  }, 120_000);
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  /** Every table in `out` is complete: the old run's or the new run's, byte for byte. */
  function expectNoHalfWritten(out: string): void {
    const now = readOutput(out);
    expect(Object.keys(now).sort()).toEqual(Object.keys(old).sort());
    for (const [name, content] of Object.entries(now)) expect([old[name], reference[name]], name).toContain(content);
  }

  for (const when of ['processing', 'writing'] as const) {
    it(`while ${when}: leaves only complete tables, and the next run matches an uninterrupted one`, async () => {
      const out = join(work, `out-${when}`);
      cpSync(join(work, 'old'), out, { recursive: true });
      let killed = false;
      // The kill must land before the run ends; on a machine fast enough to finish first, try again.
      for (let attempt = 0; attempt < 3 && !killed; attempt++) {
        cpSync(join(work, 'old'), out, { recursive: true });
        ({ killed } = await runAndKill(['-q', '-i', 'big', '-o', out], work, out, when === 'writing' ? { writing: true } : { afterMs: referenceMs * 0.6 }));
      }
      expect(killed).toBe(true);
      expectNoHalfWritten(out);

      const again = runCli(['-q', '-i', 'big', '-o', out], work);
      expect(again.status).toBe(0);
      expect(readOutput(out)).toEqual(reference);
      expect(readdirSync(out).filter((n) => n.startsWith('.tmp-'))).toEqual([]);
    }, 120_000);
  }
});
