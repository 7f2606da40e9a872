/**
 * A document's published day is the one its metadata writes: never rolled over from a day that
 * does not exist (an `INPUT_BAD_DATE` naming file and line), never moved by the machine's time zone.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { parseConfig } from '../src/config.js';
import { normalizePublished } from '../src/ingest/fields.js';
import { ingest } from '../src/stages/ingest.js';
import { cli, readOutput, runCli, tempDir } from './cli-helpers.js';

vi.setConfig({ testTimeout: 120_000 });

const parse = ingest(parseConfig({}));
const file = (path: string, text: string) => parse({ path, bytes: new TextEncoder().encode(text) });
const body = 'The harbor board of Velder met on Tuesday and approved the new pier.';

describe('a published day that does not exist', () => {
  it('is INPUT_BAD_DATE with its line in JSONL, and the other lines are kept', () => {
    const r = file('a.jsonl', [{ id: 'a', text: body, published: '2024-02-30' }, { id: 'b', text: body, published: '2024-02-29' }, { id: 'c', text: body, published: 'February 30, 2024 10:00 AM' }].map((o) => JSON.stringify(o)).join('\n'));
    expect(r.docs.map((d) => [d.id, d.published])).toEqual([['b', '2024-02-29']]);
    expect(r.failures.map((f) => [f.code, f.line])).toEqual([['INPUT_BAD_DATE', 1], ['INPUT_BAD_DATE', 3]]);
    expect(r.failures[0]!.message).toBe('a.jsonl:1: `published` names a day that does not exist, got "2024-02-30" (string)');
  });

  it('is INPUT_BAD_DATE with its line in CSV', () => {
    const r = file('a.csv', `id,published,text\na,2024-04-31,"${body}"\nb,2024-04-30,"${body}"\n`);
    expect(r.docs.map((d) => d.id)).toEqual(['b']);
    expect(r.failures.map((f) => [f.file, f.line, f.code])).toEqual([['a.csv', 2, 'INPUT_BAD_DATE']]);
  });

  it('is INPUT_BAD_DATE at the line of the front matter key in Markdown', () => {
    const r = file('note.md', `---\ntitle: Pier\ndate: 2023-02-29\n---\n\n${body}\n`);
    expect(r.docs).toEqual([]);
    expect(r.failures.map((f) => [f.line, f.code])).toEqual([[3, 'INPUT_BAD_DATE']]);
  });

  it('in `dates.defaultPublished` fails validation, and the CLI exits 2 before any work', () => {
    expect(() => parseConfig({ dates: { defaultPublished: '2024-02-30' } })).toThrow(/`dates.defaultPublished` must be a day that exists/);
    expect(parseConfig({ dates: { defaultPublished: '2024-02-29' } }).dates.defaultPublished).toBe('2024-02-29');
    const work = tempDir('bad-default-day');
    mkdirSync(join(work, 'in'));
    writeFileSync(join(work, 'in', 'a.txt'), `Pier\n${body}\n`);
    writeFileSync(join(work, 'pipeline.config.json'), JSON.stringify({ input: 'in', output: 'out', dates: { defaultPublished: '2024-02-30' } }));
    const r = runCli([], work);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('dates.defaultPublished');
  });
});

describe('a published time', () => {
  it('without a zone keeps its written day; with one, it is the UTC day of that instant', () => {
    const where = { file: 'a.jsonl', line: 1 };
    expect(normalizePublished('March 5, 2024 11:30 PM', where)).toBe('2024-03-05');
    expect(normalizePublished('5 March 2024 00:15', where)).toBe('2024-03-05');
    expect(normalizePublished('Tue, 05 Mar 2024 23:30:00 -0800', where)).toBe('2024-03-06');
    expect(normalizePublished('Tue, 05 Mar 2024 23:30:00 GMT', where)).toBe('2024-03-05');
  });

  it('gives the same tables under any machine time zone', () => {
    const work = tempDir('time-zone');
    const input = join(work, 'in');
    mkdirSync(input);
    const lines = [
      { id: 'late', title: 'Late sitting', published: 'March 5, 2024 11:30 PM', text: 'The harbor board of Velder met yesterday and approved the pier. It will vote again on Friday.' },
      { id: 'early', title: 'Early sitting', published: 'Mar 1, 2024 12:10 AM', text: 'Mira Tollen said on Monday that the ferry to Orsk would run again next week.' },
    ];
    writeFileSync(join(input, 'a.jsonl'), `${lines.map((l) => JSON.stringify(l)).join('\n')}\n`);
    const outputs = ['UTC', 'America/Los_Angeles', 'Pacific/Kiritimati'].map((tz) => {
      const out = join(work, `out-${tz.replace('/', '-')}`);
      const r = spawnSync(process.execPath, [cli, '--no-cache', '--workers', '1', '--input', input, '--output', out], { cwd: work, encoding: 'utf8', env: { ...process.env, TZ: tz } });
      expect(r.status, r.stderr).toBe(0);
      return readOutput(out);
    });
    expect(outputs[0]!['documents.csv']).toContain('2024-03-05');
    expect(outputs[1]).toEqual(outputs[0]);
    expect(outputs[2]).toEqual(outputs[0]);
  });
});
