/**
 * Dirty-input scenarios, one folder each under tests/fixtures/<scenario>/input, read the way a
 * run reads them (list, read, ingest) and compared with expected/ingest.json: which documents
 * came out (id, file, line, title, text length) and which failures (file, line, code, message).
 * Set UPDATE_GOLDEN=1 to rewrite the expected files after a deliberate change, then review them.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../src/config.js';
import { listInputs, readInput } from '../src/io/read-inputs.js';
import type { Failure } from '../src/ingest/types.js';
import { ingest } from '../src/stages/ingest.js';
import type { SourceDoc } from '../src/types.js';

const fixtures = join(import.meta.dirname, 'fixtures');
const scenarios = ['invalid-utf8-input', 'utf16-with-bom', 'pdf-renamed-txt', 'empty-file', 'truncated-jsonl-line', 'jsonl-missing-text', 'duplicate-ids', 'bad-csv-row', 'crlf-and-nbsp', 'csv-injection'];
const config = parseConfig({});

async function readScenario(dir: string): Promise<{ docs: SourceDoc[]; failures: Failure[] }> {
  const { files, failures } = await listInputs(dir, config);
  const parse = ingest(config);
  const docs: SourceDoc[] = [];
  for (const f of files) {
    const read = await readInput(f, config.maxFileBytes);
    if (read.kind === 'failure') {
      failures.push(read.failure);
      continue;
    }
    const result = parse(read.file);
    docs.push(...result.docs);
    failures.push(...result.failures);
  }
  return { docs, failures };
}

describe.each(scenarios)('ingest of %s', (scenario) => {
  it('gives the expected documents and failures, and every document keeps its text exactly', async () => {
    const { docs, failures } = await readScenario(join(fixtures, scenario, 'input'));
    const actual = {
      docs: docs.map((d) => ({ id: d.id, source: d.source, line: d.line ?? null, title: d.title, published: d.published, publishedSource: d.publishedSource, textLength: d.text.length })),
      failures: failures.map((f) => ({ file: f.file, line: f.line ?? null, code: f.code, message: f.message })),
    };
    const file = join(fixtures, scenario, 'expected', 'ingest.json');
    if (process.env['UPDATE_GOLDEN'] === '1' || !existsSync(file)) {
      mkdirSync(join(fixtures, scenario, 'expected'), { recursive: true });
      writeFileSync(file, `${JSON.stringify(actual, null, 2)}\n`);
      if (process.env['UPDATE_GOLDEN'] !== '1') throw new Error(`${file} was missing and has been written: review it and run again`);
    }
    expect(actual).toEqual(JSON.parse(readFileSync(file, 'utf8')));
    for (const f of failures) expect(f.message.startsWith(`${f.file}${f.line === undefined ? '' : `:${f.line}`}:`) || f.message.startsWith(`${f.file}:`)).toBe(true);
    for (const d of docs) expect(d.text).not.toMatch(/\uFFFD|\p{Cs}/u);
  });
});

describe('text kept exactly', () => {
  it('keeps CRLF, tabs, NBSP, other scripts and astral characters as written (only a BOM is dropped)', async () => {
    const dir = join(fixtures, 'crlf-and-nbsp', 'input');
    const { docs, failures } = await readScenario(dir);
    expect(failures).toEqual([]);
    const txt = docs.find((d) => d.source.endsWith('.txt'))!;
    expect(txt.text).toBe(readFileSync(join(dir, txt.source), 'utf8'));
    expect(txt.text).toContain('\r\n\t');
    expect(txt.text).toContain('\u00a0');
    expect(txt.text).toContain('\u{1F6A2}');
    const jsonl = docs.find((d) => d.source.endsWith('.jsonl'))!;
    expect(jsonl.text).toBe((JSON.parse(readFileSync(join(dir, 'feed.jsonl'), 'utf8')) as { text: string }).text);
  });

  it('decodes UTF-16 with a byte-order mark to the same text as its UTF-8 form', async () => {
    const { docs } = await readScenario(join(fixtures, 'utf16-with-bom', 'input'));
    const le = docs.find((d) => d.source === 'le.txt')!;
    expect(le.text.startsWith('Pier inspection\n')).toBe(true);
    expect(le.text).not.toContain('\uFEFF');
    const be = docs.find((d) => d.source === 'be.txt')!;
    expect(be.text.startsWith('Timetable\n')).toBe(true);
  });
});
