/**
 * The entity id of every entity mention, by document and start offset: what the entity dedupe
 * hands to the event merge and the tables.
 *
 * A corpus has about one entity mention per eight tokens, so this is the largest lookup the
 * corpus stages hold: it is kept as numbers ({@link MentionNodes}), with one entity id per dedupe
 * node, not per mention.
 */

/** What the corpus stages need: the entity id of the mention starting at `start` in `docId`. */
export interface MentionEntityLookup {
  lookup(docId: string, start: number): string | undefined;
}

/**
 * The dedupe node of every entity mention, held as numbers: for each document (in the order
 * added) its mentions' start offsets, ascending, and the node index of each. A start shared by
 * two mentions (nested or differently typed spans) maps to the later node in the dedupe's node
 * order, as a map set node by node would. Once the nodes are clustered, {@link entities} turns it
 * into the mention-to-entity lookup with one entity id per node, not per mention: at 10 million
 * tokens that is some 10 MB of numbers where a map per document held some 100 MB.
 */
export class MentionNodes {
  readonly #docIndex = new Map<string, number>();
  readonly #first: number[] = [0];
  #starts: number[] | Int32Array = [];
  #nodes: number[] | Int32Array = [];

  /** The mentions of one document: `starts` ascending, `nodes` the node of each (same length). */
  addDocument(docId: string, starts: readonly number[], nodes: readonly number[]): void {
    if (!Array.isArray(this.#starts) || !Array.isArray(this.#nodes)) throw new Error('MentionNodes: sealed');
    const ownStarts = this.#starts;
    const ownNodes = this.#nodes;
    this.#docIndex.set(docId, this.#first.length - 1);
    for (let i = 0; i < starts.length; i++) {
      const last = ownStarts.length - 1;
      if (i > 0 && starts[i] === starts[i - 1]) {
        ownNodes[last] = Math.max(ownNodes[last]!, nodes[i]!);
        continue;
      }
      ownStarts.push(starts[i]!);
      ownNodes.push(nodes[i]!);
    }
    this.#first.push(ownStarts.length);
  }

  /** Done adding: the offsets go into typed arrays. */
  seal(): void {
    if (Array.isArray(this.#starts)) this.#starts = Int32Array.from(this.#starts);
    if (Array.isArray(this.#nodes)) this.#nodes = Int32Array.from(this.#nodes);
  }

  /** The node of the mention starting at `start` in `docId`, or -1. */
  nodeOf(docId: string, start: number): number {
    const d = this.#docIndex.get(docId);
    if (d === undefined) return -1;
    let lo = this.#first[d]!;
    let hi = this.#first[d + 1]! - 1;
    const starts = this.#starts;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = starts[mid]!;
      if (s < start) lo = mid + 1;
      else if (s > start) hi = mid - 1;
      else return this.#nodes[mid]!;
    }
    return -1;
  }

  /** The lookup of entity ids, given the entity id of each node (by node index). */
  entities(entityOfNode: readonly string[]): MentionEntityLookup {
    return { lookup: (docId, start) => entityOfNode[this.nodeOf(docId, start)] };
  }
}
