/**
 * The distributed mode (src/queue/): a coordinator and two `dateline worker` processes on a Redis
 * server of this machine. One worker is killed (SIGKILL) while it holds a document; the document
 * goes to the other worker, and the tables are byte-identical to a local run of the same input.
 *
 * Needs `redis-server` (Debian's package; .ci/run installs it). Outside CI the test skips, saying
 * so, where it is absent; in CI a missing server is a failure.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, readOutput, repo, runCli, tempDir } from './cli-helpers.js';

const hasRedis = spawnSync('redis-server', ['--version']).status === 0;
if (!hasRedis && process.env['CI']) throw new Error('redis-server is not installed: .ci/run must install it (apt-get install redis-server)');
if (!hasRedis) console.warn('queue-distributed: redis-server not found, skipping (apt-get install redis-server)');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** Resolves with the process's stderr once `line` appears in it. */
function waitForLine(child: ChildProcess, test: (line: string) => boolean, log: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    let buffer = '';
    child.stderr!.on('data', (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      const lines = buffer.split('\n');
      buffer = lines.pop()!;
      for (const l of lines) {
        log.push(l);
        if (test(l)) resolve(l);
      }
    });
    child.on('exit', (code) => reject(new Error(`exited (${code}) before the line came: ${log.join(' | ')}`)));
  });
}

describe.skipIf(!hasRedis)('distributed mode on BullMQ over Redis', () => {
  let redis: ChildProcess;
  let url: string;
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    const port = await freePort();
    redis = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
    url = `redis://127.0.0.1:${port}`;
    for (let i = 0; i < 100; i++) {
      if (spawnSync('redis-cli', ['-p', String(port), 'ping'], { encoding: 'utf8' }).stdout.trim() === 'PONG') return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('redis-server did not start');
  }, 20_000);

  afterAll(() => {
    for (const c of children) c.kill('SIGKILL');
    redis?.kill('SIGKILL');
  });

  it('gives the tables of a local run when a worker dies holding a document', async () => {
    const dir = tempDir('queue');
    const input = join(dir, 'input');
    mkdirSync(input);
    // The samples twice over, and one long document first in the queue that a worker is killed on.
    for (const copy of ['a', 'b']) cpSync(join(repo, 'input'), join(input, copy), { recursive: true });
    const samples = ['000_a624791de74e73ed', '001_a65f981e9071db1b', '002_f51eabfcb6a3b27d'].map((f) => readFileSync(join(repo, 'input', `${f}.txt`), 'utf8'));
    writeFileSync(join(input, '0-long.txt'), `A long file\n${[...samples, ...samples].join('\n\n')}`);

    const local = runCli(['--input', input, '--output', join(dir, 'local'), '--quiet'], dir);
    expect(local.status).toBe(0);

    const queue = `test-${process.pid}`;
    const worker = () => {
      const w = spawn(process.execPath, [cli, 'worker', '--redis', url, '--queue', queue, '--lock-ms', '3000', '--verbose'], { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
      children.push(w);
      return w;
    };
    const logs: string[][] = [[], []];
    const workers = [worker(), worker()];
    await Promise.all(workers.map((w, i) => waitForLine(w, (l) => l.includes('taking documents'), logs[i]!)));
    // Whichever worker starts the long document is killed while it holds it.
    const victim = Promise.race(workers.map((w, i) => waitForLine(w, (l) => l === 'start 0-long', logs[i]!).then(() => i)));

    const coordinator = spawn(process.execPath, [cli, '--no-cache', '--redis', url, '--queue', queue, '--input', input, '--output', join(dir, 'queued'), '--quiet'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    children.push(coordinator);
    let coordinatorErr = '';
    coordinator.stderr!.on('data', (c: Buffer) => (coordinatorErr += c.toString('utf8')));
    const killed = await victim;
    workers[killed]!.kill('SIGKILL');
    const survivor = 1 - killed;
    const code = await new Promise<number | null>((resolve) => coordinator.on('exit', resolve));
    expect(coordinatorErr).toBe('');
    expect(code).toBe(0);
    expect(logs[killed]!.filter((l) => l.startsWith('done 0-long'))).toEqual([]);
    expect(logs[survivor]).toContain('done 0-long');
    expect(readOutput(join(dir, 'queued'))).toEqual(readOutput(join(dir, 'local')));
  }, 180_000);

  it('keeps no more than --in-flight documents on the queue', async () => {
    const dir = tempDir('queue-in-flight');
    const queue = `in-flight-${process.pid}`;
    // No worker yet: the coordinator fills the queue up to its bound and waits.
    const coordinator = spawn(process.execPath, [cli, '--no-cache', '--redis', url, '--queue', queue, '--in-flight', '2', '--input', join(repo, 'input'), '--output', join(dir, 'queued'), '--quiet'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    children.push(coordinator);
    const waiting = (): number => Number(spawnSync('redis-cli', ['-p', new URL(url).port, 'LLEN', `bull:${queue}:wait`], { encoding: 'utf8' }).stdout.trim());
    const seen: number[] = [];
    for (let i = 0; i < 40 && seen.filter((n) => n === 2).length < 5; i++) {
      seen.push(waiting());
      await new Promise((r) => setTimeout(r, 200));
    }
    // Five samples in the input, two on the queue, and no more while nobody takes them.
    expect(Math.max(...seen)).toBe(2);
    const w = spawn(process.execPath, [cli, 'worker', '--redis', url, '--queue', queue], { cwd: dir, stdio: ['ignore', 'ignore', 'ignore'] });
    children.push(w);
    const code = await new Promise<number | null>((resolve) => coordinator.on('exit', resolve));
    w.kill('SIGTERM');
    expect(code).toBe(0);
    const local = runCli(['--input', join(repo, 'input'), '--output', join(dir, 'local'), '--quiet'], dir);
    expect(local.status).toBe(0);
    expect(readOutput(join(dir, 'queued'))).toEqual(readOutput(join(dir, 'local')));
  }, 120_000);

  it('refuses --in-flight without --redis, and below 1', () => {
    const dir = tempDir('queue-in-flight-bad');
    const alone = spawnSync(process.execPath, [cli, '--in-flight', '4', '--input', join(repo, 'input'), '--output', join(dir, 'out')], { cwd: dir, encoding: 'utf8', timeout: 30_000 });
    expect(alone.status).toBe(2);
    expect(alone.stderr).toMatch(/--in-flight.*needs `--redis/);
    const zero = spawnSync(process.execPath, [cli, '--redis', url, '--in-flight', '0', '--input', join(repo, 'input'), '--output', join(dir, 'out')], { cwd: dir, encoding: 'utf8', timeout: 30_000 });
    expect(zero.status).toBe(2);
    expect(zero.stderr).toMatch(/from 1 up/);
  });

  it('stops with exit 2 and a clear message when Redis cannot be reached', async () => {
    const dir = tempDir('queue-down');
    const port = await freePort(); // nothing listens there
    const r = spawnSync(process.execPath, [cli, '--no-cache', '--redis', `redis://127.0.0.1:${port}`, '--input', join(repo, 'input'), '--output', join(dir, 'out'), '--quiet'], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/cannot reach Redis/);
  }, 70_000);

  it('refuses a URL that is not redis://', () => {
    const dir = tempDir('queue-url');
    const r = spawnSync(process.execPath, [cli, 'worker', '--redis', 'http://example.invalid'], { cwd: dir, encoding: 'utf8', timeout: 30_000 });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/redis:\/\/ or rediss:\/\//);
  });
});
