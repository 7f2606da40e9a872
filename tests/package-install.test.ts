/**
 * The package as a user gets it: `npm pack`, then installed into a project of its own (npx, the
 * API in JavaScript and its types in TypeScript) and globally into a temporary prefix. The
 * dependencies come from the npm cache `npm ci` filled (`--prefer-offline`).
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tables } from '../src/tables.js';
import { repo, tempDir } from './cli-helpers.js';

const version = (JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as { version: string }).version;
const dir = tempDir('package');
const project = join(dir, 'project');
const prefix = join(dir, 'global');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** npm itself: the one running this test when there is one, else the one on the PATH. */
function npmCommand(args: string[]): [string, string[]] {
  const cli = process.env['npm_execpath'];
  return cli !== undefined && /npm-cli\.js$/.test(cli) ? [process.execPath, [cli, ...args]] : ['npm', args];
}

function npm(args: string[], cwd: string): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const [command, argv] = npmCommand(args);
  return new Promise((resolve) => {
    const child = spawn(command, argv, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

const quietInstall = ['--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'];

beforeAll(async () => {
  const packed = await npm(['pack', '--pack-destination', dir, '--loglevel=error'], repo);
  if (packed.status !== 0) throw new Error(`npm pack failed: ${packed.stderr}`);
  const tarball = join(dir, readdirSync(dir).find((f) => f.endsWith('.tgz'))!);
  mkdirSync(project);
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'news-desk', private: true, type: 'module' }));
  const [local, global] = await Promise.all([npm(['install', ...quietInstall, tarball], project), npm(['install', '--global', '--prefix', prefix, ...quietInstall, tarball], dir)]);
  if (local.status !== 0) throw new Error(`npm install failed: ${local.stderr}`);
  if (global.status !== 0) throw new Error(`npm install --global failed: ${global.stderr}`);
}, 300_000);

describe('the packed package', () => {
  it('runs as `npx dateline` in a project that installed it', async () => {
    const r = await npm(['exec', '--no', '--', 'dateline', '--version'], project);
    expect(r.stdout.trim()).toBe(version);
  });

  it('runs as the `dateline` command of a global install', () => {
    const r = spawnSync(join(prefix, 'bin', 'dateline'), ['--version'], { encoding: 'utf8' });
    expect(r.stdout.trim()).toBe(version);
  });

  it('`import { extract } from "dateline"` returns the tables, and the streaming form the same rows', () => {
    writeFileSync(
      join(project, 'use.mjs'),
      `import { extract, extractStream, tableNames } from 'dateline';
async function* articles() {
  yield { id: 'pier', published: '2025-03-04', text: 'The harbour authority in Velmora closed the north pier on Monday, director Anneli Sorvik said.' };
  yield { id: 'empty', text: '' };
}
const { tables, failures } = await extract(articles(), { workers: 1 });
let streamed = 0;
for await (const { table } of extractStream(articles(), { workers: 1 })) if (table === 'people') streamed++;
console.log(JSON.stringify({ tableNames, people: tables.people, events: tables.events.length, failures: failures.map((f) => f.code), streamed }));
`,
    );
    const r = spawnSync(process.execPath, ['use.mjs'], { cwd: project, encoding: 'utf8', timeout: 120_000 });
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout) as { tableNames: string[]; people: Array<Record<string, unknown>>; events: number; failures: string[]; streamed: number };
    expect(out.tableNames).toContain('events');
    expect(out.people.map((p) => p['name'])).toContain('Anneli Sorvik');
    expect(Object.keys(out.people[0]!)).toEqual(tables.people.columns.map((c) => c.name));
    expect(out.events).toBeGreaterThan(0);
    expect(out.failures).toEqual(['INPUT_MISSING_TEXT']);
    expect(out.streamed).toBe(out.people.length);
  }, 120_000);

  it('publishes types: a TypeScript caller type-checks, and a wrong table name does not', () => {
    writeFileSync(
      join(project, 'use.ts'),
      `import { extract, type ExtractResult, type Row } from 'dateline';
const result: ExtractResult = await extract([{ id: 1, text: 'A storm closed the pier on Monday.' }], { dates: { preferPast: true } });
const rows: Row[] = result.tables.events;
console.log(rows.length);
// @ts-expect-error: there is no such table
console.log(result.tables.storms);
// @ts-expect-error: the configuration is checked too
await extract([], { dates: { preferPast: 'yes' } });
`,
    );
    writeFileSync(join(project, 'tsconfig.json'), JSON.stringify({ compilerOptions: { module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', strict: true, noEmit: true, skipLibCheck: true, typeRoots: [join(repo, 'node_modules', '@types')], types: ['node'] }, files: ['use.ts'] }));
    const tsc = join(repo, 'node_modules', 'typescript', 'bin', 'tsc');
    const r = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.json'], { cwd: project, encoding: 'utf8', timeout: 120_000 });
    expect(r.stdout + r.stderr).toBe('');
    expect(r.status).toBe(0);
  }, 120_000);
});
