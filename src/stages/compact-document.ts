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
    return {
      ...meta,
      sentenceCount: sentences.length,
      tokenCount: tokens.length,
      entities,
      dates,
      events,
      fingerprints,
      droppedParagraphs: [...dropped].sort((a, b) => a - b),
    };
  };
}
