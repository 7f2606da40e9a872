import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PlaceHint, PlaceLink, PlaceResolver } from '../../../src/geo/types.js';
import { REGION_ANSWERS, capitalsOutnumber, isRegionName } from '../../../src/ner/rules/tokens.js';

/** What `shouting` computed before the table: the lengths of the capital and small letters alone. */
const byRegex = (t: string): boolean => t.replace(/[^\p{Lu}]/gu, '').length > t.replace(/[^\p{Ll}]/gu, '').length;

describe('capitalsOutnumber', () => {
  it('agrees with counting \\p{Lu} against \\p{Ll} code units, astral letters and lone surrogates included', () => {
    const pieces = fc.constantFrom('A', 'b', 'É', 'ß', 'Σ', 'ω', 'ǅ', '1', ' ', '-', '\u{1D400}', '\u{1D41A}', '\u{10400}', '\u{10428}', '\uD835', '\uDC00', 'İ', 'ﬁ');
    fc.assert(
      fc.property(fc.array(fc.oneof(pieces, fc.string({ unit: 'binary' })), { maxLength: 30 }), (parts) => {
        const t = parts.join('');
        expect(capitalsOutnumber(t, 0, t.length)).toBe(byRegex(t));
      }),
      { numRuns: 2000 },
    );
  });

  it('reads only its range', () => {
    expect(capitalsOutnumber('abc DEF ghi', 4, 7)).toBe(true);
    expect(capitalsOutnumber('ABC def GHI', 4, 7)).toBe(false);
  });
});

describe('isRegionName', () => {
  const counting = (regions: string[]): { resolver: PlaceResolver; calls: string[] } => {
    const calls: string[] = [];
    const resolver: PlaceResolver = {
      resolve(name: string, _hint: PlaceHint): PlaceLink | null {
        calls.push(name);
        return regions.includes(name) ? { kind: 'region', countryCode: 'XX', admin1: '01', latitude: 0, longitude: 0, gazetteerId: `r:${name}` } : null;
      },
    };
    return { resolver, calls };
  };

  it('answers as the resolver does, asking it once per name', () => {
    const { resolver, calls } = counting(['Alta Verdi']);
    for (let k = 0; k < 3; k++) {
      expect(isRegionName(resolver, 'Alta Verdi')).toBe(true);
      expect(isRegionName(resolver, 'Bank of Verdi')).toBe(false);
    }
    expect(calls).toEqual(['Alta Verdi', 'Bank of Verdi']);
  });

  it('keeps answers per resolver', () => {
    const a = counting(['Alta Verdi']);
    const b = counting([]);
    expect(isRegionName(a.resolver, 'Alta Verdi')).toBe(true);
    expect(isRegionName(b.resolver, 'Alta Verdi')).toBe(false);
  });

  it('keeps at most REGION_ANSWERS names: the oldest are asked again', () => {
    const { resolver, calls } = counting(['Name 0']);
    for (let k = 0; k <= REGION_ANSWERS; k++) isRegionName(resolver, `Name ${k}`);
    expect(calls.length).toBe(REGION_ANSWERS + 1);
    expect(isRegionName(resolver, 'Name 0')).toBe(true);
    expect(calls.length).toBe(REGION_ANSWERS + 2);
    // A recent name is still kept.
    isRegionName(resolver, `Name ${REGION_ANSWERS}`);
    expect(calls.length).toBe(REGION_ANSWERS + 2);
  });
});
