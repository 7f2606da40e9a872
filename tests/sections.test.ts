/**
 * A document over `limits.sectionChars` is processed in sections cut at paragraph breaks, with
 * every offset exact in the whole text; a document over `limits.documentSeconds` is reported as
 * STAGE_TIMEOUT while the batch carries on.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../src/config.js';
import { runPipeline, type SourceItem } from '../src/pipeline.js';
import { processInSections, sectionStarts } from '../src/sections.js';
import { documentStages } from '../src/pipeline.js';
import type { Doc, SourceDoc } from '../src/types.js';

const paragraphs = [
  'The harbor board of Velder met on Monday, March 4, 2024, and approved the new pier.',
  'Mira Tollen, who chairs the board, said work would start in May.',
  '',
  'Pavel Reyk of the Orsk Ferry Union said on Tuesday that the strike had ended.',
  'The union and the Velder Port Authority signed an agreement in Orsk.',
  '',
  '',
];

const longText = (n: number): string => Array.from({ length: n }, (_, i) => paragraphs[i % paragraphs.length]!).join('\n');

function runWhole(config: ReturnType<typeof parseConfig>, source: SourceDoc): Doc {
  let doc: Doc = { ...source, sentences: [], tokens: [], entities: [], dates: [], events: [] };
  for (const [, stage] of documentStages(config)) doc = stage(doc);
  return doc;
}

describe('sectionStarts', () => {
  it('cuts into sections no longer than the limit, at paragraph breaks when there are some', () => {
    const text = longText(200);
    const starts = sectionStarts(text, 1000);
    expect(starts[0]).toBe(0);
    for (let k = 0; k < starts.length; k++) {
      const end = starts[k + 1] ?? text.length;
      expect(end - starts[k]!).toBeLessThanOrEqual(1000);
      if (k > 0) expect(text.slice(starts[k]! - 2, starts[k])).toBe('\n\n'); // after a blank line
    }
  });

  it('covers any text in order, never inside a surrogate pair', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', ' ', '\n', '\r\n', '\u{1F600}', 'xyz'), maxLength: 400 }), fc.integer({ min: 5, max: 60 }), (text, max) => {
        const starts = sectionStarts(text, max);
        for (let k = 1; k < starts.length; k++) {
          expect(starts[k]!).toBeGreaterThan(starts[k - 1]!);
          expect(starts[k]! - starts[k - 1]!).toBeLessThanOrEqual(max);
          expect(/[\udc00-\udfff]/.test(text[starts[k]!]!)).toBe(false);
        }
        expect(text.length - starts[starts.length - 1]!).toBeLessThanOrEqual(Math.max(max, text.length === 0 ? 0 : max));
      }),
      { numRuns: 200 },
    );
  });
});

describe('a document processed in sections', () => {
  it('has the same sentences and paragraphs as a whole run, and every mention slices to its text', () => {
    const config = parseConfig({});
    const source: SourceDoc = { id: 'long', source: 'long.txt', title: 'Pier', text: longText(210), published: '2024-03-08', publishedSource: 'metadata' };
    const whole = runWhole(config, source);
    const parts = processInSections(source, 1500, (s) => runWhole(config, s), () => {});
    expect(sectionStarts(source.text, 1500).length).toBeGreaterThan(5);
    expect(parts.sentences).toEqual(whole.sentences);
    expect(parts.tokens).toEqual(whole.tokens);
    expect(parts.entities.length).toBeGreaterThan(50);
    for (const m of parts.entities) expect(parts.sentences[m.sentence]!.start).toBeLessThanOrEqual(m.start);
    expect(parts.entities.map((m) => [m.start, m.end, source.text.slice(m.start, m.end)])).toEqual(whole.entities.map((m) => [m.start, m.end, source.text.slice(m.start, m.end)]));
    for (const d of parts.dates) expect(d.sentence).toBeLessThan(parts.sentences.length);
    for (const e of parts.events) {
      expect(source.text.slice(e.sentenceStart)).toMatch(new RegExp(`^${e.sentenceText.slice(0, 20).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
      expect(parts.dates[e.date]).toBeDefined();
      for (const i of [...e.actors, ...e.targets, ...e.places, ...e.others]) expect(parts.entities[i]).toBeDefined();
    }
  });
});

describe('a per-document time limit', () => {
  it('reports STAGE_TIMEOUT with the file and line, and the batch carries on', async () => {
    const config = parseConfig({ limits: { documentSeconds: 1e-9 } });
    const items: SourceItem[] = [
      { kind: 'doc', doc: { id: 'a', source: 'a.jsonl', line: 1, title: '', text: paragraphs[0]!, published: null, publishedSource: 'none' } },
      { kind: 'doc', doc: { id: 'b', source: 'a.jsonl', line: 2, title: '', text: paragraphs[1]!, published: null, publishedSource: 'none' } },
    ];
    const result = await runPipeline(items, config);
    expect(result.failures.map((f) => [f.file, f.line, f.code])).toEqual([['a.jsonl', 1, 'STAGE_TIMEOUT'], ['a.jsonl', 2, 'STAGE_TIMEOUT']]);
    expect(result.failures[0]!.message).toMatch(/^a\.jsonl:1: processing stopped after \d+ s, over the limit/);
  });

  it('is validated: positive seconds or null', () => {
    expect(parseConfig({ limits: { documentSeconds: null } }).limits.documentSeconds).toBeNull();
    expect(() => parseConfig({ limits: { documentSeconds: 0 } })).toThrow(/limits.documentSeconds/);
    expect(() => parseConfig({ limits: { sectionChars: 10 } })).toThrow(/limits.sectionChars/);
  });
});
