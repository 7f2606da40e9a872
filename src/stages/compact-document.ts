import type { Doc, ProcessedDoc } from '../types.js';
import { fingerprintDocument } from './dedupe-documents.js';

/**
 * The last per-document stage: what crosses the barrier. Paragraphs repeated inside the document
 * (a caption printed twice, the headline again above the body) are dropped here with everything
 * found in them, and the full text and tokens are let go, so the corpus stages hold only
 * mentions, dates, event reports and fingerprints.
 */
export function compactDocument(): (doc: Doc) => ProcessedDoc {
  return (doc) => {
    const { fingerprints, droppedParagraphs } = fingerprintDocument(doc);
    const dropped = new Set(droppedParagraphs);
    const keepSentence = (i: number): boolean => !dropped.has(doc.sentences[i]?.paragraph ?? -1);

    const entityIndex = new Map<number, number>();
    const entities: ProcessedDoc['entities'] = [];
    doc.entities.forEach((m, i) => {
      if (!keepSentence(m.sentence)) return;
      entityIndex.set(i, entities.length);
      entities.push({
        ...m,
        text: doc.text.slice(m.start, m.end),
        ...(m.longForm === undefined ? {} : { longFormText: doc.text.slice(m.longForm.start, m.longForm.end) }),
      });
    });
    const dateIndex = new Map<number, number>();
    const dates: ProcessedDoc['dates'] = [];
    doc.dates.forEach((d, i) => {
      if (!keepSentence(d.sentence)) return;
      dateIndex.set(i, dates.length);
      dates.push({ ...d, text: doc.text.slice(d.start, d.end) });
    });
    const remap = (xs: number[]): number[] => xs.flatMap((x) => (entityIndex.has(x) ? [entityIndex.get(x)!] : []));
    const events: ProcessedDoc['events'] = [];
    for (const e of doc.events) {
      const date = dateIndex.get(e.date);
      if (!keepSentence(e.sentence) || date === undefined) continue;
      events.push({ ...e, date, actors: remap(e.actors), targets: remap(e.targets), places: remap(e.places), others: remap(e.others) });
    }

    const { text: _text, sentences, tokens, ...meta } = doc;
    const processed: ProcessedDoc = {
      ...meta,
      sentenceCount: sentences.length,
      tokenCount: tokens.length,
      entities,
      dates,
      events,
      fingerprints,
      droppedParagraphs: [...dropped].sort((a, b) => a - b),
    };
    detachStrings(processed);
    return processed;
  };
}

/**
 * Replaces the strings a processed document keeps (mention, date, sentence and trigger texts, the
 * title) with copies cut from one new string that holds just them. In V8 a `slice` of 13 or more
 * characters is a view that keeps the whole string it was cut from alive: without this, every
 * document's full text would stay in memory until the end of the run through its mentions.
 */
function detachStrings(doc: ProcessedDoc): void {
  const texts: string[] = [doc.title];
  for (const m of doc.entities) texts.push(m.text, m.longFormText ?? '', m.role ?? '');
  for (const d of doc.dates) texts.push(d.text);
  for (const e of doc.events) texts.push(e.sentenceText, e.trigger);
  const all = texts.join('');
  let i = 0;
  let at = 0;
  const next = (): string => {
    const from = at;
    at += texts[i++]!.length;
    return all.slice(from, at);
  };
  // Same order as above; optional fields are only set where they were.
  doc.title = next();
  for (const m of doc.entities) {
    m.text = next();
    const longFormText = next();
    const role = next();
    if (m.longFormText !== undefined) m.longFormText = longFormText;
    if (m.role !== undefined) m.role = role;
  }
  for (const d of doc.dates) d.text = next();
  for (const e of doc.events) {
    e.sentenceText = next();
    e.trigger = next();
  }
}
