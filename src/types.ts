/**
 * The document model shared by every stage.
 *
 * A document is its text plus offset spans into it. Every `start`/`end` is a UTF-16 offset into
 * `Doc.text`, end exclusive; text is always derived with `doc.text.slice(start, end)` and never
 * stored as the truth (wink-nlp's token/entity spans).
 */
import type { MergeRule } from './merge-rules.js';


/** A half-open `[start, end)` range of UTF-16 code units in `Doc.text`. */
export interface Span {
  start: number;
  end: number;
}

export const entityTypes = ['PERSON', 'ORGANIZATION', 'PLACE'] as const;
/** The entity types the recognizer emits. CoNLL's PER, ORG and LOC map to these. */
export type EntityType = (typeof entityTypes)[number];

/** Where a document's published date came from, best first. */
export const publishedSources = [
  'metadata',
  'html-json-ld',
  'html-article-meta',
  'html-og-meta',
  'html-itemprop',
  'html-meta',
  'html-time',
  'url-path',
  'html-modified',
  'filename',
  'text',
  'config',
  'none',
] as const;
export type PublishedSource = (typeof publishedSources)[number];

/** One wink-nlp token with its offsets and universal part-of-speech tag. */
export interface Token extends Span {
  /** Universal POS tag from wink-nlp (`PROPN`, `NOUN`, `PUNCT`, ...). */
  pos: string;
}

/** A sentence. Line breaks are hard boundaries, so a sentence never spans two lines. */
export interface Sentence extends Span {
  /** Index of its first token in `Doc.tokens`. */
  tokenStart: number;
  /** Index one past its last token in `Doc.tokens`. */
  tokenEnd: number;
  /** Zero-based index of the line (paragraph) the sentence is on. */
  paragraph: number;
}

/** A PERSON, ORGANIZATION or PLACE mention. */
export interface EntityMention extends Span {
  type: EntityType;
  /** Index into `Doc.sentences`. */
  sentence: number;
  /** A title or role written with a person ("Foreign Minister", "spokeswoman"), if any. */
  role?: string;
  /** For an acronym defined in the text ("Guard Corps (IRGC)"): the span of its long form. */
  longForm?: Span;
}

export const timexTypes = ['DATE', 'TIME', 'DURATION', 'SET'] as const;
/** TIMEX3 type of a temporal expression. Only DATE and TIME carry calendar values. */
export type TimexType = (typeof timexTypes)[number];

export const precisions = ['day', 'week', 'month', 'quarter', 'year', 'decade', 'century', 'ref'] as const;
export type Precision = (typeof precisions)[number];

/** A temporal expression with its normalized TIMEX3-style value. */
export interface DateMention extends Span {
  sentence: number;
  timexType: TimexType;
  /**
   * Normalized value: `2024-01-16`, `2024-01`, `2024`, `2024-W03`, `2024-Q1`, `199X`,
   * `PRESENT_REF`, `2024-01-16T14:00`, or for durations `P2W`. `null` when it cannot be
   * resolved without guessing (a relative date in a document with no published date).
   */
  value: string | null;
  /** Calendar precision of `value`; `null` for durations, sets and unresolved mentions. */
  precision: Precision | null;
  /** The sentence points forward: "will visit next week", "may return by Jan. 26". */
  planned: boolean;
  /** What the value was resolved against. */
  anchor: 'absolute' | 'published' | 'previous-date' | 'none';
}

/** A document as read by ingest, before any per-document stage. */
export interface SourceDoc {
  /** Stable id: from the input (JSONL `id`) or derived from the file path and line. */
  id: string;
  /** Path of the input file relative to the input root (or as given), `/`-separated. */
  source: string;
  /** 1-based line for JSONL/CSV input. */
  line?: number;
  title: string;
  /** The text exactly as decoded (BOM dropped). Every offset points into it. */
  text: string;
  /** Published date `YYYY-MM-DD`, or null. */
  published: string | null;
  publishedSource: PublishedSource;
  url?: string;
  /**
   * Set when `text` is still a page's markup, read by the per-document processing (on a worker)
   * rather than by the thread that reads the files (`ingest(config, { deferHtml: true })`); its
   * title, text, published date and URL are then filled in there.
   */
  markup?: 'html';
}

/** A document moving through the per-document stages. */
export interface Doc extends SourceDoc {
  sentences: Sentence[];
  tokens: Token[];
  entities: EntityMention[];
  dates: DateMention[];
  /** Event reports found in the document (set by the extract-events stage). */
  events: EventCandidate[];
}

/** A per-document stage: a pure function of one document (no I/O, no clock, no global state). */
export type DocStage = (doc: Doc) => Doc;

// ---------------------------------------------------------------------------------------------
// After the per-document stages. A processed document holds no full text: memory grows with the
// number of mentions and events, not with the size of the corpus (the barrier keeps these only).

/** An entity mention with its text, as kept after the per-document stages. */
export interface MentionRecord extends EntityMention {
  /** `doc.text.slice(start, end)` at the time the document was processed. */
  text: string;
  /** For an acronym defined in the text: the long form's text. */
  longFormText?: string;
  /**
   * Set by the document dedupe: the mention sits in a paragraph that an earlier document (in
   * doc-id order) already has verbatim (a shared caption). It still maps to its entity but is not
   * counted in `Entity.mentionCount`.
   */
  repeated?: boolean;
}

/** A date mention with its text, as kept after the per-document stages. */
export interface DateRecord extends DateMention {
  text: string;
}

export const eventTypes = [
  'attack', 'explosion', 'violence_against_civilians', 'death', 'protest', 'riot', 'disaster', 'arrest', 'court', 'election',
  'legislation', 'agreement', 'meeting', 'diplomatic', 'statement', 'business', 'other',
] as const;
/** Event taxonomy; trigger words per type live in src/events/. */
export type EventType = (typeof eventTypes)[number];

/** One sentence that reports something at a resolved date: one report of an event. */
export interface EventCandidate {
  sentence: number;
  /** The sentence's text (kept because the events table shows it). */
  sentenceText: string;
  /** Offset of the sentence in the document text. */
  sentenceStart: number;
  /** Index into `ProcessedDoc.dates` of the date the event is dated by. */
  date: number;
  type: EventType;
  /** The trigger word as written. */
  trigger: string;
  /** Indices into `ProcessedDoc.entities`. */
  actors: number[];
  targets: number[];
  places: number[];
  others: number[];
  /** Number of dead when the sentence states one; null otherwise (never 0 by default). */
  fatalities: number | null;
  /**
   * The initiator and the one acted on, from the trigger's clause (indices into
   * `ProcessedDoc.entities`, or null): the subject side (or the agent after a passive "by") and
   * the object side. The other actors and targets are associated actors.
   */
  actor1?: number | null;
  actor2?: number | null;
  /**
   * Places of the sentence that can say where it happened, best first: level 0 for a place after
   * "in", "at", "near" ... in the trigger's clause, level 1 for a place that is the target, level 2
   * for the others of the sentence.
   */
  locations?: Array<{ mention: number; level: 0 | 1 | 2 }>;
  /** Places of the document's dateline ("OSTRAVA, Freedonia (AP) -"), in text order. */
  dateline?: number[];
}

/** Fingerprints for exact and near-duplicate detection of documents and paragraphs. */
export interface Fingerprints {
  /** Hash of the normalized whole text. */
  exact: string;
  /** MinHash signature of word shingles (for near-duplicates), hex strings or numbers. */
  minhash: number[];
  /** Per paragraph (line): hash of its normalized text, by paragraph index. */
  paragraphs: string[];
  /**
   * Per paragraph: `[start, end)` offsets in the text, so a mention can be placed in its paragraph
   * after the text is gone (the cross-document paragraph dedupe needs it).
   */
  paragraphSpans?: Array<[number, number]>;
  /** Per paragraph: its number of words (short lines are too generic to call repeats across documents). */
  paragraphWords?: number[];
}

/** A document after its per-document stages, as it crosses the barrier. */
export interface ProcessedDoc extends Omit<SourceDoc, 'text'> {
  sentenceCount: number;
  tokenCount: number;
  /** Mentions of paragraphs repeated within the document (captions) are already dropped. */
  entities: MentionRecord[];
  dates: DateRecord[];
  events: EventCandidate[];
  fingerprints: Fingerprints;
  /** Paragraph indices dropped as repeats inside the document. */
  droppedParagraphs: number[];
}

/** Link of a place to the gazetteer. */
export interface PlaceLink {
  kind: 'country' | 'region' | 'city' | 'other';
  countryCode: string | null;
  admin1: string | null;
  latitude: number | null;
  longitude: number | null;
  /** Gazetteer id, e.g. `geonames:1168579`. */
  gazetteerId: string | null;
}

/** One real-world entity, after dedupe. */
export interface Entity {
  /** Stable id from the entity's type and canonical key, independent of run order. */
  id: string;
  type: EntityType;
  /** The most complete form. */
  name: string;
  /** Every distinct surface form, sorted. */
  aliases: string[];
  mentionCount: number;
  /** Sorted. */
  docIds: string[];
  /** Titles or roles seen with a person, sorted. */
  roles: string[];
  place: PlaceLink | null;
}

/** One merge decision, for review in merges.csv. */
export interface Merge {
  entityId: string;
  /** The two surface forms (or acronym and long form) joined. */
  from: string;
  into: string;
  /** The rule that made it (the list and what each means: src/merge-rules.ts). */
  rule: MergeRule;
  score: number;
  docId: string | null;
}

/** One reporting sentence of an event (a row of event_mentions). */
export interface EventReport {
  docId: string;
  sentence: number;
  sentenceText: string;
  /** The date as this report gives it, and as written. */
  date: string;
  dateText: string;
  trigger: string;
}

/** A dated event after merging the reports of every source. */
export interface Event {
  /** Stable id from the merged event's content, independent of run order. */
  id: string;
  /** The date most sources give (ties: the earliest). */
  date: string;
  precision: Precision;
  dateText: string;
  planned: boolean;
  type: EventType;
  trigger: string;
  /** Entity ids, sorted. */
  actorIds: string[];
  targetIds: string[];
  placeIds: string[];
  /** Every entity id linked to the event (actors, targets, places, others), sorted. */
  entityIds: string[];
  /** Representative sentence (from the first report in doc order). */
  sentence: string;
  docIds: string[];
  sourceCount: number;
  /** Dates other sources give, sorted; empty when all agree. */
  conflictingDates: string[];
  fatalities: number | null;
  reports: EventReport[];
  /** First and last day the date covers (`YYYY-MM-DD`), null when it has no calendar range. */
  dateStart: string | null;
  dateEnd: string | null;
  /** 1 day, 2 week, 3 month, 4 quarter or season, 5 year, 6 decade; null without a range. */
  timePrecision: number | null;
  /** The initiator and the one acted on (entity ids), and every other actor or target. */
  actor1Id: string | null;
  actor2Id: string | null;
  assocActorIds: string[];
  /** Where it happened: one place entity id, and how it was chosen. */
  locationId: string | null;
  /** URLs of the reporting documents, sorted; the earliest published date among them. */
  sourceUrls: string[];
  firstReported: string | null;
}
