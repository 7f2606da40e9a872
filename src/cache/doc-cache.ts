/**
 * The per-document cache: processed documents stored as JSON files, one per key.
 *
 * Layout under `config.cache.dir`:
 *
 *   v1/<generation>/<2 hex>/<64 hex>.json   one entry: {"key": ..., "doc": ProcessedDoc}
 *   v1/<generation>/last-used               touched by every run of that generation
 *
 * A generation is everything besides the document that a result depends on (cacheFingerprint:
 * package and dependency versions, code, models, stage configuration). A key is the hash of the
 * generation and the whole source document (id, source, line, title, published metadata, text).
 * Entries are written to a temporary file and renamed into place, so a reader never sees half an
 * entry; an entry that does not parse or does not carry its own key is counted as corrupt,
 * ignored and recomputed (then overwritten).
 *
 * Growth: a run keeps the `keepGenerations` most recently used generations and removes the rest,
 * so rebuilding or changing the configuration does not pile up old results. Within a generation
 * entries stay until their generation goes; deleting the folder is always safe (the next run
 * recomputes everything).
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ProcessedDoc, SourceDoc } from '../types.js';

/** Bumped when the entry format changes (an older layout's folder can then be deleted by hand). */
const LAYOUT = 'v1';

/** Options of the document cache. */
export interface DocCacheOptions {
  /** The cache folder (`config.cache.dir`). */
  dir: string;
  /** `cacheFingerprint(config)`: names the generation this run reads and writes. */
  fingerprint: string;
  /** Generations kept, the current one included; the least recently used beyond go. @default 4 */
  keepGenerations?: number;
}

/** What a run did with the cache (written to run-report.json). */
export interface CacheStats {
  hits: number;
  misses: number;
  /** Entries that were present but unreadable; each was recomputed. */
  corrupt: number;
  writes: number;
  /** Entries that could not be written (a full disk, a read-only folder); the run carries on. */
  writeErrors: number;
  /** Generations removed when the cache was opened. */
  removedGenerations: number;
  /** The first write error, to say what went wrong. */
  firstWriteError?: string;
}

export interface DocCache {
  readonly generationDir: string;
  readonly stats: CacheStats;
  /** The key of a source document in this generation. */
  keyOf(source: SourceDoc): string;
  /** The cached result, or undefined when absent or corrupt. */
  get(key: string): Promise<ProcessedDoc | undefined>;
  /** Stores a result atomically; never throws (failures are counted in `stats`). */
  put(key: string, doc: ProcessedDoc): Promise<void>;
}

/** Opens (creating) the generation's folder and removes generations beyond `keepGenerations`. */
export async function openDocCache(options: DocCacheOptions): Promise<DocCache> {
  const keep = options.keepGenerations ?? 4;
  if (!Number.isInteger(keep) || keep < 1) throw new RangeError(`Expected \`keepGenerations\` to be an integer from 1 up, got ${String(keep)}`);
  if (!/^[0-9a-f]{64}$/.test(options.fingerprint)) throw new RangeError(`Expected \`fingerprint\` to be a sha256 hex digest, got ${JSON.stringify(options.fingerprint)}`);
  const layoutDir = join(options.dir, LAYOUT);
  const generation = options.fingerprint.slice(0, 16);
  const generationDir = join(layoutDir, generation);
  await mkdir(generationDir, { recursive: true });
  await writeFile(join(generationDir, 'last-used'), `${new Date().toISOString()}\n`);
  const removedGenerations = await prune(layoutDir, generation, keep);
  await removeStaleTemp(generationDir);

  const stats: CacheStats = { hits: 0, misses: 0, corrupt: 0, writes: 0, writeErrors: 0, removedGenerations };
  const shards = new Set<string>();
  const pathOf = (key: string): string => join(generationDir, key.slice(0, 2), `${key}.json`);

  return {
    generationDir,
    stats,
    keyOf(source) {
      // Every field of the source document, in a fixed order: a field added later is covered too.
      const fields = Object.keys(source).sort();
      return createHash('sha256').update(options.fingerprint).update('\0').update(JSON.stringify(source, fields)).digest('hex');
    },
    async get(key) {
      let text: string;
      try {
        text = await readFile(pathOf(key), 'utf8');
      } catch {
        stats.misses++;
        return undefined;
      }
      const doc = parseEntry(text, key);
      if (doc === undefined) {
        stats.corrupt++;
        stats.misses++;
        return undefined;
      }
      stats.hits++;
      return doc;
    },
    async put(key, doc) {
      const shard = join(generationDir, key.slice(0, 2));
      const tmp = join(shard, `.${key}.${randomBytes(4).toString('hex')}.tmp`);
      try {
        if (!shards.has(shard)) {
          await mkdir(shard, { recursive: true });
          shards.add(shard);
        }
        await writeFile(tmp, JSON.stringify({ key, doc }));
        await rename(tmp, pathOf(key));
        stats.writes++;
      } catch (error) {
        stats.writeErrors++;
        stats.firstWriteError ??= `${tmp}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`;
        await rm(tmp, { force: true }).catch(() => {});
      }
    },
  };
}

/**
 * A temporary entry older than this was left by a run that was killed between writing and renaming
 * it (a live run renames its own within moments; another run may share the cache, so newer ones stay).
 */
export const STALE_TEMP_MS = 10 * 60 * 1000;

/** Removes the temporary entry files (`.<key>.<hex>.tmp`) killed runs left in the generation's shards. */
async function removeStaleTemp(generationDir: string): Promise<void> {
  const now = Date.now();
  for (const shard of await readdir(generationDir).catch(() => [] as string[])) {
    if (!/^[0-9a-f]{2}$/.test(shard)) continue;
    const names = await readdir(join(generationDir, shard)).catch(() => [] as string[]);
    for (const name of names) {
      if (!/^\.[0-9a-f]{64}\.[0-9a-f]{8}\.tmp$/.test(name)) continue;
      const file = join(generationDir, shard, name);
      const age = now - (await stat(file).then((st) => st.mtimeMs, () => now));
      if (age > STALE_TEMP_MS) await rm(file, { force: true }).catch(() => {});
    }
  }
}

/** The document in an entry, or undefined when it is not a complete entry for `key`. */
function parseEntry(text: string, key: string): ProcessedDoc | undefined {
  let entry: unknown;
  try {
    entry = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (entry === null || typeof entry !== 'object') return undefined;
  const { key: k, doc } = entry as { key?: unknown; doc?: unknown };
  if (k !== key || doc === null || typeof doc !== 'object') return undefined;
  const d = doc as Partial<ProcessedDoc>;
  const complete =
    typeof d.id === 'string' &&
    typeof d.sentenceCount === 'number' &&
    typeof d.tokenCount === 'number' &&
    Array.isArray(d.entities) &&
    Array.isArray(d.dates) &&
    Array.isArray(d.events) &&
    Array.isArray(d.droppedParagraphs) &&
    d.fingerprints !== null &&
    typeof d.fingerprints === 'object';
  return complete ? (doc as ProcessedDoc) : undefined;
}

/**
 * Removes generations beyond the `keep` most recently used. Only folders named like a generation
 * (16 hex digits) under the layout folder are touched, whatever else `cache.dir` holds.
 */
async function prune(layoutDir: string, current: string, keep: number): Promise<number> {
  const generations: Array<{ name: string; used: number }> = [];
  for (const name of await readdir(layoutDir)) {
    if (name === current || !/^[0-9a-f]{16}$/.test(name)) continue;
    const used = await stat(join(layoutDir, name, 'last-used')).then((s) => s.mtimeMs, () => 0);
    generations.push({ name, used });
  }
  generations.sort((a, b) => b.used - a.used || (a.name < b.name ? -1 : 1));
  const stale = generations.slice(keep - 1);
  await Promise.all(stale.map((g) => rm(join(layoutDir, g.name), { recursive: true, force: true })));
  return stale.length;
}
