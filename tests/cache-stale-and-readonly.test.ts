/**
 * A cache is only an optimisation: temporary files a killed run left in it are cleaned, and a cache
 * folder that cannot be written means running without it (with a warning), not a stopped run.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { openDocCache } from '../src/cache/doc-cache.js';
import { cacheFingerprint } from '../src/cache/fingerprint.js';
import { parseConfig } from '../src/config.js';

const root = mkdtempSync(join(tmpdir(), 'dateline-cache-stale-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('temporary cache files a killed run left', () => {
  it('are removed when the cache is opened, once old enough not to be another run\'s', async () => {
    const dir = join(root, 'c');
    const fingerprint = cacheFingerprint(parseConfig({}));
    const cache = await openDocCache({ dir, fingerprint });
    const shard = join(cache.generationDir, 'ab');
    mkdirSync(shard, { recursive: true });
    const old = join(shard, `.${'ab'.padEnd(64, '0')}.0badc0de.tmp`);
    const fresh = join(shard, `.${'ab'.padEnd(64, '1')}.12345678.tmp`);
    const mine = join(shard, 'notes.tmp');
    for (const f of [old, fresh, mine]) writeFileSync(f, '{"key":');
    const hourAgo = new Date(Date.now() - 3600_000);
    utimesSync(old, hourAgo, hourAgo);
    utimesSync(mine, hourAgo, hourAgo);
    await openDocCache({ dir, fingerprint });
    expect(readdirSync(shard).sort()).toEqual([`.${'ab'.padEnd(64, '1')}.12345678.tmp`, 'notes.tmp']);
  });
});

describe('a cache folder that cannot be written', () => {
  it('means running without the cache, with a warning', async () => {
    vi.resetModules();
    vi.doMock('../src/cache/doc-cache.js', async (original) => ({
      ...(await original<typeof import('../src/cache/doc-cache.js')>()),
      openDocCache: async () => {
        throw Object.assign(new Error('EROFS: read-only file system'), { code: 'EROFS' });
      },
    }));
    try {
      const { createProcessor } = await import('../src/workers/create-processor.js');
      const warnings: string[] = [];
      const processor = await createProcessor(parseConfig({ workers: 1, cache: { enabled: true, dir: join(root, 'ro') } }), { onWarning: (m) => warnings.push(m) });
      expect(processor.cache).toBeNull();
      expect(warnings).toEqual([expect.stringContaining('cannot be written (EROFS); running without the cache')]);
      await processor.close();
      expect(existsSync(join(root, 'ro'))).toBe(false);
    } finally {
      vi.doUnmock('../src/cache/doc-cache.js');
    }
  });
});
