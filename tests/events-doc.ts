/**
 * Builds documents by hand for the event tests: real sentence splitting and POS tags (wink), and
 * entity and date mentions placed by their surface text, so a test states only what matters.
 */
import { splitSentences } from '../src/stages/split-sentences.js';
import type { DateMention, Doc, EntityMention, EntityType, Precision } from '../src/types.js';

export interface EntitySpec {
  text: string;
  type: EntityType;
  /** Which occurrence of `text` (0-based). @default 0 */
  nth?: number;
}

export interface DateSpec {
  text: string;
  value: string | null;
  precision?: Precision | null;
  planned?: boolean;
  nth?: number;
  timexType?: DateMention['timexType'];
  anchor?: DateMention['anchor'];
}

function locate(text: string, needle: string, nth = 0): number {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`"${needle}" (occurrence ${nth}) is not in the test text`);
  }
  return at;
}

const split = splitSentences();

/** A document with sentences, tokens, and the given entity and date mentions. */
export function makeDoc(text: string, entities: EntitySpec[] = [], dates: DateSpec[] = [], id = 'doc'): Doc {
  const base: Doc = { id, source: `${id}.txt`, title: id, text, published: '2031-05-14', publishedSource: 'config', sentences: [], tokens: [], entities: [], dates: [], events: [] };
  const doc = split(base);
  const sentenceOf = (start: number): number => doc.sentences.findIndex((s) => s.start <= start && start < s.end);
  const mentions: EntityMention[] = entities
    .map((e) => {
      const start = locate(text, e.text, e.nth);
      return { start, end: start + e.text.length, type: e.type, sentence: sentenceOf(start) };
    })
    .sort((a, b) => a.start - b.start);
  const dateMentions: DateMention[] = dates
    .map((d) => {
      const start = locate(text, d.text, d.nth);
      const precision = d.precision === undefined ? (d.value === null ? null : precisionOf(d.value)) : d.precision;
      return { start, end: start + d.text.length, sentence: sentenceOf(start), timexType: d.timexType ?? 'DATE', value: d.value, precision, planned: d.planned ?? false, anchor: d.anchor ?? 'published' };
    })
    .sort((a, b) => a.start - b.start);
  return { ...doc, entities: mentions, dates: dateMentions };
}

function precisionOf(value: string): Precision {
  if (/^\d{4}-\d{2}-\d{2}/.test(value)) return 'day';
  if (/W\d/.test(value)) return 'week';
  if (/^\d{4}-\d{2}$/.test(value)) return 'month';
  if (/Q\d/.test(value)) return 'quarter';
  return 'year';
}
