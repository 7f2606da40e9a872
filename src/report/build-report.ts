import type { Row, RowList, TableName } from '../tables.js';
import { anchorId, esc, safeUrl } from './html.js';
import { closeUpWindow, robustBounds, timelineSvg, typeColors, type TimelineEvent } from './timeline.js';
import { baseMap, mapHeight, mapWidth } from './world-map.js';

/**
 * report.html: one self-contained page to look at the results, built from the tables alone (pure:
 * tables in, HTML out; no clock, so the same tables give the same bytes). It opens offline and
 * loads nothing: the map is inline SVG drawn at build time, the styles are inline, and there is no
 * script at all; a Content-Security-Policy says so to the browser, so even a mistake in escaping
 * could not run code. Every text that comes from the documents is escaped.
 *
 * Sections: a timeline of events by date and type; the places on a world map; the most-mentioned
 * people, organizations and places (all of them a click away); every event with its reports; and
 * the source sentences, grouped by document, that every row links to.
 */
export interface ReportOptions {
  /** Page title. @default "dateline report" */
  title?: string;
  /** Rows shown per entity type before the rest fold away. @default 15 */
  top?: number;
  /** Sentences linked from each entity. @default 5 */
  mentionsPerEntity?: number;
  /**
   * Rows listed per entity table (the most mentioned) and events listed (the most reported), so
   * the page of a large corpus stays a page; the rest are counted and left to the tables.
   * @default 1000
   */
  maxRows?: number;
}

export function buildReport(tables: Readonly<Record<TableName, RowList>>, options: ReportOptions = {}): string {
  const title = options.title ?? 'dateline report';
  const top = options.top ?? 15;
  const perEntity = options.mentionsPerEntity ?? 5;
  const maxRows = options.maxRows ?? 1000;

  // What the page lists: the most mentioned entities of each type and the most reported events.
  // The tables are read, not held: a run's rows come back from its temporary file (src/io/doc-spill.ts).
  const byMentions = (t: 'people' | 'organizations' | 'places'): Row[] => topRows(tables[t], maxRows, 'mention_count', 'name').map((p) => p.row);
  const shownEntities = { people: byMentions('people'), organizations: byMentions('organizations'), places: byMentions('places') };
  const listed = new Set(Object.values(shownEntities).flatMap((rows) => rows.map((r) => str(r, 'entity_id'))));
  const topEvents = topRows(tables.events, maxRows, 'source_count', 'event_id');
  const mostReported = new Set(topEvents.map((p) => str(p.row, 'event_id')));
  // Listed in table order (by date), not by how often reported.
  const shownEvents = [...topEvents].sort((a, b) => a.at - b.at).map((p) => p.row);
  const capped = (shown: number, all: number, table: string): string =>
    shown < all ? `<p class="muted">The ${shown} most ${table === 'events' ? 'reported' : 'mentioned'} of ${all} are listed here; ${table}.csv has them all.</p>` : '';

  const entityAnchor = (id: string): string => anchorId('e', id);
  const eventAnchor = (id: string): string => anchorId('ev', id);
  const docAnchor = (id: string): string => anchorId('d', id);
  const sentenceKey = (doc: string, index: number): string => `${doc}\u0000${index}`;

  // Sentences rows point at: text where a table keeps it (events), else the mentions in it.
  const sentences = new Map<string, { doc: string; index: number; text: string | null; mentions: Array<{ text: string; type: string }> }>();
  const sentence = (doc: string, index: number) => {
    const key = sentenceKey(doc, index);
    let s = sentences.get(key);
    if (s === undefined) sentences.set(key, (s = { doc, index, text: null, mentions: [] }));
    return s;
  };
  const sentenceAnchor = (doc: string, index: number): string => anchorId('s', `${doc}:${index}`);
  for (const r of tables.event_mentions) if (mostReported.has(str(r, 'event_id'))) sentence(str(r, 'doc_id'), num(r, 'sentence_index')).text = str(r, 'sentence');

  // Names of the entities the events shown link to, the only ones the page writes out by id. Only
  // these are kept, and only labels of the documents the page cites (below): what the page holds
  // while it is made stays the size of the page, not of the corpus.
  const wanted = new Set(shownEvents.flatMap((e) => ['actor_ids', 'target_ids', 'place_ids'].flatMap((key) => list(e, key))));
  const names = new Map<string, string>();
  for (const t of ['people', 'organizations', 'places'] as const) {
    for (const r of tables[t]) {
      const id = str(r, 'entity_id');
      if (wanted.has(id)) names.set(id, str(r, 'name'));
    }
  }

  // The first few mentions of each entity, in document order, and what each sentence mentions.
  const firstMentions = new Map<string, Array<{ doc: string; index: number; text: string }>>();
  for (const m of tables.mentions) {
    const id = m['entity_id'];
    if (typeof id !== 'string' || !listed.has(id)) continue;
    const list = firstMentions.get(id) ?? [];
    if (!firstMentions.has(id)) firstMentions.set(id, list);
    if (list.length >= perEntity) continue;
    const doc = str(m, 'doc_id');
    const index = num(m, 'sentence_index');
    const s = sentence(doc, index);
    s.mentions.push({ text: str(m, 'text'), type: str(m, 'type') });
    // Used when the mentions table carries its sentence's text (a `sentence` column).
    if (s.text === null && typeof m['sentence'] === 'string') s.text = m['sentence'];
    if (!list.some((l) => l.doc === doc && l.index === index)) list.push({ doc, index, text: str(m, 'text') });
  }

  // Documents get short labels (D1, D2, ... in doc-id order) so links stay narrow; the id is the tooltip.
  const docLabel = documentLabels(tables.documents, new Set([...sentences.values()].map((s) => s.doc)));
  // Sentences are numbered as in the tables' `sentence_index`: from 0.
  const link = (doc: string, index: number): string => `<a class="src" href="#${sentenceAnchor(doc, index)}" title="${esc(`${doc}, sentence ${index}`)}">${esc(`${docLabel.get(doc) ?? doc} §${index}`)}</a>`;
  const entityLink = (id: string): string => (listed.has(id) ? `<a href="#${entityAnchor(id)}">${esc(names.get(id))}</a>` : esc(names.get(id) ?? id));

  // ----- timeline
  const timelineEvents: TimelineEvent[] = shownEvents.map((e) => ({
    anchor: eventAnchor(str(e, 'event_id')),
    date: str(e, 'date'),
    start: typeof e['date_start'] === 'string' ? e['date_start'] : null,
    end: typeof e['date_end'] === 'string' ? e['date_end'] : null,
    type: str(e, 'type'),
    planned: e['planned'] === true,
    label: `${str(e, 'trigger')}: ${truncate(str(e, 'sentence'), 140)}`,
  }));
  // The overview's axis spans the bulk of the events; the few far outside it are listed instead.
  const bounds = robustBounds(timelineEvents.map((e) => e.date));
  const timeline = timelineSvg(timelineEvents, bounds === null ? {} : { window: bounds.window });
  const outliers = new Set(bounds?.outliers ?? []);
  const outlierList = bounds === null ? '' : `<p class="muted">Outside the axis (${outliers.size}): ${[...outliers].map((i) => timelineEvents[i]!).sort((a, b) => cmp(a.date, b.date)).slice(0, 50).map((e) => `<a href="#${e.anchor}">${esc(e.date)}</a> ${esc(e.type)}`).join(' · ')}${outliers.size > 50 ? ' …' : ''}</p>`;
  const window = closeUpWindow(timelineEvents.filter((_, i) => !outliers.has(i)).map((e) => e.date));
  const closeUp = window === null ? null : timelineSvg(timelineEvents, { id: 'timeline-detail', window });
  const day = (t: number): string => new Date(t).toISOString().slice(0, 10);
  const legend = timelineLegend(Object.keys(typeColors).filter((t) => shownEvents.some((e) => e['type'] === t)));

  // ----- map
  const places = shownEntities.places;
  // The map is framed to the places of the run (the whole world only when they span it).
  const map = baseMap(places.flatMap((p) => (typeof p['latitude'] === 'number' && typeof p['longitude'] === 'number' ? [[p['longitude'], p['latitude']] as [number, number]] : [])));
  const countriesWithPlaces = new Set(places.map((p) => p['country_code']).filter((c): c is string => typeof c === 'string'));
  const maxMentions = Math.max(1, ...places.map((p) => num(p, 'mention_count')));
  const dots: string[] = [];
  let unmapped = 0;
  // Biggest first, so small dots stay on top and clickable.
  for (const p of places) {
    const lat = p['latitude'];
    const lon = p['longitude'];
    const xy = typeof lat === 'number' && typeof lon === 'number' ? map.project(lon, lat) : null;
    if (xy === null) {
      unmapped++;
      continue;
    }
    const r = 3 + 9 * Math.sqrt(num(p, 'mention_count') / maxMentions);
    const tip = `${str(p, 'name')} · ${num(p, 'mention_count')} mentions${typeof p['kind'] === 'string' ? ` · ${p['kind']}` : ''}`;
    dots.push(`<a href="#${entityAnchor(str(p, 'entity_id'))}"><circle class="place" cx="${xy[0].toFixed(1)}" cy="${xy[1].toFixed(1)}" r="${r.toFixed(1)}"><title>${esc(tip)}</title></circle></a>`);
  }
  // One dot per event at its location, coloured by type; events at one place are set around it.
  const atPlace = new Map<string, number>();
  const eventDots: string[] = [];
  for (const e of shownEvents) {
    const lat = e['latitude'];
    const lon = e['longitude'];
    const xy = typeof lat === 'number' && typeof lon === 'number' ? map.project(lon, lat) : null;
    if (xy === null) continue;
    const key = `${xy[0].toFixed(1)},${xy[1].toFixed(1)}`;
    const n = atPlace.get(key) ?? 0;
    atPlace.set(key, n + 1);
    const angle = n * 2.39996; // golden angle: a spiral that keeps neighbours apart
    const radius = n === 0 ? 0 : 3 * Math.sqrt(n);
    const cx = xy[0] + radius * Math.cos(angle);
    const cy = xy[1] + radius * Math.sin(angle);
    const color = typeColors[str(e, 'type')] ?? typeColors['other']!;
    const tip = `${str(e, 'date')} · ${str(e, 'type')} · ${typeof e['location'] === 'string' ? e['location'] : ''}`;
    eventDots.push(`<a href="#${eventAnchor(str(e, 'event_id'))}"><circle class="event-dot" cx="${cx.toFixed(1)}" cy="${cy.toFixed(1)}" r="3" fill="${color}"><title>${esc(tip)}</title></circle></a>`);
  }
  const mapSvg = [
    `<svg id="map" class="map" viewBox="0 0 ${mapWidth} ${mapHeight}" role="img" aria-label="World map of ${dots.length} places">`,
    `<path class="sphere" d="${map.sphere}"/><path class="graticule" d="${map.graticule}"/>`,
    ...map.countries.map((c) => `<path class="country${c.code !== null && countriesWithPlaces.has(c.code) ? ' has-place' : ''}" d="${c.path}"><title>${esc(c.name)}</title></path>`),
    ...dots,
    ...eventDots,
    '</svg>',
  ].join('');

  // ----- entities
  const entitySection = (table: 'people' | 'organizations' | 'places', heading: string): string => {
    const rows = shownEntities[table];
    const row = (r: Row, rank: number): string => {
      const id = str(r, 'entity_id');
      const aliases = list(r, 'aliases').filter((a) => a !== str(r, 'name'));
      const extra = table === 'people' ? list(r, 'roles') : table === 'places' ? [str(r, 'kind'), typeof r['country_code'] === 'string' ? r['country_code'] : ''].filter((s) => s !== '') : [];
      const where = (firstMentions.get(id) ?? []).map((m) => link(m.doc, m.index)).join(' ');
      return `<tr id="${entityAnchor(id)}"><td class="num">${rank}</td><td><strong>${esc(str(r, 'name'))}</strong>${aliases.length > 0 ? `<div class="muted">also: ${esc(aliases.join(', '))}</div>` : ''}${extra.length > 0 ? `<div class="muted">${esc(extra.join(' · '))}</div>` : ''}</td><td class="num">${num(r, 'mention_count')}</td><td class="num">${num(r, 'document_count')}</td><td class="where">${where}</td></tr>`;
    };
    const head = '<thead><tr><th>#</th><th>name</th><th>mentions</th><th>docs</th><th>sentences</th></tr></thead>';
    const shown = rows.slice(0, top).map((r, i) => row(r, i + 1)).join('');
    const rest = rows.slice(top);
    return `<section class="entities"><h3>${esc(heading)} <span class="muted">(${tables[table].length})</span></h3>${capped(rows.length, tables[table].length, table)}${
      rows.length === 0 ? '<p class="muted">None found.</p>' : `<table>${head}<tbody>${shown}</tbody></table>`
    }${rest.length > 0 ? `<details><summary>${rest.length} more</summary><table>${head}<tbody>${rest.map((r, i) => row(r, top + i + 1)).join('')}</tbody></table></details>` : ''}</section>`;
  };

  // ----- events
  const reportsByEvent = new Map<string, Row[]>();
  for (const r of tables.event_mentions) {
    const id = str(r, 'event_id');
    if (!mostReported.has(id)) continue;
    const reports = reportsByEvent.get(id);
    if (reports === undefined) reportsByEvent.set(id, [r]);
    else reports.push(r);
  }
  const eventRows = shownEvents
    .map((e) => {
      const id = str(e, 'event_id');
      const reports = reportsByEvent.get(id) ?? [];
      const color = typeColors[str(e, 'type')] ?? typeColors['other']!;
      const people = (key: string): string => list(e, key).map(entityLink).join(', ');
      const fatalities = typeof e['fatalities'] === 'number' ? `<div class="muted">${e['fatalities']} dead</div>` : '';
      const conflicting = list(e, 'conflicting_dates');
      return `<tr id="${eventAnchor(id)}"><td class="date">${esc(str(e, 'date'))}${e['planned'] === true ? ' <span class="tag">planned</span>' : ''}<div class="muted">“${esc(str(e, 'date_text'))}”</div>${conflicting.length > 0 ? `<div class="muted">others say: ${esc(conflicting.join(', '))}</div>` : ''}</td><td class="type"><span class="swatch" style="background:${color}"></span>${esc(str(e, 'type'))}<div class="muted">${esc(str(e, 'trigger'))}</div>${fatalities}</td><td>${people('actor_ids')}</td><td>${people('target_ids')}</td><td>${people('place_ids')}</td><td>${esc(str(e, 'sentence'))}<div class="reports">${reports.map((r) => link(str(r, 'doc_id'), num(r, 'sentence_index'))).join(' ')}</div></td></tr>`;
    })
    .join('');

  // ----- sources: documents and their sentences
  const byDoc = new Map<string, Array<{ index: number; text: string | null; mentions: Array<{ text: string; type: string }> }>>();
  for (const s of sentences.values()) {
    const inDoc = byDoc.get(s.doc);
    if (inDoc === undefined) byDoc.set(s.doc, [s]);
    else inDoc.push(s);
  }
  const docRows = new Map<string, Row>();
  for (const d of tables.documents) if (byDoc.has(str(d, 'doc_id'))) docRows.set(str(d, 'doc_id'), d);
  const sources = [...byDoc.keys()]
    .sort(cmp)
    .map((docId) => {
      const d = docRows.get(docId);
      const url = d === undefined ? null : safeUrl(d['url']);
      const meta = d === undefined ? '' : [typeof d['published'] === 'string' ? d['published'] : 'no date', str(d, 'source')].map(esc).join(' · ');
      const items = byDoc
        .get(docId)!
        .sort((a, b) => a.index - b.index)
        .map(
          (s) =>
            `<li id="${sentenceAnchor(docId, s.index)}" value="${s.index}">${
              s.text !== null ? esc(s.text) : `<span class="muted">sentence text not kept; mentions:</span> ${s.mentions.map((m) => `${esc(m.text)} <span class="muted">(${esc(m.type.toLowerCase())})</span>`).join(', ')}`
            }</li>`,
        )
        .join('');
      const heading = d === undefined ? esc(docId) : `${esc(str(d, 'title') || docId)}`;
      return `<article id="${docAnchor(docId)}"><h3><span class="doc-label">${esc(docLabel.get(docId) ?? '')}</span> ${url === null ? heading : `<a href="${esc(url)}" rel="noopener noreferrer">${heading}</a>`}</h3><p class="muted">${esc(docId)}${meta === '' ? '' : ` · ${meta}`}</p><ol>${items}</ol></article>`;
    })
    .join('');

  const count = (t: TableName): number => tables[t].length;
  const stats = [
    ['documents', count('documents')],
    ['people', count('people')],
    ['organizations', count('organizations')],
    ['places', count('places')],
    ['events', count('events')],
    ['mentions', count('mentions')],
  ]
    .map(([k, v]) => `<div class="stat"><div class="n">${v}</div><div class="muted">${k}</div></div>`)
    .join('');

  const page = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${esc(title)}</title>
<style>${css}</style>
</head>
<body>
<header><h1>${esc(title)}</h1><nav><a href="#timeline-section">timeline</a> <a href="#map-section">map</a> <a href="#entities-section">people, organizations, places</a> <a href="#events-section">events</a> <a href="#sources-section">sources</a></nav><div class="stats">${stats}</div></header>
<main>
<section id="timeline-section"><h2>Timeline</h2><div class="legend">${legend}</div>${timeline.svg}${outlierList}${closeUp === null || window === null ? '' : `<h3>Close-up: ${day(window[0])} to ${day(window[1])} <span class="muted">(${closeUp.marks} events)</span></h3>${closeUp.svg}`}${timeline.undated > 0 ? `<p class="muted">${timeline.undated} event(s) without a calendar date are listed below only.</p>` : ''}</section>
<section id="map-section"><h2>Places</h2><div class="legend">${mapLegend}</div>${mapSvg}<p class="muted">Framed to the places found. Dot size: mentions. Small coloured dots: events at their location, by type. Shaded: countries with a place mentioned.${unmapped > 0 ? ` ${unmapped} place(s) without coordinates are listed below only.` : ''} Map data: Natural Earth (world-atlas).</p></section>
<section id="entities-section"><h2>Most mentioned</h2><div class="cols">${entitySection('people', 'People')}${entitySection('organizations', 'Organizations')}${entitySection('places', 'Places')}</div></section>
<section id="events-section"><h2>Events <span class="muted">(${tables.events.length})</span></h2>${capped(shownEvents.length, tables.events.length, 'events')}${
    tables.events.length === 0 ? '<p class="muted">No events found.</p>' : `<table class="events"><thead><tr><th>date</th><th>type</th><th>actors</th><th>targets</th><th>places</th><th>sentence and reports</th></tr></thead><tbody>${eventRows}</tbody></table>`
  }</section>
<section id="sources-section"><h2>Sources</h2><p class="muted">The sentences the rows above come from: D1, D2, ... are the documents, § the sentence number within each, from 0 as <code>sentence_index</code> in the tables.</p>${sources}</section>
</main>
</body>
</html>
`;
  // What the page was made from goes now, not when V8 lets go of this function's variables: it
  // can keep them (the context of the closures above) well after the function returns, and at
  // 10M tokens they were ~65 MB of rows and sentences still held as the export began, the run's
  // peak (src/run.ts builds the page just before the tables are written).
  for (const held of [sentences, names, firstMentions, docLabel, reportsByEvent, byDoc, docRows, listed, outliers, countriesWithPlaces]) held.clear();
  for (const rows of [shownEntities.people, shownEntities.organizations, shownEntities.places, shownEvents, timelineEvents]) rows.length = 0;
  return page;
}

const css = `
:root{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1d2330;background:#fff}
body{margin:0}header{padding:16px 24px;background:#1d2330;color:#fff}header h1{margin:0 0 4px;font-size:22px}
header nav a{color:#9cc9ff;margin-right:12px}header .muted{color:#b8c0cc}
.stats{display:flex;gap:24px;margin-top:10px}.stat .n{font-size:20px;font-weight:600}
main{padding:8px 24px 40px;max-width:1280px}h2{margin:28px 0 8px;font-size:18px}h3{margin:12px 0 6px;font-size:15px}
.muted{color:#667085;font-size:12px}svg{width:100%;height:auto;display:block}
.timeline .lane-label{font-size:12px;fill:#344054}.timeline .tick{font-size:11px;fill:#667085}.timeline .empty{fill:#667085}
.timeline a:hover .mark{stroke:#000;stroke-width:2.5}
.map .sphere{fill:#eef4fb;stroke:#c7d3e0}.map .graticule{fill:none;stroke:#dbe4ee;stroke-width:.5}
.map .country{fill:#dfe3e8;stroke:#fff;stroke-width:.5}.map .country.has-place{fill:#bcd3ea}
.map .place{fill:#d55e00;fill-opacity:.7;stroke:#fff;stroke-width:1}.map .event-dot{stroke:#000;stroke-width:.5}.map a:hover .place{fill-opacity:1;stroke:#000}
.legend{margin:4px 0}.glyph{display:inline-block;width:22px;height:12px;vertical-align:-1px;margin-right:4px}.place-key{fill:#d55e00;fill-opacity:.7;stroke:#fff}.key{margin-right:12px;font-size:12px}.swatch{display:inline-block;width:10px;height:10px;border-radius:2px;margin-right:4px;vertical-align:baseline}
.cols{display:grid;grid-template-columns:repeat(auto-fit,minmax(340px,1fr));gap:16px}
table{border-collapse:collapse;width:100%}th,td{text-align:left;vertical-align:top;padding:4px 6px;border-bottom:1px solid #eaecf0}
th{font-size:12px;color:#667085;font-weight:600}td.num{text-align:right;font-variant-numeric:tabular-nums}td.date,td.type{white-space:nowrap}
a{color:#175cd3}a.src{font-size:12px;white-space:nowrap;margin-right:6px}.reports{margin-top:2px}
.tag{font-size:11px;background:#fef0c7;border-radius:3px;padding:0 4px}
:target{background:#fff4c2}li:target{outline:2px solid #f5b800}
article{border-top:1px solid #eaecf0;padding-top:4px}article ol{margin:4px 0 12px;padding-left:32px}
details summary{cursor:pointer;color:#175cd3;margin:6px 0}
.doc-label{display:inline-block;min-width:28px;font-size:12px;color:#fff;background:#475467;border-radius:3px;padding:0 4px;margin-right:4px;text-align:center}
td.where{max-width:180px}
`;

/** A key for every mark of the timeline: the colour of each type shown, then what each shape means. */
function timelineLegend(types: readonly string[]): string {
  const key = (svg: string, label: string): string => `<span class="key"><svg class="glyph" viewBox="0 0 22 12" width="22" height="12" aria-hidden="true">${svg}</svg>${esc(label)}</span>`;
  const grey = '#475467';
  return [
    ...types.map((t) => `<span class="key"><span class="swatch" style="background:${typeColors[t] ?? typeColors['other']}"></span>${esc(t)}</span>`),
    key(`<circle cx="11" cy="6" r="4.5" fill="${grey}" stroke="${grey}"/>`, 'dated to a day'),
    key(`<rect x="1" y="2" width="20" height="7" rx="2" fill="${grey}" fill-opacity="0.6" stroke="${grey}"/>`, 'dated to a week, month, quarter or year (its span)'),
    key(`<circle cx="11" cy="6" r="4.5" fill="none" stroke="${grey}" stroke-width="1.5"/>`, 'planned (hollow)'),
  ].join('');
}

/** The map's key: what a dot and a shaded country mean. */
const mapLegend = [
  '<span class="key"><svg class="glyph" viewBox="0 0 22 12" width="22" height="12" aria-hidden="true"><circle cx="6" cy="6" r="3" class="place-key"/><circle cx="15" cy="6" r="5.5" class="place-key"/></svg>a place (size: mentions)</span>',
  '<span class="key"><span class="swatch" style="background:#bcd3ea"></span>a country with a place mentioned</span>',
].join('');

/**
 * The labels of the documents `cited` (D1, D2, ... by the place of each id among all documents'
 * and cited ids in code-unit order), and of no others.
 */
function documentLabels(documents: RowList, cited: ReadonlySet<string>): Map<string, string> {
  const all = [...new Set([...Array.from(documents, (d) => str(d, 'doc_id')), ...cited])].sort(cmp);
  const labels = new Map<string, string>();
  all.forEach((id, i) => {
    if (cited.has(id)) labels.set(id, `D${i + 1}`);
  });
  return labels;
}

function str(row: Row, key: string): string {
  const v = row[key];
  return typeof v === 'string' ? v : v === null || v === undefined ? '' : String(v);
}

function num(row: Row, key: string): number {
  const v = row[key];
  return typeof v === 'number' ? v : 0;
}

function list(row: Row, key: string): string[] {
  const v = row[key];
  return Array.isArray(v) ? [...(v as readonly string[])] : [];
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function truncate(s: string, n: number): string {
  return s.length <= n ? s : `${s.slice(0, n - 1)}…`;
}

/**
 * The first `n` rows by `count` (descending), then `tie` (ascending), then table order, each with
 * its place in the table; read in two passes (the keys, then the rows picked) so that a long
 * table is never held whole.
 */
function topRows(rows: RowList, n: number, count: string, tie: string): Array<{ at: number; row: Row }> {
  const keys: Array<{ at: number; count: number; tie: string }> = [];
  let at = 0;
  for (const r of rows) keys.push({ at: at++, count: num(r, count), tie: str(r, tie) });
  keys.sort((a, b) => b.count - a.count || cmp(a.tie, b.tie) || a.at - b.at);
  const rank = new Map(keys.slice(0, n).map((k, i) => [k.at, i]));
  const out: Array<{ at: number; row: Row }> = [];
  at = 0;
  for (const row of rows) {
    const i = rank.get(at);
    if (i !== undefined) out[i] = { at, row };
    at++;
  }
  return out;
}
