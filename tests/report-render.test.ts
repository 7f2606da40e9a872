import { existsSync } from 'node:fs';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../src/config.js';
import { buildReport } from '../src/report/build-report.js';
import { runOnFiles } from '../src/run.js';
import { dateRange, robustBounds, spanKind } from '../src/report/timeline.js';
import { baseMap, mapHeight, mapWidth } from '../src/report/world-map.js';
import type { Row, TableName } from '../src/tables.js';

const evil = `<script>alert("x")</script><img src=x onerror=alert(1)>`;

/** Invented tables: two documents, three people/organizations/places, four events. */
function sampleTables(): Record<TableName, Row[]> {
  const entity = (id: string, name: string, mentions: number, docs: string[], extra: Row = {}): Row => ({ entity_id: id, name, aliases: [name], mention_count: mentions, document_count: docs.length, doc_ids: docs, ...extra });
  const mention = (doc: string, sentence: number, start: number, text: string, type: string, entityId: string | null): Row => ({
    mention_id: `${doc}:${start}-${start + text.length}`, doc_id: doc, sentence_index: sentence, start, end: start + text.length, text, type, entity_id: entityId, value: null, timex_type: null, precision: null, role: null,
  });
  return {
    documents: [
      { doc_id: 'alpha', source: 'alpha.txt', line: null, title: `Harbour strike ${evil}`, url: 'javascript:alert(1)', published: '2021-05-04', published_source: 'metadata', sentence_count: 3, token_count: 40, dropped_paragraphs: 0, duplicate_of: null },
      { doc_id: 'beta/2', source: 'beta.jsonl', line: 2, title: 'Talks in Lisbon', url: 'https://news.example/beta?a=1&b=2', published: '2021-05-06', published_source: 'metadata', sentence_count: 2, token_count: 30, dropped_paragraphs: 0, duplicate_of: null },
    ],
    mentions: [
      mention('alpha', 0, 0, 'Ines Varga', 'PERSON', 'person:ines-varga'),
      mention('alpha', 1, 50, `Dock Union ${evil}`, 'ORGANIZATION', 'org:dock-union'),
      { ...mention('alpha', 2, 90, 'Porto', 'PLACE', 'place:porto'), sentence: 'Pickets gathered in Porto.' },
      mention('beta/2', 0, 0, 'Lisbon', 'PLACE', 'place:lisbon'),
      mention('beta/2', 1, 40, 'Ines Varga', 'PERSON', 'person:ines-varga'),
    ],
    people: [entity('person:ines-varga', 'Ines Varga', 2, ['alpha', 'beta/2'], { roles: ['union leader'] })],
    organizations: [entity('org:dock-union', `Dock Union ${evil}`, 1, ['alpha'])],
    places: [
      entity('place:porto', 'Porto', 1, ['alpha'], { kind: 'city', country_code: 'PT', admin1: null, latitude: 41.15, longitude: -8.61, gazetteer_id: null }),
      entity('place:lisbon', 'Lisbon', 1, ['beta/2'], { kind: 'city', country_code: 'PT', admin1: null, latitude: 38.72, longitude: -9.14, gazetteer_id: null }),
      entity('place:nowhere', 'Nowhere Bay', 1, ['alpha'], { kind: 'other', country_code: null, admin1: null, latitude: null, longitude: null, gazetteer_id: null }),
    ],
    events: [
      { event_id: 'ev1', date: '2021-05-03', precision: 'day', date_text: 'Monday', planned: false, type: 'attack', trigger: 'stormed', actor_ids: ['org:dock-union'], actors: [], target_ids: [], targets: [], place_ids: ['place:porto'], places: [], entity_ids: [], fatalities: 2, sentence: `The union stormed the gate ${evil}.`, doc_ids: ['alpha'], source_count: 1, conflicting_dates: [] },
      { event_id: 'ev2', date: '2021-W19', precision: 'week', date_text: 'this week', planned: true, type: 'meeting', trigger: 'meet', actor_ids: ['person:ines-varga'], actors: [], target_ids: [], targets: [], place_ids: ['place:lisbon'], places: [], entity_ids: [], fatalities: null, sentence: 'Varga will meet ministers this week.', doc_ids: ['beta/2'], source_count: 1, conflicting_dates: [] },
      { event_id: 'ev3', date: '2021-04', precision: 'month', date_text: 'April', planned: false, type: 'statement', trigger: 'said', actor_ids: [], actors: [], target_ids: [], targets: [], place_ids: [], entity_ids: [], fatalities: null, sentence: 'Officials said in April that wages would rise.', doc_ids: ['alpha'], source_count: 1, conflicting_dates: ['2021-03'] },
      { event_id: 'ev4', date: 'PRESENT_REF', precision: 'ref', date_text: 'now', planned: false, type: 'other', trigger: 'is', actor_ids: [], actors: [], target_ids: [], targets: [], place_ids: [], entity_ids: [], fatalities: null, sentence: 'The port is quiet now.', doc_ids: ['beta/2'], source_count: 1, conflicting_dates: [] },
    ],
    event_mentions: [
      { event_id: 'ev1', doc_id: 'alpha', sentence_index: 1, date: '2021-05-03', date_text: 'Monday', trigger: 'stormed', sentence: `The union stormed the gate ${evil}.` },
      { event_id: 'ev2', doc_id: 'beta/2', sentence_index: 1, date: '2021-W19', date_text: 'this week', trigger: 'meet', sentence: 'Varga will meet ministers this week.' },
      { event_id: 'ev3', doc_id: 'alpha', sentence_index: 0, date: '2021-04', date_text: 'April', trigger: 'said', sentence: 'Officials said in April that wages would rise.' },
      { event_id: 'ev4', doc_id: 'beta/2', sentence_index: 0, date: 'PRESENT_REF', date_text: 'now', trigger: 'is', sentence: 'The port is quiet now.' },
    ],
    merges: [],
    duplicates: [],
  };
}

const html = buildReport(sampleTables());

describe('report.html (built from the tables)', () => {
  it('escapes document text: no markup from the documents reaches the page', () => {
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).not.toContain('javascript:');
    expect(html).toContain('href="https://news.example/beta?a=1&amp;b=2"');
  });

  it('is self-contained: loads nothing, runs no script, says so in a Content-Security-Policy', () => {
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"`);
    expect(html).not.toMatch(/<[a-z][^>]*\s(src|srcset|srcdoc)=/i);
    expect(html).not.toMatch(/<link\b/);
  });

  it('links every row to an anchor that exists: events, entities and source sentences', () => {
    const ids = new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]));
    const targets = [...html.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]!);
    expect(targets.length).toBeGreaterThan(10);
    for (const t of targets) expect(ids, t).toContain(t);
    // Each event report links to its sentence, which shows the sentence text.
    expect(html).toMatch(/<li id="s-beta.[0-9a-z]+2.[0-9a-z]+1" value="1">Varga will meet ministers this week\.<\/li>/);
    // A mention's sentence shows its text where the mentions table has it, else what it mentions.
    expect(html).toMatch(/<li id="s-alpha.[0-9a-z]+2" value="2">Pickets gathered in Porto\.<\/li>/);
    expect(html).toMatch(/<li id="s-beta.[0-9a-z]+2.[0-9a-z]+0" value="0">The port is quiet now\.<\/li>/);
  });

  it('lists only the most mentioned entities and most reported events when told to, with no dangling link', () => {
    const t = sampleTables();
    t.events[1] = { ...t.events[1]!, source_count: 2, doc_ids: ['alpha', 'beta/2'] };
    const small = buildReport(t, { maxRows: 1 });
    const ids = new Set([...small.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]));
    for (const target of [...small.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]!)) expect(ids, target).toContain(target);
    expect(small.match(/<tr id="ev-/g)).toHaveLength(1);
    expect(small).toContain('Varga will meet ministers this week.');
    expect(small).not.toContain('Officials said in April');
    expect(small).toContain('The 1 most reported of 4 are listed here; events.csv has them all.');
    expect(small).toContain('The 1 most mentioned of 3 are listed here; places.csv has them all.');
    expect(html).not.toContain('are listed here');
  });

  it('is the same bytes for the same tables', () => {
    expect(buildReport(sampleTables())).toBe(html);
  });

  it('places TIMEX values on the calendar', () => {
    expect(dateRange('2021-05-03')).toEqual([Date.UTC(2021, 4, 3), Date.UTC(2021, 4, 4)]);
    expect(dateRange('2021-W19')).toEqual([Date.UTC(2021, 4, 10), Date.UTC(2021, 4, 17)]); // ISO week 19 of 2021 starts Monday 10 May
    expect(dateRange('2021-Q2')).toEqual([Date.UTC(2021, 3, 1), Date.UTC(2021, 6, 1)]);
    expect(dateRange('2021')).toEqual([Date.UTC(2021, 0, 1), Date.UTC(2022, 0, 1)]);
    expect(dateRange('PRESENT_REF')).toBeNull();
    expect(dateRange('P2W')).toBeNull();
  });
});

describe('report.html for a large, messy run', () => {
  const day = (i: number): string => new Date(Date.UTC(2024, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
  const event = (id: string, date: string, extra: Row = {}): Row => ({
    event_id: id, date, precision: 'day', date_text: date, planned: false, type: 'attack', trigger: 'shelled', actor_ids: [], actors: [], target_ids: [], targets: [], place_ids: [], places: [], entity_ids: [], fatalities: null, sentence: `Event ${id}.`, doc_ids: ['alpha'], source_count: 1, conflicting_dates: [], ...extra,
  });
  const base = sampleTables();
  const events = [
    // Most in ten days of April, a few over the rest of the year: the page gets a close-up too.
    ...Array.from({ length: 60 }, (_, i) => event(`d${i}`, day(i < 50 ? 100 + (i % 10) : (i - 50) * 36), { type: i % 2 === 0 ? 'attack' : 'meeting', planned: i % 10 === 0 })),
    event('far', '1073-05-01'),
    event('month', '2024-04', { precision: 'month' }),
    event('quarter', '2024-Q2', { precision: 'quarter' }),
    event('year', '2024', { precision: 'year' }),
  ];
  const page = buildReport({ ...base, events, event_mentions: [] });
  const svg = (id: string): string => new RegExp(`<svg id="${id}"[\\s\\S]*?</svg>`).exec(page)?.[0] ?? '';

  it('sets the overview axis from the bulk of the events and lists the outlier instead of stretching to it', () => {
    const overview = svg('timeline');
    const ticks = [...overview.matchAll(/class="tick"[^>]*>(\d{4})-/g)].map((m) => Number(m[1]));
    expect(ticks.length).toBeGreaterThan(2);
    expect(Math.min(...ticks)).toBeGreaterThanOrEqual(2023);
    expect(overview).not.toContain('1073-05-01 ·');
    expect(page).toMatch(/Outside the axis \(1\): <a href="#ev-[^"]+">1073-05-01<\/a> attack/);
    expect(robustBounds(['2024-01-02', '2024-01-05', '2024-02-01', '2024-03-01'])).toBeNull();
  });

  it('draws month, quarter and year events in lanes of their own, below every day event', () => {
    for (const id of ['timeline', 'timeline-detail']) {
      const s = svg(id);
      expect(s, id).not.toBe('');
      const dots = [...s.matchAll(/<circle class="mark"[^>]* cy="([\d.]+)"/g)].map((m) => Number(m[1]));
      const bars = [...s.matchAll(/<rect class="mark span"[^>]* y="([\d.]+)"/g)].map((m) => Number(m[1]));
      expect(dots.length).toBeGreaterThan(0);
      expect(bars.length, id).toBeGreaterThan(0);
      expect(Math.min(...bars), id).toBeGreaterThan(Math.max(...dots) + 5);
      for (const lane of ['month', 'quarter', 'year']) expect(s).toMatch(new RegExp(`class="lane-label"[^>]*>${lane}<`));
    }
    expect(spanKind('2024-02')).toBe('month');
    expect(spanKind('2024-02-03')).toBe('day');
  });

  it('has a legend for every mark: each type shown, day dots, span bars, hollow planned events, map dots', () => {
    const legend = /<div class="legend">([\s\S]*?)<\/div>/.exec(page)![1]!;
    for (const label of ['attack', 'meeting', 'dated to a day', 'dated to a week, month, quarter or year', 'planned (hollow)']) expect(legend).toContain(label);
    expect(page).toContain('a place (size: mentions)');
  });

  it('frames the map to the places of the run, and shows the world when they span it', () => {
    const framed = baseMap([[-8.61, 41.15], [-9.14, 38.72]]);
    const world = baseMap();
    const distance = (m: typeof world): number => {
      const a = m.project(-8.61, 41.15)!;
      const b = m.project(-9.14, 38.72)!;
      return Math.hypot(a[0] - b[0], a[1] - b[1]);
    };
    expect(distance(framed)).toBeGreaterThan(5 * distance(world));
    for (const [lon, lat] of [[-8.61, 41.15], [-9.14, 38.72]] as const) {
      const [x, y] = framed.project(lon, lat)!;
      expect(x).toBeGreaterThan(0);
      expect(x).toBeLessThan(mapWidth);
      expect(y).toBeGreaterThan(0);
      expect(y).toBeLessThan(mapHeight);
    }
    expect(baseMap([[-120, 40], [140, -30]]).countries.length).toBe(world.countries.length);
  });

  it('numbers sentences from 0, as sentence_index in the tables', () => {
    expect(html).toMatch(/<a class="src" href="#s-alpha[^"]*" title="alpha, sentence 1">D1 §1<\/a>/);
  });

  it('labels documents by their place among all documents, the ones it does not cite included', () => {
    const tables = sampleTables();
    tables.documents.unshift({ ...tables.documents[0]!, doc_id: 'aaa-uncited', title: 'Nothing shown' });
    const page = buildReport(tables);
    expect(page).toMatch(/<a class="src" href="#s-alpha[^"]*" title="alpha, sentence 1">D2 §1<\/a>/);
    expect(page).toMatch(/title="beta\/2, sentence 1">D3 §1<\/a>/);
    expect(page).not.toContain('Nothing shown');
    expect(page).not.toContain('>D1<');
  });

  it('makes the same page again from the same tables (what it lets go of when done is its own, not theirs)', () => {
    const tables = sampleTables();
    const first = buildReport(tables);
    expect(tables).toEqual(sampleTables());
    expect(buildReport(tables)).toBe(first);
    expect(first).toBe(html);
  });
});

const chromiumPath = '/usr/bin/chromium';
const haveChromium = existsSync(chromiumPath);
if (!haveChromium) console.warn(`report render test skipped: no Chromium at ${chromiumPath} (Debian: apt-get install chromium)`);

describe.skipIf(!haveChromium)('report.html in headless Chromium', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dateline-report-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('renders without console errors or network requests, with marks on the timeline and the map', async () => {
    const file = join(dir, 'report.html');
    writeFileSync(file, html);
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({
      executablePath: chromiumPath,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    try {
      const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
      const errors: string[] = [];
      const requests: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text());
      });
      page.on('pageerror', (e) => errors.push(String(e)));
      page.on('request', (r) => {
        if (!r.url().startsWith('file:')) requests.push(r.url());
      });
      await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
      const counts = await page.evaluate(() => ({
        timeline: document.querySelectorAll('#timeline .mark').length,
        map: document.querySelectorAll('#map .place').length,
        countries: document.querySelectorAll('#map .country').length,
        shaded: document.querySelectorAll('#map .country.has-place').length,
        events: document.querySelectorAll('table.events tbody tr').length,
        timelineBox: (document.querySelector('#timeline') as SVGGraphicsElement | null)?.getBoundingClientRect().height ?? 0,
      }));
      expect(errors).toEqual([]);
      expect(requests).toEqual([]);
      expect(counts.timeline).toBe(3); // the dated events; PRESENT_REF has no place on a calendar
      expect(counts.map).toBe(2); // the places with coordinates
      // Framed to Portugal: its neighbours, not the whole world.
      expect(counts.countries).toBeGreaterThan(3);
      expect(counts.countries).toBeLessThan(60);
      expect(counts.shaded).toBe(1); // Portugal
      expect(counts.events).toBe(4);
      expect(counts.timelineBox).toBeGreaterThan(50);
      // Following a link lands on its target (a :target highlight, no script needed).
      await page.click('a.src >> nth=0');
      expect(await page.evaluate(() => document.querySelector(':target')?.tagName)).toBe('LI');
    } finally {
      await browser.close();
    }
  }, 60_000);
});

/**
 * The README's screenshots, taken when asked (`UPDATE_SCREENSHOTS=1 npx vitest run
 * tests/report-render.test.ts`, after `npm run build`): the sample run (docs/report.png) and a
 * 2,000-article run (docs/report-2000.png) of CoNLL-2003 news (train and dev, then copies of
 * train with a fifth of their lines dropped), which needs ../shared/eval/.
 */
describe.skipIf(!haveChromium || process.env['UPDATE_SCREENSHOTS'] !== '1')('screenshots for the README', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dateline-shots-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function shoot(html: string, png: string, height: number): Promise<void> {
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({ executablePath: chromiumPath, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'] });
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height }, deviceScaleFactor: 1 });
      await page.goto(pathToFileURL(html).href, { waitUntil: 'load' });
      await page.screenshot({ path: png });
    } finally {
      await browser.close();
    }
  }

  it('of the sample run', async () => {
    const out = join(dir, 'sample');
    await runOnFiles(parseConfig({ input: 'input', output: out, workers: 1, cache: { enabled: false }, export: { formats: ['jsonl'] } }));
    await shoot(join(out, 'report.html'), 'docs/report.png', 1500);
    expect(existsSync('docs/report.png')).toBe(true);
  }, 180_000);

  it('of a 2,000-article run', async () => {
    const read = (f: string): Array<{ id: string; text: string }> => readFileSync(join('..', 'shared', 'eval', f), 'utf8').split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as { id: string; text: string });
    const train = read('conll2003-train.jsonl');
    const articles = [...train, ...read('conll2003-dev.jsonl')];
    for (let i = 0; articles.length < 2000; i++) {
      const lines = train[i % train.length]!.text.split('\n');
      articles.push({ id: `${train[i % train.length]!.id}-copy`, text: lines.filter((_, j) => j < 2 || (j + i) % 5 !== 0).join('\n') });
    }
    mkdirSync(join(dir, 'big'));
    writeFileSync(join(dir, 'big', 'articles.jsonl'), articles.map((a) => JSON.stringify(a)).join('\n'));
    const out = join(dir, 'big-out');
    await runOnFiles(parseConfig({ input: join(dir, 'big'), output: out, workers: 2, cache: { enabled: false }, export: { formats: ['jsonl'] } }));
    await shoot(join(out, 'report.html'), 'docs/report-2000.png', 1500);
    expect(existsSync('docs/report-2000.png')).toBe(true);
  }, 600_000);
});
