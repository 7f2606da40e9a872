/**
 * scripts/build.mjs, which `npm run pipeline` and `npm test` run first: it calls the compiler
 * only when a source is newer than the last build. Checked in a package of its own whose
 * "compiler" only logs that it ran.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repo, tempDir } from './cli-helpers.js';

const dir = tempDir('build');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

mkdirSync(join(dir, 'scripts'));
mkdirSync(join(dir, 'src', 'stages'), { recursive: true });
mkdirSync(join(dir, 'node_modules', 'typescript', 'bin'), { recursive: true });
copyFileSync(join(repo, 'scripts', 'build.mjs'), join(dir, 'scripts', 'build.mjs'));
writeFileSync(join(dir, 'tsconfig.json'), '{}');
writeFileSync(join(dir, 'src', 'stages', 'a.ts'), 'export const a = 1;\n');
writeFileSync(join(dir, 'node_modules', 'typescript', 'bin', 'tsc'), "require('node:fs').appendFileSync(require('node:path').join(__dirname, '..', '..', '..', 'compiled.log'), 'x');\n");

const builds = (): number => (existsSync(join(dir, 'compiled.log')) ? readFileSync(join(dir, 'compiled.log'), 'utf8').length : 0);
const build = (...args: string[]): number | null => spawnSync(process.execPath, [join(dir, 'scripts', 'build.mjs'), ...args], { cwd: dir }).status;
/** Marks a path as changed a minute from now, so no file-system time resolution can hide it. */
const touch = (path: string): void => {
  const later = new Date(Date.now() + 60_000);
  utimesSync(path, later, later);
};

describe('build only when a source changed', () => {
  it('builds the first time, then not until a source is edited, added or removed', () => {
    expect(build()).toBe(0);
    expect(builds()).toBe(1);
    expect(build()).toBe(0);
    expect(builds()).toBe(1);

    touch(join(dir, 'src', 'stages', 'a.ts'));
    expect(build()).toBe(0);
    expect(builds()).toBe(2);
    expect(build()).toBe(0);
    expect(builds()).toBe(2);

    rmSync(join(dir, 'src', 'stages', 'a.ts'));
    touch(join(dir, 'src', 'stages')); // what removing a file does to its folder, made unmistakable
    expect(build()).toBe(0);
    expect(builds()).toBe(3);
  });

  it('always builds with --force', () => {
    const before = builds();
    expect(build('--force')).toBe(0);
    expect(builds()).toBe(before + 1);
  });
});
