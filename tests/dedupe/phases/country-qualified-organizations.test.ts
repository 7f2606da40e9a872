import { describe, expect, it } from 'vitest';
import { corpusState } from '../../../src/corpus.js';
import type { PlaceResolver } from '../../../src/geo/types.js';
import { dedupeEntities } from '../../../src/stages/dedupe-entities.js';
import type { PlaceLink, ProcessedDoc } from '../../../src/types.js';
import { doc } from '../../dedupe-helpers.js';

// A gazetteer of two made-up countries and a town in each.
const link = (kind: PlaceLink['kind'], countryCode: string, id: string): PlaceLink => ({ kind, countryCode, admin1: null, latitude: null, longitude: null, gazetteerId: id });
const known: Record<string, PlaceLink> = {
  Ruritania: link('country', 'XR', 'c:XR'), Ruritanian: link('country', 'XR', 'c:XR'), Strelsau: link('city', 'XR', 't:strelsau'),
  Valdoria: link('country', 'XV', 'c:XV'), Morvale: link('city', 'XV', 't:morvale'),
};
const places: PlaceResolver = { resolve: (name) => known[name] ?? null };

function groups(docs: ProcessedDoc[]): string[][] {
  const r = dedupeEntities({ places })(corpusState(docs));
  const byId = new Map<string, Set<string>>();
  for (const d of docs) for (const m of d.entities) {
    if (m.type !== 'ORGANIZATION') continue;
    const id = r.mentionEntity.lookup(d.id, m.start)!;
    byId.set(id, (byId.get(id) ?? new Set()).add(`${m.text}@${d.id}`));
  }
  return [...byId.values()].map((g) => [...g].sort()).sort();
}

describe('across documents: country-qualified-organizations', () => {
  it('joins the bare form in a document about the one country that qualifies it in the run', () => {
    const docs = [
      doc('d1', [['ORGANIZATION', 'Ruritanian Coast Guard']]),
      doc('d2', [['PLACE', 'Strelsau'], ['ORGANIZATION', 'Coast Guard']]),
      doc('d3', [['ORGANIZATION', 'Coast Guard'], ['ORGANIZATION', 'Ruritania Coast Guard']]),
    ];
    expect(groups(docs)).toEqual([['Coast Guard@d2', 'Coast Guard@d3', 'Ruritania Coast Guard@d3', 'Ruritanian Coast Guard@d1']]);
    expect(dedupeEntities({ places })(corpusState(docs)).merges.map((m) => m.rule)).toContain('country-qualified');
  });

  it('leaves the bare form alone when a document it is in is about another country', () => {
    const docs = [
      doc('d1', [['ORGANIZATION', 'Ruritanian Coast Guard']]),
      doc('d2', [['PLACE', 'Strelsau'], ['ORGANIZATION', 'Coast Guard']]),
      doc('d3', [['PLACE', 'Morvale'], ['ORGANIZATION', 'Coast Guard']]),
    ];
    expect(groups(docs)).toEqual([['Coast Guard@d2', 'Coast Guard@d3'], ['Ruritanian Coast Guard@d1']]);
  });

  it('leaves the bare form alone when two countries qualify it in the run', () => {
    const docs = [
      doc('d1', [['ORGANIZATION', 'Ruritania Coast Guard']]),
      doc('d2', [['ORGANIZATION', 'Valdoria Coast Guard']]),
      doc('d3', [['PLACE', 'Strelsau'], ['ORGANIZATION', 'Coast Guard']]),
    ];
    expect(groups(docs)).toHaveLength(3);
  });

  it('needs the gazetteer to know the qualifier as a country', () => {
    const docs = [doc('d1', [['ORGANIZATION', 'Strelsau Coast Guard']]), doc('d2', [['PLACE', 'Strelsau'], ['ORGANIZATION', 'Coast Guard']])];
    expect(groups(docs)).toHaveLength(2);
  });
});
