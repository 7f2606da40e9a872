import type { CorpusStage, CorpusState } from '../corpus.js';
import type { Row, TableName } from '../tables.js';
import type { EntityType } from '../types.js';

const entityTable: Record<EntityType, TableName> = { PERSON: 'people', ORGANIZATION: 'organizations', PLACE: 'places' };

const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The corpus stage that lays results out as table rows: fixed columns, rows in a fixed order
 * (documents and mentions by doc id and offset, entities by type and name, events by date), so
 * the same input gives byte-identical tables.
 */
export function buildTables(): CorpusStage {
  const rows = (result: CorpusState): Record<TableName, Row[]> => {
    const duplicateOf = new Map(result.duplicates.map((d) => [d.docId, d.duplicateOf]));
    const docs = [...result.docs].sort((a, b) => byCodeUnits(a.id, b.id));
    const names = new Map(result.entities.map((e) => [e.id, e.name]));

    const documents: Row[] = docs.map((d) => ({
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
    }));

    const mentions: Row[] = [];
    for (const d of docs) {
      if (duplicateOf.has(d.id)) continue;
      const rows: Array<Row & { start: number; end: number }> = [];
      for (const m of d.entities) {
        rows.push({
          mention_id: `${d.id}:${m.start}-${m.end}`, doc_id: d.id, sentence_index: m.sentence, start: m.start, end: m.end,
          text: m.text, type: m.type, entity_id: result.mentionEntity.lookup(d.id, m.start) ?? null,
          value: null, timex_type: null, precision: null, role: m.role ?? null,
        });
      }
      for (const m of d.dates) {
        rows.push({
          mention_id: `${d.id}:${m.start}-${m.end}`, doc_id: d.id, sentence_index: m.sentence, start: m.start, end: m.end,
          text: m.text, type: 'DATE', entity_id: null, value: m.value, timex_type: m.timexType, precision: m.precision, role: null,
        });
      }
      rows.sort((a, b) => a.start - b.start || a.end - b.end || byCodeUnits(String(a.type), String(b.type)));
      for (const row of rows) mentions.push(row); // not push(...rows): a huge document overflows the stack
    }

    const out: Record<TableName, Row[]> = {
      documents, mentions, people: [], organizations: [], places: [], events: [], event_mentions: [], merges: [], duplicates: [],
    };
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
      out[entityTable[e.type]].push(row);
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
    out.merges = result.merges.map((m) => ({ entity_id: m.entityId, from: m.from, into: m.into, rule: m.rule, score: m.score, doc_id: m.docId }));
    out.duplicates = [...result.duplicates]
      .sort((a, b) => byCodeUnits(a.docId, b.docId))
      .map((d) => ({ doc_id: d.docId, duplicate_of: d.duplicateOf, kind: d.kind, similarity: d.similarity }));
    return out;
  };
  return (state) => ({ ...state, tables: rows(state) });
}
