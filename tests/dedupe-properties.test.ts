import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { corpusState, type CorpusState } from '../src/corpus.js';
import { dedupeEntities } from '../src/stages/dedupe-entities.js';
import type { MentionEntityLookup } from '../src/dedupe/mention-entities.js';
import type { ProcessedDoc } from '../src/types.js';
import { doc, type M } from './dedupe-helpers.js';

// A pool of mentions with variants, short forms, acronyms and look-alikes (names of our own).
const pool: M[] = [
  ['PERSON', 'Petra Doran'], ['PERSON', 'Mrs. Doran'], ['PERSON', 'Doran'], ['PERSON', 'Paul Doran'],
  ['PERSON', 'Karim Nouri'], ['PERSON', 'Karim Nuri'], ['PERSON', 'Nouri'], ['PERSON', 'Shams ul Rehman Qureshi'],
  ['PERSON', 'Shamsul Rehman Qureshi'], ['PERSON', 'Mr. Qureshi'], ['PERSON', 'Hassan Tavakoli'], ['PERSON', 'Hussein Tavakoli'],
  ['ORGANIZATION', 'Liwa al-Furqan'], ['ORGANIZATION', 'Liwa ul Furqan'], ['ORGANIZATION', 'Coastal Defence League'],
  ['ORGANIZATION', 'CDL'], ['ORGANIZATION', 'NRWA', { longFormText: 'Northern Rivers Water Authority' }],
  ['ORGANIZATION', 'NRWA'], ['ORGANIZATION', 'Northern Rivers Water Authority'],
  ['PLACE', 'Nuristan'], ['PLACE', 'Nurestan'], ['PLACE', 'Iran'], ['PLACE', 'Iraq'], ['PLACE', 'Sanan'], ['PLACE', 'Sananshah'],
];

const corpus = fc
  .array(fc.array(fc.constantFrom(...pool.keys()), { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 6 })
  .map((docs) => docs.map((picks, i) => doc(`doc${String(i).padStart(2, '0')}`, picks.map((k) => pool[k]!))));

const dedupe = dedupeEntities({ places: null });
const stage = (docs: ProcessedDoc[]): CorpusState => dedupe(corpusState(docs));

/** Every mention's entity id, in doc-id and offset order. */
function labels(docs: ProcessedDoc[], map: MentionEntityLookup): string[] {
  const out = docs.flatMap((d) => d.entities.map((m) => `${d.id}\u0000${m.start}=${map.lookup(d.id, m.start) ?? 'missing'}`));
  return [...new Set(out)].sort();
}

describe('entity dedupe properties', () => {
  it('does not depend on the order of the documents', () => {
    fc.assert(
      fc.property(corpus, fc.infiniteStream(fc.nat()), (docs, noise) => {
        const shuffled = [...docs].map((d) => ({ d, k: noise.next().value })).sort((a, b) => a.k - b.k).map((x) => x.d);
        const a = stage(docs);
        const b = stage(shuffled);
        expect(b.entities).toEqual(a.entities);
        expect(b.merges).toEqual(a.merges);
        expect(labels(shuffled, b.mentionEntity)).toEqual(labels(docs, a.mentionEntity));
      }),
      { numRuns: 150 },
    );
  });

  it('is idempotent: mentions relabelled with their entity name give the same entities', () => {
    fc.assert(
      fc.property(corpus, (docs) => {
        const first = stage(docs);
        const nameOf = new Map(first.entities.map((e) => [e.id, e.name]));
        const relabelled = docs.map((d) => ({
          ...d,
          entities: d.entities.map(({ longFormText: _drop, ...m }) => ({ ...m, text: nameOf.get(first.mentionEntity.lookup(d.id, m.start)!)! })),
        }));
        const second = stage(relabelled);
        expect(labels(relabelled, second.mentionEntity)).toEqual(labels(docs, first.mentionEntity));
        expect(second.entities.map((e) => [e.id, e.name, e.mentionCount, e.docIds])).toEqual(
          first.entities.map((e) => [e.id, e.name, e.mentionCount, e.docIds]),
        );
      }),
      { numRuns: 150 },
    );
  });

  it('gives the same ids on every run', () => {
    fc.assert(
      fc.property(corpus, (docs) => {
        const [a, b] = [stage(docs), stage(structuredClone(docs))];
        expect(b.entities).toEqual(a.entities);
        expect(b.merges).toEqual(a.merges);
        expect(labels(docs, b.mentionEntity)).toEqual(labels(docs, a.mentionEntity));
      }),
      { numRuns: 30 },
    );
  });
});
