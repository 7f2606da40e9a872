/** The options of `npm run bench` (scripts/bench-options.ts): which runs it makes, and bad values. */
import { describe, expect, it } from 'vitest';
import { parseBenchOptions } from '../scripts/bench-options.js';

describe('bench options', () => {
  it('makes every local run by default, the distributed one only with --queue', () => {
    const two = parseBenchOptions([], 2);
    expect(two.runs).toEqual(['1', '2', 'cold', 'warm', 'cached-docs', 'wink']);
    expect(two).toMatchObject({ tokens: 2_000_000, workers: 2, queueWorkers: 2, keep: false, corpus: undefined, added: [] });
    expect(parseBenchOptions([], 4).runs).toEqual(['1', '2', 'all', 'cold', 'warm', 'cached-docs', 'wink']);
    expect(parseBenchOptions(['--workers', '1'], 4).runs).toEqual(['1', 'cold', 'warm', 'cached-docs', 'wink']);
    expect(parseBenchOptions(['--queue'], 2).runs).toEqual(['1', '2', 'cold', 'warm', 'cached-docs', 'queue', 'wink']);
  });

  it('--only keeps the bench order, and adds the cold run the cached runs need', () => {
    const o = parseBenchOptions(['--only', 'queue,1', '--tokens', '10000000', '--queue-workers', '3'], 2);
    expect(o.runs).toEqual(['1', 'queue']);
    expect(o).toMatchObject({ tokens: 10_000_000, queueWorkers: 3, added: [] });
    const w = parseBenchOptions(['--only', 'warm'], 2);
    expect(w.runs).toEqual(['cold', 'warm']);
    expect(w.added).toEqual(['cold']);
    expect(parseBenchOptions(['--only', '1', '--queue'], 2).runs).toEqual(['1', 'queue']);
  });

  it('--tokens takes several sizes, ascending and each once; not with --corpus', () => {
    const o = parseBenchOptions(['--tokens', '10000000,2000000,10000000', '--only', '1'], 2);
    expect(o).toMatchObject({ tokens: 2_000_000, sizes: [2_000_000, 10_000_000] });
    expect(parseBenchOptions([], 2).sizes).toEqual([2_000_000]);
    expect(() => parseBenchOptions(['--tokens', '2000000,x'], 2)).toThrow(/--tokens: expected a whole number from 1 up, got "x"/);
    expect(() => parseBenchOptions(['--tokens', '1,2', '--corpus', 'c'], 2)).toThrow(/with --corpus give one size/);
  });

  it('rejects unknown runs and numbers that are not whole and positive, saying what came', () => {
    expect(() => parseBenchOptions(['--only', '1,three'], 2)).toThrow(/--only: unknown run "three"; the runs are 1 \(/);
    expect(() => parseBenchOptions(['--only', ' , '], 2)).toThrow(/--only: expected one or more of/);
    expect(() => parseBenchOptions(['--tokens', '1e6'], 2)).toThrow(/--tokens: expected a whole number from 1 up, got "1e6"/);
    expect(() => parseBenchOptions(['--queue-workers', '0'], 2)).toThrow(/--queue-workers: .* got "0"/);
    expect(() => parseBenchOptions(['--workers', '-2'], 2)).toThrow(/--workers/);
    expect(() => parseBenchOptions(['--fast'], 2)).toThrow(/fast/);
  });
});
