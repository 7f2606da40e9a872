import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parquetReadObjects } from 'hyparquet';
import { afterAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../src/config.js';
import { runOnFiles } from '../src/run.js';
import { tableNames } from '../src/tables.js';

const dir = mkdtempSync(join(tmpdir(), 'dateline-run-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a run with HTML, Markdown and CSV input and every export format', () => {
  it('writes Parquet beside CSV and JSONL for every table, and report.html, with typed columns', async () => {
    const input = join(dir, 'in');
    mkdirSync(join(input, 'web'), { recursive: true });
    writeFileSync(
      join(input, 'web', 'mill.html'),
      `<html><head><meta property="og:title" content="Mill fire in Dunmore"><meta property="article:published_time" content="2019-10-02T07:00:00Z"><script>var junk = 1;</script></head>
       <body><nav>Home | Sport</nav><article><h1>Mill fire in Dunmore</h1><p>A fire destroyed the old mill in Dunmore on Tuesday, the fire service said.</p><p>Nobody was hurt.</p></article><footer>Contact</footer></body></html>`,
    );
    writeFileSync(join(input, 'note.md'), '---\ntitle: Bridge vote\ndate: 2019-10-03\n---\nThe council of Dunmore voted **on Wednesday** to repair the bridge.\n');
    writeFileSync(join(input, 'sheet.csv'), 'key,head,day,story\nc1,Rain,2019-10-04,"Heavy rain fell on Dunmore on Thursday."\n');
    const config = parseConfig({
      input,
      output: join(dir, 'out'),
      workers: 1,
      cache: { enabled: false },
      fields: { id: 'key', title: 'head', published: 'day', text: 'story' },
      export: { formats: ['csv', 'jsonl', 'parquet'] },
    });
    const summary = await runOnFiles(config);
    expect(summary.failures).toEqual([]);
    const names = summary.written.map((f) => f.slice(f.lastIndexOf('/') + 1));
    for (const t of tableNames) expect(names).toEqual(expect.arrayContaining([`${t}.csv`, `${t}.jsonl`, `${t}.parquet`]));
    expect(names).toContain('report.html');

    const bytes = readFileSync(join(dir, 'out', 'documents.parquet'));
    const docs = await parquetReadObjects({ file: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer });
    expect(docs.map((d) => [d['doc_id'], d['published']])).toEqual([
      ['c1', new Date('2019-10-04T00:00:00Z')],
      ['note', new Date('2019-10-03T00:00:00Z')],
      ['web/mill', new Date('2019-10-02T00:00:00Z')],
    ]);
    expect(docs.find((d) => d['doc_id'] === 'web/mill')).toMatchObject({ title: 'Mill fire in Dunmore', sentence_count: expect.any(BigInt) });
    // JSONL and Parquet hold the same rows.
    const jsonl = readFileSync(join(dir, 'out', 'documents.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(jsonl.map((d) => d['doc_id'])).toEqual(docs.map((d) => d['doc_id']));
    expect(jsonl.map((d) => d['sentence_count'])).toEqual(docs.map((d) => Number(d['sentence_count'])));
    expect(readFileSync(join(dir, 'out', 'report.html'), 'utf8')).toContain('Mill fire in Dunmore');
  }, 60_000);
});
