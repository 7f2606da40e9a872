import { describe, expect, it } from 'vitest';
import { nlp, rebuildInstance } from '../src/nlp.js';
import { splitSentences } from '../src/stages/split-sentences.js';
import type { Doc } from '../src/types.js';

const blank = (text: string): Doc => ({
  id: 'd', source: 'd.txt', title: '', text, published: null, publishedSource: 'none',
  sentences: [], tokens: [], entities: [], dates: [], events: [],
});

describe('the wink-nlp instance of a thread', () => {
  it('can be rebuilt many times in one thread, and splits the same after each rebuild', () => {
    // A long run rebuilds the instance now and then (forgetEarlierDocuments); the model
    // package's meta model grew with every rebuild and the 21st instance threw.
    const split = splitSentences();
    const text = "Ms. Quill met the Verdi delegation in Ostrava on Monday.\nIt's O'Reilly's turn.";
    const first = split(blank(text));
    for (let i = 0; i < 24; i++) {
      rebuildInstance();
      expect(() => nlp().readDoc('A short one.')).not.toThrow();
    }
    expect(split(blank(text))).toEqual(first);
  }, 60_000);
});
