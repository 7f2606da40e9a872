/**
 * Names in common English use that the gazetteer packages lack and that spelling folding cannot
 * reach: former or English exonyms and standing abbreviations. General knowledge only; each entry
 * has a test in tests/geo-aliases.test.ts.
 *
 * Keys are written naturally (they are folded when loaded); `name` is the gazetteer's own name of
 * the place and `country` its ISO 3166-1 alpha-2 code.
 */
export interface PlaceAlias {
  name: string;
  country: string;
  kind: 'country' | 'region' | 'city';
}

export const placeAliases: Readonly<Record<string, PlaceAlias>> = {
  // Countries whose usual English name the country list spells otherwise.
  Turkey: { name: 'Türkiye', country: 'TR', kind: 'country' },
  'Czech Republic': { name: 'Czechia', country: 'CZ', kind: 'country' },
  Britain: { name: 'United Kingdom', country: 'GB', kind: 'country' },
  Persia: { name: 'Iran', country: 'IR', kind: 'country' },
  'U.A.E.': { name: 'United Arab Emirates', country: 'AE', kind: 'country' },
  UAE: { name: 'United Arab Emirates', country: 'AE', kind: 'country' },
  // Former and English names of regions.
  NWFP: { name: 'Khyber Pakhtunkhwa', country: 'PK', kind: 'region' },
  'North-West Frontier Province': { name: 'Khyber Pakhtunkhwa', country: 'PK', kind: 'region' },
  Orissa: { name: 'Odisha', country: 'IN', kind: 'region' },
  // Former and English names of cities.
  Kiev: { name: 'Kyiv', country: 'UA', kind: 'city' },
  Bombay: { name: 'Mumbai', country: 'IN', kind: 'city' },
  Calcutta: { name: 'Kolkata', country: 'IN', kind: 'city' },
  Madras: { name: 'Chennai', country: 'IN', kind: 'city' },
  Peking: { name: 'Beijing', country: 'CN', kind: 'city' },
  Rangoon: { name: 'Yangon', country: 'MM', kind: 'city' },
  Saigon: { name: 'Ho Chi Minh City', country: 'VN', kind: 'city' },
};
