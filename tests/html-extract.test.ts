import { describe, expect, it } from 'vitest';
import { parseHtml } from '../src/ingest/html.js';
import { ingest } from '../src/stages/ingest.js';
import { parseConfig } from '../src/config.js';

const options = parseConfig({});
const file = (path: string, html: string) => ({ path, bytes: new TextEncoder().encode(html) });
const parse = (html: string, path = 'news/page.html') => parseHtml(html, file(path, html), options);

const story = (head: string, extra = ''): string => `<!doctype html>
<html><head>${head}
<style>.lead { font-weight: bold } /* STYLETEXT */</style>
<script>window.tracker = "SCRIPTTEXT";</script>
</head><body>
<header><nav><a href="/">Home</a> <a href="/world">NAVTEXT World</a></nav></header>
<main><article>
<h1>Orchard town opens a seed library</h1>
<p>Volunteers in the hill town of Kesswick opened a seed library on Saturday, lending
   heirloom beans &amp; squash to anyone with a library card.</p>
<p>Librarian <b>Ada Quince</b> said the shelves were <em>nearly empty</em> by noon. More seeds arrive next week.</p>
<p>The project began after a cold spring ruined many gardens, and the town council paid for the cabinets and the labels.</p>
${extra}
</article></main>
<footer>FOOTERTEXT © Kesswick Herald</footer>
<script>console.log("SCRIPTTAIL")</script>
</body></html>`;

describe('HTML ingest', () => {
  it('keeps the article text, one line per block, and drops script, style, nav and footer text', () => {
    const { docs, failures } = parse(story('<title>Seeds | Herald</title>'));
    expect(failures).toEqual([]);
    const text = docs[0]!.text;
    for (const noise of ['SCRIPTTEXT', 'SCRIPTTAIL', 'STYLETEXT', 'NAVTEXT', 'FOOTERTEXT', '<', '&amp;']) expect(text).not.toContain(noise);
    const lines = text.split('\n');
    // Source line wraps inside a paragraph are not line breaks; inline markup is gone.
    expect(lines).toContain('Volunteers in the hill town of Kesswick opened a seed library on Saturday, lending heirloom beans & squash to anyone with a library card.');
    expect(lines).toContain('Librarian Ada Quince said the shelves were nearly empty by noon. More seeds arrive next week.');
    expect(lines[0]).toBe(docs[0]!.title);
  });

  it('finds the article among plain <div>s: no cookie banner, link lists, comments or "most read" box', () => {
    const page = `<html><head><title>Council row over tram line - Valley Post</title><meta itemprop="datePublished" content="2020-02-11"></head><body>
      <div id="cookie">COOKIES We use cookies. <button>Accept</button></div>
      <div class="top-links"><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></div>
      <div class="page"><div class="main-col"><div class="story-body">
        <h1>Council row over tram line</h1>
        <div class="text">
          <p>Councillors in Brenford clashed on Monday night over plans for a tram line to the airport, with the opposition calling the cost estimate "fantasy".</p>
          <p>The transport committee chair, Lena Hoss, defended the plan and said construction could begin next year if the regional government agrees to share the cost.</p>
          <p>A public consultation will open on 1 March and run for six weeks, the council said in a statement after the meeting.</p>
        </div></div>
        <div class="comments"><h3>COMMENTS (2)</h3><div class="c">Great idea!</div><div class="c">Waste of money.</div></div>
      </div>
      <div class="sidebar"><h3>MOST READ</h3><ul><li><a href="/a">Dog rescued from river</a></li><li><a href="/b">New bakery opens</a></li></ul></div></div>
      <div class="bottom">Valley Post © 2020 · <a href="/privacy">Privacy</a></div></body></html>`;
    const doc = parse(page).docs[0]!;
    expect(doc).toMatchObject({ title: 'Council row over tram line', published: '2020-02-11' });
    expect(doc.text.split("\n"), doc.text).toHaveLength(4);
    for (const noise of ['COOKIES', 'Home', 'COMMENTS', 'Waste of money', 'MOST READ', 'bakery', 'Privacy']) expect(doc.text).not.toContain(noise);
    // Class words mark furniture, not the page: a story inside `has-sidebar` wrappers is kept whole.
    const wrapped = parse(page.replace('<body>', '<body class="has-sidebar">').replace('class="page"', 'class="page with-ads"')).docs[0]!;
    expect(wrapped.text).toBe(doc.text);
  });

  it('reads title, published date and URL from the meta tags, best source first', () => {
    const head = `<title>Seeds | Herald</title>
      <meta property="og:title" content="Town opens seed library">
      <meta property="og:url" content="https://herald.example/og">
      <link rel="canonical" href="https://herald.example/canonical">
      <meta property="article:published_time" content="2021-04-17T08:00:00-04:00">
      <script type="application/ld+json">{"@type":"NewsArticle","headline":"LD","datePublished":"2021-04-10"}</script>`;
    const doc = parse(story(head), '2020-01-01-seeds.html').docs[0]!;
    // A JSON-LD article's datePublished comes before article:published_time (issue 17's precedence).
    expect(doc).toMatchObject({ title: 'Town opens seed library', published: '2021-04-10', publishedSource: 'html-json-ld', url: 'https://herald.example/canonical', id: '2020-01-01-seeds' });
    expect(doc.text.startsWith('Town opens seed library\n')).toBe(true);
  });

  it('falls back to JSON-LD (inside @graph), then <time datetime>, then the file name', () => {
    const ld = `<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite"},{"@type":"NewsArticle","headline":"From JSON-LD","datePublished":"2019-02-03T10:00:00Z"}]}</script>`;
    expect(parse(story(ld)).docs[0]).toMatchObject({ title: 'From JSON-LD', published: '2019-02-03', publishedSource: 'html-json-ld' });
    const time = parse(story('<title>T</title>', '<p>Posted <time datetime="2018-06-30">Saturday</time>.</p>')).docs[0]!;
    expect(time).toMatchObject({ published: '2018-06-30', publishedSource: 'html-time' });
    const named = parse(story('<meta property="article:published_time" content="not a date">'), 'a/2017-05-06_story.htm').docs[0]!;
    expect(named).toMatchObject({ published: '2017-05-06', publishedSource: 'filename' });
    expect(named.url).toBeUndefined();
  });

  it('reads a bare fragment without head or article markup', () => {
    const { docs } = parse('<p>First paragraph about the river.</p><p>Second one, about the bridge.</p>', 'frag.html');
    expect(docs[0]!.text).toBe('First paragraph about the river.\nSecond one, about the bridge.');
    expect(docs[0]!.title).toBe('First paragraph about the river.');
  });

  it('throws INPUT_BAD_HTML naming the file when a page has no article text', () => {
    expect(() => parse('<html><head><script>var a = 1;</script></head><body><nav>Home</nav><footer>Legal</footer></body></html>', 'empty.html')).toThrow(/^empty\.html: expected an HTML page with article text/);
  });

  it('is registered for .html and .htm, and a text-less page becomes a failure', () => {
    const read = ingest(options);
    expect(read(file('a/page.HTM', story('<title>x</title>'))).docs).toHaveLength(1);
    const bad = read(file('b/empty.html', '<html><body><nav>Home</nav><script>x()</script></body></html>'));
    expect(bad.docs).toEqual([]);
    expect(bad.failures).toMatchObject([{ file: 'b/empty.html', code: 'INPUT_BAD_HTML' }]);
  });
});
