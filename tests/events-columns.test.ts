/**
 * The columns an analyst loads the events table by: date_start, date_end and time_precision;
 * actor1, actor2 and assoc_actors; one location with coordinates and geo_precision; source_urls,
 * first_reported; and one row per happening when a reporting clause gives a second date.
 */
import { describe, expect, it } from 'vitest';
import { corpusState } from '../src/corpus.js';
import { MentionEntities } from './mention-lookup.js';
import { datelinePlaces } from '../src/events/location.js';
import { dateBounds, timePrecision } from '../src/events/merge.js';
import { parquetSchema } from '../src/io/parquet.js';
import { buildTables } from '../src/stages/build-tables.js';
import { extractEvents } from '../src/stages/extract-events.js';
import { mergeEvents } from '../src/stages/merge-events.js';
import { tables } from '../src/tables.js';
import type { Entity, EntityType, EventCandidate, PlaceLink, ProcessedDoc } from '../src/types.js';
import { makeDoc, type DateSpec, type EntitySpec } from './events-doc.js';

const extract = extractEvents();

function events(text: string, entities: EntitySpec[], dates: DateSpec[]): { doc: ReturnType<typeof makeDoc>; rows: EventCandidate[]; name: (i: number | null | undefined) => string | null } {
  const doc = extract(makeDoc(text, entities, dates));
  const name = (i: number | null | undefined): string | null => (i === null || i === undefined ? null : text.slice(doc.entities[i]!.start, doc.entities[i]!.end));
  return { doc, rows: doc.events, name };
}

describe('date_start, date_end and time_precision', () => {
  it('gives a day as itself, an ISO week from Monday to Sunday, a month its first and last day', () => {
    expect(dateBounds('2031-05-12')).toEqual(['2031-05-12', '2031-05-12']);
    expect(dateBounds('2031-05-12T14:00')).toEqual(['2031-05-12', '2031-05-12']);
    expect(dateBounds('2026-W01')).toEqual(['2025-12-29', '2026-01-04']);
    expect(dateBounds('2028-02')).toEqual(['2028-02-01', '2028-02-29']);
    expect(dateBounds('2027-02')).toEqual(['2027-02-01', '2027-02-28']);
    expect(dateBounds('2026-W01-WE')).toEqual(['2026-01-03', '2026-01-04']);
  });

  it('gives quarters, seasons (winter runs into the next year), years and decades', () => {
    expect(dateBounds('2031-Q4')).toEqual(['2031-10-01', '2031-12-31']);
    expect(dateBounds('2031-SU')).toEqual(['2031-06-01', '2031-08-31']);
    expect(dateBounds('2027-WI')).toEqual(['2027-12-01', '2028-02-29']);
    expect(dateBounds('2031')).toEqual(['2031-01-01', '2031-12-31']);
    expect(dateBounds('197')).toEqual(['1970-01-01', '1979-12-31']);
    expect(dateBounds('PRESENT_REF')).toEqual([null, null]);
  });

  it('numbers the precision 1 day, 2 week, 3 month, 4 quarter or season, 5 year', () => {
    expect(['2031-05-12', '2031-W20-WE', '2031-05', '2031-Q2', '2031-FA', '2031', '203', 'P2W'].map(timePrecision)).toEqual([1, 2, 3, 4, 4, 5, 6, null]);
  });

  it('types date_start, date_end and first_reported as Parquet DATE columns', () => {
    const schema = parquetSchema(tables.events);
    for (const name of ['date_start', 'date_end', 'first_reported']) {
      const el = schema.find((e) => e.name === name)!;
      expect([name, el.type, el.converted_type]).toEqual([name, 'INT32', 'DATE']);
    }
    expect(schema.find((e) => e.name === 'time_precision')!.type).toBe('INT64');
    expect(schema.find((e) => e.name === 'geo_precision')!.type).toBe('INT64');
  });
});

describe('one happening, one row: a reporting clause dates the report', () => {
  it('does not make a second event of "officials said on Wednesday"', () => {
    const { rows, doc } = events('Gunmen killed 51 people on Tuesday, officials said on Wednesday.', [], [{ text: 'Tuesday', value: '2031-05-13' }, { text: 'Wednesday', value: '2031-05-14' }]);
    expect(rows.map((e) => [e.type, doc.dates[e.date]!.value])).toEqual([['violence_against_civilians', '2031-05-13']]);
  });

  it('dates the reported event by the report when that is all the sentence gives', () => {
    const { rows, doc } = events('Police arrested the treasurer, officials said on Wednesday.', [], [{ text: 'Wednesday', value: '2031-05-14' }]);
    expect(rows.map((e) => [e.type, doc.dates[e.date]!.value])).toEqual([['arrest', '2031-05-14']]);
  });

  it('gives the report date to the main clause when another date dates a clause inside it', () => {
    const { rows, doc } = events(
      'Ruritania expelled six traders who were questioned about the bombing last month, a newspaper reported Friday.',
      [{ text: 'Ruritania', type: 'PLACE' }],
      [{ text: 'last month', value: '2031-04' }, { text: 'Friday', value: '2031-05-16' }],
    );
    expect(rows.map((e) => [e.type, e.trigger, doc.dates[e.date]!.value])).toEqual([['arrest', 'expelled', '2031-05-16'], ['explosion', 'bombing', '2031-04']]);
  });

  it('types a killing by its cause when the sentence names one, keeping the victim', () => {
    const { rows } = events('A car bomb blast killed nine soldiers on Monday.', [], [{ text: 'Monday', value: '2031-05-12' }]);
    expect(rows.map((e) => [e.type, e.trigger])).toEqual([['explosion', 'blast']]);
    const { rows: r2, name } = events('On Monday, Osric Tann was killed by a drone strike near the airport.', [{ text: 'Osric Tann', type: 'PERSON' }], [{ text: 'Monday', value: '2031-05-12' }]);
    expect(r2.map((e) => [e.type, e.trigger, name(e.actor2)])).toEqual([['explosion', 'strike', 'Osric Tann']]);
  });
});

describe('actor1 and actor2 from the clause', () => {
  it('takes the subject as actor1 and the object as actor2', () => {
    const { rows, name } = events('On Monday, the Blue Brigade attacked the Red Hand near Ostrava.', [{ text: 'Blue Brigade', type: 'ORGANIZATION' }, { text: 'Red Hand', type: 'ORGANIZATION' }, { text: 'Ostrava', type: 'PLACE' }], [{ text: 'Monday', value: '2031-05-12' }]);
    expect(rows.map((e) => [name(e.actor1), name(e.actor2)])).toEqual([['Blue Brigade', 'Red Hand']]);
  });

  it('reads a passive: the agent after "by" is actor1, the subject actor2', () => {
    const { rows, name } = events('The Red Hand was attacked by the Blue Brigade on Monday.', [{ text: 'Red Hand', type: 'ORGANIZATION' }, { text: 'Blue Brigade', type: 'ORGANIZATION' }], [{ text: 'Monday', value: '2031-05-12' }]);
    expect(rows.map((e) => [name(e.actor1), name(e.actor2)])).toEqual([['Blue Brigade', 'Red Hand']]);
  });

  it('keeps the speaker of the main clause out of an event in the clause it reports', () => {
    const { rows, name } = events('Marta Ilves said the Red Hand had kidnapped Osric Tann on Monday.', [{ text: 'Marta Ilves', type: 'PERSON' }, { text: 'Red Hand', type: 'ORGANIZATION' }, { text: 'Osric Tann', type: 'PERSON' }], [{ text: 'Monday', value: '2031-05-12' }]);
    expect(rows.map((e) => [e.type, name(e.actor1), name(e.actor2)])).toEqual([['violence_against_civilians', 'Red Hand', 'Osric Tann']]);
  });

  it('makes the other party actor2 of a meeting', () => {
    const { rows, name } = events('Marta Ilves held talks with Osric Tann on Monday.', [{ text: 'Marta Ilves', type: 'PERSON' }, { text: 'Osric Tann', type: 'PERSON' }], [{ text: 'Monday', value: '2031-05-12' }]);
    expect(rows.map((e) => [e.type, name(e.actor1), name(e.actor2)])).toEqual([['meeting', 'Marta Ilves', 'Osric Tann']]);
  });
});

describe('where it happened', () => {
  it('ranks a place after "in" in the trigger\'s clause first, then targets, then other places', () => {
    const { rows, name } = events(
      'Freedonia shelled Sylvania\'s border posts on Monday, and troops clashed in Verdi.',
      [{ text: 'Freedonia', type: 'PLACE' }, { text: 'Sylvania', type: 'PLACE' }, { text: 'Verdi', type: 'PLACE' }],
      [{ text: 'Monday', value: '2031-05-12' }],
    );
    expect(rows[0]!.locations!.map((l) => [name(l.mention), l.level])).toEqual([['Sylvania', 1], ['Freedonia', 2], ['Verdi', 2]]);
    const { rows: r2, name: n2 } = events('Troops clashed on Monday in downtown Verdi, Freedonia.', [{ text: 'Verdi', type: 'PLACE' }, { text: 'Freedonia', type: 'PLACE' }], [{ text: 'Monday', value: '2031-05-12' }]);
    expect(r2[0]!.locations!.map((l) => [n2(l.mention), l.level])).toEqual([['Verdi', 0], ['Freedonia', 0]]);
  });

  it('does not place a statement where its subject happened', () => {
    const { rows, name } = events('The council condemned on Monday the shelling of Verdi.', [{ text: 'Verdi', type: 'PLACE' }], [{ text: 'Monday', value: '2031-05-12' }]);
    expect(rows.map((e) => [e.type, (e.locations ?? []).map((l) => name(l.mention))])).toEqual([['statement', []]]);
  });

  it('finds the dateline\'s places', () => {
    const doc = makeDoc('OSTRAVA, Freedonia (AP) _ Troops clashed on Monday.', [{ text: 'OSTRAVA', type: 'PLACE' }, { text: 'Freedonia', type: 'PLACE' }]);
    expect(datelinePlaces(doc)).toEqual([0, 1]);
    expect(datelinePlaces(makeDoc('Troops clashed in Ostrava, Freedonia, on Monday.', [{ text: 'Ostrava', type: 'PLACE' }]))).toEqual([]);
  });
});

// ----- merged rows: location, actors, sources

interface Spec {
  doc: string;
  value: string;
  type?: EventCandidate['type'];
  actor1?: string;
  actor2?: string;
  others?: string[];
  locations?: Array<[string, 0 | 1 | 2]>;
  dateline?: string[];
  /** Place mentions elsewhere in the document (for its most mentioned place). */
  mentions?: string[];
  url?: string;
  published?: string;
}

const links: Record<string, [EntityType, PlaceLink | null]> = {
  Ostrava: ['PLACE', { kind: 'city', countryCode: 'FD', admin1: 'North', latitude: 49.8, longitude: 18.3, gazetteerId: 'g:1' }],
  North: ['PLACE', { kind: 'region', countryCode: 'FD', admin1: 'North', latitude: 49.5, longitude: 18.0, gazetteerId: 'g:2' }],
  Freedonia: ['PLACE', { kind: 'country', countryCode: 'FD', admin1: null, latitude: 49, longitude: 17, gazetteerId: 'g:3' }],
  Nowhere: ['PLACE', null],
  'Red Hand': ['ORGANIZATION', null],
  'Blue Brigade': ['ORGANIZATION', null],
  'Marta Ilves': ['PERSON', null],
};

function mergeSpecs(specs: Spec[]): Record<string, unknown>[] {
  const docs = new Map<string, ProcessedDoc>();
  const mentionEntity = new MentionEntities();
  for (const s of specs) {
    let d = docs.get(s.doc);
    if (d === undefined) {
      d = { id: s.doc, source: `${s.doc}.txt`, title: s.doc, published: s.published ?? null, publishedSource: 'metadata', ...(s.url === undefined ? {} : { url: s.url }), sentenceCount: 9, tokenCount: 90, entities: [], dates: [], events: [], fingerprints: { exact: s.doc, minhash: [], paragraphs: [] }, droppedParagraphs: [] };
      docs.set(s.doc, d);
    }
    const doc = d;
    const sentence = doc.events.length;
    const mention = (name: string): number => {
      const start = 1000 + doc.entities.length * 100;
      doc.entities.push({ start, end: start + name.length, type: links[name]![0], sentence, text: name });
      mentionEntity.set(doc.id, start, `ent_${name}`);
      return doc.entities.length - 1;
    };
    for (const m of s.mentions ?? []) mention(m);
    doc.dates.push({ start: 0, end: 1, sentence, timexType: 'DATE', value: s.value, precision: s.value.length === 10 ? 'day' : 'month', planned: false, anchor: 'absolute', text: s.value });
    const actor1 = s.actor1 === undefined ? null : mention(s.actor1);
    const actor2 = s.actor2 === undefined ? null : mention(s.actor2);
    doc.events.push({
      sentence, sentenceText: `${s.doc} ${sentence}`, sentenceStart: sentence * 10, date: doc.dates.length - 1, type: s.type ?? 'attack', trigger: 'attacked',
      actors: actor1 === null ? [] : [actor1], targets: actor2 === null ? [] : [actor2], places: [], others: (s.others ?? []).map(mention), fatalities: null,
      actor1, actor2, locations: (s.locations ?? []).map(([n, level]) => ({ mention: mention(n), level })), dateline: (s.dateline ?? []).map(mention),
    });
  }
  const entities: Entity[] = Object.entries(links).map(([name, [type, place]]) => ({ id: `ent_${name}`, type, name, aliases: [name], mentionCount: 1, docIds: [], roles: [], place }));
  const merged = mergeEvents()({ ...corpusState([...docs.values()]), entities, mentionEntity });
  return buildTables()(merged).tables!.events;
}

describe('merged rows', () => {
  it('takes the finest place of the trigger\'s clause, with its coordinates, admin1 and geo_precision', () => {
    const [row] = mergeSpecs([{ doc: 'a', value: '2031-05-12', actor1: 'Red Hand', locations: [['Freedonia', 0], ['Ostrava', 0], ['North', 1]] }]);
    expect([row!['location'], row!['location_id'], row!['country_code'], row!['admin1'], row!['latitude'], row!['longitude'], row!['geo_precision']]).toEqual(['Ostrava', 'ent_Ostrava', 'FD', 'North', 49.8, 18.3, 1]);
  });

  it('falls back to the sentence, then the dateline, then the document\'s most mentioned place', () => {
    expect(mergeSpecs([{ doc: 'a', value: '2031-05-12', actor1: 'Red Hand', locations: [['North', 2]], dateline: ['Ostrava'] }])[0]!['location']).toBe('North');
    expect(mergeSpecs([{ doc: 'a', value: '2031-05-12', actor1: 'Red Hand', dateline: ['Freedonia', 'Ostrava'] }])[0]!['location']).toBe('Ostrava');
    const [row] = mergeSpecs([{ doc: 'a', value: '2031-05-12', actor1: 'Red Hand', mentions: ['Freedonia', 'North', 'North'] }]);
    expect([row!['location'], row!['geo_precision']]).toEqual(['North', 2]);
  });

  it('prefers a place the gazetteer knows, and leaves geo_precision empty for one it does not', () => {
    expect(mergeSpecs([{ doc: 'a', value: '2031-05-12', actor1: 'Red Hand', locations: [['Nowhere', 2], ['Freedonia', 2]] }])[0]!['location']).toBe('Freedonia');
    const [row] = mergeSpecs([{ doc: 'a', value: '2031-05-12', actor1: 'Red Hand', locations: [['Nowhere', 0]] }]);
    expect([row!['location'], row!['latitude'], row!['geo_precision']]).toEqual(['Nowhere', null, null]);
  });

  it('gives actor1, actor2 and the other people and organizations as assoc_actors', () => {
    const [row] = mergeSpecs([{ doc: 'a', value: '2031-05-12', actor1: 'Red Hand', actor2: 'Blue Brigade', others: ['Marta Ilves', 'Ostrava'] }]);
    expect([row!['actor1'], row!['actor1_id'], row!['actor2'], row!['assoc_actors']]).toEqual(['Red Hand', 'ent_Red Hand', 'Blue Brigade', ['Marta Ilves']]);
  });

  it('lists the reports\' URLs and the earliest published date, and dates the row\'s span', () => {
    const [row] = mergeSpecs([
      { doc: 'a', value: '2031-05', actor1: 'Red Hand', url: 'https://b.example/2', published: '2031-05-20' },
      { doc: 'b', value: '2031-05', actor1: 'Red Hand', url: 'https://a.example/1', published: '2031-05-18' },
      { doc: 'c', value: '2031-05', actor1: 'Red Hand', published: '2031-05-19' },
    ]);
    expect([row!['source_urls'], row!['first_reported'], row!['source_count']]).toEqual([['https://a.example/1', 'https://b.example/2'], '2031-05-18', 3]);
    expect([row!['date'], row!['date_start'], row!['date_end'], row!['time_precision']]).toEqual(['2031-05', '2031-05-01', '2031-05-31', 3]);
  });
});
