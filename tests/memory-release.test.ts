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
  it('the city list the gazetteer was built from, although the module that decoded it stays cached', () => {
    loadGazetteer();
    releaseGazetteer();
    const require = createRequire(import.meta.url);
    const pbf = require.cache[require.resolve('pbf')];
    expect(pbf).toBeDefined();
    // Node keeps a cached module's parent (the first module that required it) under a symbol.
    const parentKey = Object.getOwnPropertySymbols(pbf!).find((s) => s.description === 'node:module_parent');
    const parent = (parentKey === undefined ? pbf!.parent : (pbf as unknown as Record<symbol, unknown>)[parentKey]) as { exports?: unknown } | undefined;
    expect(parent).toBeDefined();
    expect(Array.isArray(parent!.exports) ? (parent!.exports as unknown[]).length : 0).toBe(0);
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
