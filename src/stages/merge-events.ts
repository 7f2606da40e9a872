import { keptDocs, type CorpusStage } from '../corpus.js';
import { DatelineError, describe } from '../errors.js';
import { mergeReports } from '../events/merge.js';

/** Options of the event merge. */
export interface MergeOptions {
  /**
   * Days two day-precision dates of one event may differ by when sources disagree (one source
   * says the 3rd, three say the 4th). 0 merges only reports with the same date.
   * @default 1
   */
  windowDays?: number;
}

const known = ['windowDays'];

/**
 * Corpus stage: the same event reported by several sentences or articles becomes one row with
 * every report, every document id and the dates sources disagree on; background events keep
 * their own rows. The rule is in src/events/merge.ts. The result depends only on the set of
 * documents, not on their order; rows are sorted by (date, type, id).
 */
export function mergeEvents(options: MergeOptions = {}): CorpusStage {
  for (const key of Object.keys(options)) {
    if (!known.includes(key)) throw new DatelineError('CONFIG_INVALID', `mergeEvents: unknown option \`${key}\`; valid options are ${known.map((k) => `\`${k}\``).join(', ')}`);
  }
  const windowDays = options.windowDays ?? 1;
  if (!Number.isInteger(windowDays) || windowDays < 0 || windowDays > 31) {
    throw new DatelineError('CONFIG_INVALID', `mergeEvents: expected \`windowDays\` to be an integer from 0 to 31, got ${describe(windowDays)}`);
  }
  return (state) => ({ ...state, events: mergeReports(keptDocs(state), state.mentionEntity, state.entities, { windowDays }) });
}
