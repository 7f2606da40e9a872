import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dedupePhases } from '../../../src/dedupe/phases/index.js';

describe('dedupePhases', () => {
  it('lists every phase file once, each named after its file', () => {
    const files = readdirSync('src/dedupe/phases').filter((f) => f.endsWith('.ts') && f !== 'index.ts').map((f) => f.slice(0, -3));
    expect(dedupePhases.map((p) => p.name).sort()).toEqual(files.sort());
  });
});
