import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

/**
 * The wink-nlp instance, loaded once per process (or worker thread). Loading the model takes a
 * few hundred milliseconds, so every stage shares this one.
 *
 * wink-nlp learns as it reads: every word it has not seen is added to its lexicon, and later
 * tokenization depends on that lexicon (a word with an apostrophe is kept whole or split at the
 * apostrophe depending on whether it was seen before). Left alone, a document would be tokenized
 * differently depending on which documents the same thread read before it: worker threads, input
 * order and the per-document cache would all change the output. `forgetEarlierDocuments()` puts
 * the learned part of the lexicon back to its state after loading, so each document is read as
 * by a fresh instance; split-sentences calls it before each document.
 */
let instance: ReturnType<typeof winkNLP> | undefined;

/** A feature table of the wink model: values by index and their index by value. */
interface FeatureTable {
  hash: Record<string, number>;
  list: unknown[];
  index: number;
}

/** How far a table had grown when the instance was made (`base`) and at the last reset (`seen`). */
interface Tracked {
  table: FeatureTable;
  base: number;
  seen: number;
  /**
   * Prefix, suffix and shape tables are cut back to `base` so new values get the same indices as
   * in a fresh instance. The lexeme table only has its new words forgotten: wink keeps their
   * properties in a private array that must stay aligned with the table, so it keeps growing.
   */
  truncate: boolean;
}

let tracked: Tracked[] = [];

/**
 * The model's custom-entity meta model, read once per thread. wink reads it each time an instance
 * is made, and the model package's loader stringifies its own cached value on every call, so each
 * rebuild escaped it once more: it doubled in size from rebuild to rebuild (22 kB after five,
 * 83 MB after seventeen) and the twenty-first instance of a thread threw "Invalid string length",
 * failing every document after it (some 180,000 documents into a one-worker run). The first
 * reading is what every instance gets now, as the first instance always did.
 */
let cerMeta: unknown;

/** Words the lexicon may accumulate (forgotten, but still stored) before the instance is rebuilt. */
const MAX_LEARNED = 500_000;

export function nlp(): ReturnType<typeof winkNLP> {
  if (instance === undefined) {
    let features: Record<string, Partial<FeatureTable>> = {};
    // The model's core is read when the instance is made; keep a handle on its feature tables.
    const watched = Object.create(model, {
      core: {
        value: () => {
          const core = (model as unknown as { core: () => { features: Record<string, Partial<FeatureTable>> } }).core();
          features = core.features;
          return core;
        },
      },
      metaCER: { value: () => (cerMeta ??= (model as unknown as { metaCER: () => unknown }).metaCER()) },
    }) as typeof model;
    instance = winkNLP(watched, ['sbd', 'pos']);
    tracked = Object.entries(features)
      .filter(([, f]) => f.hash !== undefined && Array.isArray(f.list) && typeof f.index === 'number')
      .map(([name, f]) => ({ table: f as FeatureTable, base: f.list!.length, seen: f.list!.length, truncate: name !== 'lexeme' }));
  }
  return instance;
}

/** Forgets every word and feature value learned since the last call (see above). */
export function forgetEarlierDocuments(): void {
  if (instance === undefined) return;
  let learned = 0;
  for (const t of tracked) {
    const { hash, list } = t.table;
    for (let i = t.seen; i < list.length; i++) delete hash[list[i] as string];
    if (t.truncate) {
      list.length = t.base;
      t.table.index = t.base;
    }
    t.seen = list.length;
    learned += list.length - t.base;
  }
  // Forgotten words still take memory in wink's private arrays: start afresh now and then.
  if (learned > MAX_LEARNED) instance = undefined;
}

/** Drops the instance so the next `nlp()` makes a new one, as `forgetEarlierDocuments` does now and then (tests). */
export function rebuildInstance(): void {
  instance = undefined;
}
