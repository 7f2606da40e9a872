import type { CorpusStage, CorpusState, DocMeta } from '../corpus.js';
import type { MentionEntityLookup } from '../dedupe/mention-entities.js';
import { sliceRange, type BuiltTables, type Row, type RowBuffer, type RowList, type TableName } from '../tables.js';
import type { EntityType, ProcessedDoc } from '../types.js';

const entityTable: Record<EntityType, TableName> = { PERSON: 'people', ORGANIZATION: 'organizations', PLACE: 'places' };

const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The corpus stage that lays results out as table rows: fixed columns, rows in a fixed order
 * (documents and mentions by doc id and offset, entities by type and name, events by date), so
 * the same input gives byte-identical tables.
 */
export function buildTables(): CorpusStage {
  const rows = (result: CorpusState): BuiltTables => {
    const duplicateOf = new Map(result.duplicates.map((d) => [d.docId, d.duplicateOf]));
    const docs = result.docs.meta;
    const names = new Map(result.entities.map((e) => [e.id, e.name]));

    // Every table but the mentions goes to a row buffer as it is made: for a run on files, the
    // documents' spill file, so the rows are read back as each format is written, not all held.
    // (Through `source`: a closure that named `result` would keep the whole state alive, below.)
    const source = result.docs;
    const buffer = (): RowBuffer => source.rows();
    const documents = buffer();
    for (const d of docs) documents.push({
      doc_id: d.id,
      source: d.source,
      line: d.line ?? null,
      title: d.title,
      url: d.url ?? null,
      published: d.published,
      published_source: d.publishedSource,
      sentence_count: d.sentenceCount,
      token_count: d.tokenCount,
      dropped_paragraphs: d.droppedParagraphs.length,
      duplicate_of: duplicateOf.get(d.id) ?? null,
    });

    // The rows read the documents through their source only: a closure over the whole state would
    // keep its entities, events and merges alive while the tables are written.
    const mentions = new MentionRows(result.kept.map((i) => ({ meta: docs[i]!, read: () => source.read(i) })), result.mentionEntity);

    const out = { people: buffer(), organizations: buffer(), places: buffer(), events: buffer(), event_mentions: buffer(), merges: buffer(), duplicates: buffer() };
    for (const e of result.entities) {
      const row: Row = {
        entity_id: e.id, name: e.name, aliases: e.aliases, mention_count: e.mentionCount, document_count: e.docIds.length, doc_ids: e.docIds,
      };
      if (e.type === 'PERSON') row['roles'] = e.roles;
      if (e.type === 'PLACE') {
        row['kind'] = e.place?.kind ?? 'other';
        row['country_code'] = e.place?.countryCode ?? null;
        row['admin1'] = e.place?.admin1 ?? null;
        row['latitude'] = e.place?.latitude ?? null;
        row['longitude'] = e.place?.longitude ?? null;
        row['gazetteer_id'] = e.place?.gazetteerId ?? null;
      }
      out[entityTable[e.type] as 'people' | 'organizations' | 'places'].push(row);
    }
    const nameList = (ids: readonly string[]): string[] => ids.map((id) => names.get(id) ?? id);
    const nameOf = (id: string | null): string | null => (id === null ? null : names.get(id) ?? id);
    const placeOf = new Map(result.entities.flatMap((e) => (e.type === 'PLACE' ? [[e.id, e.place] as const] : [])));
    for (const e of result.events) {
      const loc = e.locationId === null ? null : placeOf.get(e.locationId) ?? null;
      const geoPrecision = loc === null || loc.latitude === null ? null : loc.kind === 'country' ? 3 : loc.kind === 'region' ? 2 : 1;
      out.events.push({
        event_id: e.id, date: e.date, date_start: e.dateStart, date_end: e.dateEnd, time_precision: e.timePrecision,
        precision: e.precision, date_text: e.dateText, planned: e.planned, type: e.type, trigger: e.trigger,
        actor_ids: e.actorIds, actors: nameList(e.actorIds), target_ids: e.targetIds, targets: nameList(e.targetIds),
        actor1_id: e.actor1Id, actor1: nameOf(e.actor1Id), actor2_id: e.actor2Id, actor2: nameOf(e.actor2Id),
        assoc_actor_ids: e.assocActorIds, assoc_actors: nameList(e.assocActorIds),
        place_ids: e.placeIds, places: nameList(e.placeIds),
        location_id: e.locationId, location: nameOf(e.locationId), country_code: loc?.countryCode ?? null, admin1: loc?.admin1 ?? null,
        latitude: loc?.latitude ?? null, longitude: loc?.longitude ?? null, geo_precision: geoPrecision,
        entity_ids: e.entityIds, fatalities: e.fatalities,
        sentence: e.sentence, doc_ids: e.docIds, source_count: e.sourceCount, source_urls: e.sourceUrls, first_reported: e.firstReported,
        conflicting_dates: e.conflictingDates,
      });
      for (const r of e.reports) {
        out.event_mentions.push({ event_id: e.id, doc_id: r.docId, sentence_index: r.sentence, date: r.date, date_text: r.dateText, trigger: r.trigger, sentence: r.sentenceText });
      }
    }
    for (const m of result.merges) out.merges.push({ entity_id: m.entityId, from: m.from, into: m.into, rule: m.rule, score: m.score, doc_id: m.docId });
    for (const d of [...result.duplicates].sort((a, b) => byCodeUnits(a.docId, b.docId))) {
      out.duplicates.push({ doc_id: d.docId, duplicate_of: d.duplicateOf, kind: d.kind, similarity: d.similarity });
    }
    return {
      documents: documents.done(), mentions, people: out.people.done(), organizations: out.organizations.done(), places: out.places.done(),
      events: out.events.done(), event_mentions: out.event_mentions.done(), merges: out.merges.done(), duplicates: out.duplicates.done(),
    };
  };
  return (state) => ({ ...state, tables: rows(state) });
}

/** A document of the mentions table: its counts, and how to read its mentions and dates. */
export interface MentionSource {
  meta: Pick<DocMeta, 'id' | 'entityCount' | 'dateCount'>;
  read(): Pick<ProcessedDoc, 'id' | 'entities' | 'dates'>;
}

/**
 * The rows of the mentions table (entity and date mentions of the documents kept, by doc id, then
 * offset), made as they are read instead of held: the writers read them in slices, in order, and
 * the report once through. It is the largest table by far (about one row per five tokens), and
 * its rows as objects were the largest thing a run held while it wrote its tables. What it keeps
 * is each document's row count; a document's mentions are read again (from the documents' spill
 * file, for a run on files) when its rows are asked for, and their entity ids looked up then.
 */
export class MentionRows implements RowList {
  readonly length: number;
  readonly #docs: readonly MentionSource[];
  readonly #mentionEntity: MentionEntityLookup;
  /** The index of each document's first row; the last entry is the row count. */
  readonly #first: Float64Array;
  /** The rows of the document last asked for (slices go in order). */
  #cachedDoc = -1;
  #cachedRows: Row[] = [];

  constructor(docs: readonly MentionSource[], mentionEntity: MentionEntityLookup) {
    this.#docs = docs;
    this.#mentionEntity = mentionEntity;
    this.#first = new Float64Array(this.#docs.length + 1);
    let n = 0;
    this.#docs.forEach((d, i) => {
      this.#first[i] = n;
      n += d.meta.entityCount + d.meta.dateCount;
    });
    this.#first[this.#docs.length] = n;
    this.length = n;
  }

  /** One document's rows, in table order. */
  static rowsOf(d: Pick<ProcessedDoc, 'id' | 'entities' | 'dates'>, mentionEntity: MentionEntityLookup): Row[] {
    const rows: Array<Row & { start: number; end: number }> = [];
    d.entities.forEach((m) => {
      rows.push({
        mention_id: `${d.id}:${m.start}-${m.end}`, doc_id: d.id, sentence_index: m.sentence, start: m.start, end: m.end,
        text: m.text, type: m.type, entity_id: mentionEntity.lookup(d.id, m.start) ?? null,
        value: null, timex_type: null, precision: null, role: m.role ?? null,
      });
    });
    for (const m of d.dates) {
      rows.push({
        mention_id: `${d.id}:${m.start}-${m.end}`, doc_id: d.id, sentence_index: m.sentence, start: m.start, end: m.end,
        text: m.text, type: 'DATE', entity_id: null, value: m.value, timex_type: m.timexType, precision: m.precision, role: null,
      });
    }
    rows.sort((a, b) => a.start - b.start || a.end - b.end || byCodeUnits(String(a.type), String(b.type)));
    return rows;
  }

  #rows(doc: number): Row[] {
    if (doc !== this.#cachedDoc) {
      this.#cachedRows = this.#rowsOfDoc(doc);
      this.#cachedDoc = doc;
    }
    return this.#cachedRows;
  }

  /** The document holding row `row` (0 <= row < length): the last whose first row is at or before it. */
  #docAt(row: number): number {
    let lo = 0;
    let hi = this.#docs.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.#first[mid]! <= row) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** Rows `start` to `end` (exclusive), as `Array.prototype.slice` takes them. */
  slice(start = 0, end = this.length): Row[] {
    const [from, to] = sliceRange(this.length, start, end);
    const out: Row[] = [];
    if (from >= to) return out;
    for (let doc = this.#docAt(from); doc < this.#docs.length && this.#first[doc]! < to; doc++) {
      const first = this.#first[doc]!;
      const rows = this.#rows(doc);
      for (let i = Math.max(0, from - first); i < rows.length && first + i < to; i++) out.push(rows[i]!);
    }
    return out;
  }

  /** Rows of document `doc`, checked against the count it was listed with. */
  #rowsOfDoc(doc: number): Row[] {
    const d = this.#docs[doc]!;
    const rows = MentionRows.rowsOf(d.read(), this.#mentionEntity);
    if (rows.length !== d.meta.entityCount + d.meta.dateCount) throw new Error(`the mentions of document ${d.meta.id} changed after the barrier`);
    return rows;
  }

  *[Symbol.iterator](): Iterator<Row> {
    for (let doc = 0; doc < this.#docs.length; doc++) yield* this.#rowsOfDoc(doc);
  }
}
