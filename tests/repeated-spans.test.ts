/**
 * The repeated paragraphs of the kept documents, held as three typed arrays (src/corpus.ts): each
 * document gets back exactly its spans, a document with none gets nothing.
 */
import { describe, expect, it } from 'vitest';
import { RepeatedSpans } from '../src/corpus.js';

describe('RepeatedSpans', () => {
  it('gives each document its own spans and none to the others', () => {
    const entries = Array.from({ length: 500 }, (_, k) => [3 * k + 1, Int32Array.from({ length: 2 * ((k % 4) + 1) }, (_, j) => 100 * k + j)] as const);
    const spans = new RepeatedSpans([...entries, [5000, new Int32Array(0)] as const]);
    for (const [i, s] of entries) expect([...spans.get(i)!]).toEqual([...s]);
    for (const i of [0, 2, 3, 1499, 1501, 5000, 9999]) expect(spans.get(i)).toBeUndefined();
  });

  it('refuses documents out of order', () => {
    expect(() => new RepeatedSpans([[4, Int32Array.of(0, 1)], [2, Int32Array.of(0, 1)]])).toThrow(/out of order/);
    expect(new RepeatedSpans([]).get(0)).toBeUndefined();
  });
});
