import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { configDocs, configJsonSchema, root, schemaPath } from '../scripts/schema.js';
import { loadConfig, parseConfig } from '../src/config.js';

const committed = readFileSync(schemaPath, 'utf8');
const validate = new Ajv2020({ strict: true, allErrors: true }).compile(JSON.parse(committed) as object);

describe('pipeline.schema.json', () => {
  it('is what scripts/schema.ts generates from src/config.ts (run `npx tsx scripts/schema.ts` after changing the config)', () => {
    expect(committed).toBe(configJsonSchema());
  });

  it('is referenced by the shipped pipeline.config.json, which validates against it and loads', () => {
    const shipped = JSON.parse(readFileSync(resolve(root, 'pipeline.config.json'), 'utf8')) as Record<string, unknown>;
    expect(shipped['$schema']).toBe('./pipeline.schema.json');
    expect(validate(shipped), JSON.stringify(validate.errors)).toBe(true);
    expect(() => loadConfig(resolve(root, 'pipeline.config.json'))).not.toThrow();
  });

  it('rejects what the loader rejects: unknown keys, wrong types, out-of-range numbers', () => {
    const bad = [{ inputs: 'x' }, { workers: -1 }, { export: { formats: ['xlsx'] } }, { dates: { defaultPublished: '24' } }, { fields: { text: '' } }];
    for (const config of bad) {
      expect(validate(config), JSON.stringify(config)).toBe(false);
      expect(() => parseConfig(config)).toThrow();
    }
    expect(validate({})).toBe(true);
  });

  it('describes keys from the TSDoc comments in src/config.ts', () => {
    const docs = configDocs(readFileSync(resolve(root, 'src/config.ts'), 'utf8'));
    expect(docs.get('dates.preferPast')).toMatch(/most recent past/);
    const schema = JSON.parse(committed) as { properties: Record<string, { description?: string; properties?: Record<string, { description?: string }> }> };
    for (const key of Object.keys(schema.properties)) expect(schema.properties[key]!.description, key).toBeTruthy();
    expect(schema.properties['export']!.properties!['formats']!.description).toMatch(/^Table formats to write; Parquet keeps column types/);
  });
});

describe('configurable CSV and JSONL field names', () => {
  it('reads records through the names given in `fields`', async () => {
    const { ingest } = await import('../src/stages/ingest.js');
    const config = parseConfig({ fields: { id: 'uid', title: 'headline', published: 'pub_date', text: 'body', url: 'link' } });
    const read = ingest(config);
    const enc = (s: string) => new TextEncoder().encode(s);
    const jsonl = read({ path: 'feed.jsonl', bytes: enc(JSON.stringify({ uid: 'k1', headline: 'Dam opens', pub_date: '2015-07-01', body: 'The dam opened.', link: 'https://x.example/1', text: 'ignored' })) });
    expect(jsonl.failures).toEqual([]);
    expect(jsonl.docs[0]).toMatchObject({ id: 'k1', title: 'Dam opens', published: '2015-07-01', text: 'The dam opened.', url: 'https://x.example/1' });
    const csv = read({ path: 'sheet.csv', bytes: enc('uid,headline,pub_date,body\nr7,Bridge shut,2015-08-02,"The bridge shut, briefly."\n') });
    expect(csv.failures).toEqual([]);
    expect(csv.docs[0]).toMatchObject({ id: 'r7', title: 'Bridge shut', published: '2015-08-02', text: 'The bridge shut, briefly.', line: 2 });
    // With the default names the same file has no text column: reported, naming the setting.
    const defaults = ingest(parseConfig({}))({ path: 'sheet.csv', bytes: enc('uid,body\nr7,Text here\n') });
    expect(defaults.failures).toMatchObject([{ file: 'sheet.csv', code: 'INPUT_MISSING_TEXT', message: expect.stringContaining('`fields.text`') }]);
  });
});
