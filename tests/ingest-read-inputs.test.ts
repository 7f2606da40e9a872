/**
 * Listing and reading input files when the file system misbehaves: link loops, links to nothing,
 * named pipes, files that vanish or grow between listing and reading, files over the size limit.
 * Links and pipes are made at run time (never kept in git).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../src/config.js';
import { DatelineError } from '../src/errors.js';
import { listInputs, readInput } from '../src/io/read-inputs.js';

const config = parseConfig({});
let root: string;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'dateline-read-'));
});
afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

const write = (rel: string, text: string): void => {
  mkdirSync(join(root, rel, '..'), { recursive: true });
  writeFileSync(join(root, rel), text);
};

describe('listInputs', () => {
  it('reports a symbolic-link loop back to an ancestor and still lists the real files once', async () => {
    write('a/story.txt', 'A ferry sailed.\n');
    symlinkSync('..', join(root, 'a', 'up'));
    const { files, failures } = await listInputs(root, config);
    expect(files.map((f) => f.rel)).toEqual(['a/story.txt']);
    expect(failures).toEqual([{ file: 'a/up', code: 'INPUT_LINK_LOOP', message: 'a/up: a symbolic link loops back to .; not followed' }]);
  });

  it('reports a link that points at itself', async () => {
    write('ok.txt', 'A ferry sailed.\n');
    symlinkSync('self', join(root, 'self'));
    const { files, failures } = await listInputs(root, config);
    expect(files.map((f) => f.rel)).toEqual(['ok.txt']);
    expect(failures.map((f) => [f.file, f.code])).toEqual([['self', 'INPUT_LINK_LOOP']]);
  });

  it('reports a link to a missing file by name and target', async () => {
    symlinkSync('nowhere.txt', join(root, 'gone.txt'));
    write('ok.txt', 'A ferry sailed.\n');
    const { files, failures } = await listInputs(root, config);
    expect(files.map((f) => f.rel)).toEqual(['ok.txt']);
    expect(failures).toEqual([{ file: 'gone.txt', code: 'INPUT_UNREADABLE', message: 'gone.txt: a symbolic link to nowhere.txt, which does not exist' }]);
  });

  it('reports a named pipe called like an article instead of blocking on it', async () => {
    execFileSync('mkfifo', [join(root, 'pipe.txt')]);
    const { files, failures } = await listInputs(root, config);
    expect(files).toEqual([]);
    expect(failures).toEqual([{ file: 'pipe.txt', code: 'INPUT_UNREADABLE', message: 'pipe.txt: not a regular file (a named pipe); skipped' }]);
  });

  it('does not read the output folder when it lies inside the input', async () => {
    write('story.txt', 'A ferry sailed.\n');
    write('out/people.csv', 'entity_id,name\n');
    expect((await listInputs(root, { ...config, output: join(root, 'out') })).files.map((f) => f.rel)).toEqual(['story.txt']);
    expect((await listInputs(root, config)).files.map((f) => f.rel)).toEqual(['out/people.csv', 'story.txt']);
  });

  it('lists in code-unit order of the path whatever the creation order', async () => {
    for (const name of ['b.txt', 'A.txt', 'a/z.txt', 'a.txt', 'a-b.txt']) write(name, 'x\n');
    const { files } = await listInputs(root, config);
    expect(files.map((f) => f.rel)).toEqual(['A.txt', 'a-b.txt', 'a.txt', 'a/z.txt', 'b.txt']);
  });

  it('stops the run when the input is a named pipe rather than a file or folder', async () => {
    execFileSync('mkfifo', [join(root, 'in.txt')]);
    await expect(listInputs(join(root, 'in.txt'), config)).rejects.toMatchObject({ code: 'INPUT_NOT_FOUND', message: `${join(root, 'in.txt')}: a named pipe, not a file or folder of articles (give --input a file or folder)` });
  });

  it('stops the run, naming the path, when the input does not exist', async () => {
    await expect(listInputs(join(root, 'missing'), config)).rejects.toMatchObject({ code: 'INPUT_NOT_FOUND' });
    await expect(listInputs(join(root, 'missing'), config)).rejects.toBeInstanceOf(DatelineError);
  });
});

describe('readInput', () => {
  it('reports a file that vanished between listing and reading', async () => {
    write('soon-gone.txt', 'A ferry sailed.\n');
    const { files } = await listInputs(root, config);
    unlinkSync(join(root, 'soon-gone.txt'));
    expect(await readInput(files[0]!, config.maxFileBytes)).toEqual({
      kind: 'failure',
      failure: { file: 'soon-gone.txt', code: 'INPUT_UNREADABLE', message: 'soon-gone.txt: the file vanished before it could be read' },
    });
  });

  it('reports a file replaced by a named pipe after listing, without blocking', async () => {
    write('swapped.txt', 'A ferry sailed.\n');
    const { files } = await listInputs(root, config);
    unlinkSync(join(root, 'swapped.txt'));
    execFileSync('mkfifo', [join(root, 'swapped.txt')]);
    const read = await readInput(files[0]!, config.maxFileBytes);
    expect(read).toMatchObject({ kind: 'failure', failure: { code: 'INPUT_UNREADABLE', message: 'swapped.txt: not a regular file (a named pipe); skipped' } });
  });

  it('reports a file replaced by a folder after listing', async () => {
    write('became-dir.txt', 'A ferry sailed.\n');
    const { files } = await listInputs(root, config);
    unlinkSync(join(root, 'became-dir.txt'));
    mkdirSync(join(root, 'became-dir.txt'));
    const read = await readInput(files[0]!, config.maxFileBytes);
    expect(read).toMatchObject({ kind: 'failure', failure: { code: 'INPUT_UNREADABLE', file: 'became-dir.txt' } });
  });

  it('reports a file larger than maxFileBytes, with the size and the option to change', async () => {
    write('big.txt', 'x'.repeat(101));
    write('fits.txt', 'x'.repeat(100));
    const { files } = await listInputs(root, config);
    const [big, fits] = await Promise.all(files.map((f) => readInput(f, 100)));
    expect(big).toEqual({ kind: 'failure', failure: { file: 'big.txt', code: 'INPUT_TOO_LARGE', message: 'big.txt: 101 bytes is more than `maxFileBytes` (100 bytes); split the file or raise the limit' } });
    expect(fits).toMatchObject({ kind: 'file', file: { path: 'fits.txt' } });
    if (fits?.kind === 'file') expect(fits.file.bytes.length).toBe(100);
  });

  // Files under /proc report a size of 0 but hold text: the size seen at open is not trusted.
  it.skipIf(!existsSync('/proc/self/status'))('reads a file whose size was reported wrong, up to the limit and not past it', async () => {
    const read = await readInput({ abs: '/proc/self/status', rel: 'status.txt' }, 1 << 20);
    expect(read.kind === 'file' && new TextDecoder().decode(read.file.bytes)).toMatch(/^Name:.*\n[\s\S]*\nPid:/);
    expect(await readInput({ abs: '/proc/self/status', rel: 'status.txt' }, 10)).toMatchObject({ kind: 'failure', failure: { code: 'INPUT_TOO_LARGE', message: 'status.txt: the file grew while it was read and is more than `maxFileBytes` (10 bytes); split the file or raise the limit' } });
  });

  it('reads the exact bytes of a file', async () => {
    const bytes = Buffer.from([0xef, 0xbb, 0xbf, 0x41, 0x0d, 0x0a, 0xc2, 0xa0]);
    writeFileSync(join(root, 'bytes.txt'), bytes);
    const read = await readInput({ abs: join(root, 'bytes.txt'), rel: 'bytes.txt' }, 1000);
    expect(read.kind === 'file' && Buffer.from(read.file.bytes).equals(bytes)).toBe(true);
  });
});
