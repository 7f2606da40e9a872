/**
 * Entity dedupe over a whole corpus.
 *
 * Mentions become nodes (one per document, type and cleaned form); nodes are joined by a
 * union-find in fixed phases, each computed from the state the previous one left:
 *
 * 1. overrides that force a merge;
 * 2. within a document: spelling variants, defined acronyms, acronyms of a name's initials, and
 *    person short forms ("Mr. Doe", "Doe" -> "John Doe") when exactly one full name fits;
 * 3. across documents: spelling variants of the same type, blocked by consonant skeleton;
 * 4. across documents, weaker: a lone surname to the one person cluster it fits, an acronym to the
 *    one cluster whose name has those initials.
 *
 * A union is refused when it would put two incompatible names in one cluster (two full names with
 * different given names, places in different countries or of different kinds, two different
 * acronyms) or a forbidden pair. Documents and nodes are sorted first and every phase visits
 * them in sorted order, so the result does not depend on input order.
 */
import { createHash } from 'node:crypto';
import type { Entity, EntityType, Merge, MentionRecord, PlaceLink, ProcessedDoc } from '../types.js';
import type { PlaceResolver } from '../geo/types.js';
import {
  alikeByInitials,
  givenName,
  isFullName,
  loneWord,
  middleInitialKey,
  middleInitialMatch,
  nameVariantScore,
  orgsCompatible,
  personsCompatible,
  shortFormScore,
  variantScore,
} from './match.js';
import { MentionEntities } from './mention-entities.js';
import { initialsOf, nameParticles, surface, type KindCue, type Surface } from './normalize.js';

/** Compiled configuration of the dedupe (see `DedupeOptions` in src/stages/dedupe-entities.ts). */
export interface DedupeConfig {
  merge: ReadonlyArray<readonly [string, string]>;
  forbid: ReadonlyArray<readonly [string, string]>;
  places: PlaceResolver | null;
}

export interface DedupeResult {
  entities: Entity[];
  /** Entity id of each mention, by document and start offset. */
  mentionEntity: MentionEntities;
  merges: Merge[];
}

interface Node {
  index: number;
  docId: string;
  type: EntityType;
  surf: Surface;
  /** Distinct forms as written, in the order first seen (usually one: a small array, not a set). */
  written: string[];
  mentions: MentionRecord[];
  counted: number;
  roles: Set<string>;
  /** A long form known only from an acronym definition: no mention of its own. */
  virtual: boolean;
  /** A person short form already resolved inside its document: not matched across documents. */
  weak: boolean;
  link: PlaceLink | null;
  kind: KindCue | 'other' | null;
}

/**
 * The empty set every node and cluster starts with (most never get a value): replaced by a set
 * of its own on the first addition (`withAll`), never added to.
 */
const none: Set<string> = new Set();

/** `into` with every value of `from` added: `into` itself, or a new set when `into` is `none`. */
function withAll(into: Set<string>, from: Iterable<string>): Set<string> {
  let out = into;
  for (const v of from) {
    if (out === none) out = new Set();
    out.add(v);
  }
  return out;
}

interface Cluster {
  nodes: number[];
  /** Distinct cleaned forms by `norm`, for the compatibility checks. */
  forms: Map<string, Surface>;
  acronyms: Set<string>;
  kinds: Set<string>;
  countries: Set<string>;
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

const roleKinds: ReadonlyMap<string, KindCue> = new Map([
  ['province', 'region'], ['region', 'region'], ['state', 'region'], ['district', 'region'],
  ['county', 'region'], ['governorate', 'region'], ['city', 'city'], ['town', 'city'],
  ['village', 'city'], ['country', 'country'],
]);

export function clusterEntities(input: readonly ProcessedDoc[], config: DedupeConfig): DedupeResult {
  const docs = [...input].sort((a, b) => compare(a.id, b.id) || compare(a.source, b.source) || (a.line ?? 0) - (b.line ?? 0));
  const nodes: Node[] = [];
  const byDoc = new Map<string, Node[]>();
  const initialsCache = new Map<Surface, string[]>();
  const initials = (s: Surface): string[] => {
    let v = initialsCache.get(s);
    if (v === undefined) initialsCache.set(s, (v = initialsOf(s)));
    return v;
  };

  // Name pairs recur across documents: score each pair of distinct forms once.
  const shortCache = new Map<string, number>();
  const shortScore = (a: Surface, b: Surface): number => {
    if (a.last !== b.last) return 0;
    const k = `${a.norm}\u0000${b.norm}`;
    let v = shortCache.get(k);
    if (v === undefined) shortCache.set(k, (v = shortFormScore(a, b)));
    return v;
  };

  // The same names recur in thousands of mentions: clean each written form once. A Surface is
  // shared by every node with that form and never modified (a role's kind cue makes a copy).
  const surfaces = new Map<string, Surface>();
  const cleaned = (text: string, type: EntityType): Surface => {
    const k = `${type}\u0000${text}`;
    let v = surfaces.get(k);
    if (v === undefined) surfaces.set(k, (v = surface(text, type)));
    return v;
  };

  // ---- nodes -------------------------------------------------------------------------------
  /** Acronym definitions (acronym node, long-form node), by document. */
  const definitions = new Map<string, Array<[Node, Node]>>();
  for (const doc of docs) {
    const local = new Map<string, Node>();
    const get = (text: string, type: EntityType, virtual: boolean, role: string | undefined): Node => {
      let surf = cleaned(text, type);
      const roleCue = type === 'PLACE' && role !== undefined ? roleKinds.get(role.trim().toLowerCase()) ?? null : null;
      if (surf.cue === null && roleCue !== null) surf = { ...surf, cue: roleCue };
      const norm = surf.tokens.length > 0 ? surf.norm : `\u0001${text}`;
      const key = `${doc.id}\u0000${type}\u0000${norm}\u0000${surf.cue ?? ''}`;
      let node = local.get(key);
      if (node === undefined) {
        node = {
          index: -1, docId: doc.id, type, surf, written: [], mentions: [], counted: 0,
          roles: none, virtual, weak: false, link: null, kind: surf.cue,
        };
        local.set(key, node);
      }
      if (!virtual) node.virtual = false;
      const form = surf.written.length > 0 ? surf.written : text.trim();
      if (!node.written.includes(form)) node.written.push(form);
      return node;
    };
    const mentions = [...doc.entities].sort((a, b) => a.start - b.start || a.end - b.end || compare(a.type, b.type));
    for (const m of mentions) {
      const node = get(m.text, m.type, false, m.role);
      node.mentions.push(m);
      if (m.repeated !== true) node.counted++;
      if (m.role !== undefined && m.type === 'PERSON' && m.role.trim() !== '') node.roles = withAll(node.roles, [m.role.trim()]);
      if (m.longFormText !== undefined && m.longFormText.trim() !== '') {
        const pair: [Node, Node] = [node, get(m.longFormText, m.type, true, undefined)];
        const list = definitions.get(doc.id);
        if (list === undefined) definitions.set(doc.id, [pair]);
        else list.push(pair);
      }
    }
    // Nodes in key order (the key is only needed here: it is not kept on the node).
    const list = [...local.entries()].sort((a, b) => compare(a[0], b[0])).map(([, n]) => n);
    for (const n of list) {
      n.index = nodes.length;
      nodes.push(n);
    }
    byDoc.set(doc.id, list);
  }

  // ---- places: link each node, with the countries its document names as context --------------
  if (config.places !== null) {
    // A resolver is a pure function of name and hint; the same few thousand places recur in every document.
    const resolver = config.places;
    const links = new Map<string, PlaceLink | null>();
    const resolve = (name: string, cue: KindCue | null, countries: string[]): PlaceLink | null => {
      const k = `${name}\u0000${cue ?? ''}\u0000${countries.join(',')}`;
      let v = links.get(k);
      if (v === undefined) links.set(k, (v = resolver.resolve(name, { cue, countries })));
      return v;
    };
    for (const list of byDoc.values()) {
      const places = list.filter((n) => n.type === 'PLACE' && n.surf.tokens.length > 0);
      const countries = new Set<string>();
      for (const n of places) {
        const link = resolve(n.surf.display, n.surf.cue, []);
        if (link?.kind === 'country' && link.countryCode !== null) countries.add(link.countryCode);
      }
      const context = [...countries].sort();
      for (const n of places) {
        n.link = resolve(n.surf.display, n.surf.cue, context);
        n.kind = n.surf.cue ?? (n.link !== null && n.link.kind !== 'other' ? n.link.kind : null);
      }
    }
  }

  // ---- union-find --------------------------------------------------------------------------
  const parent = nodes.map((_, i) => i);
  // Most nodes are never joined to another: a cluster is stored only once it has two nodes or
  // more; a lone node's is built when asked for (short-lived), which keeps the heap small.
  const merged: Array<Cluster | undefined> = new Array<Cluster | undefined>(nodes.length);
  const clusterOf = (root: number): Cluster => {
    const stored = merged[root];
    if (stored !== undefined) return stored;
    const n = nodes[root]!;
    return {
      nodes: [n.index],
      forms: new Map([[n.surf.norm, n.surf]]),
      acronyms: n.surf.acronym === null ? none : new Set([n.surf.acronym]),
      kinds: n.kind === null ? none : new Set([n.kind]),
      countries: n.link?.countryCode == null ? none : new Set([n.link.countryCode]),
    };
  };
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  const forbidden = new Set<string>();
  for (const [a, b] of config.forbid) {
    for (const type of ['PERSON', 'ORGANIZATION', 'PLACE'] as const) {
      const x = surface(a, type).norm;
      const y = surface(b, type).norm;
      forbidden.add(`${type}\u0000${x}\u0000${y}`);
      forbidden.add(`${type}\u0000${y}\u0000${x}`);
    }
  }
  const merges: Array<Omit<Merge, 'entityId'> & { node: number }> = [];
  const forbidLogged = new Set<string>();

  const compatible = (x: Cluster, y: Cluster, type: EntityType): boolean => {
    if (type === 'PLACE') {
      for (const k of x.kinds) for (const l of y.kinds) if (k !== l) return false;
      for (const c of x.countries) for (const d of y.countries) if (c !== d) return false;
    }
    if (type === 'ORGANIZATION') {
      if (x.acronyms.size > 0 && y.acronyms.size > 0 && ![...x.acronyms].some((a) => y.acronyms.has(a))) return false;
    }
    for (const a of x.forms.values()) {
      for (const b of y.forms.values()) {
        if (type === 'PERSON' && !personsCompatible(a, b)) return false;
        if (type === 'ORGANIZATION' && !orgsCompatible(a, b, initials)) return false;
      }
    }
    return true;
  };

  const union = (a: Node, b: Node, rule: string, score: number, docId: string | null, force = false): boolean => {
    const ra = find(a.index);
    const rb = find(b.index);
    if (ra === rb) return true;
    const x = clusterOf(ra);
    const y = clusterOf(rb);
    if (forbidden.size > 0) for (const p of x.forms.keys()) {
      for (const q of y.forms.keys()) {
        const fk = `${a.type}\u0000${p}\u0000${q}`;
        if (!forbidden.has(fk)) continue;
        const logKey = p < q ? `${p}\u0000${q}` : `${q}\u0000${p}`;
        if (!forbidLogged.has(logKey)) {
          forbidLogged.add(logKey);
          merges.push({ node: a.index, from: x.forms.get(p)!.display, into: y.forms.get(q)!.display, rule: 'override', score: 0, docId: null });
        }
        return false;
      }
    }
    if (!force && !compatible(x, y, a.type)) return false;
    // Keep the smaller root index so the representative is canonical.
    const [keep, gone] = ra < rb ? [ra, rb] : [rb, ra];
    const [k, g] = keep === ra ? [x, y] : [y, x];
    k.nodes.push(...g.nodes);
    for (const [norm, s] of g.forms) k.forms.set(norm, s);
    k.acronyms = withAll(k.acronyms, g.acronyms);
    k.kinds = withAll(k.kinds, g.kinds);
    k.countries = withAll(k.countries, g.countries);
    merged[keep] = k;
    merged[gone] = undefined;
    parent[gone] = keep;
    const [from, into] = moreComplete(a.surf, b.surf) ? [b, a] : [a, b];
    merges.push({ node: a.index, from: firstWritten(from), into: firstWritten(into), rule, score, docId });
    return true;
  };

  // ---- 1. forced merges --------------------------------------------------------------------
  for (const [a, b] of config.merge) {
    for (const type of ['PERSON', 'ORGANIZATION', 'PLACE'] as const) {
      const x = surface(a, type).norm;
      const y = surface(b, type).norm;
      const matching = nodes.filter((n) => n.type === type && (n.surf.norm === x || n.surf.norm === y));
      const first = matching[0];
      if (first === undefined) continue;
      for (const n of matching.slice(1)) union(first, n, 'override', 1, null, true);
    }
  }

  // ---- 2. within each document -------------------------------------------------------------
  for (const [docId, list] of byDoc) {
    for (const [acr, long] of definitions.get(docId) ?? []) union(long, acr, 'acronym', 1, docId);
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const a = list[i]!;
        const b = list[j]!;
        if (a.type !== b.type || a.surf.acronym !== null || b.surf.acronym !== null) continue;
        if (a.surf.norm === b.surf.norm) {
          // The same name with and without a kind word: one entity when the document uses one kind only.
          const cued = list.filter((n) => n.type === a.type && n.surf.norm === a.surf.norm && n.surf.cue !== null);
          if (cued.length === 1) union(a, b, 'exact', 1, docId);
          continue;
        }
        const score = nameVariantScore(a.surf, b.surf, a.type);
        if (score > 0) union(a, b, 'variant', score, docId);
      }
    }
    // Acronyms built from the initials of a name in the same document.
    for (const acr of list) {
      if (acr.surf.acronym === null) continue;
      const targets = list.filter((n) => n.type === acr.type && n.surf.acronym === null && initials(n.surf).includes(acr.surf.acronym!));
      const roots = new Set(targets.map((n) => find(n.index)));
      if (roots.size === 1) union(targets[0]!, acr, 'acronym-initials', 0.9, docId);
    }
    // Person short forms to the one full name they fit.
    for (const s of list) {
      if (s.type !== 'PERSON') continue;
      const fits = list
        .filter((f) => f !== s && f.type === 'PERSON' && f.surf.last === s.surf.last)
        .map((f) => [f, shortScore(s.surf, f.surf)] as const)
        .filter(([, score]) => score > 0);
      const roots = new Set(fits.map(([f]) => find(f.index)));
      if (roots.size !== 1) continue;
      const [best, score] = [...fits].sort((p, q) => q[1] - p[1] || p[0].index - q[0].index)[0]!;
      if (union(best, s, 'short-form', score, docId)) s.weak = !isFullName(s.surf);
    }
    // A lone given name to the one full name of the document that starts with it ("Ana" for
    // "Ana Ruiz"), when nothing else explained it (it is nobody's surname here).
    for (const s of list) {
      const word = s.type === 'PERSON' && !s.weak ? loneWord(s.surf) : null;
      if (word === null) continue;
      if ([...clusterOf(find(s.index)).forms.values()].some(isFullName)) continue;
      if (list.some((f) => f.type === 'PERSON' && isFullName(f.surf) && shortScore(s.surf, f.surf) > 0)) continue;
      const fits = list.filter((f) => f.type === 'PERSON' && givenName(f.surf) === word);
      if (new Set(fits.map((f) => find(f.index))).size !== 1) continue;
      if (union(fits[0]!, s, 'given-name', 0.8, docId)) s.weak = true;
    }
  }

  // ---- 3. across documents: spelling variants, blocked by type and skeleton -----------------
  const blocks = new Map<string, Node[]>();
  for (const n of nodes) {
    if (n.weak || n.surf.tokens.length === 0) continue;
    const k = `${n.type}\u0000${n.surf.skeleton}`;
    const block = blocks.get(k);
    if (block === undefined) blocks.set(k, [n]);
    else block.push(n);
  }
  const edges: Array<{ a: Node; b: Node; score: number }> = [];
  for (const block of [...blocks.entries()].sort((p, q) => compare(p[0], q[0])).map(([, v]) => v)) {
    // Compare distinct forms only: a block can hold the same name from thousands of documents.
    const byNorm = new Map<string, Node[]>();
    for (const n of block) {
      const k = `${n.surf.norm}\u0000${n.kind ?? ''}`;
      const list = byNorm.get(k);
      if (list === undefined) byNorm.set(k, [n]);
      else list.push(n);
    }
    const groups = [...byNorm.values()];
    for (const g of groups) for (let i = 1; i < g.length; i++) edges.push({ a: g[0]!, b: g[i]!, score: 1 });
    for (let i = 0; i < groups.length; i++) {
      for (let j = i + 1; j < groups.length; j++) {
        const a = groups[i]![0]!;
        const b = groups[j]![0]!;
        if ((a.surf.acronym !== null || b.surf.acronym !== null) && a.surf.norm !== b.surf.norm) continue;
        const score = nameVariantScore(a.surf, b.surf, a.type);
        if (score > 0) edges.push({ a, b, score });
      }
    }
  }
  edges.sort((p, q) => q.score - p.score || p.a.index - q.a.index || p.b.index - q.b.index);
  for (const e of edges) union(e.a, e.b, e.a.surf.norm === e.b.surf.norm ? 'exact' : 'variant', e.score, null);

  // Places the gazetteer links to one entry ("U.S.", "United States of America") are one place.
  const byGazetteer = new Map<string, Node>();
  for (const n of nodes) {
    const id = n.link?.gazetteerId;
    if (n.type !== 'PLACE' || id == null || n.weak) continue;
    const first = byGazetteer.get(id);
    if (first === undefined) byGazetteer.set(id, n);
    else union(first, n, 'gazetteer', 0.9, null);
  }

  // ---- 4. across documents: middle initials, lone surnames and acronyms to the one cluster they fit
  // Full names that differ only by a middle initial ("Ana M. Ruiz", "Ana Maria Ruiz").
  const byEnds = new Map<string, Node[]>();
  const givenNames = new Set<string>();
  for (const n of nodes) {
    if (n.type !== 'PERSON' || n.weak) continue;
    const given = givenName(n.surf);
    if (given !== null) givenNames.add(given);
    const k = middleInitialKey(n.surf);
    if (k === null) continue;
    const bucket = byEnds.get(k);
    if (bucket === undefined) byEnds.set(k, [n]);
    else if (!bucket.some((b) => b.surf.norm === n.surf.norm)) bucket.push(n);
  }
  for (const [, bucket] of [...byEnds.entries()].sort((p, q) => compare(p[0], q[0]))) {
    for (const a of bucket) {
      const fits = bucket.filter((b) => b !== a && find(b.index) !== find(a.index) && middleInitialMatch(a.surf, b.surf));
      if (new Set(fits.map((b) => find(b.index))).size === 1) union(a, fits[0]!, 'middle-initial', 0.9, null);
    }
  }
  const roots = (): number[] => rootsOf(parent);
  const weakEdges: Array<{ a: Node; b: Node; rule: string; score: number }> = [];
  // Full person names indexed by the skeleton of their last word: a short form shares it.
  // A cluster that has a full name only looks for a longer one ("Ana Ruiz" -> "Ana Maria
  // Ruiz"); its own short forms are explained by its full name already.
  const fullByLast = new Map<string, Map<string, Node[]>>();
  const longerByLast = new Map<string, Map<string, Node[]>>();
  const index = (map: Map<string, Map<string, Node[]>>, n: Node) => {
    const bucket = map.get(n.surf.last) ?? new Map<string, Node[]>();
    map.set(n.surf.last, bucket);
    const same = bucket.get(n.surf.norm);
    if (same === undefined) bucket.set(n.surf.norm, [n]);
    else same.push(n);
  };
  for (const n of nodes) {
    if (n.type !== 'PERSON' || !isFullName(n.surf)) continue;
    index(fullByLast, n);
    if (n.surf.groups.filter((g) => !nameParticles.has(g)).length >= 3) index(longerByLast, n);
  }
  for (const r of roots()) {
    const c = clusterOf(r);
    if (nodes[c.nodes[0]!]!.type !== 'PERSON') continue;
    const fits = new Map<number, { a: Node; b: Node; score: number }>();
    const seenForms = new Set<string>();
    const hasFull = [...c.forms.values()].some(isFullName);
    for (const ni of c.nodes) {
      const s = nodes[ni]!;
      if (seenForms.has(s.surf.norm) || (hasFull && !isFullName(s.surf))) continue;
      seenForms.add(s.surf.norm);
      // A lone word that is somebody's given name could be either: it stays where it is.
      const word = loneWord(s.surf);
      if (word !== null && givenNames.has(word)) continue;
      const targets = hasFull ? longerByLast : fullByLast;
      for (const same of (targets.get(s.surf.last) ?? new Map<string, Node[]>()).values()) {
        // Across documents only the same surname (or a spelling of it) counts, not a near one.
        const score = shortScore(s.surf, same[0]!.surf);
        if (score < 0.9) continue;
        for (const f of same) {
          const fr = find(f.index);
          if (fr !== r && (fits.get(fr)?.score ?? 0) < score) fits.set(fr, { a: f, b: s, score });
        }
      }
    }
    if (fits.size === 1) {
      const fit = [...fits.values()][0]!;
      weakEdges.push({ ...fit, rule: 'short-form', score: round(fit.score * 0.9) });
    }
  }
  const acronymOwners = new Map<string, number[]>();
  for (const r of roots()) {
    for (const a of clusterOf(r).acronyms) {
      const owners = acronymOwners.get(a);
      if (owners === undefined) acronymOwners.set(a, [r]);
      else owners.push(r);
    }
  }
  for (const r of roots()) {
    const c = clusterOf(r);
    const type = nodes[c.nodes[0]!]!.type;
    for (const ni of c.nodes) {
      const f = nodes[ni]!;
      if (f.surf.acronym !== null || f.surf.tokens.length < 2) continue;
      const owners = new Set<number>();
      for (const ini of initials(f.surf)) {
        for (const o of acronymOwners.get(ini) ?? []) if (o !== r && nodes[o]!.type === type) owners.add(o);
      }
      if (owners.size !== 1) continue;
      const o = [...owners][0]!;
      if (parent[o] !== o) continue;
      const other = clusterOf(o);
      const longForms = [...other.forms.values()].filter((s) => s.acronym === null && s.tokens.length >= 2);
      // A bare acronym seen nowhere with its long form is not evidence enough across documents
      // ("GM" could be any company of those initials): it needs a long form that fits this name.
      if (!longForms.some((s) => variantScore(s, f.surf) > 0 || alikeByInitials(s, f.surf, initials))) continue;
      const acr = other.nodes.map((i) => nodes[i]!).find((n) => n.surf.acronym !== null)!;
      weakEdges.push({ a: f, b: acr, rule: 'acronym-initials', score: 0.8 });
    }
  }
  weakEdges.sort((p, q) => q.score - p.score || p.a.index - q.a.index || p.b.index - q.b.index);
  for (const e of weakEdges) union(e.a, e.b, e.rule, e.score, null);

  return buildEntities(nodes, rootsOf(parent).map((r) => [r, clusterOf(r)] as const), find, merges);
}

/** Roots of the union-find, ascending: one per cluster. */
function rootsOf(parent: readonly number[]): number[] {
  const out: number[] = [];
  for (let i = 0; i < parent.length; i++) if (parent[i] === i) out.push(i);
  return out;
}

function buildEntities(
  nodes: Node[],
  /** Every cluster with its root, by root index. */
  clusters: ReadonlyArray<readonly [number, Cluster]>,
  find: (i: number) => number,
  merges: Array<Omit<Merge, 'entityId'> & { node: number }>,
): DedupeResult {
  const idOf = new Map<number, string>();
  const entities: Entity[] = [];
  const used = new Set<string>();
  for (const [root, cluster] of clusters) {
    const members = cluster.nodes.map((i) => nodes[i]!);
    const type = members[0]!.type;
    const name = pickName(members);
    const link = type === 'PLACE' ? pickLink(members) : null;
    const aliases = [...new Set(members.flatMap((n) => n.written))].sort(compare);
    const canonical = surface(name, type);
    let key = `${type}\u0000${canonical.loose || name}\u0000${link?.kind ?? ''}\u0000${link?.countryCode ?? ''}`;
    let id = entityId(type, key);
    if (used.has(id)) {
      // Two clusters with one canonical key (kept apart by a rule): tell them apart by their aliases.
      key += `\u0000${aliases.join('\u0001')}`;
      id = entityId(type, key);
      for (let k = 2; used.has(id); k++) id = entityId(type, `${key}\u0000${k}`);
    }
    used.add(id);
    idOf.set(root, id);
    entities.push({
      id,
      type,
      name,
      aliases,
      mentionCount: members.reduce((s, n) => s + n.counted, 0),
      docIds: [...new Set(members.filter((n) => n.mentions.length > 0).map((n) => n.docId))].sort(compare),
      roles: [...new Set(members.flatMap((n) => [...n.roles]))].sort(compare),
      place: link,
    });
  }
  entities.sort((a, b) => compare(a.type, b.type) || compare(a.name, b.name) || compare(a.id, b.id));
  const mentionEntity = new MentionEntities();
  for (const n of nodes) {
    const id = idOf.get(find(n.index))!;
    for (const m of n.mentions) mentionEntity.set(n.docId, m.start, id);
  }
  const seen = new Set<string>();
  const out: Merge[] = [];
  for (const m of merges) {
    const merge: Merge = { entityId: idOf.get(find(m.node))!, from: m.from, into: m.into, rule: m.rule, score: m.score, docId: m.docId };
    const k = JSON.stringify(merge);
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(merge);
  }
  out.sort(
    (a, b) =>
      compare(a.entityId, b.entityId) || compare(a.rule, b.rule) || compare(a.into, b.into) ||
      compare(a.from, b.from) || compare(a.docId ?? '', b.docId ?? '') || a.score - b.score,
  );
  return { entities, mentionEntity, merges: out };
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
    v.count += n.mentions.length + (n.virtual ? 0.5 : 0);
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
    v.count += Math.max(1, n.mentions.length);
    votes.set(n.link.gazetteerId, v);
  }
  const best = [...votes.entries()].sort(([a, x], [b, y]) => y.count - x.count || compare(a, b))[0];
  if (best !== undefined) return best[1].link;
  const kinds = [...new Set(members.map((n) => n.kind).filter((k): k is KindCue => k !== null && k !== 'other'))].sort();
  return { kind: kinds.length === 1 ? kinds[0]! : 'other', countryCode: null, admin1: null, latitude: null, longitude: null, gazetteerId: null };
}

function moreComplete(a: Surface, b: Surface): boolean {
  if ((a.acronym === null) !== (b.acronym === null)) return a.acronym === null;
  return a.tokens.length > b.tokens.length || (a.tokens.length === b.tokens.length && a.display.length >= b.display.length);
}

function firstWritten(n: Node): string {
  return [...n.written].sort(compare)[0] ?? n.surf.display;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
