import { createRequire } from 'node:module';
import { geoGraticule10, geoNaturalEarth1, geoPath, type GeoProjection } from 'd3-geo';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';

/**
 * The world map of the report, drawn when the report is built, never fetched when it is opened:
 * Natural Earth's 1:110m country outlines from the `world-atlas` package (TopoJSON), converted
 * with `topojson-client` and projected with `d3-geo` (Natural Earth projection) to SVG path
 * strings that go inline into report.html.
 */
export const mapWidth = 960;
export const mapHeight = 500;

export interface BaseMap {
  /** Projects [longitude, latitude] to SVG [x, y]; null off the map. */
  project(lon: number, lat: number): [number, number] | null;
  sphere: string;
  graticule: string;
  /** Country outlines with their ISO 3166-1 alpha-2 code (null where Natural Earth has none). */
  countries: ReadonlyArray<{ code: string | null; name: string; path: string }>;
}

type Countries = ReturnType<typeof loadCountries>;
let countriesCache: Countries | null = null;
let worldCache: BaseMap | null = null;

/** Natural Earth's countries with their alpha-2 codes; read once per process (the data never changes at run time). */
function loadCountries() {
  const require = createRequire(import.meta.url);
  const topology = require('world-atlas/countries-110m.json') as Topology<{ countries: GeometryCollection<{ name: string }> }>;
  const alpha2 = new Map<string, string>();
  for (const c of require('world-countries') as Array<{ cca2: string; ccn3: string }>) if (c.ccn3 !== '') alpha2.set(c.ccn3, c.cca2);
  return feature(topology, topology.objects.countries).features.map((f) => ({ feature: f, code: f.id === undefined ? null : (alpha2.get(String(f.id)) ?? null), name: f.properties?.name ?? '' }));
}

/** Degrees of margin around the places a framed map shows, so one place is seen in its region. */
const frameMargin = { lon: 12, lat: 8 };

/**
 * The base map: the whole world, or, given the places of a run as [longitude, latitude], framed
 * to them (with a margin, keeping the map's proportions; drawn clipped to the frame). When the
 * places span most of the world, or there are none, the whole world.
 */
export function baseMap(frame: ReadonlyArray<[number, number]> = []): BaseMap {
  const points = frame.filter(([lon, lat]) => Number.isFinite(lon) && Number.isFinite(lat));
  if (points.length === 0) return (worldCache ??= drawMap(null));
  const lons = points.map((p) => p[0]);
  const lats = points.map((p) => p[1]);
  const west = Math.max(-180, Math.min(...lons) - frameMargin.lon);
  const east = Math.min(180, Math.max(...lons) + frameMargin.lon);
  const south = Math.max(-85, Math.min(...lats) - frameMargin.lat);
  const north = Math.min(85, Math.max(...lats) + frameMargin.lat);
  if (east - west > 240) return (worldCache ??= drawMap(null));
  return drawMap({
    type: 'MultiPoint',
    coordinates: [
      [west, south],
      [west, north],
      [east, south],
      [east, north],
      [(west + east) / 2, south],
      [(west + east) / 2, north],
    ],
  });
}

function drawMap(extent: GeoJSON.MultiPoint | null): BaseMap {
  const countries = (countriesCache ??= loadCountries());
  const box: [[number, number], [number, number]] = [
    [4, 4],
    [mapWidth - 4, mapHeight - 4],
  ];
  const projection: GeoProjection = geoNaturalEarth1().fitExtent(box, extent ?? { type: 'Sphere' });
  if (extent !== null) projection.clipExtent(box);
  const path = geoPath(projection).digits(1);
  return {
    project(lon, lat) {
      const p = projection([lon, lat]);
      return p === null || !Number.isFinite(p[0]) || !Number.isFinite(p[1]) ? null : [p[0], p[1]];
    },
    sphere: path({ type: 'Sphere' }) ?? '',
    graticule: path(geoGraticule10()) ?? '',
    countries: countries.map((c) => ({ code: c.code, name: c.name, path: path(c.feature) ?? '' })).filter((c) => c.path !== ''),
  };
}
