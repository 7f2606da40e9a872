/**
 * The merge rule: which event reports (from one document or many) are one event, and what the
 * merged row says when its sources disagree.
 *
 * Two reports are the same event when all of these hold:
 * - same frame: family (`attack` and `casualties` are one family; src/events/taxonomy.ts), both
 *   planned or both not, and for meetings the same kind (a phone call is not a committee meeting);
 * - compatible dates: the same value; or, when both are days, at most `windowDays` apart and no
 *   document gives both dates (a document that dates two reports differently tells them apart);
 *   or a coarser date (a week, a month, a year) that contains the other;
 * - compatible actors: when both name actors, they share one, and when both name people or
 *   organizations as actors they share one of those;
 * - related (`isRelated`): they share a key entity (actor, target or place, by entity id) or a
 *   country (a village and its country, from the gazetteer link); statements and meetings
 *   must share an actor or target when both name one. A report with no key entity joins only on
 *   its exact day, only an event it shares two content words with, and only when exactly one
 *   event fits. When the dates differ, the reports must share an actor or a target: sources that
 *   disagree on the day must agree on more than the place. A coarse date is folded into a finer
 *   event only when exactly one fits.
 *
 * Order of the passes, within each frame: reports with the same date first (richest reports
 * first, so an entity-less report meets events that are already formed), then days within the
 * window, then coarse dates folded into the one finer event they contain. Every pass walks its
 * items in a canonical order (by content: date, type, document id, sentence), so the result does
 * not depend on the order documents arrived in.
 *
 * The merged row takes the date most documents give, at the finest precision any report gives
 * (ties: the earliest), and lists every other date that does not contain it in
 * `conflictingDates`. Its type is the most frequent type (ties: taxonomy order), its fatalities
 * the most frequent stated count (ties: the largest; a later count usually includes earlier
 * ones), and its date text, trigger and sentence come from the representative report: the first,
 * in document id and sentence order, of those giving the chosen date.
 */
import { createHash } from 'node:crypto';
import { stringInterner } from '../gc.js';
import type { MentionEntityLookup } from '../dedupe/mention-entities.js';
import type { Entity, Event, EventReport, EventType, Precision, ProcessedDoc } from '../types.js';
import { eventTypes } from '../types.js';
import { calendarValue, dayRange, span, within } from './dates.js';
import { family } from './taxonomy.js';

/** Options of the merge rule. */
export interface MergeRuleOptions {
  /** Days two day-precision dates of one event may differ by when sources disagree. */
  windowDays: number;
}

/** One report, resolved to entity ids. */
interface Report {
  docId: string;
  sentence: number;
  sentenceText: string;
  trigger: string;
  type: EventType;
  family: string;
  /** For meetings: `call` (a phone call) or `meet`; empty for other families. */
  kind: string;
  planned: boolean;
  value: string;
  precision: Precision;
  dateText: string;
  actors: string[];
  targets: string[];
  places: string[];
  others: string[];
  /** `cc:XX` for the country of every place and actor linked to the gazetteer. */
  countries: string[];
  /** Content words of the sentence (src: `contentWords`), for reports that name no entity: sorted, each once. */
  words: readonly string[];
  fatalities: number | null;
  /** Canonical order key: by content only. */
  key: string;
  /** `span(value)`: days the date covers. */
  span: number;
  actor1: string | null;
  actor2: string | null;
  /** Where this report says it happened, and how sure (0 in the trigger's clause ... 4 the document's main place). */
  location: { id: string; level: number; grain: number } | null;
  url: string | null;
  published: string | null;
}

interface Cluster {
  reports: Report[];
  /**
   * Values derived from `reports`, computed on first use and dropped whenever reports are added
   * (`absorb`): the passes ask about the same clusters many times, and rebuilding these each time
   * made the merge grow much faster than the number of reports.
   */
  value?: string;
  range?: [number, number] | null;
  sets?: Partial<Record<'actors' | 'targets' | 'places' | 'keys' | 'countries' | 'parties' | 'personalActors', ReadonlySet<string>>>;
  size?: number;
  key?: string;
}

const phone = /\b(phone|telephone|phoned|telephoned|video ?call|call)\b/i;

/** Merges the reports of every document into events, sorted by (date, type, id). */
export function mergeReports(docs: Iterable<ProcessedDoc>, mentionEntity: MentionEntityLookup, entities: readonly Entity[], options: MergeRuleOptions): Event[] {
  const entityType = new Map(entities.map((e) => [e.id, e.type]));
  const countryOf = new Map(entities.flatMap((e) => (e.place?.countryCode ? [[e.id, e.place.countryCode] as const] : [])));
  const personal = (ids: readonly string[]): string[] => ids.filter((id) => entityType.get(id) === 'PERSON' || entityType.get(id) === 'ORGANIZATION');
  // Reports of different frames (family, planned, kind) never merge: each frame on its own.
  const frames = new Map<string, Report[]>();
  const grainOf = new Map(entities.flatMap((e) => (e.type === 'PLACE' ? [[e.id, placeGrain(e)] as const] : [])));
  for (const r of collectReports(docs, mentionEntity, countryOf, grainOf)) {
    const frame = `${r.family}\u0000${r.planned}\u0000${r.kind}`;
    const list = frames.get(frame);
    if (list === undefined) frames.set(frame, [r]);
    else list.push(r);
  }
  const events: Event[] = [];
  for (const reports of frames.values()) {
    for (const c of mergeFrame(reports, personal, options)) events.push(toEvent(c, entityType));
  }
  return events.sort((a, b) => cmp(a.date, b.date) || cmp(a.type, b.type) || cmp(a.id, b.id));
}

/** The three passes over the reports of one frame. */
function mergeFrame(reports: Report[], personal: (ids: readonly string[]) => string[], options: MergeRuleOptions): Cluster[] {
  // Pass 1: the same date. Richest reports first so entity-less ones meet formed events.
  const clusters: Cluster[] = [];
  const byValue = new Map<string, Cluster[]>();
  const byRichness = [...reports].sort((a, b) => keyCount(b) - keyCount(a) || cmp(a.key, b.key));
  for (const r of byRichness) {
    const same = byValue.get(r.value) ?? [];
    const target = choose(same.filter((c) => actorsAgree(c, r, personal)), r);
    if (target === 'alone') {
      const c: Cluster = { reports: [r] };
      clusters.push(c);
      if (same.length === 0) byValue.set(r.value, [c]);
      else same.push(c);
    } else {
      absorb(target, [r]);
    }
  }

  // Pass 2: days within the window, smaller events into larger ones.
  const window = options.windowDays;
  mergePass(
    clusters,
    (c, days) => {
      const r = clusterRange(c);
      if (r === null || r[0] !== r[1]) return [];
      const out: Cluster[] = [];
      // Not push(...list): a busy day of a large run can hold more clusters than a call takes arguments.
      for (let d = r[0] - window; d <= r[0] + window; d++) if (d !== r[0]) for (const c2 of days.get(d) ?? []) out.push(c2);
      return out;
    },
    (small, big) => !sharedDocument(small, big) && intersects(clusterParties(small), clusterParties(big)),
    personal,
    false,
  );

  // Pass 3: a coarse date folded into the one finer event it contains.
  mergePass(
    clusters,
    (c, days) => {
      const r = clusterRange(c);
      if (r === null || r[0] === r[1]) return [];
      const out: Cluster[] = [];
      for (let d = r[0]; d <= r[1]; d++) for (const o of days.get(d) ?? []) if (clusterSpan(o) < clusterSpan(c) && withinRange(clusterRange(o), clusterRange(c))) out.push(o);
      return out;
    },
    () => true,
    personal,
    true,
  );
  return clusters;
}

/** Reports of every document with entity indices turned into entity ids. */
function collectReports(docs: Iterable<ProcessedDoc>, mentionEntity: MentionEntityLookup, countryOf: ReadonlyMap<string, string>, grainOf: ReadonlyMap<string, number>): Report[] {
  const out: Report[] = [];
  // Every report is held until the merge ends: its words as a sorted list of strings kept once
  // for the run (a set of fresh strings per report took some 700 bytes a report).
  const intern = stringInterner();
  for (const doc of docs) {
    const idOf = (i: number | null | undefined): string | null => {
      const m = i === null || i === undefined ? undefined : doc.entities[i];
      return m === undefined ? null : mentionEntity.lookup(doc.id, m.start) ?? null;
    };
    const main = mainPlace(doc, mentionEntity, grainOf);
    const ids = (indices: readonly number[]): string[] => {
      if (indices.length === 0) return noIds;
      const set = new Set<string>();
      for (const i of indices) {
        const m = doc.entities[i];
        const id = m === undefined ? undefined : mentionEntity.lookup(doc.id, m.start);
        if (id !== undefined) set.add(id);
      }
      return set.size === 0 ? noIds : [...set].sort();
    };
    for (const e of doc.events) {
      const d = doc.dates[e.date];
      if (d === undefined || d.value === null || d.precision === null) continue;
      const value = calendarValue(d.value);
      const fam = family(e.type);
      const actors = ids(e.actors);
      const targets = without(ids(e.targets), actors);
      const places = without(without(ids(e.places), actors), targets);
      out.push({
        docId: doc.id,
        sentence: e.sentence,
        sentenceText: e.sentenceText,
        trigger: e.trigger,
        type: e.type,
        family: fam,
        kind: fam === 'meeting' ? (phone.test(e.sentenceText) ? 'call' : 'meet') : '',
        planned: d.planned,
        value,
        precision: value === d.value ? d.precision : 'day',
        dateText: d.text,
        actors,
        targets,
        places,
        others: ids(e.others),
        words: [...contentWords(e.sentenceText)].sort(cmp).map(intern),
        countries: countriesOf(actors, places, countryOf),
        fatalities: e.fatalities,
        key: [value, e.type, doc.id, String(e.sentence).padStart(8, '0'), e.trigger].join('\u0000'),
        span: span(value),
        actor1: idOf(e.actor1),
        actor2: idOf(e.actor2),
        location: reportLocation(e, idOf, grainOf, main),
        url: doc.url ?? null,
        published: doc.published,
      });
    }
  }
  return out.sort((a, b) => cmp(a.key, b.key));
}

/**
 * The list of no entity ids, shared by every report that names none (most name none in one role
 * or more, and a report is held until the merge ends). Never added to.
 */
const noIds: string[] = Object.freeze([]) as unknown as string[];

/** `ids` without those in `drop` (`ids` itself when none is dropped). */
function without(ids: string[], drop: readonly string[]): string[] {
  if (ids.length === 0 || drop.length === 0 || !ids.some((id) => drop.includes(id))) return ids;
  const kept = ids.filter((id) => !drop.includes(id));
  return kept.length === 0 ? noIds : kept;
}

/** `cc:XX` for the country of every actor and place linked to the gazetteer, sorted, each once. */
function countriesOf(actors: readonly string[], places: readonly string[], countryOf: ReadonlyMap<string, string>): string[] {
  if (actors.length === 0 && places.length === 0) return noIds;
  const out = [...new Set([...actors, ...places].flatMap((id) => (countryOf.has(id) ? [`cc:${countryOf.get(id)}`] : [])))].sort();
  return out.length === 0 ? noIds : out;
}

/**
 * How fine a place is: 1 a town or finer (or another place with coordinates), 2 a first-level
 * region, 3 a country, 4 a place the gazetteer does not know (it cannot be mapped).
 */
function placeGrain(e: Entity): number {
  const p = e.place;
  if (p === null || p.latitude === null) return 4;
  return p.kind === 'country' ? 3 : p.kind === 'region' ? 2 : 1;
}

/** The document's most mentioned place (ties: the finer, then the first mentioned), or null. */
function mainPlace(doc: ProcessedDoc, mentionEntity: MentionEntityLookup, grainOf: ReadonlyMap<string, number>): { id: string; grain: number } | null {
  const counts = new Map<string, { n: number; first: number }>();
  doc.entities.forEach((m, i) => {
    if (m.type !== 'PLACE' || m.repeated) return;
    const id = mentionEntity.lookup(doc.id, m.start);
    if (id === undefined) return;
    const c = counts.get(id);
    if (c === undefined) counts.set(id, { n: 1, first: i });
    else c.n++;
  });
  let best: { id: string; n: number; first: number; grain: number } | null = null;
  for (const [id, { n, first }] of counts) {
    const grain = grainOf.get(id) ?? 4;
    if (grain === 4) continue;
    if (best === null || n > best.n || (n === best.n && (grain < best.grain || (grain === best.grain && first < best.first)))) best = { id, n, first, grain };
  }
  return best === null ? null : { id: best.id, grain: best.grain };
}

/**
 * Where one report says its event happened: a place in the trigger's clause ("in X" near the
 * trigger, "the Madrid summit"; the finest of them), else a place that is the target, else
 * another place of the sentence (the nearest), else the dateline's finest place, else the
 * document's most mentioned place. A place the gazetteer does not know is taken only when no
 * known one is at the same level. For statements and court actions the dateline comes right
 * after the clause: words are spoken where the reporter is, not where their subject is.
 */
const speechTypes: ReadonlySet<string> = new Set(['statement', 'court']);

function reportLocation(
  e: ProcessedDoc['events'][number],
  idOf: (i: number | null | undefined) => string | null,
  grainOf: ReadonlyMap<string, number>,
  main: { id: string; grain: number } | null,
): Report['location'] {
  const at = (mentions: readonly number[], level: number, finest: boolean): Report['location'] => {
    let best: Report['location'] = null;
    for (const m of mentions) {
      const id = idOf(m);
      if (id === null) continue;
      const grain = grainOf.get(id) ?? 4;
      if (best === null || (finest ? grain < best.grain : grain < 4 && best.grain === 4)) best = { id, level, grain };
    }
    return best;
  };
  const locations = e.locations ?? [];
  const clause = at(locations.filter((l) => l.level === 0).map((l) => l.mention), 0, true);
  if (clause !== null) return clause;
  const target = at(locations.filter((l) => l.level === 1).map((l) => l.mention), 1, false);
  const dateline = at(e.dateline ?? [], 2, true);
  const other = at(locations.filter((l) => l.level === 2).map((l) => l.mention), 3, false);
  const order = speechTypes.has(e.type) ? [dateline, target, other] : [target, other, dateline];
  for (const l of order) if (l !== null) return l;
  return main === null ? null : { id: main.id, level: 4, grain: main.grain };
}

function keyEntities(r: Report): string[] {
  return [...r.actors, ...r.targets, ...r.places];
}

function keyCount(r: Report): number {
  return r.actors.length * 4 + r.targets.length * 2 + r.places.length;
}

/**
 * Two sets of actors do not contradict each other: either is empty, or they share one and their
 * personal actors (built only when needed) are empty on a side or shared.
 */
function actorSetsAgree(a: ReadonlySet<string>, b: ReadonlySet<string>, personalA: () => ReadonlySet<string>, personalB: () => ReadonlySet<string>): boolean {
  if (a.size === 0 || b.size === 0) return true;
  if (!intersects(a, b)) return false;
  const pa = personalA();
  const pb = personalB();
  return pa.size === 0 || pb.size === 0 || intersects(pa, pb);
}

/** Actors of a cluster and a report do not contradict each other. */
function actorsAgree(c: Cluster, r: Report, personal: (ids: readonly string[]) => string[]): boolean {
  return actorSetsAgree(clusterSet(c, 'actors'), new Set(r.actors), () => clusterPersonalActors(c, personal), () => new Set(personal(r.actors)));
}

/** Actors of two clusters do not contradict each other. */
function clustersAgree(a: Cluster, b: Cluster, personal: (ids: readonly string[]) => string[]): boolean {
  return actorSetsAgree(clusterSet(a, 'actors'), clusterSet(b, 'actors'), () => clusterPersonalActors(a, personal), () => clusterPersonalActors(b, personal));
}

type SetName = keyof NonNullable<Cluster['sets']>;

/** A derived set of a cluster, built once until the cluster changes. Callers must not modify it. */
function cached(c: Cluster, name: SetName, build: () => Set<string>): ReadonlySet<string> {
  const sets = (c.sets ??= {});
  return (sets[name] ??= build());
}

function clusterSet(c: Cluster, field: 'actors' | 'targets' | 'places'): ReadonlySet<string> {
  return cached(c, field, () => {
    const out = new Set<string>();
    for (const r of c.reports) for (const id of r[field]) out.add(id);
    return out;
  });
}

function clusterPersonalActors(c: Cluster, personal: (ids: readonly string[]) => string[]): ReadonlySet<string> {
  return cached(c, 'personalActors', () => new Set(personal([...clusterSet(c, 'actors')])));
}

function clusterKeys(c: Cluster): ReadonlySet<string> {
  return cached(c, 'keys', () => {
    const out = new Set<string>();
    for (const r of c.reports) for (const id of keyEntities(r)) out.add(id);
    return out;
  });
}

function clusterCountries(c: Cluster): ReadonlySet<string> {
  return cached(c, 'countries', () => {
    const out = new Set<string>();
    for (const r of c.reports) for (const cc of r.countries) out.add(cc);
    return out;
  });
}

/** Actors and targets of a cluster: who did it and to whom, without the places. */
function clusterParties(c: Cluster): ReadonlySet<string> {
  return cached(c, 'parties', () => {
    const out = new Set(clusterSet(c, 'actors'));
    for (const id of clusterSet(c, 'targets')) out.add(id);
    return out;
  });
}

function intersects(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  for (const x of a) if (b.has(x)) return true;
  return false;
}

function overlap(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let n = 0;
  for (const x of a) if (b.has(x)) n++;
  return n;
}

/**
 * Where a report goes among the clusters of its frame and date: the related one sharing most key
 * entities (a shared country only breaks ties); with no key entity of its own, the only one
 * related to it by words; otherwise a cluster of its own.
 */
function choose(fits: Cluster[], r: Report): Cluster | 'alone' {
  const single: Cluster = { reports: [r] };
  const related = fits.filter((c) => isRelated(single, c));
  if (keyEntities(r).length === 0) return related.length === 1 ? related[0]! : 'alone';
  let best: Cluster | 'alone' = 'alone';
  let bestScore = 0;
  const keys = new Set(keyEntities(r));
  const countries = new Set(r.countries);
  for (const c of related) {
    const score = overlap(keys, clusterKeys(c)) * 100 + overlap(countries, clusterCountries(c)) + 1;
    if (score > bestScore) {
      best = c;
      bestScore = score;
    }
  }
  return best;
}

/** Families whose events are defined by who takes part: a shared place is not enough. */
const partyFamilies = new Set(['statement', 'meeting']);

/**
 * Whether two clusters of one frame can be one event, as far as entities and words tell:
 * - both with key entities: they share one (or a country, for places); for statements and
 *   meetings they share an actor or target when both name one;
 * - one without any key entity: it reports a single day and the two share at least two content
 *   words ("the two leaders talked by video call" and "the leaders held a video call").
 */
function isRelated(a: Cluster, b: Cluster): boolean {
  const ka = clusterKeys(a);
  const kb = clusterKeys(b);
  if (ka.size === 0 || kb.size === 0) {
    const dayA = clusterSpan(a) === 1;
    const dayB = clusterSpan(b) === 1;
    return dayA && dayB && sharedWords(a, b) >= minSharedWords;
  }
  if (partyFamilies.has(a.reports[0]!.family)) {
    const pa = clusterParties(a);
    const pb = clusterParties(b);
    if (pa.size > 0 && pb.size > 0) return intersects(pa, pb);
    return (intersects(ka, kb) || intersects(clusterCountries(a), clusterCountries(b))) && sharedWords(a, b) >= minSharedWords;
  }
  return intersects(ka, kb) || intersects(clusterCountries(a), clusterCountries(b));
}

/** Content words two reports without entities must share to be taken as one event. */
const minSharedWords = 2;

/** The most content words any report of `a` shares with any report of `b`. */
function sharedWords(a: Cluster, b: Cluster): number {
  let best = 0;
  for (const x of a.reports) for (const y of b.reports) best = Math.max(best, sharedCount(x.words, y.words));
  return best;
}

/** The strings two sorted lists without repeats have in common. */
export function sharedCount(a: readonly string[], b: readonly string[]): number {
  let n = 0;
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    if (a[i] === b[j]) {
      n++;
      i++;
      j++;
    } else if (a[i]! < b[j]!) i++;
    else j++;
  }
  return n;
}

const stopWords = new Set(
  ('about above after again against also among another around because been before being below between both could does doing down during each '
    + 'even from further have having here itself just more most much must near only other over said says same should since some still such '
    + 'than that their them then there these they this those through under until upon very were what when where which while will with within '
    + 'would your year years week weeks month months today yesterday tomorrow '
    + 'january february march april june july august september october november december monday tuesday wednesday thursday friday saturday sunday')
    .split(' '),
);

/** Content words of a sentence, cut to their first five letters so inflections meet. */
export function contentWords(sentence: string): Set<string> {
  const out = new Set<string>();
  for (const w of sentence.toLowerCase().match(/\p{L}+/gu) ?? []) if (w.length >= 4 && !stopWords.has(w)) out.add(w.slice(0, 5));
  return out;
}

/**
 * Merges each cluster into the one other cluster it best fits, smallest clusters first, in sweeps
 * until a sweep changes nothing. `neighbours` finds the clusters worth asking about through an
 * index by first day (rebuilt every sweep); `fits` is the pass's own condition. With `directed`
 * (coarse into fine), a cluster with key entities goes only where exactly one cluster shares
 * them; otherwise the smaller cluster goes into the larger one sharing most.
 */
function mergePass(
  clusters: Cluster[],
  neighbours: (c: Cluster, days: ReadonlyMap<number, Cluster[]>) => Cluster[],
  fits: (a: Cluster, b: Cluster) => boolean,
  personal: (ids: readonly string[]) => string[],
  directed: boolean,
): void {
  for (let changed = true; changed; ) {
    changed = false;
    const days = new Map<number, Cluster[]>();
    for (const c of clusters) {
      const r = clusterRange(c);
      if (r === null || r[0] !== r[1]) continue;
      const list = days.get(r[0]);
      if (list === undefined) days.set(r[0], [c]);
      else list.push(c);
    }
    const dead = new Set<Cluster>();
    const order = [...clusters].sort((a, b) => size(a) - size(b) || cmp(clusterKey(a), clusterKey(b)));
    for (const c of order) {
      if (dead.has(c)) continue;
      const keys = clusterKeys(c);
      // Directed, a cluster without key entities goes nowhere: no need to look for candidates.
      if (directed && keys.size === 0) continue;
      // With key entities, only a cluster sharing one can be chosen: that cheap test goes first,
      // so a busy day's other clusters are not put through the dearer ones (same result).
      const sharesKey = (o: Cluster): boolean => keys.size === 0 || overlap(keys, clusterKeys(o)) > 0;
      const candidates = neighbours(c, days).filter(
        (o) => o !== c && !dead.has(o) && (directed || larger(o, c)) && sharesKey(o) && fits(c, o) && clustersAgree(c, o, personal) && isRelated(c, o),
      );
      let chosen: Cluster | undefined;
      if (keys.size === 0) {
        if (candidates.length === 1 && !directed) chosen = candidates[0];
      } else {
        // Every candidate shares a key here (`sharesKey`): the score ranks them.
        const scored = candidates.map((o) => ({ o, score: overlap(keys, clusterKeys(o)) }));
        scored.sort((x, y) => y.score - x.score || size(y.o) - size(x.o) || cmp(clusterKey(x.o), clusterKey(y.o)));
        if (directed ? scored.length === 1 : scored.length > 0) chosen = scored[0]!.o;
      }
      if (chosen !== undefined) {
        absorb(chosen, c.reports);
        dead.add(c);
        changed = true;
      }
    }
    if (dead.size > 0) {
      const kept = clusters.filter((c) => !dead.has(c));
      clusters.splice(0, clusters.length, ...kept);
    }
  }
}

/** Adds reports to a cluster (and forgets its cached date). */
function absorb(into: Cluster, reports: readonly Report[]): void {
  for (const r of reports) into.reports.push(r);
  delete into.value;
  delete into.range;
  delete into.sets;
  delete into.size;
  delete into.key;
}

function size(c: Cluster): number {
  c.size ??= new Set(c.reports.map((r) => r.docId)).size * 1000 + c.reports.length;
  return c.size;
}

function larger(a: Cluster, b: Cluster): boolean {
  return size(a) > size(b) || (size(a) === size(b) && cmp(clusterKey(a), clusterKey(b)) < 0);
}

function clusterKey(c: Cluster): string {
  if (c.key === undefined) {
    let min = c.reports[0]!.key;
    for (const r of c.reports) if (r.key < min) min = r.key;
    c.key = min;
  }
  return c.key;
}

/** Some document has reports in both clusters with different dates. */
function sharedDocument(a: Cluster, b: Cluster): boolean {
  const docs = new Map<string, Set<string>>();
  for (const r of a.reports) docs.set(r.docId, (docs.get(r.docId) ?? new Set()).add(r.value));
  return b.reports.some((r) => {
    const values = docs.get(r.docId);
    return values !== undefined && !values.has(r.value);
  });
}

/**
 * The cluster's date: among the finest-precision values, the one most documents give; ties go
 * to the earliest.
 */
function clusterValue(c: Cluster): string {
  c.value ??= majorityValue(c);
  return c.value;
}

/** `dayRange` of the cluster's date. */
function clusterRange(c: Cluster): [number, number] | null {
  if (c.range === undefined) c.range = dayRange(clusterValue(c));
  return c.range;
}

/** `span` of the cluster's date: days covered, Infinity when it has no range. */
function clusterSpan(c: Cluster): number {
  const r = clusterRange(c);
  return r === null ? Infinity : r[1] - r[0] + 1;
}

/** `within` on ranges: `inner` lies inside `outer`. */
function withinRange(inner: [number, number] | null, outer: [number, number] | null): boolean {
  return inner !== null && outer !== null && outer[0] <= inner[0] && inner[1] <= outer[1];
}

function majorityValue(c: Cluster): string {
  let finest = Infinity;
  for (const r of c.reports) finest = Math.min(finest, r.span);
  const docsByValue = new Map<string, Set<string>>();
  for (const r of c.reports) {
    if (r.span !== finest) continue;
    docsByValue.set(r.value, (docsByValue.get(r.value) ?? new Set()).add(r.docId));
  }
  let best = '';
  let bestCount = -1;
  for (const [value, docs] of [...docsByValue].sort((x, y) => cmp(x[0], y[0]))) {
    if (docs.size > bestCount) {
      best = value;
      bestCount = docs.size;
    }
  }
  return best;
}

function toEvent(c: Cluster, entityType: ReadonlyMap<string, string>): Event {
  const reports = [...c.reports].sort((a, b) => cmp(a.docId, b.docId) || a.sentence - b.sentence || cmp(a.trigger, b.trigger) || cmp(a.key, b.key));
  const date = clusterValue(c);
  const rep = reports.find((r) => r.value === date) ?? reports[0]!;
  const typeCount = new Map<EventType, number>();
  for (const r of reports) typeCount.set(r.type, (typeCount.get(r.type) ?? 0) + 1);
  const type = [...typeCount].sort((x, y) => y[1] - x[1] || eventTypes.indexOf(x[0]) - eventTypes.indexOf(y[0]))[0]![0];
  const union = (field: 'actors' | 'targets' | 'places' | 'others'): string[] => [...new Set(reports.flatMap((r) => r[field]))].sort();
  const actorIds = union('actors');
  const targetIds = union('targets').filter((id) => !actorIds.includes(id));
  const placeIds = union('places').filter((id) => !actorIds.includes(id) && !targetIds.includes(id));
  const entityIds = [...new Set([...actorIds, ...targetIds, ...placeIds, ...union('others')])].sort();
  const docIds = [...new Set(reports.map((r) => r.docId))].sort();
  const conflictingDates = [...new Set(reports.map((r) => r.value))].filter((v) => v !== date && !within(date, v)).sort();
  const eventReports: EventReport[] = reports.map((r) => ({ docId: r.docId, sentence: r.sentence, sentenceText: r.sentenceText, date: r.value, dateText: r.dateText, trigger: r.trigger }));
  const id = `evt_${createHash('sha256')
    .update(JSON.stringify([date, type, rep.planned, reports.map((r) => [r.docId, r.sentence, r.trigger, r.value])]))
    .digest('hex')
    .slice(0, 12)}`;
  const [dateStart, dateEnd] = dateBounds(date);
  // actor1 and actor2: what most reports say (ties: the representative report's, then id order).
  const vote = (pick: (r: Report) => string | null, exclude: ReadonlySet<string>): string | null => {
    const counts = new Map<string, number>();
    for (const r of reports) {
      const id = pick(r);
      if (id !== null && !exclude.has(id)) counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    const own = pick(rep);
    return [...counts].sort((x, y) => y[1] - x[1] || (x[0] === own ? -1 : y[0] === own ? 1 : cmp(x[0], y[0])))[0]?.[0] ?? null;
  };
  const actor1Id = vote((r) => r.actor1, new Set());
  const actor2Id = vote((r) => r.actor2, new Set(actor1Id === null ? [] : [actor1Id]));
  const parties = new Set([...actorIds, ...targetIds, ...union('others').filter((id) => entityType.get(id) !== 'PLACE')]);
  const assocActorIds = [...parties].filter((id) => id !== actor1Id && id !== actor2Id).sort();
  // The location: the best level any report reaches, then the finest place, then most reports.
  const located = reports.flatMap((r) => (r.location === null ? [] : [r.location]));
  const bestLevel = Math.min(...located.map((l) => l.level));
  const locCounts = new Map<string, { n: number; grain: number }>();
  for (const l of located) if (l.level === bestLevel) locCounts.set(l.id, { n: (locCounts.get(l.id)?.n ?? 0) + 1, grain: l.grain });
  const locationId = [...locCounts].sort((x, y) => x[1].grain - y[1].grain || y[1].n - x[1].n || cmp(x[0], y[0]))[0]?.[0] ?? null;
  const published = reports.flatMap((r) => (r.published === null ? [] : [r.published])).sort();
  return {
    id,
    date,
    dateStart,
    dateEnd,
    timePrecision: timePrecision(date),
    actor1Id,
    actor2Id,
    assocActorIds,
    locationId,
    sourceUrls: [...new Set(reports.flatMap((r) => (r.url === null || r.url === '' ? [] : [r.url])))].sort(),
    firstReported: published[0] ?? null,
    precision: rep.precision,
    dateText: rep.dateText,
    planned: rep.planned,
    type,
    trigger: rep.trigger,
    actorIds,
    targetIds,
    placeIds,
    entityIds,
    sentence: rep.sentenceText,
    docIds,
    sourceCount: docIds.length,
    conflictingDates,
    fatalities: modeFatalities(reports),
    reports: eventReports,
  };
}

const dayMs = 86_400_000;
const isoDay = (d: number): string => new Date(d * dayMs).toISOString().slice(0, 10);

/** First and last day of a date value (`YYYY-MM-DD`), or nulls when it has no calendar range. */
export function dateBounds(value: string): [string, string] | [null, null] {
  const r = dayRange(value);
  return r === null ? [null, null] : [isoDay(r[0]), isoDay(r[1])];
}

/** 1 day, 2 week, 3 month, 4 quarter or season, 5 year, 6 decade; null for anything else. */
export function timePrecision(value: string): number | null {
  const v = calendarValue(value);
  if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return 1;
  if (/^\d{4}-W\d{2}(-WE)?$/.test(v)) return 2;
  if (/^\d{4}-\d{2}$/.test(v)) return 3;
  if (/^\d{4}-(Q[1-4]|SP|SU|FA|WI)$/.test(v)) return 4;
  if (/^\d{4}$/.test(v)) return 5;
  if (/^\d{3}$/.test(v)) return 6;
  return null;
}

/** The most frequent stated count of dead; ties go to the largest; null when none is stated. */
function modeFatalities(reports: readonly Report[]): number | null {
  const counts = new Map<number, number>();
  for (const r of reports) if (r.fatalities !== null) counts.set(r.fatalities, (counts.get(r.fatalities) ?? 0) + 1);
  if (counts.size === 0) return null;
  return [...counts].sort((x, y) => y[1] - x[1] || y[0] - x[0])[0]![0];
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
