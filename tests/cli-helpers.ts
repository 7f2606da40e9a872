/**
 * Shared by the tests that run the built command line (dist/src/cli.js): run it, read its output
 * folder. `npm test` builds first; run `npm run build` before running one of these files alone.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const repo = resolve(import.meta.dirname, '..');
export const cli = join(repo, 'dist', 'src', 'cli.js');
export const fixtures = join(repo, 'tests', 'fixtures');

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

function assertBuilt(): void {
  if (!existsSync(cli)) throw new Error(`${cli} is missing: run \`npm run build\` first (npm test does)`);
}

/**
 * Runs the CLI in `cwd` (a temporary folder, so no pipeline.config.json is picked up unless the
 * test writes one) without the cache and with one worker, so runs are independent and light.
 */
export function runCli(args: string[], cwd: string): CliResult {
  assertBuilt();
  const r = spawnSync(process.execPath, [cli, '--no-cache', '--workers', '1', ...args], { cwd, encoding: 'utf8', timeout: 120_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Starts the CLI without waiting (for the kill test). */
export function startCli(args: string[], cwd: string) {
  assertBuilt();
  return spawn(process.execPath, [cli, '--no-cache', '--workers', '1', ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
}

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `dateline-${prefix}-`));
}

/** Copies fixture scenarios' inputs into `dest/<scenario>/`. */
export function copyScenarios(dest: string, scenarios: readonly string[]): void {
  for (const s of scenarios) {
    mkdirSync(join(dest, s), { recursive: true });
    cpSync(join(fixtures, s, 'input'), join(dest, s), { recursive: true });
  }
}

/** Every file of an output folder (tables and errors; run-report.json holds timings and is left out, as are the folder's manifest and lock). */
export function readOutput(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(dir).sort()) if (name !== 'run-report.json' && !name.startsWith('.')) out[name] = readFileSync(join(dir, name), 'utf8');
  return out;
}

export function readJsonl<T = Record<string, unknown>>(file: string): T[] {
  return readFileSync(file, 'utf8').split('\n').filter((l) => l !== '').map((l) => JSON.parse(l) as T);
}
