/**
 * The user's data is never lost to the output: a run refuses an output folder that is or holds an
 * input, deletes only files it wrote (the folder's manifest, not a name pattern), removes its own
 * files of a format no longer configured, keeps the previous tables when every input fails, and
 * never writes into a folder another run holds.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { parseConfig, type ConfigInput } from '../src/config.js';
import { lockName } from '../src/io/output-lock.js';
import { runOnFiles } from '../src/run.js';
import { runCli } from './cli-helpers.js';

vi.setConfig({ testTimeout: 120_000 });

const work = mkdtempSync(join(tmpdir(), 'dateline-output-safety-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
let n = 0;

const story = (city: string): string => `Harbor board meets in ${city}\nThe harbor board of ${city} met on Tuesday. Mira Tollen, its chair, said the new pier opens in May.\n`;

function folder(files: Record<string, string>): string {
  const dir = join(work, `case-${n++}`);
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

const run = (input: string, output: string, extra: ConfigInput = {}) => runOnFiles(parseConfig({ ...extra, input, output, workers: 1, cache: { enabled: false } }));

const snapshot = (dir: string): Record<string, string> => Object.fromEntries(readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort().filter((f) => !f.startsWith('.')).map((f) => [f, existsSync(join(dir, f)) && !readdirSafe(join(dir, f)) ? readFileSync(join(dir, f), 'utf8') : '<dir>']));
const readdirSafe = (p: string): boolean => {
  try {
    readdirSync(p);
    return true;
  } catch {
    return false;
  }
};

describe('an output folder that is or holds an input', () => {
  it('is refused (exit 2) when it is the input folder, and no input is touched', () => {
    const input = folder({ 'documents.jsonl': `${JSON.stringify({ id: 'a', text: story('Velder') })}\n`, 'b.txt': story('Orsk') });
    const before = snapshot(input);
    const r = runCli(['--input', input, '--output', input], work);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('is the input folder');
    expect(r.stderr).toContain('apart from the input');
    expect(snapshot(input)).toEqual(before);
    expect(readdirSync(input).sort()).toEqual(['b.txt', 'documents.jsonl']);
  });

  it('is refused when it holds the input file, even through another spelling of the path', async () => {
    const input = folder({ 'events.csv': 'id,text\na,"The harbor board of Velder met on Tuesday."\n' });
    const before = readFileSync(join(input, 'events.csv'), 'utf8');
    await expect(run(join(input, 'events.csv'), join(input, '.', 'sub', '..'))).rejects.toMatchObject({ code: 'OUTPUT_HOLDS_INPUT', message: expect.stringContaining('holds the input file events.csv') });
    expect(readFileSync(join(input, 'events.csv'), 'utf8')).toBe(before);
  });

  it('is refused when it is a parent of the input folder', async () => {
    const root = folder({ 'articles/a.txt': story('Velder') });
    await expect(run(join(root, 'articles'), root)).rejects.toMatchObject({ code: 'OUTPUT_HOLDS_INPUT' });
  });

  it('inside the input folder is allowed, and a second run does not read its tables back', async () => {
    const input = folder({ 'a.txt': story('Velder'), 'b.txt': story('Orsk') });
    const first = await run(input, join(input, 'out'));
    const second = await run(input, join(input, 'out'));
    expect(first.documentsRead).toBe(2);
    expect(second.documentsRead).toBe(2);
  });
});

describe('files in the output folder that the run did not write', () => {
  it('survive, whatever their names (a user file named like a temporary file included)', async () => {
    const input = folder({ 'a.txt': story('Velder') });
    const output = folder({ '.tmp-0badc0de-notes.txt': 'mine', 'notes.jsonl': 'mine too' });
    await run(input, output);
    await run(input, output);
    expect(readFileSync(join(output, '.tmp-0badc0de-notes.txt'), 'utf8')).toBe('mine');
    expect(readFileSync(join(output, 'notes.jsonl'), 'utf8')).toBe('mine too');
  });

  it('of a format no longer configured are removed when the run wrote them, kept when it did not', async () => {
    const input = folder({ 'a.txt': story('Velder') });
    const output = folder({ 'mine.jsonl': 'kept' });
    await run(input, output, { export: { formats: ['csv', 'jsonl'] } });
    expect(existsSync(join(output, 'events.jsonl'))).toBe(true);
    await run(input, output, { export: { formats: ['csv'] } });
    const names = readdirSync(output).filter((f) => !f.startsWith('.'));
    expect(names.filter((f) => f.endsWith('.jsonl')).sort()).toEqual(['errors.jsonl', 'mine.jsonl']);
    expect(names).toContain('events.csv');
  });

  it('temporary files a killed run staged (named in the manifest) are removed', async () => {
    const input = folder({ 'a.txt': story('Velder') });
    const output = folder({});
    await run(input, output);
    writeFileSync(join(output, '.tmp-12345678-events.csv'), 'half a ta');
    const manifest = JSON.parse(readFileSync(join(output, '.dateline-output.json'), 'utf8')) as { files: string[]; staging: string[] };
    writeFileSync(join(output, '.dateline-output.json'), JSON.stringify({ ...manifest, staging: ['.tmp-12345678-events.csv'] }));
    await run(input, output);
    expect(readdirSync(output).filter((f) => f.startsWith('.tmp-'))).toEqual([]);
  });
});

describe('a run in which every input fails', () => {
  it('keeps the previous tables and exits 1', () => {
    const input = folder({ 'a.txt': story('Velder') });
    const output = join(work, `out-${n++}`);
    expect(runCli(['--input', input, '--output', output], work).status).toBe(0);
    const before = snapshot(output);
    expect(before['documents.csv']).toContain('Velder');
    rmSync(join(input, 'a.txt'));
    writeFileSync(join(input, 'b.jsonl'), '{"id": "b", "text": \n');
    const r = runCli(['--input', input, '--output', output], work);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('no document could be read: the tables already in');
    const after = snapshot(output);
    for (const name of Object.keys(before).filter((f) => f !== 'errors.jsonl' && f !== 'run-report.json')) expect(after[name], name).toBe(before[name]);
    expect(after['errors.jsonl']).toContain('INPUT_BAD_JSONL');
  });
});

describe('two runs into one folder', () => {
  it('the second stops (exit 2) naming the first while the first holds the folder', async () => {
    const input = folder({ 'a.txt': story('Velder') });
    const output = folder({});
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
    try {
      writeFileSync(join(output, lockName), `${JSON.stringify({ pid: holder.pid, host: (await import('node:os')).hostname(), started: '2026-01-01T00:00:00.000Z' })}\n`);
      // The first run's file being staged: the second must not clean it up from under it.
      writeFileSync(join(output, '.tmp-aaaaaaaa-events.csv'), 'being written');
      writeFileSync(join(output, '.dateline-output.json'), JSON.stringify({ files: [], staging: ['.tmp-aaaaaaaa-events.csv'] }));
      const r = runCli(['--input', input, '--output', output], work);
      expect(r.status).toBe(2);
      expect(r.stderr).toContain(`process ${holder.pid}`);
      expect(existsSync(join(output, 'events.csv'))).toBe(false);
      expect(readFileSync(join(output, '.tmp-aaaaaaaa-events.csv'), 'utf8')).toBe('being written');
    } finally {
      holder.kill();
    }
  });

  it('a lock left by a run that is gone is taken over, and released at the end', async () => {
    const input = folder({ 'a.txt': story('Velder') });
    const output = folder({});
    const gone = spawn(process.execPath, ['-e', '']);
    await new Promise((resolve) => gone.on('exit', resolve));
    writeFileSync(join(output, lockName), `${JSON.stringify({ pid: gone.pid, host: (await import('node:os')).hostname(), started: '2026-01-01T00:00:00.000Z' })}\n`);
    const summary = await run(input, output);
    expect(summary.documentsRead).toBe(1);
    expect(existsSync(join(output, lockName))).toBe(false);
  });
});
