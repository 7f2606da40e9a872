import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dateRules } from '../../../src/dates/rules/index.js';

describe('dateRules', () => {
  it('names every rule once', () => {
    const names = dateRules.map((r) => r.name);
    expect(new Set(names).size).toBe(names.length);
    for (const n of names) expect(n).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
  });

  it('has one file per family, and each rule lives in the file named after its family', () => {
    const dir = 'src/dates/rules';
    const files = readdirSync(dir).filter((f) => f !== 'index.ts').map((f) => f.replace(/\.ts$/, ''));
    expect(new Set(dateRules.map((r) => r.family))).toEqual(new Set(files));
    for (const r of dateRules) expect(readFileSync(`${dir}/${r.family}.ts`, 'utf8')).toContain(`name: '${r.name}'`);
  });
});
