/**
 * HTML pages are read where the per-document stages run (the workers), not on the thread that
 * reads the files: the run's reader leaves a page's markup as it is, and the per-document
 * processing turns it into exactly the document the HTML reader gives, or its error.
 */
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../src/config.js';
import { processDocument, runPipeline } from '../src/pipeline.js';
import { ingest, readMarkup } from '../src/stages/ingest.js';

const config = parseConfig({});
const page = `<!doctype html><html><head><title>Pier opens | Velder Herald</title><meta property="article:published_time" content="2024-03-05T09:00:00Z"></head>
<body><nav>Home</nav><article><h1>Pier opens</h1><p>The harbor board of Velder opened the new pier on Monday.</p><p>Mira Tollen, its chair, said ferries to Orsk start in May.</p></article><footer>Footer</footer></body></html>`;
const bytes = (s: string) => new TextEncoder().encode(s);

describe('an HTML page in a run', () => {
  it('is left as markup by the reader, with its id from the path', () => {
    const { docs, failures } = ingest(config, { deferHtml: true })({ path: 'news/pier.html', bytes: bytes(page) });
    expect(failures).toEqual([]);
    expect(docs).toEqual([{ id: 'news/pier', source: 'news/pier.html', title: '', text: page, published: null, publishedSource: 'none', markup: 'html' }]);
  });

  it('is read by the per-document processing into the document the HTML reader gives', () => {
    const deferred = ingest(config, { deferHtml: true })({ path: 'news/pier.html', bytes: bytes(page) }).docs[0]!;
    const direct = ingest(config)({ path: 'news/pier.html', bytes: bytes(page) }).docs[0]!;
    expect(readMarkup(deferred, config)).toEqual(direct);
    expect(direct.published).toBe('2024-03-05');
    const run = processDocument(config);
    expect(run(deferred)).toEqual(run(direct));
  });

  it('without article text is INPUT_BAD_HTML naming the file, and the batch carries on', async () => {
    const parse = ingest(config, { deferHtml: true });
    const items = [...parse({ path: 'empty.html', bytes: bytes('<html><body><nav>Menu</nav><script>x()</script></body></html>') }).docs, ...parse({ path: 'news/pier.html', bytes: bytes(page) }).docs].map((doc) => ({ kind: 'doc' as const, doc }));
    const result = await runPipeline(items, config);
    expect(result.failures).toMatchObject([{ file: 'empty.html', code: 'INPUT_BAD_HTML', message: expect.stringMatching(/^empty\.html: expected an HTML page with article text/) }]);
    expect(result.documentsRead).toBe(1);
  });
});
