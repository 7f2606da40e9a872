/** report.html and the event columns: one map dot per located event, the timeline by date_start. */
import { describe, expect, it } from 'vitest';
import { buildReport } from '../src/report/build-report.js';
import { timelineSvg } from '../src/report/timeline.js';
import { tableNames, type Row, type TableName } from '../src/tables.js';

function withEvents(events: Row[]): Record<TableName, Row[]> {
  const out = Object.fromEntries(tableNames.map((t) => [t, [] as Row[]])) as Record<TableName, Row[]>;
  out.events = events;
  return out;
}

const event = (id: string, extra: Row): Row => ({
  event_id: id, date: '2031-05-12', date_start: '2031-05-12', date_end: '2031-05-12', time_precision: 1, precision: 'day', date_text: 'Monday', planned: false, type: 'protest', trigger: 'marched',
  actor_ids: [], actors: [], target_ids: [], targets: [], actor1_id: null, actor1: null, actor2_id: null, actor2: null, assoc_actor_ids: [], assoc_actors: [], place_ids: [], places: [],
  location_id: null, location: null, country_code: null, admin1: null, latitude: null, longitude: null, geo_precision: null,
  entity_ids: [], fatalities: null, sentence: 'Nurses marched.', doc_ids: ['a'], source_count: 1, source_urls: [], first_reported: null, conflicting_dates: [], ...extra,
});

describe('report.html with event locations', () => {
  it('draws one dot per event that has coordinates, linked to its row and coloured by type', () => {
    const html = buildReport(withEvents([
      event('e1', { location: 'Ostrava', latitude: 49.8, longitude: 18.3 }),
      event('e2', { location: 'Ostrava', latitude: 49.8, longitude: 18.3, type: 'riot' }),
      event('e3', { location: 'Nowhere' }),
    ]));
    const dots = [...html.matchAll(/<a href="#([^"]+)"><circle class="event-dot" cx="([\d.]+)" cy="([\d.]+)"/g)];
    expect(dots).toHaveLength(2);
    // Two events at one place are set apart, not drawn on top of each other.
    expect(dots[0]![2] === dots[1]![2] && dots[0]![3] === dots[1]![3]).toBe(false);
  });

  it('places a mark by date_start and date_end, and draws coarse dates apart from days', () => {
    const { svg } = timelineSvg([
      { anchor: 'a', date: '2031-05', start: '2031-05-01', end: '2031-05-31', type: 'protest', planned: false, label: 'month' },
      { anchor: 'b', date: '2031-05-12', start: '2031-05-12', end: '2031-05-12', type: 'protest', planned: false, label: 'day' },
    ]);
    const bar = /<rect class="mark span"[^>]* y="([\d.]+)"/.exec(svg);
    const dot = /<circle class="mark"[^>]* cy="([\d.]+)"/.exec(svg);
    expect(bar).not.toBeNull();
    expect(dot).not.toBeNull();
    expect(Number(bar![1])).toBeGreaterThan(Number(dot![1]));
  });
});
