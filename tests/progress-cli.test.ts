import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

// The built CLI, as people run it (`npm test` builds first); its stdout and stderr are pipes here.
const cli = fileURLToPath(new URL('../dist/src/cli.js', import.meta.url));

const dir = mkdtempSync(join(tmpdir(), 'dateline-cli-'));
const input = join(dir, 'in');
mkdirSync(input);
writeFileSync(join(input, 'one.txt'), 'Ferry service resumes\nThe ferry between Arnholm and Sele resumed on Monday, the operator said.\n');
writeFileSync(join(input, 'two.md'), '# Market reopens\n\nThe fish market in Sele reopened on Tuesday.\n');
afterAll(() => rmSync(dir, { recursive: true, force: true }));
function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  if (!existsSync(cli)) throw new Error(`${cli} is missing: run \`npm run build\` first (npm test does)`);
  return new Promise((resolve) => {
    execFile(process.execPath, [cli, ...args], { cwd: dir }, (error, out, err) => resolve({ code: error === null ? 0 : (error.code as number), out, err }));
  });
}

describe('the CLI while it runs and at the end', () => {
  it('prints plain progress lines on stderr and a one-screen summary on stdout', async () => {
    const { code, out, err } = await run(['-i', input, '-o', join(dir, 'out'), '-w', '1', '--no-cache']);
    expect(code).toBe(0);
    expect(err).toMatch(/^documents 2\/2 \(100%\), [\d.]+ docs\/s/m);
    expect(err).not.toMatch(/\u001b/);
    expect(out).toMatch(/^dateline \S+: 2 documents from 2 files/);
    expect(out).toMatch(/people\s+\d+/);
    expect(out).toMatch(/events\s+\d+/);
    expect(out).toContain('report.html');
    expect(out.trimEnd().split('\n').length).toBeLessThanOrEqual(20);
  }, 60_000);

  it('prints nothing with --quiet', async () => {
    const { code, out, err } = await run(['-i', input, '-o', join(dir, 'out2'), '-w', '1', '--no-cache', '--quiet']);
    expect(code).toBe(0);
    expect(out).toBe('');
    expect(err).toBe('');
  }, 60_000);
});
