import { clusterEntities, type DedupeResult } from '../dedupe/cluster.js';
import { keptDocs, type CorpusStage } from '../corpus.js';
import { mergeRules, type MergeRule } from '../merge-rules.js';
import { DatelineError, describe } from '../errors.js';
import { loadGazetteer, releaseGazetteer } from '../geo/gazetteer.js';
import type { PlaceResolver } from '../geo/types.js';
import type { ProcessedDoc } from '../types.js';

/** Options of the entity dedupe. */
export interface DedupeOptions {
  /**
   * Reviewed decisions, as pairs of surface forms (matched after cleaning: case, accents,
   * honorifics and possessives do not matter). `merge` joins every entity with either form;
   * `forbid` keeps the two forms in different entities whatever the rules say. Both are recorded
   * in the merges with rule `override` (score 1 for a forced merge, 0 for a refused one).
   * @default { merge: [], forbid: [] }
   */
  overrides?: { merge?: Array<[string, string]>; forbid?: Array<[string, string]> };
  /**
   * Links places to a gazetteer. `undefined` loads the GeoNames-based one in src/geo (once per
   * process); `null` links nothing (every place gets kind `other` or its written kind).
   * @default the src/geo gazetteer
   */
  places?: PlaceResolver | null;
  /**
   * Merge rules switched off, to measure what each one gains (the dedupe eval's `--ablate`).
   * @default []
   */
  ablate?: readonly MergeRule[];
}

/**
 * Corpus stage: one entity per real-world person, organization and place.
 *
 * Pure: the result depends only on the set of documents (they are sorted by id first), and
 * running it on documents whose mentions are relabelled with their entity's name gives the same
 * grouping. The phases and their order: `dedupePhases` in src/dedupe/phases/index.ts.
 */
export function dedupeEntities(options: DedupeOptions = {}): CorpusStage {
  const overrides = options.overrides ?? {};
  if (typeof overrides !== 'object' || overrides === null || Array.isArray(overrides)) {
    throw new DatelineError('CONFIG_INVALID', `\`dedupe.overrides\` must be an object with \`merge\` and \`forbid\`, got ${describe(overrides)}`);
  }
  const unknown = Object.keys(overrides).filter((k) => k !== 'merge' && k !== 'forbid');
  if (unknown.length > 0) {
    throw new DatelineError('CONFIG_INVALID', `\`dedupe.overrides\` has unknown key \`${unknown[0]}\`; valid keys: merge, forbid`);
  }
  const merge = checkPairs(overrides.merge, 'merge');
  const forbid = checkPairs(overrides.forbid, 'forbid');
  const unknownRule = (options.ablate ?? []).find((r) => !(mergeRules as readonly string[]).includes(r));
  if (unknownRule !== undefined) {
    throw new DatelineError('CONFIG_INVALID', `\`ablate\` names an unknown merge rule ${describe(unknownRule)}; valid rules: ${mergeRules.join(', ')}`);
  }
  const ablate = new Set(options.ablate ?? []);
  // The gazetteer (some 90 MB of heap) is loaded when the stage first runs, not when the pipeline
  // is built: nothing needs it while documents are processed, and a larger heap then lets V8 grow
  // the heap more before it collects, which raised the run's peak memory. A run links places once,
  // so it is released afterwards rather than held while the tables are built and written.
  const cluster = (docs: () => Iterable<ProcessedDoc>): DedupeResult => {
    if (options.places !== undefined) return clusterEntities(docs, { merge, forbid, ablate, places: options.places });
    const result = clusterEntities(docs, { merge, forbid, ablate, places: loadGazetteer() });
    releaseGazetteer();
    return result;
  };
  return (state) => {
    const { entities, mentionEntity, merges } = cluster(() => keptDocs(state));
    return { ...state, entities, mentionEntity, merges };
  };
}

function checkPairs(value: unknown, name: string): Array<readonly [string, string]> {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    throw new DatelineError('CONFIG_INVALID', `\`dedupe.overrides.${name}\` must be an array of [form, form] pairs, got ${describe(value)}`);
  }
  return value.map((pair, i) => {
    if (!Array.isArray(pair) || pair.length !== 2 || !pair.every((s) => typeof s === 'string' && s.trim() !== '')) {
      throw new DatelineError(
        'CONFIG_INVALID',
        `\`dedupe.overrides.${name}[${i}]\` must be a pair of two non-empty strings, got ${describe(pair)}`,
      );
    }
    return [pair[0] as string, pair[1] as string] as const;
  });
}
