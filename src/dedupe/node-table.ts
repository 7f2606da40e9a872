/**
 * The dedupe's nodes as columns: one entry per document, type and cleaned form, the most numerous
 * thing the corpus stages hold (725,843 at 10 million tokens, about 3.5 million at 50 million).
 *
 * As one object each, with thirteen fields of eight bytes, a node took 128 bytes (heap snapshot at
 * 10M tokens: 88.6 MB of 257 MB in use after the nodes were built). Here a node's fields are
 * numbers in typed arrays (its document, type, form, written forms, counts and place link by
 * index into short lists of the distinct values) and a node is a small object holding its index,
 * whose fields are read through getters: the phases read `n.surf`, `n.type`, ... as before, and
 * set the three that change after the nodes are built (`link`, `kind`, `weak`).
 */
import type { KindCue, Surface } from '../names/normalize.js';
import type { EntityType, PlaceLink } from '../types.js';

export interface Node {
  readonly index: number;
  readonly docId: string;
  /** The name's type over the run (see run-types.ts); the entity's type. */
  readonly type: EntityType;
  /** The type its document's recognizer gave it (the first mention's). */
  readonly typedAs: EntityType;
  readonly surf: Surface;
  /** Distinct forms as written, in the order first seen (usually one). Shared: never changed in place. */
  readonly written: readonly string[];
  /** Mentions of the node (their entity ids are found again by `mentionNodes`). */
  readonly mentionCount: number;
  readonly counted: number;
  readonly roles: ReadonlySet<string>;
  /** A long form known only from an acronym definition: no mention of its own. */
  readonly virtual: boolean;
  /** A person short form already resolved inside its document: not matched across documents. */
  weak: boolean;
  link: PlaceLink | null;
  kind: KindCue | 'other' | null;
}

/** What a node is made of, as the nodes of a document are gathered (then added to the table in order). */
export interface NodeDraft {
  docId: string;
  type: EntityType;
  typedAs: EntityType;
  surf: Surface;
  written: readonly string[];
  mentionCount: number;
  counted: number;
  roles: ReadonlySet<string>;
  virtual: boolean;
  kind: KindCue | 'other' | null;
}

const types: readonly EntityType[] = ['PERSON', 'ORGANIZATION', 'PLACE'];
const kinds: ReadonlyArray<KindCue | 'other' | null> = [null, 'country', 'region', 'city', 'other'];
function code<T>(list: readonly T[], v: T): number {
  const i = list.indexOf(v);
  if (i < 0) throw new Error(`NodeTable: unknown value ${String(v)}`);
  return i;
}
const typeCode = (t: EntityType): number => code(types, t);
const kindCode = (k: KindCue | 'other' | null): number => code(kinds, k);

/** Bits of a node's `flags`: its type (2 bits), the recognizer's type (2 bits), virtual, weak. */
const typedAsShift = 2;
const virtualBit = 16;
const weakBit = 32;

/** Values kept once, each with its number (by identity). */
class Distinct<T> {
  readonly values: T[] = [];
  readonly #ids = new Map<T, number>();

  id(v: T): number {
    let id = this.#ids.get(v);
    if (id === undefined) {
      id = this.values.length;
      this.values.push(v);
      this.#ids.set(v, id);
    }
    return id;
  }
}

/** `a`, or a copy twice as long (at least `need`) when it is shorter than `need`. */
function grown<A extends Int32Array | Uint8Array | Float64Array>(a: A, need: number): A {
  if (need <= a.length) return a;
  const b = new (a.constructor as new (n: number) => A)(Math.max(need, 2 * a.length));
  b.set(a);
  return b;
}

const none: ReadonlySet<string> = new Set();

/** The table of nodes: {@link add} them in index order; `nodes` holds one small object per node. */
export class NodeTable {
  readonly nodes: Node[] = [];
  #doc = new Int32Array(1024);
  #flags = new Uint8Array(1024);
  #kind = new Uint8Array(1024);
  #surf = new Int32Array(1024);
  #written = new Int32Array(1024);
  #mentions = new Int32Array(1024);
  #counted = new Int32Array(1024);
  /** 0 for none, else 1 + the link's number. */
  #link = new Int32Array(1024);
  readonly #docIds = new Distinct<string>();
  readonly #surfaces = new Distinct<Surface>();
  readonly #writtenLists = new Distinct<readonly string[]>();
  readonly #links = new Distinct<PlaceLink>();
  /** Roles of the few nodes that have any. */
  readonly #roles = new Map<number, ReadonlySet<string>>();
  readonly #View: new (index: number) => Node;
  #sealed = false;

  constructor() {
    // The getters read the columns through `t` (one class per table; a node holds its index only).
    const t = this;
    this.#View = class implements Node {
      constructor(readonly index: number) {}
      get docId(): string {
        return t.#docIds.values[t.#doc[this.index]!]!;
      }
      get type(): EntityType {
        return types[t.#flags[this.index]! & 3]!;
      }
      get typedAs(): EntityType {
        return types[(t.#flags[this.index]! >> typedAsShift) & 3]!;
      }
      get surf(): Surface {
        return t.#surfaces.values[t.#surf[this.index]!]!;
      }
      get written(): readonly string[] {
        return t.#writtenLists.values[t.#written[this.index]!]!;
      }
      get mentionCount(): number {
        return t.#mentions[this.index]!;
      }
      get counted(): number {
        return t.#counted[this.index]!;
      }
      get roles(): ReadonlySet<string> {
        return t.#roles.get(this.index) ?? none;
      }
      get virtual(): boolean {
        return (t.#flags[this.index]! & virtualBit) !== 0;
      }
      get weak(): boolean {
        return (t.#flags[this.index]! & weakBit) !== 0;
      }
      set weak(v: boolean) {
        t.#flags[this.index] = v ? t.#flags[this.index]! | weakBit : t.#flags[this.index]! & ~weakBit;
      }
      get link(): PlaceLink | null {
        const l = t.#link[this.index]!;
        return l === 0 ? null : t.#links.values[l - 1]!;
      }
      set link(v: PlaceLink | null) {
        t.#link[this.index] = v === null ? 0 : 1 + t.#links.id(v);
      }
      get kind(): KindCue | 'other' | null {
        return kinds[t.#kind[this.index]!]!;
      }
      set kind(v: KindCue | 'other' | null) {
        t.#kind[this.index] = kindCode(v);
      }
    };
  }

  get length(): number {
    return this.nodes.length;
  }

  /** Done adding: the columns shrink to the nodes they hold (they grow by doubling). */
  seal(): void {
    const n = this.nodes.length;
    this.#doc = this.#doc.slice(0, n);
    this.#flags = this.#flags.slice(0, n);
    this.#kind = this.#kind.slice(0, n);
    this.#surf = this.#surf.slice(0, n);
    this.#written = this.#written.slice(0, n);
    this.#mentions = this.#mentions.slice(0, n);
    this.#counted = this.#counted.slice(0, n);
    this.#link = this.#link.slice(0, n);
    this.#sealed = true;
  }

  /** Adds a node (its index is the table's length before); returns it. */
  add(d: NodeDraft): Node {
    if (this.#sealed) throw new Error('NodeTable: sealed');
    const i = this.nodes.length;
    const need = i + 1;
    this.#doc = grown(this.#doc, need);
    this.#flags = grown(this.#flags, need);
    this.#kind = grown(this.#kind, need);
    this.#surf = grown(this.#surf, need);
    this.#written = grown(this.#written, need);
    this.#mentions = grown(this.#mentions, need);
    this.#counted = grown(this.#counted, need);
    this.#link = grown(this.#link, need);
    this.#doc[i] = this.#docIds.id(d.docId);
    this.#flags[i] = typeCode(d.type) | (typeCode(d.typedAs) << typedAsShift) | (d.virtual ? virtualBit : 0);
    this.#kind[i] = kindCode(d.kind);
    this.#surf[i] = this.#surfaces.id(d.surf);
    this.#written[i] = this.#writtenLists.id(d.written);
    this.#mentions[i] = d.mentionCount;
    this.#counted[i] = d.counted;
    if (d.roles.size > 0) this.#roles.set(i, d.roles);
    const node = new this.#View(i);
    this.nodes.push(node);
    return node;
  }
}
