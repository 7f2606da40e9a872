/**
 * Generates docs/tables.md, the data dictionary, from src/tables.ts (the output contract the
 * exporter follows). tests/docs-tables.test.ts fails when the committed file differs from what this
 * generates, and checks the file against the columns the CSV, JSONL and Parquet writers produce.
 *
 *   npx tsx scripts/tables-doc.ts          # rewrite docs/tables.md
 *   npx tsx scripts/tables-doc.ts --check  # exit 1 if it is out of date
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parquetTypes } from '../src/io/parquet.js';
import { tableNames, tables, type ColumnType } from '../src/tables.js';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, basename(dirname(here)) === 'dist' ? '../..' : '..');
export const tablesDocPath = resolve(root, 'docs/tables.md');

const typeNames: Record<ColumnType, string> = {
  string: 'text',
  integer: 'integer',
  number: 'decimal',
  boolean: 'boolean',
  date: 'date',
  list: 'list of text',
};

/** A Parquet type in code style (`LIST<STRING>` must not read as an HTML tag). */
const pq = (t: ColumnType): string => `\`${parquetTypes[t]}\``;

/** A Markdown table cell: pipes escaped, no line breaks. */
const cell = (s: string): string => s.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');

/** The data dictionary as docs/tables.md holds it. */
export function tablesDoc(): string {
  const out: string[] = [
    '# Output tables',
    '',
    '<!-- Generated from src/tables.ts by scripts/tables-doc.ts; do not edit by hand. -->',
    '',
    'Every run writes these tables to the output folder, each as `<table>.csv`, `<table>.jsonl` and `<table>.parquet`',
    '(the formats listed in `export.formats`, all three by default). Columns come in the order shown, rows in a fixed',
    'order, so the same input gives identical files.',
    '',
    '| type | CSV | JSONL | Parquet |',
    '| --- | --- | --- | --- |',
    `| text | as written; text a spreadsheet would take for a formula (starting with \`=\`, \`+\`, \`-\`, \`@\`, ...) gets a leading \`'\` (OWASP) | string | ${pq('string')} |`,
    `| integer | digits | number | ${pq('integer')} |`,
    `| decimal | digits with a \`.\` | number | ${pq('number')} |`,
    `| boolean | \`true\` / \`false\` | \`true\` / \`false\` | ${pq('boolean')} |`,
    `| date | \`YYYY-MM-DD\` | \`"YYYY-MM-DD"\` | ${pq('date')} |`,
    `| list of text | items joined with \`; \` | array of strings | ${pq('list')} |`,
    '| empty (nullable columns) | empty cell | `null` | null (OPTIONAL column) |',
    '',
    'Dates of events and mentions are TIMEX3 values (`2024-01-16`, `2024-01`, `2024-W03`, `2024`), which may be less',
    'precise than a day, so they are text; only `documents.published` is always a whole day and typed as a date.',
    'Offsets (`start`, `end`) are UTF-16 code units into the document text, end exclusive, as JavaScript `slice` counts them.',
    '',
    `Tables: ${tableNames.map((t) => `[${t}](#${t})`).join(', ')}.`,
  ];
  for (const name of tableNames) {
    const spec = tables[name];
    out.push('', `## ${name}`, '', spec.description, '', '| column | type | empty allowed | meaning |', '| --- | --- | --- | --- |');
    for (const c of spec.columns) out.push(`| \`${c.name}\` | ${typeNames[c.type]} | ${c.nullable ? 'yes' : 'no'} | ${cell(c.description)} |`);
  }
  return `${out.join('\n')}\n`;
}

/** The columns docs/tables.md lists, by table (read back from the Markdown, for the drift test). */
export function documentedColumns(markdown: string): Map<string, Array<{ name: string; type: string; nullable: boolean }>> {
  const result = new Map<string, Array<{ name: string; type: string; nullable: boolean }>>();
  let current: Array<{ name: string; type: string; nullable: boolean }> | null = null;
  for (const line of markdown.split('\n')) {
    const heading = /^## (\S+)$/.exec(line);
    if (heading) result.set(heading[1]!, (current = []));
    const row = /^\| `([^`]+)` \| ([^|]+) \| (yes|no) \|/.exec(line);
    if (row && current) current.push({ name: row[1]!, type: row[2]!.trim(), nullable: row[3] === 'yes' });
  }
  return result;
}

export { typeNames };

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const generated = tablesDoc();
  if (process.argv.includes('--check')) {
    let current = '';
    try {
      current = readFileSync(tablesDocPath, 'utf8');
    } catch {
      // missing: out of date
    }
    if (current !== generated) {
      process.stderr.write('docs/tables.md is out of date: run `npx tsx scripts/tables-doc.ts`\n');
      process.exitCode = 1;
    }
  } else {
    writeFileSync(tablesDocPath, generated);
    process.stdout.write(`wrote ${tablesDocPath}\n`);
  }
}
