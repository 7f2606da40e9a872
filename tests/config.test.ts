import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig, parseConfig } from '../src/config.js';
import { DatelineError } from '../src/errors.js';

describe('configuration', () => {
  it('fills every default from an empty object', () => {
    const c = parseConfig({});
    expect(c.input).toBe('input');
    expect(c.output).toBe('output');
    expect(c.dates).toEqual({ defaultPublished: null, preferPast: true });
    expect(c.export.formats).toEqual(['csv', 'jsonl', 'parquet']);
    expect(c.fields.text).toBe('text');
  });

  it('accepts the shipped pipeline.config.json', () => {
    expect(() => loadConfig('pipeline.config.json')).not.toThrow();
  });

  it('names the key, what was expected and what came for a bad value', () => {
    try {
      parseConfig({ dates: { defaultPublished: '24' } }, 'my.json');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(DatelineError);
      expect((error as DatelineError).code).toBe('CONFIG_INVALID');
      expect((error as Error).message).toContain('my.json');
      expect((error as Error).message).toContain('`dates.defaultPublished`');
      expect((error as Error).message).toContain('YYYY-MM-DD');
      expect((error as Error).message).toContain('"24"');
    }
  });

  it('lists the valid keys for an unknown key', () => {
    expect(() => parseConfig({ dates: { prefer_past: true } })).toThrow(/unknown key `prefer_past`; valid keys are `defaultPublished`, `preferPast`/);
    expect(() => parseConfig({ wokers: 2 })).toThrow(/unknown key `wokers`.*`workers`/);
  });

  it('rejects a negative worker count', () => {
    expect(() => parseConfig({ workers: -1 })).toThrow(/`workers`/);
  });

  it('reports a file that is not JSON with its name', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dateline-config-'));
    const file = join(dir, 'bad.json');
    writeFileSync(file, '{ "input": ');
    expect(() => loadConfig(file)).toThrow(/bad\.json: not valid JSON/);
    expect(() => loadConfig(join(dir, 'missing.json'))).toThrow(/cannot read the configuration/);
  });
});
