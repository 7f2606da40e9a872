/**
 * What a cached result depends on besides the document itself, hashed once per run: the package
 * version, the versions of its dependencies (wink-nlp's tagger and model, ...), Node's
 * version, the code of the stages, the model files and the configuration that reaches the
 * per-document stages. Any change to one of them starts a new cache generation.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Config } from '../config.js';

/**
 * Configuration keys that cannot change a document's processed form: where files are read from
 * and written to, how many threads run, the cache itself, and how tables are exported. Ingest
 * options (`fields`) shape the source document, which is hashed on its own. Every other key is
 * part of the fingerprint, so a key added later is covered until someone lists it here.
 */
export const keysOutsideTheCache = ['$schema', 'input', 'output', 'include', 'exclude', 'maxFileBytes', 'workers', 'cache', 'export', 'fields'] as const;

/** Folders of the package, besides the code, whose files the stages read. */
const dataFolders = ['models', 'data'];

export interface FingerprintParts {
  version: string;
  node: string;
  dependencies: Record<string, string>;
  /** Hash of every file of the running code (src/ under tsx, dist/src/ when compiled). */
  code: string;
  /** Hash of every file under models/ (and data/, if present). */
  models: string;
  /** The configuration that reaches the per-document stages. */
  config: Record<string, unknown>;
}

/** The package root: the nearest folder above this module with a package.json. */
export function packageRoot(from: string = dirname(fileURLToPath(import.meta.url))): string {
  let dir = from;
  for (;;) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error(`no package.json above ${from}`);
    dir = up;
  }
}

/** The parts of the fingerprint, readable (for a test or a curious person). */
export function fingerprintParts(config: Config, root: string = packageRoot()): FingerprintParts {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string; dependencies?: Record<string, string> };
  const dependencies: Record<string, string> = {};
  for (const name of Object.keys(pkg.dependencies ?? {}).sort()) dependencies[name] = installedVersion(root, name) ?? `not installed (${pkg.dependencies![name]})`;
  // The folder holding the running code: src/ or dist/src/ (this module is in <code>/cache/).
  const code = dirname(dirname(fileURLToPath(import.meta.url)));
  const stageConfig: Record<string, unknown> = {};
  for (const key of Object.keys(config).sort()) {
    if (!(keysOutsideTheCache as readonly string[]).includes(key)) stageConfig[key] = (config as Record<string, unknown>)[key];
  }
  return {
    version: pkg.version,
    node: process.version,
    dependencies,
    code: hashTree(code, (f) => !f.endsWith('.map') && !f.endsWith('.d.ts')),
    models: hashTrees(dataFolders.map((d) => join(root, d))),
    config: stageConfig,
  };
}

/** One hex digest of everything a cached result depends on besides the document. */
export function cacheFingerprint(config: Config, root?: string): string {
  return createHash('sha256').update(stableJson(fingerprintParts(config, root))).digest('hex');
}

/** JSON with object keys sorted at every level, so equal values always give equal text. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
    const sorted: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) sorted[k] = (v as Record<string, unknown>)[k];
    return sorted;
  });
}

function installedVersion(root: string, name: string): string | undefined {
  for (let dir = root; ; dir = dirname(dir)) {
    const file = join(dir, 'node_modules', name, 'package.json');
    if (existsSync(file)) return (JSON.parse(readFileSync(file, 'utf8')) as { version?: string }).version;
    if (dirname(dir) === dir) return undefined;
  }
}

function hashTrees(dirs: string[]): string {
  const h = createHash('sha256');
  for (const dir of dirs) h.update(`${dir.slice(dir.lastIndexOf(sep) + 1)}\0${existsSync(dir) ? hashTree(dir) : '-'}\0`);
  return h.digest('hex');
}

/** Hash of the relative paths and contents of the files under `dir`, in a fixed order. */
function hashTree(dir: string, keep: (file: string) => boolean = () => true): string {
  const h = createHash('sha256');
  const walk = (d: string): void => {
    for (const name of readdirSync(d).sort()) {
      const abs = join(d, name);
      const st = statSync(abs);
      if (st.isDirectory()) walk(abs);
      else if (st.isFile() && keep(name)) h.update(`${relative(dir, abs).split(sep).join('/')}\0`).update(readFileSync(abs)).update('\0');
    }
  };
  walk(dir);
  return h.digest('hex');
}
