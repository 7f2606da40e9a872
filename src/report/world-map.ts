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

let cached: BaseMap | null = null;

/** The base map; built once per process (the map data never changes at run time). */
export function baseMap(): BaseMap {
  if (cached !== null) return cached;
  const require = createRequire(import.meta.url);
  const topology = require('world-atlas/countries-110m.json') as Topology<{ countries: GeometryCollection<{ name: string }> }>;
  const alpha2 = new Map<string, string>();
  for (const c of require('world-countries') as Array<{ cca2: string; ccn3: string }>) if (c.ccn3 !== '') alpha2.set(c.ccn3, c.cca2);
  const projection: GeoProjection = geoNaturalEarth1().fitExtent(
    [
      [4, 4],
      [mapWidth - 4, mapHeight - 4],
    ],
    { type: 'Sphere' },
  );
  const path = geoPath(projection).digits(1);
  const collection = feature(topology, topology.objects.countries);
  const countries = collection.features
    .map((f) => ({ code: f.id === undefined ? null : (alpha2.get(String(f.id)) ?? null), name: f.properties?.name ?? '', path: path(f) ?? '' }))
    .filter((c) => c.path !== '');
  cached = {
    project(lon, lat) {
      const p = projection([lon, lat]);
      return p === null || !Number.isFinite(p[0]) || !Number.isFinite(p[1]) ? null : [p[0], p[1]];
    },
    sphere: path({ type: 'Sphere' }) ?? '',
    graticule: path(geoGraticule10()) ?? '',
    countries,
  };
  return cached;
}
