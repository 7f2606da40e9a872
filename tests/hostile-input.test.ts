/**
 * Input and options made to break the run are reported, not obeyed: a CSV quote that runs on into
 * later rows, a NUL in JSONL, a file name that is not UTF-8 or holds terminal escapes, a huge glob,
 * a thousand workers.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { printable } from '../src/cli.js';
import { parseConfig } from '../src/config.js';
import { listInputs, readInput } from '../src/io/read-inputs.js';
import { ingest } from '../src/stages/ingest.js';
import { workerCount, workerRequestCapped } from '../src/workers/pool.js';
import { runCli, tempDir } from './cli-helpers.js';

vi.setConfig({ testTimeout: 120_000 });

const parse = ingest(parseConfig({}));
const file = (path: string, text: string) => parse({ path, bytes: new TextEncoder().encode(text) });

describe('a CSV row whose quote is not closed on its line', () => {
  it('is reported at its line and does not take the next rows with it', () => {
    const r = file('x.csv', 'id,text\na,"The board met.\nb,The council met on Monday.\nc,"The mayor spoke."\n');
    expect(r.docs.map((d) => [d.id, d.line])).toEqual([['b', 3], ['c', 4]]);
    expect(r.failures.map((f) => [f.line, f.code])).toEqual([[2, 'INPUT_BAD_CSV']]);
  });

  it('a stray quote inside an unquoted field is a bad row at its line, not a failed file', () => {
    const r = file('x.csv', 'id,text\na,The "board" met.\nb,The council met on Monday.\n');
    expect(r.docs.map((d) => d.id)).toEqual(['b']);
    expect(r.failures).toMatchObject([{ line: 2, code: 'INPUT_BAD_CSV', message: expect.stringContaining('x.csv:2: not a valid CSV row (a quote inside a field') }]);
  });
});

describe('a NUL character in a JSONL record', () => {
  it('is reported with its line, so it never reaches a table', () => {
    const r = file('a.jsonl', `${JSON.stringify({ id: 'a', text: 'The board\u0000 met on Monday.' })}\n${JSON.stringify({ id: 'b', text: 'The council met.' })}\n`);
    expect(r.docs.map((d) => d.id)).toEqual(['b']);
    expect(r.failures).toMatchObject([{ line: 1, code: 'INPUT_BAD_JSONL', message: expect.stringContaining('NUL character') }]);
  });
});

describe('file names', () => {
  it('that are not UTF-8 (Latin-1) are read, and shown as Latin-1', async () => {
    const dir = tempDir('latin1');
    writeFileSync(Buffer.concat([Buffer.from(`${dir}/caf`), Buffer.from([0xe9]), Buffer.from('.txt')]), 'Harbor news\nThe harbor board of Velder met on Monday.\n');
    const { files, failures } = await listInputs(dir, parseConfig({}));
    expect(failures).toEqual([]);
    expect(files.map((f) => f.rel)).toEqual(['caf\u00e9.txt']);
    const read = await readInput(files[0]!, 1000);
    expect(read).toMatchObject({ kind: 'file', file: { path: 'caf\u00e9.txt' } });
  });

  it('holding terminal escapes are printed escaped', () => {
    expect(printable('a\u001b[31mred\u001b]0;title\u0007.jsonl:1: bad')).toBe('a\\u001b[31mred\\u001b]0;title\\u0007.jsonl:1: bad');
    const work = tempDir('ansi');
    mkdirSync(join(work, 'in'));
    writeFileSync(join(work, 'in', 'x\u001b[2J.jsonl'), '{"id": "a", "text": \n');
    writeFileSync(join(work, 'in', 'ok.txt'), 'Harbor news\nThe harbor board of Velder met on Monday.\n');
    const r = runCli(['--input', 'in', '--output', 'out'], work);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('x\\u001b[2J.jsonl:1');
    expect(r.stderr).not.toContain('\u001b');
  });
});

describe('options', () => {
  it('a 100,000-character glob is a configuration error (exit 2)', () => {
    const work = tempDir('glob');
    mkdirSync(join(work, 'in'));
    writeFileSync(join(work, 'in', 'a.txt'), 'Harbor news\nThe board met.\n');
    writeFileSync(join(work, 'pipeline.config.json'), JSON.stringify({ input: 'in', output: 'out', include: [`${'a'.repeat(100_000)}*.txt`] }));
    const r = runCli([], work);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('`include.0` must be a glob pattern of at most 4096 characters');
  });

  it('more workers than cores are capped at the cores, with a warning (exit 0)', () => {
    expect(workerCount({ workers: 1000 }, 2)).toBe(2);
    expect(workerCount({ workers: 0 }, 2)).toBe(2);
    expect(workerRequestCapped({ workers: 2 }, 2)).toBeNull();
    expect(workerRequestCapped({ workers: 1000 }, 2)).toContain('1000 workers');
    const work = tempDir('workers');
    mkdirSync(join(work, 'in'));
    writeFileSync(join(work, 'in', 'a.txt'), 'Harbor news\nThe harbor board of Velder met on Monday.\n');
    const r = runCli(['--input', 'in', '--output', 'out', '--workers', '1000'], work);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/warning: 1000 workers asked for/);
    const report = JSON.parse(readFileSync(join(work, 'out', 'run-report.json'), 'utf8')) as { workers: number };
    expect(report.workers).toBeLessThanOrEqual(2);
    expect(parseConfig({ workers: 1000 }).workers).toBe(1000);
  });
});
