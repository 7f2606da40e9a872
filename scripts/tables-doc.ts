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
import { triggerRules, typeDefinitions } from '../src/events/taxonomy.js';
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
    'precise than a day, so they are text; `documents.published`, `events.first_reported` and the first and last day an',
    "event's date covers (`events.date_start`, `events.date_end`) are whole days and typed as dates.",
    'Offsets (`start`, `end`) are UTF-16 code units into the document text, end exclusive, as JavaScript `slice` counts them.',
    '',
    `Tables: ${tableNames.map((t) => `[${t}](#${t})`).join(', ')}.`,
  ];
  for (const name of tableNames) {
    const spec = tables[name];
    out.push('', `## ${name}`, '', spec.description, '', '| column | type | empty allowed | meaning |', '| --- | --- | --- | --- |');
    for (const c of spec.columns) out.push(`| \`${c.name}\` | ${typeNames[c.type]} | ${c.nullable ? 'yes' : 'no'} | ${cell(c.description)} |`);
    if (name === 'events') out.push(...eventTypesSection(), ...comparisonSection(), ...eventFiguresSection());
  }
  return `${out.join('\n')}\n`;
}

/** The event types with their trigger words (from src/events/taxonomy.ts) and counterparts. */
function eventTypesSection(): string[] {
  const out = [
    '',
    '### Event types',
    '',
    'Each event row has one `type`. A trigger word marked * fires only with a condition (an envoy in the sentence for',
    '"recalled", "ties" after "restore", "on" or "general" before a labour "strike", money words for market verbs, a',
    'court for "rejected" ...; src/events/taxonomy.ts has every rule). Reporting verbs ("said", "told", "reported")',
    'make a `statement` only when the sentence reports nothing else.',
    '',
    '| type | what it covers | ACLED / CAMEO counterpart | trigger words |',
    '| --- | --- | --- | --- |',
  ];
  for (const d of typeDefinitions) {
    const words = new Map<string, boolean>();
    for (const r of triggerRules) {
      if (r.type !== d.type) continue;
      const conditional = r.sentenceHas !== undefined || r.followedBy !== undefined || r.precededBy !== undefined || r.pos !== undefined || r.weak === true;
      for (const w of r.words) if (!words.has(w) || !conditional) words.set(w, conditional && (words.get(w) ?? true));
    }
    const list = [...words].map(([w, c]) => `${w}${c ? '*' : ''}`).join(', ');
    out.push(`| \`${d.type}\` | ${cell(d.definition)} | ${cell(d.counterpart)} | ${cell(list)} |`);
  }
  return out;
}

/** Our event columns beside ACLED's and GDELT 2.0's. */
function comparisonSection(): string[] {
  const rows: Array<[string, string, string]> = [
    ['`event_id`', '`event_id_cnty`', '`GlobalEventID`'],
    ['`date_start`, `date_end` (DATE)', '`event_date`', '`SQLDATE` (`Day`)'],
    ['`time_precision` (1 day, 2 week, 3 month, 4 quarter/season, 5 year)', '`time_precision` (1 day, 2 week, 3 month)', 'none (every event is dated to a day)'],
    ['`date`, `precision`, `date_text` (TIMEX3 value as written)', 'none', 'none'],
    ['`type` (17 types, see above)', '`event_type`, `sub_event_type`, `disorder_type`', '`EventRootCode`, `EventBaseCode`, `EventCode` (CAMEO), `QuadClass`'],
    ['`actor1`, `actor1_id`', '`actor1`, `inter1`', '`Actor1Name`, `Actor1Code`'],
    ['`actor2`, `actor2_id`', '`actor2`, `inter2`', '`Actor2Name`, `Actor2Code`'],
    ['`assoc_actors`, `assoc_actor_ids`', '`assoc_actor_1`, `assoc_actor_2`', 'none'],
    ['`location`, `location_id`', '`location`', '`ActionGeo_FullName`, `ActionGeo_FeatureID`'],
    ['`country_code` (ISO 3166-1 alpha-2)', '`iso` (numeric), `country`', '`ActionGeo_CountryCode` (FIPS 10-4)'],
    ['`admin1`', '`admin1` (also `admin2`, `admin3`)', '`ActionGeo_ADM1Code`'],
    ['`latitude`, `longitude`', '`latitude`, `longitude`', '`ActionGeo_Lat`, `ActionGeo_Long`'],
    ['`geo_precision` (1 town, 2 region, 3 country)', '`geo_precision` (1 town, 2 nearby or part of a region, 3 larger region)', '`ActionGeo_Type` (1 country, 2 US state, 3 US city, 4 world city, 5 world state)'],
    ['`places` (every other place)', 'none', '`Actor1Geo_*`, `Actor2Geo_*`'],
    ['`fatalities`', '`fatalities`', 'none'],
    ['`source_urls`', '`source` (outlet names)', '`SOURCEURL` (one URL)'],
    ['`source_count`, `doc_ids`', '`source_scale`', '`NumSources`, `NumArticles`, `NumMentions`'],
    ['`first_reported`', '`timestamp` (when the row was uploaded)', '`DATEADDED`'],
    ['`sentence`, `trigger`, `event_mentions` table', '`notes`', 'Mentions table (`MentionIdentifier`, `SentenceID`)'],
    ['`planned`, `conflicting_dates`', 'none', 'none'],
    ['none', 'none', '`GoldsteinScale`, `AvgTone`, `IsRootEvent`'],
  ];
  return [
    '',
    '### Compared with ACLED and GDELT',
    '',
    'Column by column, the events table beside ACLED\'s export and GDELT 2.0\'s event table. An ACLED or GDELT row',
    'is one event on one day at one place; ours is one happening merged across sources, dated as precisely as the',
    'text allows (`time_precision`), with `date_start` and `date_end` for filtering and sorting as dates.',
    '',
    '| dateline | ACLED | GDELT 2.0 |',
    '| --- | --- | --- |',
    ...rows.map(([a, b, c]) => `| ${a} | ${b} | ${c} |`),
  ];
}

/** The latest measured quality of the events table, with the command that printed it. */
function eventFiguresSection(): string[] {
  return ['', '### Measured', '', ...eventFigures];
}

/** Kept by hand from the output of `npm run eval -- events` (README.md shows the same). */
const eventFigures: string[] = [
  'On the gold files of `npm run eval -- events`: the sample articles (tests/fixtures/events-gold/events.json) and',
  'twenty TempEval-3 training articles (eval/gold/te3-events.json; eight used while writing rules, twelve held out):',
  '',
  '```',
  "$ npm run -s eval -- events",
  "events: 21 rows, gold 18 required + 6 optional (tests/fixtures/events-gold/events.json)",
  "recall    1.000  (18/18; target 0.90)",
  "precision 1.000  (21/21; target 0.80)",
  "multi-source events as one row: 5/5",
  "...",
  "events on eval/gold/te3-events.json (texts read from ../shared/eval/te3-train.jsonl): 20 docs",
  "split      docs  recall             precision          type               location           actors",
  "tune          8  0.944 (17/18)      1.000 (21/21)      0.941 (16/17)      0.824 (14/17)      0.294 (5/17)",
  "heldout      12  0.950 (19/20)      0.897 (26/29)      0.895 (17/19)      0.833 (15/18)      0.067 (1/15)",
  "all          20  0.947 (36/38)      0.940 (47/50)      0.917 (33/36)      0.829 (29/35)      0.188 (6/32)",
  "targets: recall >= 0.85, precision >= 0.80, location right for >= 0.80 of the events found",
  '```',
];

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
