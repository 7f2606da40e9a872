/**
 * The command line as a user's toolchain starts it: through a link (npx, a global install,
 * node_modules/.bin), through `npm run` from a subfolder, and in a pipe. The packed package
 * (npx, global install, the API) is tested in package-install.test.ts.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { commandLineBase, isMainModule } from '../src/cli.js';
import { tables } from '../src/tables.js';
import { cli, readJsonl, repo, tempDir } from './cli-helpers.js';

const version = (JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as { version: string }).version;
const dir = tempDir('toolchain');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const article = (id: string, text: string, published = '2025-03-04') => JSON.stringify({ id, title: id, published, text });
const jsonl = [
  article('harbour', 'The harbour authority in Velmora closed the north pier on Monday after a storm, director Anneli Sorvik said.'),
  article('council', 'The council of Velmora voted on Tuesday to rebuild the north pier, mayor Tomas Ekdal said.'),
].join('\n');

function node(args: string[], options: { cwd?: string; input?: string; env?: NodeJS.ProcessEnv } = {}) {
  const r = spawnSync(process.execPath, args, { cwd: options.cwd ?? dir, input: options.input ?? '', encoding: 'utf8', timeout: 120_000, env: options.env ?? process.env });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('started through a link', () => {
  it('knows it is the main module when argv[1] is a symbolic link to it', () => {
    const link = join(dir, 'linked-cli.js');
    symlinkSync(cli, link);
    const url = pathToFileURL(cli).href;
    expect(isMainModule(link, url)).toBe(true);
    expect(isMainModule(cli, url)).toBe(true);
    expect(isMainModule(join(dir, 'missing.js'), url)).toBe(false);
    expect(isMainModule(undefined, url)).toBe(false);
  });

  it('runs through a bin link as npm makes one, and directly', () => {
    mkdirSync(join(dir, 'bin'));
    symlinkSync(cli, join(dir, 'bin', 'dateline'));
    const linked = node([join(dir, 'bin', 'dateline'), '--version']);
    expect(linked.stdout.trim()).toBe(version);
    expect(node([cli, '--version']).stdout.trim()).toBe(version);
  });
});

describe('paths on the command line', () => {
  const pkg = join(repo, 'package.json');
  const npmRun = { npm_package_name: 'dateline', npm_package_json: pkg, npm_lifecycle_event: 'pipeline', npm_lifecycle_script: 'node scripts/build.mjs && node dist/src/cli.js' };

  it('are relative to where npm run was typed (INIT_CWD) when npm started this package\'s pipeline script', () => {
    expect(commandLineBase({ ...npmRun, INIT_CWD: '/home/me/news' }, repo)).toBe('/home/me/news');
  });

  it('are relative to the working directory otherwise', () => {
    // `npm test` starting the CLI in a temporary folder: INIT_CWD is the repository, but npm did not start the CLI there.
    expect(commandLineBase({ ...npmRun, npm_lifecycle_event: 'test', npm_lifecycle_script: 'vitest run', INIT_CWD: repo }, dir)).toBe(dir);
    expect(commandLineBase({ ...npmRun, INIT_CWD: '/home/me/news' }, dir)).toBe(dir);
    expect(commandLineBase({ INIT_CWD: '/home/me/news' }, dir)).toBe(dir);
    expect(commandLineBase({}, dir)).toBe(dir);
  });

  it('`npm run pipeline -- --input . --output ../out` from a folder outside the package reads and writes there', () => {
    const sub = join(dir, 'notes');
    mkdirSync(sub);
    writeFileSync(join(sub, 'pier.txt'), 'Pier closed\nThe north pier in Velmora closed on Monday after a storm.\n');
    const npm = process.env['npm_execpath'];
    const args = ['--prefix', repo, 'run', '-s', 'pipeline', '--', '--input', '.', '--output', '../out', '--no-cache', '--workers', '1', '--quiet'];
    const r = npm !== undefined && npm.endsWith('.js')
      ? spawnSync(process.execPath, [npm, ...args], { cwd: sub, encoding: 'utf8', timeout: 170_000 })
      : spawnSync('npm', args, { cwd: sub, encoding: 'utf8', timeout: 170_000 });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const docs = readJsonl(join(dir, 'out', 'documents.jsonl'));
    expect(docs.map((d) => d['source'])).toEqual(['pier.txt']);
  }, 180_000);
});

describe('pipes', () => {
  it('reads JSONL from standard input and writes one table as JSONL to standard output, messages on stderr', () => {
    const r = node([cli, '--input', '-', '--stdout', 'events', '--no-cache', '--workers', '1'], { input: jsonl });
    expect(r.status).toBe(0);
    const rows = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(rows.length).toBeGreaterThan(0);
    expect(Object.keys(rows[0]!)).toEqual(tables.events.columns.map((c) => c.name));
    expect(rows.flatMap((e) => e['doc_ids'] as string[]).sort()).toContain('harbour');
    expect(r.stderr).toMatch(/^documents 2\/2 /m);
    expect(r.stderr).toMatch(/2 documents from 1 files/);
    expect(r.stderr).toMatch(/events written to standard output/);
  });

  it('reads and writes CSV with --format csv, and writes no output folder', () => {
    const csv = 'id,title,published,text\r\nharbour,Pier,2025-03-04,"The harbour authority in Velmora closed the north pier on Monday, director Anneli Sorvik said."\r\n';
    const cwd = join(dir, 'csv-run');
    mkdirSync(cwd);
    const r = node([cli, '--input', '-', '--format', 'csv', '--stdout', 'people', '--no-cache', '--workers', '1', '--quiet'], { input: csv, cwd });
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    const lines = r.stdout.split('\r\n');
    expect(lines[0]).toBe(tables.people.columns.map((c) => c.name).join(','));
    expect(r.stdout).toContain('Anneli Sorvik');
    expect(() => readFileSync(join(cwd, 'output', 'people.csv'))).toThrow();
  });

  it('names a bad line of standard input and carries on', () => {
    const r = node([cli, '--input', '-', '--stdout', 'documents', '--no-cache', '--workers', '1', '--quiet'], { input: `${jsonl}\n{"id": "broken"\n` });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/stdin\.jsonl:3: not valid JSON/);
    expect(r.stdout.trimEnd().split('\n')).toHaveLength(2);
  });

  it('refuses --output - and points to --stdout', () => {
    const r = node([cli, '--output', '-', '--no-cache']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--stdout <table>/);
  });
});
