/**
 * Generates pipeline.schema.json, the JSON Schema that editors use to complete and check
 * pipeline.config.json (which points at it with `"$schema"`). Everything comes from src/config.ts:
 * types, limits and defaults from the zod schema (`z.toJSONSchema`), and each key's description
 * from the TSDoc comment written above it, so there is one source and nothing to keep in step.
 * tests/schema-config.test.ts fails when the committed file differs from what this generates.
 *
 *   npx tsx scripts/schema.ts          # rewrite pipeline.schema.json
 *   npx tsx scripts/schema.ts --check  # exit 1 if it is out of date
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { z } from 'zod';
import { configSchema } from '../src/config.js';

const here = dirname(fileURLToPath(import.meta.url));
/** The repository root, from scripts/ or from dist/scripts/. */
export const root = resolve(here, basename(dirname(here)) === 'dist' ? '../..' : '..');
export const schemaPath = resolve(root, 'pipeline.schema.json');

type JsonSchema = { properties?: Record<string, JsonSchema>; description?: string; [key: string]: unknown };

/** The JSON Schema of the configuration file, as pipeline.schema.json holds it (with its newline). */
export function configJsonSchema(): string {
  // `input`: what a file may say (keys with defaults are optional), not the parsed result.
  const schema = z.toJSONSchema(configSchema, { io: 'input', target: 'draft-2020-12' }) as JsonSchema;
  const docs = configDocs(readFileSync(resolve(root, 'src/config.ts'), 'utf8'));
  for (const [path, text] of docs) {
    let node: JsonSchema | undefined = schema;
    for (const key of path.split('.')) node = node?.properties?.[key];
    if (node !== undefined) node.description = text;
  }
  const out = {
    $schema: schema['$schema'],
    title: 'dateline pipeline configuration',
    description: 'Configuration of the dateline pipeline (pipeline.config.json). Every key is optional; paths are relative to the file. Generated from src/config.ts by scripts/schema.ts: do not edit by hand.',
    ...Object.fromEntries(Object.entries(schema).filter(([k]) => k !== '$schema')),
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}

/**
 * The TSDoc comment of every key of `configSchema`, by dotted path (`dates.preferPast`), without
 * its tags (`@default` is in the schema already, from zod). Found by walking the `z.object({...})`
 * literals of src/config.ts with the TypeScript parser, following consts such as `fieldNames`.
 */
export function configDocs(source: string): Map<string, string> {
  const file = ts.createSourceFile('config.ts', source, ts.ScriptTarget.Latest, true);
  const consts = new Map<string, ts.Expression>();
  for (const statement of file.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    for (const d of statement.declarationList.declarations) if (ts.isIdentifier(d.name) && d.initializer) consts.set(d.name.text, d.initializer);
  }
  const docs = new Map<string, string>();
  const visit = (expr: ts.Node, path: string[], depth: number): void => {
    if (depth > 20) return;
    // Down the method chain (`z.object({...}).strict().default(...)`) to the object literal.
    let e: ts.Node = expr;
    while (ts.isCallExpression(e) || ts.isPropertyAccessExpression(e) || ts.isParenthesizedExpression(e)) {
      if (ts.isCallExpression(e) && ts.isPropertyAccessExpression(e.expression) && e.expression.name.text === 'object' && e.arguments[0] && ts.isObjectLiteralExpression(e.arguments[0])) {
        for (const prop of e.arguments[0].properties) {
          if (!ts.isPropertyAssignment(prop) || !(ts.isIdentifier(prop.name) || ts.isStringLiteral(prop.name))) continue;
          const key = [...path, prop.name.text];
          const text = ts
            .getJSDocCommentsAndTags(prop)
            .filter(ts.isJSDoc)
            .map((doc) => ts.getTextOfJSDocComment(doc.comment) ?? '')
            .join(' ')
            .replace(/\s+/g, ' ')
            .trim();
          if (text !== '') docs.set(key.join('.'), text);
          visit(prop.initializer, key, depth + 1);
        }
        return;
      }
      e = e.expression;
    }
    if (ts.isIdentifier(e) && consts.has(e.text)) visit(consts.get(e.text)!, path, depth + 1);
  };
  visit(consts.get('configSchema')!, [], 0);
  return docs;
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const generated = configJsonSchema();
  if (process.argv.includes('--check')) {
    let current = '';
    try {
      current = readFileSync(schemaPath, 'utf8');
    } catch {
      // missing: out of date
    }
    if (current !== generated) {
      process.stderr.write('pipeline.schema.json is out of date: run `npx tsx scripts/schema.ts`\n');
      process.exitCode = 1;
    }
  } else {
    writeFileSync(schemaPath, generated);
    process.stdout.write(`wrote ${schemaPath}\n`);
  }
}
