import { DatelineError, describe } from '../errors.js';
import { extractFromDoc } from '../events/extract.js';
import type { DocStage } from '../types.js';

/** Options of the event extraction stage. */
export interface EventOptions {
  /**
   * Skip paragraphs that look like photo captions, embedded posts or credit lines: their dates
   * are when a picture was taken or a post was made, not when something happened.
   * @default true
   */
  skipCaptions?: boolean;
}

const known = ['skipCaptions'];

/**
 * Finds the event reports of a document: every sentence with a resolved calendar date and an
 * event trigger gives an `EventCandidate` (type, trigger, actors, targets, places, fatalities),
 * dated by the date that governs its trigger. The rules live in src/events/.
 */
export function extractEvents(options: EventOptions = {}): DocStage {
  for (const key of Object.keys(options)) {
    if (!known.includes(key)) throw new DatelineError('CONFIG_INVALID', `extractEvents: unknown option \`${key}\`; valid options are ${known.map((k) => `\`${k}\``).join(', ')}`);
  }
  const skipCaptions = options.skipCaptions ?? true;
  if (typeof skipCaptions !== 'boolean') {
    throw new DatelineError('CONFIG_INVALID', `extractEvents: expected \`skipCaptions\` to be a boolean, got ${describe(skipCaptions)}`);
  }
  return (doc) => ({ ...doc, events: extractFromDoc(doc, { skipCaptions }) });
}
