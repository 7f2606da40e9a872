#!/usr/bin/env node
/**
 * Builds dist/ with the TypeScript compiler when a source changed since the last build, and
 * returns at once otherwise, so `npm run pipeline` (and `npm test`) start work within a moment
 * on an unchanged tree. `--force` always builds (`npm run build`).
 *
 * "Changed" is by modification time: the newest of every file and folder under src/ and
 * scripts/ (a folder's time changes when a file in it is added, removed or renamed), tsconfig.json,
 * package.json and package-lock.json, against dist/.build-stamp, which is written after a
 * successful build with the time the build started (an edit made during a build is seen next
 * time).
 * Plain JavaScript, so it runs before anything is compiled.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const stamp = join(root, 'dist', '.build-stamp');
const inputs = ['src', 'scripts', 'tsconfig.json', 'package.json', 'package-lock.json'];

/** Newest modification time (ms) of a file, or of a folder and everything under it. */
function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let t = stat.mtimeMs;
  for (const entry of readdirSync(path)) t = Math.max(t, newest(join(path, entry)));
  return t;
}

// An installed copy of the package (no sources, dist/ shipped in the tarball) has nothing to build.
if (!existsSync(join(root, 'src'))) process.exit(0);
const force = process.argv.includes('--force');
const sources = Math.max(...inputs.map((p) => newest(join(root, p))));
if (!force && existsSync(stamp) && statSync(stamp).mtimeMs >= sources) process.exit(0);

const started = new Date();
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
// The compiler's messages go to standard error, so a build never mixes into piped output.
const result = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.json')], { stdio: ['ignore', 2, 2] });
if (result.status !== 0) process.exit(result.status ?? 1);
mkdirSync(dirname(stamp), { recursive: true });
// The stamp's time is when the build started, or the newest source if that is later (a file
// dated in the future, copied from another machine, must not force a build on every run).
const built = new Date(Math.ceil(Math.max(started.getTime(), sources)) + 1); // whole ms, past any rounding of file times
writeFileSync(stamp, `${built.toISOString()}\n`);
utimesSync(stamp, built, built);
