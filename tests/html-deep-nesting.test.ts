/**
 * A page nested far deeper than any real one (thousands of `div`s) is read in time linear in its
 * size: it is not given to Readability, whose scoring grows with a power of the depth, and the
 * text walk uses no recursion that such a page could overflow.
 */
import { describe, expect, it, vi } from 'vitest';

const constructed = vi.hoisted(() => ({ count: 0 }));
vi.mock('@mozilla/readability', async (original) => {
  const real = (await original<typeof import('@mozilla/readability')>()).Readability;
  class Counting extends real {
    constructor(...args: ConstructorParameters<typeof real>) {
      super(...args);
      constructed.count++;
    }
  }
  return { Readability: Counting };
});

const { MAX_READABLE_DEPTH, blockLines, depthOf, parseHtml } = await import('../src/ingest/html.js');
const { parseHTML } = await import('linkedom');

const nested = (depth: number): string => `<html><head><title>Pier</title></head><body>${'<div>'.repeat(depth)}<p>The harbor board of Velder met on Monday.</p>${'</div>'.repeat(depth)}<p>Work starts in May.</p></body></html>`;
const parse = (html: string) => parseHtml(html, { path: 'deep.html', bytes: new Uint8Array() }, {} as never);

describe('a deeply nested page', () => {
  it('is read whole, without Readability, at 1,000, 2,000 and 20,000 nested divs', () => {
    for (const depth of [1000, 2000, 20_000]) {
      constructed.count = 0;
      const { docs, failures } = parse(nested(depth));
      expect(failures).toEqual([]);
      expect(docs[0]!.text).toBe('Pier\nThe harbor board of Velder met on Monday.\nWork starts in May.');
      expect(constructed.count, `depth ${depth}`).toBe(0);
    }
  });

  it('a page of ordinary depth still goes through Readability', () => {
    constructed.count = 0;
    expect(parse(nested(20)).docs[0]!.text).toContain('The harbor board of Velder met on Monday.');
    expect(constructed.count).toBe(1);
  });

  it('depth is measured up to the cap, and the text walk keeps block order', () => {
    expect(depthOf(parseHTML(nested(10)).document as never)).toBe(13); // html, body, 10 divs, p
    expect(depthOf(parseHTML(nested(5000)).document as never)).toBe(MAX_READABLE_DEPTH + 1);
    const { document } = parseHTML('<div>a<p>b</p>c<table><tr><td>x</td><td>y</td></tr></table></div>');
    expect(blockLines(document as never)).toEqual(['a', 'b', 'c', 'x y']);
  });
});
