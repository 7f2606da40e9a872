/**
 * What the dedupe phases share: the nodes (one per document, type and cleaned form), the
 * union-find over them with the compatibility guard, the merge log, and caches of the pairwise
 * scores. Built once per run by {@link createState}; each phase in src/dedupe/phases/ reads it and
 * joins nodes through {@link DedupeState.union}.
 */
import type { EntityType, Merge, PlaceLink, ProcessedDoc } from '../types.js';
import { MentionNodes } from './mention-entities.js';
import { NodeTable, type Node, type NodeDraft } from './node-table.js';
import type { PlaceResolver } from '../geo/types.js';
import { initialsOf, surface, type KindCue, type Surface } from '../names/normalize.js';
import { orgsCompatible, personsCompatible, shortFormScore } from './match.js';
import type { MergeRule } from '../merge-rules.js';
import { runTypes, type RunType } from './run-types.js';

export type { Node } from './node-table.js';

/** Compiled configuration of the dedupe (see `DedupeOptions` in src/stages/dedupe-entities.ts). */
export interface DedupeConfig {
  merge: ReadonlyArray<readonly [string, string]>;
  forbid: ReadonlyArray<readonly [string, string]>;
  places: PlaceResolver | null;
  /** Rules switched off: a merge by one of them is never made (for measuring each rule's gain). */
  ablate: ReadonlySet<MergeRule>;
}

export interface Cluster {
  nodes: number[];
  /** Distinct cleaned forms by `norm`, for the compatibility checks. */
  forms: Map<string, Surface>;
  acronyms: Set<string>;
  kinds: Set<string>;
  countries: Set<string>;
}

/** A merge found from the state before any of its kind is made (applied in score order). */
export interface ProposedMerge {
  a: Node;
  b: Node;
  rule: MergeRule;
  score: number;
}

/** A merge as logged, before entity ids exist: `node` is one of the two nodes joined. */
export type LoggedMerge = Omit<Merge, 'entityId'> & { node: number };

/**
 * The merges made, in the order made. Most repeat what an earlier one says (a name joined to the
 * same cluster in each document it is in logs the same from, into, rule, score and document), so
 * each distinct record is kept once and a merge is two numbers: its node and its record.
 * Measured at 10M tokens: 685,000 merges logged, 47 MB as one object each; 45,000 rows in the end.
 */
export class MergeLog {
  readonly #records: Array<Omit<Merge, 'entityId'>> = [];
  readonly #ids = new Map<string, number>();
  /** Node, then record, of each merge. */
  #pairs = new Int32Array(2048);
  #length = 0;

  get length(): number {
    return this.#length;
  }

  push(m: LoggedMerge): void {
    const record = { from: m.from, into: m.into, rule: m.rule, score: m.score, docId: m.docId };
    // The same equality as the merges table's (records equal as JSON are one).
    const key = JSON.stringify(record);
    let id = this.#ids.get(key);
    if (id === undefined) {
      id = this.#records.length;
      this.#records.push(record);
      this.#ids.set(key, id);
    }
    if (2 * this.#length === this.#pairs.length) {
      const grown = new Int32Array(2 * this.#pairs.length);
      grown.set(this.#pairs);
      this.#pairs = grown;
    }
    this.#pairs[2 * this.#length] = m.node;
    this.#pairs[2 * this.#length + 1] = id;
    this.#length++;
  }

  /** Merge `i`'s node. */
  node(i: number): number {
    return this.#pairs[2 * i]!;
  }

  /** Merge `i`'s record (one index per distinct record). */
  recordId(i: number): number {
    return this.#pairs[2 * i + 1]!;
  }

  record(id: number): Omit<Merge, 'entityId'> {
    return this.#records[id]!;
  }

  get records(): number {
    return this.#records.length;
  }
}

/** The entity types as constants: the types read from a document are strings of its own, one per mention. */
const entityTypes: Readonly<Record<EntityType, EntityType>> = { PERSON: 'PERSON', ORGANIZATION: 'ORGANIZATION', PLACE: 'PLACE' };

/**
 * The empty set every node and cluster starts with (most never get a value): replaced by a set
 * of its own on the first addition (`withAll`), never added to.
 */
export const none: Set<string> = new Set();

/** `into` with every value of `from` added: `into` itself, or a new set when `into` is `none`. */
export function withAll(into: Set<string>, from: Iterable<string>): Set<string> {
  let out = into;
  for (const v of from) {
    if (out === none) out = new Set();
    out.add(v);
  }
  return out;
}

export const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

const roleKinds: ReadonlyMap<string, KindCue> = new Map([
  ['province', 'region'], ['region', 'region'], ['state', 'region'], ['district', 'region'],
  ['county', 'region'], ['governorate', 'region'], ['city', 'city'], ['town', 'city'],
  ['village', 'city'], ['country', 'country'],
]);

/**
 * The nodes of each document, in document order: a document's nodes are consecutive in the node
 * list, so only where each document's start is kept (a list per document was some 8 MB at 10M
 * tokens). Each document's list is made when asked for.
 */
export class DocNodes implements Iterable<[string, readonly Node[]]> {
  readonly #nodes: readonly Node[];
  readonly #ids: readonly string[];
  readonly #starts: Int32Array;

  /** `starts[d]` is where document `d`'s nodes start, `starts[ids.length]` the number of nodes. */
  constructor(nodes: readonly Node[], ids: readonly string[], starts: Int32Array) {
    if (starts.length !== ids.length + 1) throw new Error('DocNodes: one start per document and the end');
    this.#nodes = nodes;
    this.#ids = ids;
    this.#starts = starts;
  }

  *[Symbol.iterator](): Generator<[string, readonly Node[]]> {
    for (let d = 0; d < this.#ids.length; d++) yield [this.#ids[d]!, this.#nodes.slice(this.#starts[d]!, this.#starts[d + 1]!)];
  }

  *values(): Generator<readonly Node[]> {
    for (const [, list] of this) yield list;
  }
}

export interface DedupeState {
  readonly config: DedupeConfig;
  /** Every node, by index; documents in sorted order, nodes of a document in key order. */
  readonly nodes: Node[];
  /** The nodes of each document, in the same order. */
  readonly byDoc: DocNodes;
  /** The node of each entity mention, by document and start offset. */
  readonly mentionNodes: MentionNodes;
  /** Acronym definitions (acronym node, long-form node), by document. */
  readonly definitions: Map<string, Array<[Node, Node]>>;
  readonly parent: Int32Array;
  readonly merges: MergeLog;
  /** Merges found by phases that propose rather than join (see join-proposed-merges.ts). */
  readonly proposed: ProposedMerge[];
  /** Candidate acronyms of a cleaned form (cached). */
  initials(s: Surface): string[];
  /** {@link shortFormScore} of two forms (cached; 0 unless their surnames agree). */
  shortScore(a: Surface, b: Surface): number;
  find(i: number): number;
  /** The cluster of a root (built on demand for a node never joined). */
  clusterOf(root: number): Cluster;
  /** Roots of the union-find, ascending: one per cluster. */
  roots(): number[];
  /**
   * Joins the clusters of `a` and `b` unless a forbidden pair or (without `force`) incompatible
   * names would end up together; logs the merge. True when they are (now) one cluster.
   */
  union(a: Node, b: Node, rule: MergeRule, score: number, docId: string | null, force?: boolean): boolean;
}

/**
 * Builds the nodes. `docs` gives the documents in doc-id order, one at a time, each time it is
 * called (it is read twice: once for the names' types over the run, once for the nodes); no
 * document is held afterwards.
 */
export function createState(docs: () => Iterable<ProcessedDoc>, config: DedupeConfig): DedupeState {
  const table = new NodeTable();
  const nodes = table.nodes;
  const docIds: string[] = [];
  const docStarts: number[] = [];
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
  // shared by every node with that form and never modified (a role's kind cue makes a copy, once).
  const surfaces = new Map<string, Surface>();
  const cleaned = (text: string, type: EntityType): Surface => {
    const k = `${type}\u0000${text}`;
    let v = surfaces.get(k);
    if (v === undefined) surfaces.set(k, (v = surface(text, type)));
    return v;
  };
  // A role's kind cue ("the province of X") makes a copy with the cue: one per form and cue.
  const cuedCopies = new Map<Surface, Map<KindCue, Surface>>();
  const withCue = (s: Surface, cue: KindCue): Surface => {
    let byCue = cuedCopies.get(s);
    if (byCue === undefined) cuedCopies.set(s, (byCue = new Map()));
    let v = byCue.get(cue);
    if (v === undefined) byCue.set(cue, (v = { ...s, cue }));
    return v;
  };

  // ---- nodes -------------------------------------------------------------------------------
  const singles = new Map<string, string[]>();
  const oneForm = (form: string): string[] => {
    let v = singles.get(form);
    if (v === undefined) singles.set(form, (v = [form]));
    return v;
  };
  const definitions = new Map<string, Array<[Node, Node]>>();
  const typeOf: RunType = config.ablate.has('run-type') ? (_, type) => type : runTypes(docs(), config.places);
  const mentionNodes = new MentionNodes();
  for (const doc of docs()) {
    // The document's nodes as drafts until they are all known, then into the table in key order.
    const local = new Map<string, NodeDraft>();
    const get = (text: string, typedAs: EntityType, virtual: boolean, role: string | undefined): NodeDraft => {
      // Nodes keep the types as constants, not the strings read (one per mention: 17 MB at 10M).
      const type = entityTypes[typeOf(text, typedAs)];
      let surf = cleaned(text, type);
      const roleCue = type === 'PLACE' && role !== undefined ? roleKinds.get(role.trim().toLowerCase()) ?? null : null;
      if (surf.cue === null && roleCue !== null) surf = withCue(surf, roleCue);
      const norm = surf.tokens.length > 0 ? surf.norm : `\u0001${text}`;
      const key = `${doc.id}\u0000${type}\u0000${norm}\u0000${surf.cue ?? ''}`;
      const form = surf.written.length > 0 ? surf.written : text.trim();
      let node = local.get(key);
      if (node === undefined) {
        // Arrays made by a literal have room for what they hold; an empty one that is pushed to
        // gets room for 17 (V8), which over the nodes of a large run was a good part of the
        // dedupe's memory. Most nodes have one form and few mentions: a node's one form is a
        // list shared by every node with that form (a node with a second form gets its own).
        node = {
          docId: doc.id, type, typedAs: entityTypes[typedAs], surf, written: oneForm(form), mentionCount: 0, counted: 0,
          roles: none, virtual, kind: surf.cue,
        };
        local.set(key, node);
      } else if (!node.written.includes(form)) node.written = [...node.written, form];
      if (!virtual) node.virtual = false;
      return node;
    };
    const mentions = [...doc.entities].sort((a, b) => a.start - b.start || a.end - b.end || compare(a.type, b.type));
    const mentionNode: NodeDraft[] = [];
    const pairs: Array<[NodeDraft, NodeDraft]> = [];
    for (const m of mentions) {
      const node = get(m.text, m.type, false, m.role);
      node.mentionCount++;
      mentionNode.push(node);
      if (m.repeated !== true) node.counted++;
      if (m.role !== undefined && m.type === 'PERSON' && m.role.trim() !== '') node.roles = withAll(node.roles as Set<string>, [m.role.trim()]);
      if (m.longFormText !== undefined && m.longFormText.trim() !== '') pairs.push([node, get(m.longFormText, m.type, true, undefined)]);
    }
    // Nodes in key order (the key is only needed here: it is not kept on the node).
    const added = new Map<NodeDraft, Node>();
    const list = [...local.entries()].sort((a, b) => compare(a[0], b[0])).map(([, d]) => {
      const n = table.add(d);
      added.set(d, n);
      return n;
    });
    docIds.push(doc.id);
    docStarts.push(list.length === 0 ? nodes.length : list[0]!.index);
    if (pairs.length > 0) definitions.set(doc.id, pairs.map(([a, b]) => [added.get(a)!, added.get(b)!]));
    mentionNodes.addDocument(doc.id, mentions.map((m) => m.start), mentionNode.map((d) => added.get(d)!.index));
  }

  table.seal();
  docStarts.push(nodes.length);
  const byDoc = new DocNodes(nodes, docIds, Int32Array.from(docStarts));

  // ---- union-find --------------------------------------------------------------------------
  const parent = Int32Array.from(nodes, (_, i) => i);
  // Most nodes are never joined to another: a cluster is stored only once it has two nodes or
  // more; a lone node's is built when asked for (short-lived), which keeps the heap small.
  const merged = new Map<number, Cluster>();
  const clusterOf = (root: number): Cluster => {
    const stored = merged.get(root);
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
  const merges = new MergeLog();
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

  const union = (a: Node, b: Node, rule: MergeRule, score: number, docId: string | null, force = false): boolean => {
    const ra = find(a.index);
    const rb = find(b.index);
    if (ra === rb) return true;
    if (config.ablate.has(rule)) return false;
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
    // One at a time, not push(...g.nodes): a cluster of more than about 125,000 nodes (a
    // country's name over a large run) would overflow the stack as arguments.
    for (const n of g.nodes) k.nodes.push(n);
    for (const [norm, s] of g.forms) k.forms.set(norm, s);
    k.acronyms = withAll(k.acronyms, g.acronyms);
    k.kinds = withAll(k.kinds, g.kinds);
    k.countries = withAll(k.countries, g.countries);
    merged.set(keep, k);
    merged.delete(gone);
    parent[gone] = keep;
    const [from, into] = moreComplete(a.surf, b.surf) ? [b, a] : [a, b];
    merges.push({ node: a.index, from: firstWritten(from), into: firstWritten(into), rule, score, docId });
    return true;
  };

  const roots = (): number[] => {
    const out: number[] = [];
    for (let i = 0; i < parent.length; i++) if (parent[i] === i) out.push(i);
    return out;
  };

  mentionNodes.seal();
  return { config, nodes, byDoc, mentionNodes, definitions, parent, merges, proposed: [], initials, shortScore, find, clusterOf, roots, union };
}

function moreComplete(a: Surface, b: Surface): boolean {
  if ((a.acronym === null) !== (b.acronym === null)) return a.acronym === null;
  return a.tokens.length > b.tokens.length || (a.tokens.length === b.tokens.length && a.display.length >= b.display.length);
}

function firstWritten(n: Node): string {
  return [...n.written].sort(compare)[0] ?? n.surf.display;
}
