import { beforeAll, describe, expect, it } from 'vitest';
import { splitSentences } from '../src/stages/split-sentences.js';
import { recognizeEntities } from '../src/stages/recognize-entities.js';
import { blankDoc } from '../src/ner/corpus.js';
import { loadModel, parseModel, serializeModel } from '../src/ner/model.js';
import { GazBuilder, gaz } from '../src/ner/gazetteer.js';
import { hashString } from '../src/ner/hash.js';
import { lookupRow } from '../src/ner/row-index.js';
import { labelCount, labelSpans, type TaggerModel } from '../src/ner/tagger.js';
import { DatelineError } from '../src/errors.js';
import type { Doc, DocStage } from '../src/types.js';

let model: TaggerModel;
let recognize: DocStage;
const split = splitSentences();
beforeAll(() => {
  model = loadModel();
  recognize = recognizeEntities({ model });
});

function run(text: string): Doc {
  return recognize(split(blankDoc('t', text)));
}

function mentions(doc: Doc): string[] {
  return doc.entities.map((e) => `${doc.text.slice(e.start, e.end)}/${e.type}${e.role === undefined ? '' : ` role=${e.role}`}`);
}

describe('the shipped model', () => {
  it('loads from models/ as a compact table', () => {
    expect(model.index).not.toBeNull();
    expect(model.weights.length % labelCount).toBe(0);
    expect(model.gazetteer.get(hashString('france', true)) & gaz.COUNTRY).toBeTruthy();
  });

  it('finds people, organizations and places in news text', () => {
    const doc = run(
      'Foreign Minister Jane Doe told reporters in Vienna on Monday that the Ruritanian government would ask the United Nations for help.\n' +
        'Officials from the World Health Organization arrived in Geneva later that day.',
    );
    const found = mentions(doc);
    expect(found).toContain('Jane Doe/PERSON role=Foreign Minister');
    expect(found).toContain('Vienna/PLACE');
    expect(found).toContain('United Nations/ORGANIZATION');
    expect(found).toContain('World Health Organization/ORGANIZATION');
    expect(found).toContain('Geneva/PLACE');
    expect(found.some((m) => m.startsWith('Monday'))).toBe(false);
  });

  it('keeps mentions sorted, inside their sentence and off honorifics', () => {
    const doc = run('Mr. Harold Finch met Dr. Lena Ortiz in Lisbon.\nOrtiz later flew to Madrid with Mr. Finch.');
    let last = -1;
    for (const e of doc.entities) {
      const s = doc.sentences[e.sentence]!;
      expect(e.start).toBeGreaterThanOrEqual(s.start);
      expect(e.end).toBeLessThanOrEqual(s.end);
      expect(e.start).toBeGreaterThanOrEqual(last);
      last = e.start;
      expect(doc.text.slice(e.start, e.end)).not.toMatch(/^(Mr|Dr)\.?\b/);
    }
    expect(mentions(doc)).toEqual(expect.arrayContaining(['Harold Finch/PERSON', 'Lena Ortiz/PERSON', 'Lisbon/PLACE', 'Madrid/PLACE']));
  });

  it('gives an acronym defined in the text the type of its long form', () => {
    const doc = run('The Eastern Liberation Army (ELA) said on Sunday it had seized the town. ELA fighters later withdrew.');
    const acronyms = doc.entities.filter((e) => doc.text.slice(e.start, e.end) === 'ELA');
    expect(acronyms).toHaveLength(2);
    for (const a of acronyms) {
      expect(a.type).toBe('ORGANIZATION');
      expect(a.longForm && doc.text.slice(a.longForm.start, a.longForm.end)).toBe('Eastern Liberation Army');
    }
  });

  it('joins a region written as "A and B" or "A-B" into one place', () => {
    const doc = run('Voters in Jammu and Kashmir and in Rhineland-Palatinate went to the polls on Sunday.');
    expect(mentions(doc)).toEqual(['Jammu and Kashmir/PLACE', 'Rhineland-Palatinate/PLACE']);
  });

  it('finds companies the tagger alone types as products, places or nobody (examples of issue 16)', () => {
    const first = mentions(run('Boeing said on Monday that Airbus lost an order. Apple sued Boeing.'));
    expect(first).toEqual(expect.arrayContaining(['Boeing/ORGANIZATION', 'Airbus/ORGANIZATION']));
    expect(first.every((m) => m.endsWith('/ORGANIZATION'))).toBe(true);
    const second = mentions(run('Microsoft and Google agreed to a deal with Toyota in Tokyo'));
    expect(second).toEqual(expect.arrayContaining(['Google/ORGANIZATION', 'Toyota/ORGANIZATION', 'Tokyo/PLACE']));
    expect(mentions(run('Shares in Apple rose 3 percent'))).toEqual(['Apple/ORGANIZATION']);
    expect(mentions(run('General Motors said profits rose.'))).toEqual(['General Motors/ORGANIZATION']);
    expect(mentions(run('Ursula von der Leyen met Olaf Scholz'))).toEqual(['Ursula von der Leyen/PERSON', 'Olaf Scholz/PERSON']);
  });

  it('returns no mentions for a document without tokens', () => {
    expect(run('   \n ').entities).toEqual([]);
  });
});

describe('recognizeEntities options', () => {
  it('rejects unknown options and a bad model path before any document', () => {
    expect(() => recognizeEntities({ modelPth: 'x' } as never)).toThrow(/Unknown recognizer option `modelPth`/);
    expect(() => recognizeEntities({ modelPath: 42 } as never)).toThrow(/`modelPath` to be a file path, got 42 \(number\)/);
    expect(() => recognizeEntities({ modelPath: '/nonexistent/ner.bin.gz' })).toThrow(DatelineError);
    expect(() => recognizeEntities({ model, places: 'regions' } as never)).toThrow(/`places` to be a place resolver .*got "regions" \(string\)/);
  });

  it('uses the place names it is given to join regions', () => {
    const none = recognizeEntities({ model, places: { resolve: () => null } });
    const doc = none(split(blankDoc('t', 'Voters in Jammu and Kashmir went to the polls on Sunday.')));
    expect(mentions(doc)).toEqual(['Jammu/PLACE', 'Kashmir/PLACE']);
  });
});

describe('model file', () => {
  it('round-trips weights (quantized) and gazetteer', () => {
    const bits = 6;
    const weights = new Float32Array((1 << bits) * labelCount);
    for (let i = 0; i < weights.length; i += 7) weights[i] = ((i * 37) % 201) / 10 - 10;
    const b = new GazBuilder();
    b.addWord('Valdoria', gaz.COUNTRY);
    b.addName('Port Selwyn', gaz.CITY, gaz.CITY_PART);
    const parsed = parseModel(serializeModel({ bits, weights, index: null, scale: 1, typicalMargin: 5, gazetteer: b.build() }, 0));
    expect(parsed.bits).toBe(bits);
    expect(parsed.typicalMargin).toBe(5);
    for (let row = 0; row < 1 << bits; row++) {
      const at = lookupRow(parsed.index!, row, labelCount);
      for (let l = 0; l < labelCount; l++) {
        const got = at < 0 ? 0 : parsed.weights[at + l]! * parsed.scale;
        expect(Math.abs(got - weights[row * labelCount + l]!)).toBeLessThan(0.001);
      }
    }
    expect(parsed.gazetteer.get(hashString('valdoria', true))).toBe(gaz.COUNTRY);
    expect(parsed.gazetteer.get(hashString('selwyn', true))).toBe(gaz.CITY_PART);
    expect(parsed.gazetteer.get(hashString('nowhere', true))).toBe(0);
  });

  it('rejects a file that is not a model', () => {
    expect(() => parseModel(Buffer.from('not a model'))).toThrow(DatelineError);
    try {
      parseModel(Buffer.from('not a model'));
    } catch (e) {
      expect((e as DatelineError).code).toBe('MODEL_INVALID');
    }
  });
});

describe('labelSpans', () => {
  it('reads BIO labels into spans and starts a new span at a stray I', () => {
    // O B-PER I-PER I-ORG O B-LOC
    const labels = Uint8Array.from([0, 1, 2, 4, 0, 5]);
    const sentences = [{ start: 0, end: 10, tokenStart: 0, tokenEnd: 6, paragraph: 0 }];
    expect(labelSpans(labels, sentences)).toEqual([
      [1, 3, 0],
      [3, 4, 1],
      [5, 6, 2],
    ]);
  });
});
