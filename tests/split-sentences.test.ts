import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lineRanges, splitSentences } from '../src/stages/split-sentences.js';
import type { Doc } from '../src/types.js';

const blank = (text: string): Doc => ({
  id: 'd', source: 'd.txt', title: '', text, published: null, publishedSource: 'none',
  sentences: [], tokens: [], entities: [], dates: [], events: [],
});
const split = splitSentences();
const sentenceTexts = (text: string): string[] => split(blank(text)).sentences.map((s) => text.slice(s.start, s.end));

describe('splitSentences', () => {
  it('treats a line break as a hard boundary (a headline without a full stop)', () => {
    expect(sentenceTexts('Storm hits the coast\nThe storm arrived on Monday. Roads closed.')).toEqual([
      'Storm hits the coast',
      'The storm arrived on Monday.',
      'Roads closed.',
    ]);
  });

  it('does not end a sentence at a full stop inside a link', () => {
    expect(sentenceTexts('Footage of the blast. pic.twitter.com/Ab3dE — Jo Roe (@joroe) May 2, 2023')).toEqual([
      'Footage of the blast.',
      'pic.twitter.com/Ab3dE — Jo Roe (@joroe) May 2, 2023',
    ]);
  });

  it('keeps closing quote marks with the sentence they close', () => {
    expect(sentenceTexts("Sales will recover by spring.'' The figures rose. ''Fine.'' she said")).toEqual([
      "Sales will recover by spring.''",
      'The figures rose.',
      "''Fine.'' she said",
    ]);
  });

  it('keeps abbreviations inside a sentence', () => {
    expect(sentenceTexts('Mr. Ortega met Dr. Lee in the U.S. on Jan. 5. They talked.')).toEqual([
      'Mr. Ortega met Dr. Lee in the U.S. on Jan. 5.',
      'They talked.',
    ]);
  });

  it('gives exact offsets with CRLF, tabs, non-breaking spaces and other scripts', () => {
    const text = 'Title line\r\n\tThe\u00a0mayor of Zürich met officials from 東京.\r\n\r\nΑθήνα responded.';
    const doc = split(blank(text));
    for (const t of doc.tokens) expect(text.slice(t.start, t.end).trim()).not.toBe('');
    expect(doc.sentences.map((s) => s.paragraph)).toEqual([0, 1, 2]);
    expect(text.slice(doc.sentences[2]!.start, doc.sentences[2]!.end)).toBe('Αθήνα responded.');
  });

  it('lineRanges covers every line terminator', () => {
    expect(lineRanges('a\r\nb\nc\rd')).toEqual([[0, 1], [3, 4], [5, 6], [7, 8]]);
  });

  it('gives the same tokens and sentences however the lines are grouped into wink calls', () => {
    // Lines go to wink in groups of up to maxLineLength characters; 1000 makes several groups here.
    const lines = Array.from({ length: 60 }, (_, i) =>
      i % 3 === 0 ? `Headline number ${i} without a stop` : `The council met on Monday. It's the ${i}th meeting, Dr. Ames said`,
    );
    const text = lines.join('\n');
    const small = splitSentences({ maxLineLength: 1000 })(blank(text));
    const whole = split(blank(text));
    expect(small.tokens).toEqual(whole.tokens);
    expect(small.sentences).toEqual(whole.sentences);
    expect(whole.sentences.map((s) => s.paragraph)).toContain(59);
    // Every line is its own paragraph and no sentence leaves its line.
    for (const s of whole.sentences) expect(text.slice(s.start, s.end)).toBe(text.slice(s.start, s.end).split('\n')[0]);
  });

  it('invariants hold for any text: tokens sorted, inside sentences, sentences inside lines', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        const doc = split(blank(text));
        let last = 0;
        for (const t of doc.tokens) {
          expect(t.start).toBeGreaterThanOrEqual(last);
          expect(t.end).toBeGreaterThan(t.start);
          expect(t.end).toBeLessThanOrEqual(text.length);
          last = t.end;
        }
        for (const s of doc.sentences) {
          expect(s.tokenEnd).toBeGreaterThan(s.tokenStart);
          expect(doc.tokens[s.tokenStart]!.start).toBe(s.start);
          expect(doc.tokens[s.tokenEnd - 1]!.end).toBe(s.end);
          expect(text.slice(s.start, s.end)).not.toMatch(/[\n\r\u2028\u2029]/);
        }
      }),
      { numRuns: 200, seed: 7 },
    );
  });
});
