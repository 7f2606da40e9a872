import { describe, expect, it } from 'vitest';
import { placeAliases } from '../src/geo/aliases.js';
import { loadGazetteer } from '../src/geo/gazetteer.js';

const g = loadGazetteer();

describe('place alias table', () => {
  for (const [variant, target] of Object.entries(placeAliases)) {
    it(`links ${variant} to ${target.name} (${target.country}, ${target.kind})`, () => {
      const viaAlias = g.resolve(variant, { cue: null, countries: [] });
      expect(viaAlias).toMatchObject({ kind: target.kind, countryCode: target.country });
      expect(viaAlias?.gazetteerId).not.toBeNull();
      // The alias reaches the same entry as the gazetteer's own name.
      expect(viaAlias?.gazetteerId).toBe(g.resolve(target.name, { cue: target.kind, countries: [target.country] })?.gazetteerId);
    });
  }
});
