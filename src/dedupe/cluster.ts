/**
 * Entity dedupe over a whole corpus: mentions become nodes (one per document, type and cleaned
 * form), joined by a union-find in the phases of `dedupePhases` (src/dedupe/phases/index.ts),
 * then read out as entities, a mention-to-entity map and the merge log.
 *
 * Documents and nodes are sorted first and every phase visits them in sorted order, so the result
 * does not depend on input order.
 */
import { createHash } from 'node:crypto';
import { collectGarbage, collectGarbageIfGrown } from '../gc.js';
import type { Entity, EntityType, Merge, PlaceLink, ProcessedDoc } from '../types.js';
import { surface, type KindCue, type Surface } from '../names/normalize.js';
import type { MentionEntityLookup, MentionNodes } from './mention-entities.js';
import type { DedupePhase, DocumentPhase } from './phase.js';
import { dedupePhases } from './phases/index.js';
import { compare, createState, type Cluster, type DedupeConfig, type DedupeState, type MergeLog, type Node } from './state.js';

export type { DedupeConfig } from './state.js';

export interface DedupeResult {
  entities: Entity[];
  /** Entity id of each mention, by document and start offset. */
  mentionEntity: MentionEntityLookup;
  merges: Merge[];
}

/**
 * `docs` gives the documents in doc-id order, one at a time, each time it is called (it is read
 * twice, and no document is held).
 */
export function clusterEntities(docs: () => Iterable<ProcessedDoc>, config: DedupeConfig): DedupeResult {
  const state = createState(docs, config);
  // Building a node per document and name leaves a key string and a map per document behind (src/gc.ts).
  collectGarbage();
  runPhases(state, dedupePhases);
  // The phases' blocks and candidate pairs are garbage now: collected before the entities are
  // built, so that building them does not grow the heap past it (measured at 10M tokens: 104 MB
  // of the 394 MB in use after the cross-document phase was garbage; the dedupe's peak resident
  // memory fell from 644 to about 570 MB).
  collectGarbage();
  return buildEntities(state.nodes, clustersOf(state), state.find, state.merges, state.mentionNodes);
}

/**
 * Every cluster with its root, one at a time: a node never joined to another has its cluster
 * made when asked for, and most nodes are such (a list of them all held some 250 bytes per node).
 */
function* clustersOf(state: DedupeState): Generator<readonly [number, Cluster]> {
  for (const r of state.roots()) yield [r, state.clusterOf(r)];
}

/**
 * Heap growth over which a phase's garbage is collected before the next phase starts. Each
 * phase's blocks and maps span every node of the run and are garbage once it ends; left to V8,
 * the 10M-token dedupe's heap held ~100 MB of them at its peak (src/gc.ts). Small phases, and
 * every phase of a small run, grow it less and cost no collection.
 */
const phaseGarbage = 16 * 2 ** 20;

/** Runs `phases` in order; consecutive document phases run together, one document at a time. */
function runPhases(state: DedupeState, phases: readonly DedupePhase[]): void {
  for (let i = 0; i < phases.length; ) {
    const phase = phases[i]!;
    if (phase.scope === 'corpus') {
      phase.run(state);
      i++;
    } else {
      const group: DocumentPhase[] = [];
      for (let p = phases[i]; p !== undefined && p.scope === 'document'; p = phases[++i]) group.push(p);
      for (const [docId, list] of state.byDoc) for (const p of group) p.run(state, docId, list);
    }
    collectGarbageIfGrown(phaseGarbage);
  }
}

function buildEntities(
  nodes: Node[],
  /** Every cluster with its root, by root index. */
  clusters: Iterable<readonly [number, Cluster]>,
  find: (i: number) => number,
  merges: MergeLog,
  mentionNodes: MentionNodes,
): DedupeResult {
  const idOf = new Map<number, string>();
  const entities: Entity[] = [];
  const ids = new EntityIds();
  for (const [root, cluster] of clusters) {
    const members = cluster.nodes.map((i) => nodes[i]!);
    const type = members[0]!.type;
    const name = pickName(members);
    const link = type === 'PLACE' ? pickLink(members) : null;
    const aliases = [...new Set(members.flatMap((n) => n.written))].sort(compare);
    const canonical = surface(name, type);
    const id = ids.allocate(type, `${type}\u0000${canonical.loose || name}\u0000${link?.kind ?? ''}\u0000${link?.countryCode ?? ''}`, aliases);
    idOf.set(root, id);
    entities.push({
      id,
      type,
      name,
      aliases,
      mentionCount: members.reduce((s, n) => s + n.counted, 0),
      docIds: [...new Set(members.filter((n) => n.mentionCount > 0).map((n) => n.docId))].sort(compare),
      roles: [...new Set(members.flatMap((n) => [...n.roles]))].sort(compare),
      place: link,
    });
  }
  entities.sort((a, b) => compare(a.type, b.type) || compare(a.name, b.name) || compare(a.id, b.id));
  const mentionEntity = mentionNodes.entities(nodes.map((n) => idOf.get(find(n.index))!));
  // One row per entity and distinct record (a root is one entity).
  const seen = new Set<number>();
  const out: Merge[] = [];
  for (let i = 0; i < merges.length; i++) {
    const root = find(merges.node(i));
    const record = merges.recordId(i);
    const k = root * merges.records + record;
    if (seen.has(k)) continue;
    seen.add(k);
    const m = merges.record(record);
    out.push({ entityId: idOf.get(root)!, from: m.from, into: m.into, rule: m.rule, score: m.score, docId: m.docId });
  }
  out.sort(
    (a, b) =>
      compare(a.entityId, b.entityId) || compare(a.rule, b.rule) || compare(a.into, b.into) ||
      compare(a.from, b.from) || compare(a.docId ?? '', b.docId ?? '') || a.score - b.score,
  );
  return { entities, mentionEntity, merges: out };
}

/**
 * Entity ids, unique in a run: the id of a cluster's canonical key; for a second cluster with
 * the same key (kept apart by a rule), the id of the key with its aliases; for a third with the
 * same aliases too, of that with 2, 3, ... appended, the first not taken.
 *
 * The counter of each such key is kept, so that the n-th cluster of one key and aliases does not
 * hash the n - 1 taken ones again: a city's name written as a club in each of thousands of
 * documents (place-named organizations are not joined across documents) made that quadratic,
 * most of the entity dedupe's time at 20 million tokens and more. The ids are the same.
 */
export class EntityIds {
  readonly #used = new Set<string>();
  /** Per key with aliases, the suffix to try next. */
  readonly #next = new Map<string, number>();
  /** Hashes computed so far (for tests of the work done). */
  hashes = 0;

  allocate(type: EntityType, key: string, aliases: readonly string[]): string {
    let id = this.#hash(type, key);
    if (this.#used.has(id)) {
      // Two clusters with one canonical key (kept apart by a rule): tell them apart by their aliases.
      const full = `${key}\u0000${aliases.join('\u0001')}`;
      id = this.#hash(type, full);
      let k = this.#next.get(full) ?? 2;
      for (; this.#used.has(id); k++) id = this.#hash(type, `${full}\u0000${k}`);
      this.#next.set(full, k);
    }
    this.#used.add(id);
    return id;
  }

  #hash(type: EntityType, key: string): string {
    this.hashes++;
    return entityId(type, key);
  }
}

/** `per_`, `org_` or `loc_` and 12 hex digits of a SHA-256 of the canonical key. */
function entityId(type: EntityType, key: string): string {
  const prefix = type === 'PERSON' ? 'per' : type === 'ORGANIZATION' ? 'org' : 'loc';
  return `${prefix}_${createHash('sha256').update(key).digest('hex').slice(0, 12)}`;
}

/**
 * The most complete form: not an acronym, most name tokens, most mentions, longest, then by code
 * point. A place is named as written, preferring a form without a kind word ("Punjab" over
 * "Punjab province", but "Mexico City" when that is all there is).
 */
function pickName(members: Node[]): string {
  const votes = new Map<string, { s: Surface; count: number; kindWord: boolean }>();
  for (const n of members) {
    const place = n.type === 'PLACE';
    const name = (place ? n.surf.written : n.surf.display) || n.written[0]!;
    const v = votes.get(name) ?? { s: n.surf, count: 0, kindWord: place && n.surf.written !== n.surf.display };
    v.count += n.mentionCount + (n.virtual ? 0.5 : 0);
    votes.set(name, v);
  }
  const ranked = [...votes.entries()].sort(
    ([an, a], [bn, b]) =>
      Number(a.s.acronym !== null) - Number(b.s.acronym !== null) ||
      Number(a.kindWord) - Number(b.kindWord) ||
      b.s.tokens.length - a.s.tokens.length ||
      b.count - a.count ||
      bn.length - an.length ||
      compare(an, bn),
  );
  return ranked[0]![0];
}

/** The link most mentions agree on (ties: the smaller gazetteer id); a bare kind when none links. */
function pickLink(members: Node[]): PlaceLink {
  const votes = new Map<string, { link: PlaceLink; count: number }>();
  for (const n of members) {
    if (n.link === null || n.link.gazetteerId === null) continue;
    const v = votes.get(n.link.gazetteerId) ?? { link: n.link, count: 0 };
    v.count += Math.max(1, n.mentionCount);
    votes.set(n.link.gazetteerId, v);
  }
  const best = [...votes.entries()].sort(([a, x], [b, y]) => y.count - x.count || compare(a, b))[0];
  if (best !== undefined) return best[1].link;
  const kinds = [...new Set(members.map((n) => n.kind).filter((k): k is KindCue => k !== null && k !== 'other'))].sort();
  return { kind: kinds.length === 1 ? kinds[0]! : 'other', countryCode: null, admin1: null, latitude: null, longitude: null, gazetteerId: null };
}

