import { describe, expect, it } from 'vitest';
import { docFeatures } from '../../../src/ner/tagger.js';
import { splitAtSpacedDashes } from '../../../src/ner/rules/split-at-spaced-dashes.js';
import { model, docOf, draft, shown } from './helpers.js';
import type { EntityType } from '../../../src/types.js';

function run(text: string, phrase: string, type: EntityType): string[] {
  const doc = docOf(text);
  const df = docFeatures(model(), doc.text, doc.tokens, doc.sentences);
  return shown(doc, splitAtSpacedDashes(doc, [draft(doc, phrase, type)], df.gz));
}

describe('splitAtSpacedDashes', () => {
  it('cuts a span at a spaced dash: a known place first, then the person who belongs to it', () => {
    expect(run('Scorers: France - Ana Velmar (12th).', 'France - Ana Velmar', 'PLACE')).toEqual(['France/PLACE', 'Ana Velmar/PERSON']);
    expect(run('Scorers: Germany - Velmar (12th).', 'Germany - Velmar', 'PLACE')).toEqual(['Germany/PLACE', 'Velmar/PERSON']);
  });

  it('keeps the type when the first part is no known place, and drops a part with no word', () => {
    expect(run('1860 - Dask Velmar Tor led them.', '1860 - Dask Velmar Tor', 'ORGANIZATION')).toEqual(['Dask Velmar Tor/ORGANIZATION']);
  });

  it('leaves glued hyphens and one word on each side of a spaced hyphen whole', () => {
    expect(run('Ana Smith-Jones came.', 'Ana Smith-Jones', 'PERSON')).toEqual(['Ana Smith-Jones/PERSON']);
    expect(run('They passed Zal - Mort stores.', 'Zal - Mort', 'ORGANIZATION')).toEqual(['Zal - Mort/ORGANIZATION']);
  });
});
