/**
 * The output contract: every table, its columns in order, their types and meaning. The exporter
 * writes exactly these columns in this order, the data dictionary (docs/tables.md) is checked
 * against this list, and typed formats take their types from here.
 */
import { mergeRules } from './merge-rules.js';

export type ColumnType = 'string' | 'integer' | 'number' | 'boolean' | 'date' | 'list';

export interface Column {
  name: string;
  type: ColumnType;
  /** Empty cells allowed (JSON null). */
  nullable: boolean;
  description: string;
}

export interface TableSpec {
  name: TableName;
  description: string;
  columns: readonly Column[];
}

const col = (name: string, type: ColumnType, description: string, nullable = false): Column => ({ name, type, nullable, description });

export const tableNames = ['documents', 'mentions', 'people', 'organizations', 'places', 'events', 'event_mentions', 'merges', 'duplicates'] as const;
export type TableName = (typeof tableNames)[number];

const entityColumns = [
  col('entity_id', 'string', 'Stable id of the entity: the same input gives the same id whatever the run order.'),
  col('name', 'string', 'The most complete form of the name seen.'),
  col('aliases', 'list', 'Every distinct surface form seen, sorted.'),
  col('mention_count', 'integer', 'Mentions counted (repeated captions and duplicate documents excluded).'),
  col('document_count', 'integer', 'Documents that mention the entity.'),
  col('doc_ids', 'list', 'Ids of those documents, sorted.'),
] as const;

export const tables: Readonly<Record<TableName, TableSpec>> = {
  documents: {
    name: 'documents',
    description: 'One row per input document that was read, including duplicates (see `duplicate_of`).',
    columns: [
      col('doc_id', 'string', 'Stable id: the JSONL/CSV `id`, or the file path relative to the input without extension.'),
      col('source', 'string', 'Input file, relative to the input folder.'),
      col('line', 'integer', 'Line of the record in a JSONL or CSV file; empty for one-document files.', true),
      col('title', 'string', 'Title: metadata title, or the first line of a plain-text file.'),
      col('url', 'string', 'URL from metadata, if any.', true),
      col('published', 'date', 'Published date (YYYY-MM-DD), or empty when unknown.', true),
      col('published_source', 'string', 'Where the published date came from: metadata (a JSONL/CSV field or front matter); for HTML pages html-json-ld, html-article-meta, html-og-meta, html-itemprop, html-meta, html-time, url-path or html-modified (in that precedence); else filename, text, config or none.'),
      col('sentence_count', 'integer', 'Sentences found.'),
      col('token_count', 'integer', 'Tokens found.'),
      col('dropped_paragraphs', 'integer', 'Paragraphs dropped as repeats inside the document (repeated captions, headlines).'),
      col('duplicate_of', 'string', 'For an exact or near-duplicate document: the doc_id kept in its place; its mentions are not counted.', true),
    ],
  },
  mentions: {
    name: 'mentions',
    description: 'Every PERSON, ORGANIZATION, PLACE and DATE mention, traceable to its sentence.',
    columns: [
      col('mention_id', 'string', 'Stable id: `<doc_id>:<start>-<end>`.'),
      col('doc_id', 'string', 'Document of the mention.'),
      col('sentence_index', 'integer', 'Zero-based sentence index in the document.'),
      col('start', 'integer', 'UTF-16 offset of the first character in the document text.'),
      col('end', 'integer', 'UTF-16 offset one past the last character (text.slice(start, end) is the mention).'),
      col('text', 'string', 'The mention as written.'),
      col('type', 'string', 'PERSON, ORGANIZATION, PLACE or DATE.'),
      col('entity_id', 'string', 'Entity the mention resolves to; empty for DATE.', true),
      col('value', 'string', 'For DATE: the TIMEX3 value (2024-01-16, 2024-01, 2024, 2024-W03, P2W, PRESENT_REF); empty otherwise or when unresolved.', true),
      col('timex_type', 'string', 'For DATE: DATE, TIME, DURATION or SET.', true),
      col('precision', 'string', 'For DATE: day, week, month, quarter, year, decade, century or ref.', true),
      col('role', 'string', 'For PERSON: the title or role written with the name.', true),
    ],
  },
  people: {
    name: 'people',
    description: 'One row per person across all documents.',
    columns: [...entityColumns, col('roles', 'list', 'Titles or roles seen with the person, sorted.')],
  },
  organizations: { name: 'organizations', description: 'One row per organization across all documents.', columns: [...entityColumns] },
  places: {
    name: 'places',
    description: 'One row per place across all documents, linked to the gazetteer where known.',
    columns: [
      ...entityColumns,
      col('kind', 'string', 'country, region, city or other.'),
      col('country_code', 'string', 'ISO 3166-1 alpha-2 code.', true),
      col('admin1', 'string', 'First-level administrative division.', true),
      col('latitude', 'number', 'Latitude in degrees (WGS84).', true),
      col('longitude', 'number', 'Longitude in degrees (WGS84).', true),
      col('gazetteer_id', 'string', 'Gazetteer id, e.g. geonames:1168579.', true),
    ],
  },
  events: {
    name: 'events',
    description: 'One row per dated event, merged across the documents that report it.',
    columns: [
      col('event_id', 'string', 'Stable id of the merged event.'),
      col('date', 'string', 'The date most sources give (TIMEX3 value: 2024-01-16, 2024-W03, 2024-01, 2024).'),
      col('date_start', 'date', 'First day `date` covers: the day itself, the Monday of an ISO week (the Saturday of its weekend), the first day of a month, quarter, season (meteorological, northern hemisphere), year or decade.', true),
      col('date_end', 'date', 'Last day `date` covers (equal to `date_start` for a day).', true),
      col('time_precision', 'integer', 'How precise `date` is: 1 day, 2 week, 3 month, 4 quarter or season, 5 year (6 decade).', true),
      col('precision', 'string', 'day, week, month, quarter or year.'),
      col('date_text', 'string', 'The date as written in the representative sentence.'),
      col('planned', 'boolean', 'Announced for later rather than reported as done.'),
      col('type', 'string', 'attack, explosion, violence_against_civilians, death, protest, riot, disaster, arrest, court, election, legislation, agreement, meeting, diplomatic, statement, business or other (defined under "Event types" below).'),
      col('trigger', 'string', 'The trigger word found.'),
      col('actor_ids', 'list', 'Entity ids of the actors.'),
      col('actors', 'list', 'Names of the actors.'),
      col('target_ids', 'list', 'Entity ids of the targets.'),
      col('targets', 'list', 'Names of the targets.'),
      col('actor1_id', 'string', 'Entity id of the initiator: the subject side of the trigger\'s clause (the agent after a passive "by"), as most reports give it.', true),
      col('actor1', 'string', 'Name of actor1.', true),
      col('actor2_id', 'string', 'Entity id of the one acted on: the object side of the trigger\'s clause (the subject of a passive); for meetings, agreements and diplomatic moves, the other party.', true),
      col('actor2', 'string', 'Name of actor2.', true),
      col('assoc_actor_ids', 'list', 'Entity ids of the other people, organizations and acting places of the event.'),
      col('assoc_actors', 'list', 'Names of the associated actors.'),
      col('place_ids', 'list', 'Entity ids of the places.'),
      col('places', 'list', 'Names of the places.'),
      col('location_id', 'string', 'Entity id of where it happened: a place after "in", "at", "near" ... in the trigger\'s clause (the finest one), else the nearest place of the sentence, else the dateline, else the place the document mentions most. Statements take the dateline before other places of the sentence.', true),
      col('location', 'string', 'Name of the location.', true),
      col('country_code', 'string', 'ISO 3166-1 alpha-2 code of the location.', true),
      col('admin1', 'string', 'First-level administrative division of the location.', true),
      col('latitude', 'number', 'Latitude of the location in degrees (WGS84).', true),
      col('longitude', 'number', 'Longitude of the location in degrees (WGS84).', true),
      col('geo_precision', 'integer', 'How precise the location is: 1 town or finer, 2 region, 3 country; empty when the place is not in the gazetteer.', true),
      col('entity_ids', 'list', 'Every entity id linked to the event.'),
      col('fatalities', 'integer', 'Number of dead when a report states one; empty when none does.', true),
      col('sentence', 'string', 'Representative reporting sentence.'),
      col('doc_ids', 'list', 'Documents that report the event.'),
      col('source_count', 'integer', 'Number of documents that report the event.'),
      col('source_urls', 'list', 'URLs of the reporting documents that have one, sorted.'),
      col('first_reported', 'date', 'Earliest published date among the reporting documents.', true),
      col('conflicting_dates', 'list', 'Other dates given by some sources.'),
    ],
  },
  event_mentions: {
    name: 'event_mentions',
    description: 'One row per reporting sentence of an event.',
    columns: [
      col('event_id', 'string', 'The merged event.'),
      col('doc_id', 'string', 'Reporting document.'),
      col('sentence_index', 'integer', 'Zero-based sentence index in the document.'),
      col('date', 'string', 'The date this report gives.'),
      col('date_text', 'string', 'The date as written in this report.'),
      col('trigger', 'string', 'The trigger word in this report.'),
      col('sentence', 'string', 'The reporting sentence.'),
    ],
  },
  merges: {
    name: 'merges',
    description: 'Every merge of two surface forms into one entity, with the rule or score that made it.',
    columns: [
      col('entity_id', 'string', 'The entity formed.'),
      col('from', 'string', 'Surface form merged.'),
      col('into', 'string', 'Surface form it was merged into.'),
      col('rule', 'string', `The rule, one of ${mergeRules.join(', ')} (each explained in src/merge-rules.ts, made by the phase files it names); override is a forced merge, or score 0 for a forbidden one.`),
      col('score', 'number', 'Similarity or confidence of the rule (1 for exact rules).'),
      col('doc_id', 'string', 'Document where a within-document rule applied; empty for cross-document merges.', true),
    ],
  },
  duplicates: {
    name: 'duplicates',
    description: 'Documents dropped as exact or near duplicates of another.',
    columns: [
      col('doc_id', 'string', 'The document dropped.'),
      col('duplicate_of', 'string', 'The document kept.'),
      col('kind', 'string', 'exact or near.'),
      col('similarity', 'number', 'Estimated Jaccard similarity of word shingles.'),
    ],
  },
};

/** A row: column name to value. Lists are arrays; empty cells are null. */
export type Row = Record<string, string | number | boolean | null | readonly string[]>;

/**
 * The rows of a table as the writers and the report read them: their number, slices in order,
 * or one after another. An array is one; the mentions table of a run is another kind
 * (`MentionRows` in src/stages/build-tables.ts), made row by row as it is read rather than held.
 */
export interface RowList extends Iterable<Row> {
  readonly length: number;
  slice(start?: number, end?: number): Row[];
}

/** The rows `[from, to)` that `slice(start, end)` takes from a list of `length`, as `Array.prototype.slice` reads them. */
export function sliceRange(length: number, start: number, end: number): [number, number] {
  const from = Math.max(0, start < 0 ? length + start : Math.min(start, length));
  const to = Math.max(0, end < 0 ? length + end : Math.min(end, length));
  return [from, to];
}

/**
 * Where a corpus stage puts the rows it makes, to be read back in order once it is done: an array
 * for documents held in memory, a temporary file for a run on files (the documents' spill file,
 * src/io/doc-spill.ts), so that the tables are not all held while they are written.
 */
export interface RowBuffer {
  push(row: Row): void;
  /** The rows pushed, in order; nothing is pushed after. */
  done(): RowList;
}

/** A {@link RowBuffer} in memory: the rows are an array. */
export function arrayRows(): RowBuffer {
  const rows: Row[] = [];
  return { push: (row) => void rows.push(row), done: () => rows };
}

/**
 * The tables as the corpus stages build them: lists of rows (arrays in memory, or rows read back
 * from a run's temporary file; the mentions table's are made as they are read).
 */
export type BuiltTables = Record<TableName, RowList>;
