import { resolveDates, type DateOptions } from '../src/stages/resolve-dates.js';
import { splitSentences } from '../src/stages/split-sentences.js';
import type { DateMention, Doc } from '../src/types.js';

export interface Found extends DateMention {
  text: string;
}

/** Runs sentence splitting and date resolution on `text` published on `published`. */
export function datesOf(text: string, published: string | null, options: DateOptions = {}): Found[] {
  const doc: Doc = {
    id: 't', source: 't', title: '', text, published, publishedSource: published === null ? 'none' : 'metadata',
    sentences: [], tokens: [], entities: [], dates: [], events: [],
  };
  const out = resolveDates(options)(splitSentences()(doc));
  return out.dates.map((d) => ({ ...d, text: text.slice(d.start, d.end) }));
}

/** The one mention whose text is `phrase`. */
export function mention(text: string, published: string | null, phrase: string, options: DateOptions = {}): Found {
  const all = datesOf(text, published, options);
  const hit = all.filter((d) => d.text === phrase);
  if (hit.length !== 1) throw new Error(`expected one mention "${phrase}", got ${JSON.stringify(all.map((d) => d.text))}`);
  return hit[0]!;
}
