import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MentionEntityLookup } from '../src/dedupe/mention-entities.js';
import { MentionEntities } from './mention-lookup.js';
import { corpusState } from '../src/corpus.js';
import { mergeEvents } from '../src/stages/merge-events.js';
import { sharedCount } from '../src/events/merge.js';
import type { Entity, EntityType, Event, EventType, ProcessedDoc } from '../src/types.js';

/** One hand-written report: which document says what happened when, and who was involved. */
interface R {
  doc: string;
  type: EventType;
  value: string;
  sentence?: number;
  trigger?: string;
  actors?: string[];
  targets?: string[];
  places?: string[];
  fatalities?: number | null;
  planned?: boolean;
  sentenceText?: string;
}

/** Entity types of the names used below; a place may carry a country code. */
const known: Record<string, [EntityType, string | null]> = {
  Freedonia: ['PLACE', 'FD'], Sylvania: ['PLACE', 'SY'], Ostrava: ['PLACE', 'FD'], Verdi: ['PLACE', 'FD'], Port: ['PLACE', 'SY'],
  'Red Hand': ['ORGANIZATION', null], 'Blue Brigade': ['ORGANIZATION', null],
  'Marta Ilves': ['PERSON', null], 'Osric Tann': ['PERSON', null], 'Ada Brunn': ['PERSON', null],
};

function corpus(reports: R[]): { docs: ProcessedDoc[]; mentionEntity: MentionEntities; entities: Entity[] } {
  const docs = new Map<string, ProcessedDoc>();
  const mentionEntity = new MentionEntities();
  const used = new Set<string>();
  for (const r of reports) {
    let doc = docs.get(r.doc);
    if (doc === undefined) {
      doc = { id: r.doc, source: `${r.doc}.txt`, title: r.doc, published: null, publishedSource: 'none', sentenceCount: 50, tokenCount: 500, entities: [], dates: [], events: [], fingerprints: { exact: r.doc, minhash: [], paragraphs: [] }, droppedParagraphs: [] };
      docs.set(r.doc, doc);
    }
    const d = doc;
    const sentence = r.sentence ?? d.events.length;
    const mention = (name: string): number => {
      const start = d.entities.length * 100;
      d.entities.push({ start, end: start + name.length, type: known[name]![0], sentence, text: name });
      mentionEntity.set(d.id, start, `ent_${name}`);
      used.add(name);
      return d.entities.length - 1;
    };
    d.dates.push({ start: 0, end: 1, sentence, timexType: 'DATE', value: r.value, precision: /^\d{4}-\d\d-\d\d$/.test(r.value) ? 'day' : /W/.test(r.value) ? 'week' : /^\d{4}-\d\d$/.test(r.value) ? 'month' : 'year', planned: r.planned ?? false, anchor: 'absolute', text: `on ${r.value}` });
    d.events.push({
      sentence, sentenceText: r.sentenceText ?? `${r.doc} sentence ${sentence}`, sentenceStart: sentence * 100, date: d.dates.length - 1, type: r.type, trigger: r.trigger ?? r.type,
      actors: (r.actors ?? []).map(mention), targets: (r.targets ?? []).map(mention), places: (r.places ?? []).map(mention), others: [], fatalities: r.fatalities ?? null,
    });
  }
  const entities: Entity[] = [...used].sort().map((name) => ({
    id: `ent_${name}`, type: known[name]![0], name, aliases: [name], mentionCount: 1, docIds: [], roles: [],
    place: known[name]![1] === null ? null : { kind: 'city', countryCode: known[name]![1], admin1: null, latitude: null, longitude: null, gazetteerId: null },
  }));
  return { docs: [...docs.values()], mentionEntity, entities };
}

const stage = mergeEvents();
/** The merged events of documents already through the entity dedupe (the state sorts them by id). */
const merge = (docs: ProcessedDoc[], mentionEntity: MentionEntityLookup, entities: Entity[]): Event[] =>
  [...stage({ ...corpusState(docs), mentionEntity, entities }).events];
function run(reports: R[]): Event[] {
  const { docs, mentionEntity, entities } = corpus(reports);
  return merge(docs, mentionEntity, entities);
}

/** A small news story told by four outlets, with a background event and a disagreement. */
const story: R[] = [
  { doc: 'a', type: 'attack', value: '2031-05-12', actors: ['Freedonia'], targets: ['Red Hand'], places: ['Ostrava'], fatalities: 3 },
  { doc: 'b', type: 'violence_against_civilians', value: '2031-05-12', actors: ['Freedonia'], places: ['Ostrava'], fatalities: 3 },
  { doc: 'c', type: 'attack', value: '2031-05-12', places: ['Freedonia'] },
  { doc: 'c', type: 'attack', value: '2031-05-12', sentence: 7, places: ['Verdi'] },
  { doc: 'd', type: 'attack', value: '2031-05-12', targets: ['Red Hand'] },
  // Sylvania's retaliation: three outlets say the 14th, one the 13th.
  { doc: 'a', type: 'attack', value: '2031-05-14', actors: ['Sylvania'], places: ['Freedonia'], fatalities: 9 },
  { doc: 'b', type: 'attack', value: '2031-05-14', actors: ['Sylvania'], targets: ['Blue Brigade'] },
  { doc: 'c', type: 'attack', value: '2031-05-13', actors: ['Sylvania'], places: ['Freedonia'] },
  { doc: 'd', type: 'attack', value: '2031-05-14', actors: ['Sylvania'] },
  // Background: an ambush two weeks earlier, and one years earlier, in the same places.
  { doc: 'a', type: 'attack', value: '2031-04-28', actors: ['Red Hand'], places: ['Sylvania'], fatalities: 11 },
  { doc: 'b', type: 'violence_against_civilians', value: '2031-04', actors: ['Red Hand'], places: ['Sylvania'], fatalities: 11 },
  { doc: 'd', type: 'attack', value: '2027', actors: ['Red Hand'], places: ['Port'] },
  // A call, a committee meeting and a statement on the same day.
  { doc: 'a', type: 'meeting', value: '2031-05-15', trigger: 'spoke', actors: ['Marta Ilves', 'Osric Tann'], sentenceText: 'The ministers spoke by phone.' },
  { doc: 'b', type: 'meeting', value: '2031-05-16', trigger: 'call', actors: ['Osric Tann', 'Freedonia'], sentenceText: 'A phone call between them followed.' },
  { doc: 'd', type: 'meeting', value: '2031-05-15', trigger: 'meeting', actors: ['Ada Brunn', 'Freedonia'], sentenceText: 'Ada Brunn called a meeting of the committee.' },
  { doc: 'd', type: 'meeting', value: '2031-05-15', sentence: 30, trigger: 'spoke', sentenceText: 'The same day, the ministers spoke by phone.' },
  { doc: 'c', type: 'statement', value: '2031-05-15', actors: ['Blue Brigade'] },
];

describe('merging event reports', () => {
  const events = run(story);
  const find = (date: string, type?: string): Event[] => events.filter((e) => e.date === date && (type === undefined || e.type === type));

  it('makes one row of an event reported by every source, with every report', () => {
    const [strike, ...rest] = find('2031-05-12');
    expect(rest).toHaveLength(0);
    expect(strike!.docIds).toEqual(['a', 'b', 'c', 'd']);
    expect(strike!.sourceCount).toBe(4);
    expect(strike!.reports).toHaveLength(5);
    expect(strike!.reports.map((r) => r.docId)).toEqual(['a', 'b', 'c', 'c', 'd']);
    expect(strike!.type).toBe('attack');
    expect(strike!.actorIds).toEqual(['ent_Freedonia']);
    expect(strike!.targetIds).toEqual(['ent_Red Hand']);
    expect(strike!.fatalities).toBe(3);
    expect(strike!.conflictingDates).toEqual([]);
  });

  it('keeps the date most sources give and lists the others as conflicting', () => {
    const rows = events.filter((e) => e.actorIds.includes('ent_Sylvania'));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.date).toBe('2031-05-14');
    expect(rows[0]!.conflictingDates).toEqual(['2031-05-13']);
    expect(rows[0]!.docIds).toEqual(['a', 'b', 'c', 'd']);
    expect(rows[0]!.reports.find((r) => r.docId === 'c')!.date).toBe('2031-05-13');
  });

  it('breaks a tie between dates by taking the earliest', () => {
    const [e] = run([
      { doc: 'x', type: 'attack', value: '2031-05-14', actors: ['Sylvania'] },
      { doc: 'y', type: 'attack', value: '2031-05-13', actors: ['Sylvania'] },
    ]);
    expect(e!.date).toBe('2031-05-13');
    expect(e!.conflictingDates).toEqual(['2031-05-14']);
  });

  it('folds a coarser date into the one event it contains without calling it a conflict', () => {
    const ambush = events.filter((e) => e.actorIds.includes('ent_Red Hand') && e.date.startsWith('2031-04'));
    expect(ambush).toHaveLength(1);
    expect(ambush[0]!.date).toBe('2031-04-28');
    expect(ambush[0]!.docIds).toEqual(['a', 'b']);
    expect(ambush[0]!.conflictingDates).toEqual([]);
  });

  it('keeps background events apart from the news they explain', () => {
    expect(find('2027')).toHaveLength(1);
    expect(find('2031-04-28')).toHaveLength(1);
    expect(find('2031-05-12')[0]!.reports.every((r) => r.date === '2031-05-12')).toBe(true);
  });

  it('does not merge reports whose actors differ, even within the window', () => {
    const struck = events.filter((e) => e.type === 'attack' && (e.date === '2031-05-12' || e.date === '2031-05-14'));
    expect(struck).toHaveLength(2);
  });

  it('keeps a phone call apart from a committee meeting on the same day, and merges the calls', () => {
    const meetings = events.filter((e) => e.type === 'meeting');
    expect(meetings).toHaveLength(2);
    const call = meetings.find((e) => e.actorIds.includes('ent_Marta Ilves'))!;
    expect(call.date).toBe('2031-05-15');
    expect(call.docIds).toEqual(['a', 'b', 'd']);
    expect(call.conflictingDates).toEqual(['2031-05-16']);
    const committee = meetings.find((e) => e.actorIds.includes('ent_Ada Brunn'))!;
    expect(committee.docIds).toEqual(['d']);
    expect(committee.reports).toHaveLength(1);
  });

  it('does not merge planned events with events that happened', () => {
    const rows = run([
      { doc: 'x', type: 'meeting', value: '2031-05-20', actors: ['Osric Tann'], planned: true },
      { doc: 'y', type: 'meeting', value: '2031-05-20', actors: ['Osric Tann'] },
    ]);
    expect(rows.map((e) => e.planned).sort()).toEqual([false, true]);
  });

  it('keeps same-day reports in different countries apart', () => {
    const rows = run([
      { doc: 'x', type: 'attack', value: '2031-05-12', actors: ['Freedonia'], places: ['Verdi'] },
      { doc: 'y', type: 'attack', value: '2031-05-12', places: ['Port'] },
    ]);
    expect(rows).toHaveLength(2);
  });

  it('lets a report with no key entity join the one event of its day it shares words with', () => {
    const strike: R = { doc: 'x', type: 'attack', value: '2031-05-12', actors: ['Freedonia'], places: ['Verdi'], sentenceText: 'Freedonia shelled the depot at Verdi, killing four guards.' };
    const echo: R = { doc: 'y', type: 'violence_against_civilians', value: '2031-05-12', sentenceText: 'Four depot guards were killed in the shelling.' };
    expect(run([strike, echo])).toHaveLength(1);
    // Nothing in common but the day: kept apart.
    expect(run([strike, { ...echo, sentenceText: 'A ferry sank in the storm.' }])).toHaveLength(2);
    // Two events fit: the report stays apart rather than guess.
    const other: R = { doc: 'z', type: 'attack', value: '2031-05-12', actors: ['Sylvania'], places: ['Port'], sentenceText: 'Sylvania shelled a depot at Port, killing four guards.' };
    expect(run([strike, other, echo])).toHaveLength(3);
    // A coarse date without entities is never folded in.
    expect(run([strike, { ...echo, value: '2031-05' }])).toHaveLength(2);
  });

  it('does not merge two dates one document gives', () => {
    const rows = run([
      { doc: 'x', type: 'attack', value: '2031-05-12', actors: ['Freedonia'], places: ['Verdi'] },
      { doc: 'x', type: 'attack', value: '2031-05-13', actors: ['Freedonia'], places: ['Verdi'] },
    ]);
    expect(rows).toHaveLength(2);
  });

  it('sorts rows by date, type and id and gives stable ids', () => {
    const keys = events.map((e) => [e.date, e.type, e.id].join(' '));
    expect(keys).toEqual([...keys].sort());
    expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
    expect(run(story).map((e) => e.id)).toEqual(events.map((e) => e.id));
    expect(events[0]!.id).toMatch(/^evt_[0-9a-f]{12}$/);
  });

  it('does not depend on the order of documents or of their mentions', () => {
    const { docs, mentionEntity, entities } = corpus(story);
    const expected = merge(docs, mentionEntity, entities);
    fc.assert(
      fc.property(fc.shuffledSubarray(docs, { minLength: docs.length, maxLength: docs.length }), fc.shuffledSubarray(entities, { minLength: entities.length, maxLength: entities.length }), (shuffledDocs, shuffledEntities) => {
        expect(merge(shuffledDocs, mentionEntity, shuffledEntities)).toEqual(expected);
      }),
      { numRuns: 60 },
    );
  });

  it('rejects bad options', () => {
    expect(() => mergeEvents({ windowDays: -1 })).toThrow(/windowDays/);
    expect(() => mergeEvents({ window: 1 } as never)).toThrow(/unknown option `window`/);
  });
});

describe('sharedCount (the content words two reports share)', () => {
  it('counts what two sorted lists without repeats have in common, as their sets would', () => {
    const list = fc.uniqueArray(fc.string({ minLength: 1, maxLength: 5 }), { maxLength: 30 }).map((a) => [...a].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0)));
    fc.assert(
      fc.property(list, list, (a, b) => {
        const inB = new Set(b);
        expect(sharedCount(a, b)).toBe(a.filter((x) => inB.has(x)).length);
      }),
    );
    expect(sharedCount(['elect', 'minis', 'talks'], ['minis', 'talks', 'video'])).toBe(2);
  });
});
