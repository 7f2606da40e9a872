/**
 * The folder boundaries of docs/architecture.md, checked from the import statements of src/:
 * each folder (or top-level module) imports only what the page allows, and no two of them import
 * each other, directly or through others.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Modules every part of src/ may use. */
const shared = ['errors', 'types', 'merge-rules', 'gc'];

/** What each folder or top-level module may import besides `shared` (docs/architecture.md). */
const allowed: Record<string, string[]> = {
  errors: [],
  gc: [],
  types: ['merge-rules'],
  'merge-rules': [],
  tables: [],
  config: [],
  nlp: [],
  corpus: ['dedupe', 'tables'],
  ingest: ['config'],
  names: [],
  geo: ['names'],
  dates: [],
  ner: ['geo'],
  dedupe: ['geo', 'names'],
  events: ['dedupe'],
  stages: ['ingest', 'names', 'geo', 'dates', 'ner', 'dedupe', 'events', 'nlp', 'corpus', 'tables', 'config'],
  sections: [],
  pipeline: ['stages', 'corpus', 'sections', 'tables', 'config', 'ingest'],
  report: ['tables'],
  io: ['ingest', 'tables', 'config', 'corpus'],
  cache: ['pipeline', 'ingest', 'io', 'config'],
  workers: ['pipeline', 'cache', 'config', 'queue'],
  queue: ['pipeline', 'cache', 'config'],
  run: ['*'],
  api: ['*'],
  cli: ['*'],
};

/**
 * Edges that break the rules today and are being removed: geo uses dedupe's name folding until
 * it moves to src/names/ (issue 15). Delete an entry once its edge is gone.
 */
const pending = new Set<string>([]);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return e.name.endsWith('.ts') ? [path] : [];
  });
}

/** The folder of a path under src/, or the module name of a top-level file. */
function part(path: string): string {
  const rel = relative('src', path).split(/[\\/]/);
  return rel.length > 1 ? rel[0]! : rel[0]!.replace(/\.[jt]s$/, '');
}

/** Every relative import (static, type-only, re-export or dynamic) of a file, as src/ paths. */
export function importsOf(file: string, text: string): string[] {
  const specifiers = [...text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)['"](\.{1,2}\/[^'"]+)['"]/gm)].map((m) => m[1]!);
  return specifiers.map((s) => normalize(join(dirname(file), s)));
}

/** Edges between parts of src/ (`from -> to`), with one importing file for each. */
function edges(): Map<string, string> {
  const out = new Map<string, string>();
  for (const file of sourceFiles('src')) {
    const from = part(file);
    for (const target of importsOf(file, readFileSync(file, 'utf8'))) {
      const to = part(target);
      if (to !== from && !out.has(`${from} -> ${to}`)) out.set(`${from} -> ${to}`, file);
    }
  }
  return out;
}

describe('folder boundaries (docs/architecture.md)', () => {
  const graph = edges();

  it('finds the imports it checks', () => {
    expect(graph.get('pipeline -> stages')).toBe('src/pipeline.ts');
    expect(importsOf('src/a/b.ts', "import type { X } from '../c/d.js';\nconst m = await import('./e.js');")).toEqual(['src/c/d.js', 'src/a/e.js']);
  });

  it('every part of src/ is in the table', () => {
    const parts = new Set(sourceFiles('src').map(part));
    expect([...parts].filter((p) => !(p in allowed))).toEqual([]);
  });

  it('each part imports only what it may', () => {
    const wrong = [...graph]
      .filter(([edge]) => !pending.has(edge))
      .filter(([edge]) => {
        const [from, to] = edge.split(' -> ') as [string, string];
        const may = allowed[from] ?? [];
        return !(may.includes('*') || may.includes(to) || shared.includes(to));
      })
      .map(([edge, file]) => `${edge} (${file})`);
    expect(wrong).toEqual([]);
  });

  it('no two parts import each other, directly or through others', () => {
    const next = new Map<string, string[]>();
    for (const edge of graph.keys()) {
      if (pending.has(edge)) continue;
      const [from, to] = edge.split(' -> ') as [string, string];
      next.set(from, [...(next.get(from) ?? []), to]);
    }
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const visit = (node: string, path: string[]): void => {
      if (state.get(node) === 'done') return;
      if (state.get(node) === 'open') {
        cycles.push([...path.slice(path.indexOf(node)), node].join(' -> '));
        return;
      }
      state.set(node, 'open');
      for (const to of next.get(node) ?? []) visit(to, [...path, node]);
      state.set(node, 'done');
    };
    for (const node of [...next.keys()].sort()) visit(node, []);
    expect(cycles).toEqual([]);
  });
});
