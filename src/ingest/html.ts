import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { DatelineError } from '../errors.js';
import { isRealDay } from '../config.js';
import { publishedFrom } from './fields.js';
import { docIdFromPath } from './ids.js';
import { baseName } from './text.js';
import type { FormatParser } from './types.js';

/**
 * A saved web page. The page is parsed with linkedom (htmlparser2, a forgiving HTML parser, under
 * a light DOM, much faster than jsdom) and its main text found by Mozilla's Readability, the
 * library behind Firefox Reader View: a well-kept answer to "which part of the page is the
 * article", which no list of tags gets right on its own (sidebars, related links and comment
 * threads are plain `<div>`s on most news sites). What Readability keeps is then laid out as plain text:
 *
 * - the title on the first line (as in a plain-text article), then one line per block (paragraph,
 *   heading, list item, table row, caption, quote); inline markup and runs of white space become
 *   single spaces, so a sentence never breaks where the HTML source wrapped it;
 * - never the text of `script`, `style`, `noscript`, `template`, `nav`, `footer`, `aside`, forms,
 *   embedded media, hidden elements, or page furniture named by its class or id (cookie banners,
 *   ads, share bars, "related" and comment boxes), whatever Readability decided;
 * - entities decoded (`&amp;` is `&`). The document text is this extracted text: every offset
 *   points into it, not into the HTML.
 *
 * Metadata comes from the page's head, best source first: title from `og:title`, JSON-LD
 * `headline`, then Readability's cleaned `<title>`/`<h1>`; published date from a JSON-LD article's
 * `datePublished`, `article:published_time`, `og:published_time`, `itemprop="datePublished"`, other
 * publication meta tags, a `<time datetime>`, the URL's path, and only then a modified date
 * (`HtmlDateSource`; `documents.published_source` names the one used); URL from
 * `<link rel=canonical>`, then `og:url`. Without a date in the page, a date in the file name is
 * used, as for other files, then the text (the date-document stage).
 */
export const parseHtml: FormatParser = (source, file) => {
  // linkedom builds no <html>/<body> around a bare fragment (htmlparser2 does not run the HTML5
  // tree-construction rules), so a fragment is wrapped as a browser would read it.
  const text = /<html[\s>]/i.test(source) ? source : `<!doctype html><html><body>${source}</body></html>`;
  const { document } = parseHTML(text) as unknown as { document: Doc };
  const meta = pageMetadata(document);
  // Readability's scoring walks up every node's ancestors and re-scans subtrees: on a page nested
  // deeper than any real one (a thousand `div`s) its time grows with a power of the depth. Such a
  // page is read whole (minus boilerplate), which takes time linear in its size.
  const article = depthOf(document as unknown as Nd) > MAX_READABLE_DEPTH ? null : readArticle(text);
  // Without an article (a page Readability gives up on), the whole page minus boilerplate; a page
  // with no <body> at all is walked from the document.
  const whole = (): string[] => blockLines(document.body ?? (document as unknown as Nd));
  let lines = article?.content == null ? whole() : blockLines(article.content);
  if (lines.length === 0) lines = whole();
  const title = meta.title ?? clean(article?.title ?? document.querySelector('title')?.textContent ?? '') ?? '';
  if (lines.length === 0) {
    throw new DatelineError('INPUT_BAD_HTML', `${file.path}: expected an HTML page with article text, found no text outside scripts, styles, navigation and footers`, { file: file.path });
  }
  if (title !== '' && lines[0] !== title) lines.unshift(title);
  return {
    docs: [
      {
        id: docIdFromPath(file.path),
        source: file.path,
        title: title === '' ? lines[0]! : title,
        text: lines.join('\n'),
        ...(meta.published !== null && meta.publishedSource !== null
          ? { published: meta.published, publishedSource: meta.publishedSource }
          : publishedFrom(null, baseName(file.path))),
        ...(meta.url === null ? {} : { url: meta.url }),
      },
    ],
    failures: [],
  };
};

interface Article {
  title?: string | null;
  content?: El | null;
}

/** Readability's article, its content as a DOM element; null when it finds none. */
function readArticle(html: string): Article | null {
  // Readability rewrites the DOM it is given: hand it a parse of its own, boilerplate removed
  // first (Readability drops class names, so they cannot be looked at after it).
  const { document } = parseHTML(html);
  const marked = (document as unknown as Doc).querySelectorAll('[class], [id], [role], [hidden], [aria-hidden]');
  for (let i = 0; i < marked.length; i++) if (isHidden(marked[i]!)) marked[i]!.remove();
  try {
    const reader = new Readability(document as never, { serializer: (node: unknown) => node as El } as never);
    return reader.parse() as Article | null;
  } catch {
    return null; // a page Readability cannot handle: the caller falls back to the whole body
  }
}

// A structural view of the few DOM members used here (the project compiles without the DOM lib).
interface Nd {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<Nd>;
}
interface El extends Nd {
  getAttribute(name: string): string | null;
  hasAttribute(name: string): boolean;
  querySelector(selector: string): El | null;
  querySelectorAll(selector: string): ArrayLike<El>;
  remove(): void;
}
interface Doc {
  documentElement: El;
  head: El | null;
  body: El | null;
  querySelector(selector: string): El | null;
  querySelectorAll(selector: string): ArrayLike<El>;
}

/** Elements whose text is never article text. */
const skipped = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'NAV', 'FOOTER', 'ASIDE', 'FORM', 'BUTTON', 'SELECT', 'TEXTAREA', 'SVG', 'CANVAS', 'IFRAME', 'OBJECT', 'EMBED', 'VIDEO', 'AUDIO', 'HEAD', 'TITLE', 'META', 'LINK']);
/** Elements that start and end a line of text. */
const blocks = new Set([
  'ADDRESS', 'ARTICLE', 'BLOCKQUOTE', 'BODY', 'CAPTION', 'CENTER', 'DD', 'DETAILS', 'DIALOG', 'DIV', 'DL', 'DT', 'FIELDSET', 'FIGCAPTION', 'FIGURE',
  'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HGROUP', 'HR', 'HTML', 'LI', 'MAIN', 'OL', 'P', 'PRE', 'SECTION', 'SUMMARY', 'TABLE', 'TBODY',
  'TFOOT', 'THEAD', 'TR', 'UL', 'BR',
]);
/** Table cells: inline, but kept apart by a tab-like gap so cells do not run together. */
const cells = new Set(['TD', 'TH']);

/**
 * The text of an element as lines: one per block, white space collapsed, blank lines dropped.
 * Line breaks are hard sentence boundaries downstream, so a line is never broken mid-paragraph.
 */
export function blockLines(root: Nd): string[] {
  const lines: string[] = [];
  let current = '';
  const flush = (): void => {
    const line = clean(current);
    if (line !== null) lines.push(line);
    current = '';
  };
  // An explicit stack, not recursion: a page nested tens of thousands deep cannot overflow it.
  // An entry is a node to enter, or (`exit`) the end of a block to flush after its children.
  const stack: Array<{ node: Nd; exit: boolean }> = [{ node: root, exit: false }];
  while (stack.length > 0) {
    const { node, exit } = stack.pop()!;
    if (exit) {
      flush();
      continue;
    }
    if (node.nodeType === 3) {
      current += node.textContent ?? '';
      continue;
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) continue;
    const name = node.nodeName.toUpperCase();
    if (skipped.has(name)) continue;
    if (node.nodeType === 1 && isHidden(node as El)) continue;
    const block = blocks.has(name);
    if (block) {
      flush();
      stack.push({ node, exit: true });
    }
    if (cells.has(name) && current.trim() !== '') current += ' \u2002 ';
    for (let i = node.childNodes.length - 1; i >= 0; i--) stack.push({ node: node.childNodes[i]!, exit: false });
  }
  flush();
  return lines;
}

/**
 * Pages nested deeper than this are not given to Readability. Real pages stay far below it (a
 * news page is some 20 to 40 elements deep); a deeper one is broken or made to stall a reader.
 */
export const MAX_READABLE_DEPTH = 100;

/** The depth of the deepest element under `root` (iteratively, in one pass). */
export function depthOf(root: Nd): number {
  let deepest = 0;
  const stack: Array<[Nd, number]> = [[root, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (depth > deepest) deepest = depth;
    if (depth > MAX_READABLE_DEPTH) return depth; // deep enough to decide
    for (let i = 0; i < node.childNodes.length; i++) {
      const child = node.childNodes[i]!;
      if (child.nodeType === 1) stack.push([child, depth + 1]);
    }
  }
  return deepest;
}

/**
 * Class and id words of page furniture: an element named with one of them (`cookie-banner`,
 * `related_links`, `social share`) is not article text. Whole words only, so `commentary` or
 * `shared-story` are kept.
 */
const furniture = new Set([
  'cookie', 'cookies', 'consent', 'gdpr', 'newsletter', 'subscribe', 'subscription', 'paywall', 'advert', 'advertisement', 'ad', 'ads',
  'promo', 'sponsored', 'social', 'share', 'sharing', 'sidebar', 'related', 'comments', 'breadcrumb', 'breadcrumbs', 'popup', 'modal',
]);

/** Hidden, navigation, footer or other page furniture (by ARIA role or class/id words). */
function isHidden(el: El): boolean {
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
  const role = el.getAttribute('role');
  if (role === 'navigation' || role === 'contentinfo' || role === 'banner' || role === 'complementary' || role === 'dialog') return true;
  const names = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`.toLowerCase();
  if (!names.split(/[^a-z]+/).some((w) => furniture.has(w))) return false;
  // A class word alone never removes the page or a wrapper around the story
  // (`<body class="has-sidebar">`, `<div class="page with-ads">`): furniture holds little prose.
  return !containers.has(el.nodeName.toUpperCase()) && el.querySelectorAll('p').length < 3;
}

const containers = new Set(['HTML', 'BODY', 'MAIN', 'ARTICLE']);

/** White space collapsed and trimmed; null when nothing is left. */
function clean(s: string): string | null {
  const t = s.replace(/[\s\u00a0]+/g, ' ').trim();
  return t === '' ? null : t;
}

export interface PageMetadata {
  title: string | null;
  published: string | null;
  /** Which of the page's date sources gave `published` (null when none did). */
  publishedSource: HtmlDateSource | null;
  url: string | null;
}

/**
 * Where a page's published date came from, best first (the order they are tried in):
 * `html-json-ld` a JSON-LD article's `datePublished`; `html-article-meta` `article:published_time`;
 * `html-og-meta` `og:published_time`; `html-itemprop` an element with `itemprop="datePublished"`;
 * `html-meta` another publication meta tag (`pubdate`, `dc.date.issued`, ...) or a JSON-LD
 * `datePublished` outside an article; `html-time` a `<time datetime>`; `url-path` the URL's path
 * (`/2024/01/17/`); `html-modified` a modified date, only when none of the others is there.
 */
export type HtmlDateSource = 'html-json-ld' | 'html-article-meta' | 'html-og-meta' | 'html-itemprop' | 'html-meta' | 'html-time' | 'url-path' | 'html-modified';

/** JSON-LD types that are an article (schema.org `Article` and its kinds). */
const ARTICLE_TYPE = /^(?:\w*Article|Report|BlogPosting|LiveBlogPosting|SocialMediaPosting|DiscussionForumPosting)$/;

const isArticle = (o: Record<string, unknown>): boolean => {
  const t = o['@type'];
  return (Array.isArray(t) ? t : [t]).some((x) => typeof x === 'string' && ARTICLE_TYPE.test(x));
};

/** Title, published date and URL from a page's meta tags, JSON-LD, `<time>` elements and URL. */
export function pageMetadata(document: Doc): PageMetadata {
  const metaContent = (...keys: string[]): string[] => {
    const out: string[] = [];
    for (const key of keys) {
      for (const attr of ['property', 'name', 'itemprop']) {
        const el = document.querySelector(`meta[${attr}="${key}"]`);
        const v = el?.getAttribute('content');
        if (v != null && v.trim() !== '') out.push(v.trim());
      }
    }
    return out;
  };
  /** `content` or `datetime` of every element with the microdata property `prop`. */
  const itemprop = (prop: string): string[] => {
    const out: string[] = [];
    const els = document.querySelectorAll(`[itemprop="${prop}"]`);
    for (let i = 0; i < els.length; i++) {
      const v = els[i]!.getAttribute('content') ?? els[i]!.getAttribute('datetime');
      if (v != null && v.trim() !== '') out.push(v.trim());
    }
    return out;
  };
  const ld = jsonLd(document);
  const articles = ld.filter(isArticle);
  const title = first([...metaContent('og:title', 'twitter:title'), ...ld.map((o) => o['headline'])].map((v) => (typeof v === 'string' ? clean(v) : null)));
  const canonical = document.querySelector('link[rel="canonical"]')?.getAttribute('href');
  const url = first([canonical, ...metaContent('og:url')].map((v) => (typeof v === 'string' && /^https?:\/\//i.test(v.trim()) ? v.trim() : null)));
  const time = document.querySelector('time[pubdate][datetime]') ?? document.querySelector('article time[datetime]') ?? document.querySelector('time[datetime]');
  const sources: Array<[HtmlDateSource, () => unknown[]]> = [
    ['html-json-ld', () => articles.map((o) => o['datePublished'])],
    ['html-article-meta', () => metaContent('article:published_time', 'og:article:published_time')],
    ['html-og-meta', () => metaContent('og:published_time')],
    ['html-itemprop', () => itemprop('datePublished')],
    [
      'html-meta',
      () => [
        ...metaContent('datePublished', 'pubdate', 'publishdate', 'publish-date', 'date', 'dc.date.issued', 'DC.date.issued', 'dcterms.created', 'sailthru.date', 'parsely-pub-date'),
        ...ld.map((o) => o['datePublished']),
        ...ld.map((o) => o['dateCreated']),
      ],
    ],
    ['html-time', () => [time?.getAttribute('datetime')]],
    ['url-path', () => [url === null ? null : dayFromUrl(url)]],
    [
      'html-modified',
      () => [...articles.map((o) => o['dateModified']), ...metaContent('article:modified_time', 'og:updated_time', 'dateModified'), ...itemprop('dateModified'), ...ld.map((o) => o['dateModified'])],
    ],
  ];
  for (const [source, values] of sources) {
    const published = first(values().map(toDay));
    if (published !== null) return { title, published, publishedSource: source, url };
  }
  return { title, published: null, publishedSource: null, url };
}

/** The day in a URL's path, `/2024/01/17/` or `/2024-01-17/` (the query and fragment are not read). */
export function dayFromUrl(url: string): string | null {
  const path = url.replace(/^[a-z]+:\/\/[^/]*/i, '').replace(/[?#].*$/, '');
  const m = /\/((?:19|20)\d\d)[/-](0[1-9]|1[0-2])[/-](0[1-9]|[12]\d|3[01])(?=[/-]|\.html?$|$)/.exec(path);
  return m === null ? null : `${m[1]}-${m[2]}-${m[3]}`;
}

function first<T>(values: ReadonlyArray<T | null | undefined>): T | null {
  for (const v of values) if (v !== null && v !== undefined) return v;
  return null;
}

/**
 * A page's date to `YYYY-MM-DD`, as written (the calendar day in the page's own time zone: the
 * day a reader of the page saw). Anything that is not an ISO-style date with a real day is
 * skipped, so a malformed tag gives way to the next source rather than guessing.
 */
export function toDay(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const m = /^\s*(\d{4})-(\d{2})-(\d{2})(?:$|[T\s])/.exec(value);
  if (m === null || !isRealDay(+m[1]!, +m[2]!, +m[3]!)) return null;
  return `${m[1]}-${m[2]}-${m[3]}`;
}

/** Every object in the page's JSON-LD blocks, `@graph` members included; bad JSON is skipped. */
function jsonLd(document: Doc): Array<Record<string, unknown>> {
  const out: Array<Record<string, unknown>> = [];
  const visit = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(visit);
    else if (v !== null && typeof v === 'object') {
      out.push(v as Record<string, unknown>);
      const graph = (v as Record<string, unknown>)['@graph'];
      if (graph !== undefined) visit(graph);
    }
  };
  const scripts = document.querySelectorAll('script[type="application/ld+json"]');
  for (let i = 0; i < scripts.length; i++) {
    try {
      visit(JSON.parse(scripts[i]!.textContent ?? ''));
    } catch {
      // A page's broken JSON-LD is the page's problem; the other sources still apply.
    }
  }
  return out;
}
