import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/stages/split-sentences.js';
import { blankDoc } from '../../src/ner/corpus.js';
import { extractFeatures } from '../../src/ner/features.js';
import { GazBuilder, GazTable } from '../../src/ner/gazetteer.js';
import { hashString } from '../../src/ner/hash.js';
import { parseModel, serializeModel } from '../../src/ner/model.js';
import { labelCount } from '../../src/ner/tagger.js';
import { readWordClusters } from '../../src/ner/word-clusters.js';
import { kmeans } from '../../scripts/word-clusters.js';
import { DatelineError } from '../../src/errors.js';

const split = splitSentences();
const bits = 18;
const gazetteer = new GazBuilder().build();
/** "zorvex" and "kelmar" share their finest cluster (77); "tolvane" is in another (1000). */
const clusters = new GazTable(['zorvex', 'kelmar', 'tolvane'].map((w) => hashString(w, true)), [78, 78, 1001]);

function featsOf(text: string, withClusters: boolean): { rows: (i: number) => Set<number>; n: number } {
  const doc = split(blankDoc('t', text));
  const df = extractFeatures(doc.text, doc.tokens, doc.sentences, gazetteer, bits, labelCount, null, withClusters ? clusters : undefined);
  return { n: df.n, rows: (i) => new Set(df.feats.subarray(df.offsets[i]!, df.offsets[i + 1]!)) };
}

describe('word-cluster features', () => {
  it('give two different words of one cluster shared features, and a word of another cluster fewer', () => {
    const a = featsOf('Zorvex rose.', true).rows(0);
    const b = featsOf('Kelmar rose.', true).rows(0);
    const c = featsOf('Tolvane rose.', true).rows(0);
    const shared = (x: Set<number>, y: Set<number>): number => [...x].filter((r) => y.has(r)).length;
    expect(shared(a, b)).toBeGreaterThan(shared(a, c));
    // Without clusters the two words share only what their shape and context give.
    const a0 = featsOf('Zorvex rose.', false).rows(0);
    const b0 = featsOf('Kelmar rose.', false).rows(0);
    expect(shared(a, b)).toBeGreaterThanOrEqual(shared(a0, b0) + 3);
  });

  it('read the word case-folded: the same cluster features in a line in capitals, plus one of its own', () => {
    const lower = featsOf('Then Zorvex rose.', true).rows(1);
    const caps = featsOf('THEN ZORVEX ROSE', true).rows(1);
    const capsNoClusters = featsOf('THEN ZORVEX ROSE', false).rows(1);
    expect(caps.size - capsNoClusters.size).toBeGreaterThan(lower.size - featsOf('Then Zorvex rose.', false).rows(1).size);
  });

  it('round-trip through the model file', () => {
    const weights = new Float32Array((1 << 6) * labelCount);
    weights[3] = 1;
    const parsed = parseModel(serializeModel({ bits: 6, weights, index: null, scale: 1, typicalMargin: 2, gazetteer, clusters }, 0));
    expect(parsed.clusters?.get(hashString('KELMAR', true))).toBe(78);
    expect(parsed.clusters?.get(hashString('tolvane', true))).toBe(1001);
    const without = parseModel(serializeModel({ bits: 6, weights, index: null, scale: 1, typicalMargin: 2, gazetteer }, 0));
    expect(without.clusters).toBeUndefined();
  });
});

describe('readWordClusters', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dateline-clusters-'));

  it('reads word, then nested cluster ids, as 1 + the finest cluster', () => {
    const path = join(dir, 'ok.tsv.gz');
    writeFileSync(path, gzipSync('zorvex\t1\t9\t77\nkelmar\t1\t9\t77\n'));
    const table = readWordClusters(path);
    expect(table.get(hashString('Zorvex', true))).toBe(78);
    expect(table.get(hashString('nothing', true))).toBe(0);
  });

  it('rejects ids that are not nested, naming the line', () => {
    const path = join(dir, 'bad.tsv.gz');
    writeFileSync(path, gzipSync('zorvex\t1\t9\t77\nkelmar\t2\t9\t77\n'));
    expect(() => readWordClusters(path)).toThrow(DatelineError);
    try {
      readWordClusters(path);
    } catch (e) {
      expect((e as DatelineError).message).toMatch(/nested/);
      expect((e as DatelineError).line).toBe(2);
    }
  });
});

describe('kmeans', () => {
  it('puts points near each other in one cluster, deterministically', () => {
    const D = 2;
    const pts = [[1, 0], [0.99, 0.14], [0, 1], [0.14, 0.99]];
    const X = new Float32Array(pts.flat());
    const a = kmeans(X, D, [0, 1, 2, 3], 2, 5, 7);
    expect(a[0]).toBe(a[1]);
    expect(a[2]).toBe(a[3]);
    expect(a[0]).not.toBe(a[2]);
    expect([...kmeans(X, D, [0, 1, 2, 3], 2, 5, 7)]).toEqual([...a]);
  });
});
