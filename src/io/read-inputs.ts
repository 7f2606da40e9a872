import { constants } from 'node:fs';
import { lstat, open, readdir, readlink, realpath, stat } from 'node:fs/promises';
import { basename, join, relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';
import type { Config } from '../config.js';
import { DatelineError } from '../errors.js';
import type { Failure, RawFile } from '../ingest/types.js';

export type InputItem = { kind: 'file'; file: RawFile } | { kind: 'failure'; failure: Failure };

/**
 * A listed input file: its path, and its path relative to the input root as shown to people. A
 * file whose name is not valid UTF-8 (a Latin-1 name from an old archive) cannot be opened by a
 * string path; `bytes` is then its path as the file system has it, and `abs`/`rel` show the name
 * read as Latin-1.
 */
export interface InputFile {
  abs: string;
  rel: string;
  bytes?: Buffer;
}

/**
 * Lists the input files under `root` (a file or a folder), recursively, in a stable order
 * (code-unit order of the relative path), following symbolic links but never twice into the same
 * real folder (a link loop is reported, not followed). A missing root is a run error. The output
 * folder, when it lies inside the input (`-i . -o out`), is not read: its tables are not articles.
 */
export async function listInputs(root: string, config: Pick<Config, 'include' | 'exclude'> & Partial<Pick<Config, 'output'>>): Promise<{ files: Array<InputFile>; failures: Failure[] }> {
  let info;
  try {
    info = await stat(root);
  } catch (error) {
    throw new DatelineError('INPUT_NOT_FOUND', `${root}: no such file or folder (give --input a file or folder of articles)`, { file: root }, { cause: error });
  }
  if (info.isFile()) return { files: [{ abs: root, rel: basename(root) }], failures: [] };
  if (!info.isDirectory()) {
    throw new DatelineError('INPUT_NOT_FOUND', `${root}: ${kindOf(info)}, not a file or folder of articles (give --input a file or folder)`, { file: root });
  }
  let include: (path: string) => boolean;
  let exclude: (path: string) => boolean;
  try {
    include = picomatch(config.include, { dot: false });
    exclude = config.exclude.length > 0 ? picomatch(config.exclude, { dot: true }) : () => false;
  } catch (error) {
    throw new DatelineError('CONFIG_INVALID', `\`include\`/\`exclude\`: a glob pattern cannot be used (${(error as Error).message.slice(0, 200)})`, {}, { cause: error });
  }
  const files: Array<InputFile> = [];
  const failures: Failure[] = [];
  const seen = new Set<string>();
  const output = config.output === undefined ? null : await realpath(config.output).catch(() => resolve(config.output!));

  const unreadable = (rel: string, error: unknown): void => {
    failures.push({ file: rel || '.', code: 'INPUT_UNREADABLE', message: `${rel || '.'}: cannot read the folder (${errnoText(error)})` });
  };

  async function walk(dir: string, ancestors: Set<string>): Promise<void> {
    // A folder can vanish or become unreadable while the tree is walked: reported, not fatal.
    let real: string;
    const names: Buffer[] = [];
    try {
      real = await realpath(dir);
      if (!ancestors.has(real) && !seen.has(real)) for (const name of await readdir(dir, { encoding: 'buffer' })) names.push(name);
    } catch (error) {
      unreadable(toPosix(relative(root, dir)), error);
      return;
    }
    if (ancestors.has(real)) {
      const rel = toPosix(relative(root, dir));
      failures.push({ file: rel, code: 'INPUT_LINK_LOOP', message: `${rel}: a symbolic link loops back to ${toPosix(relative(root, real)) || '.'}; not followed` });
      return;
    }
    if (seen.has(real)) return; // reached twice through different links: read once
    if (real === output && ancestors.size > 0) return;
    seen.add(real);
    const inner = new Set(ancestors).add(real);
    names.sort(Buffer.compare);
    for (const bytes of names) {
      const utf8 = bytes.toString('utf8');
      // A name that is not UTF-8 is shown as Latin-1 (one character per byte) and opened by its bytes.
      const exact = Buffer.from(utf8, 'utf8').equals(bytes);
      const name = exact ? utf8 : bytes.toString('latin1');
      const abs = join(dir, name);
      const path = exact ? abs : Buffer.concat([Buffer.from(`${dir}${sep}`, 'utf8'), bytes]);
      const rel = toPosix(relative(root, abs));
      if (exclude(rel)) continue;
      let st;
      try {
        st = await stat(path);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'ELOOP') failures.push({ file: rel, code: 'INPUT_LINK_LOOP', message: `${rel}: a symbolic link loops; not followed` });
        else if (include(rel)) failures.push({ file: rel, code: 'INPUT_UNREADABLE', message: `${rel}: ${await missingWhy(path, error)}` });
        continue;
      }
      if (st.isDirectory()) {
        if (!exact) failures.push({ file: rel, code: 'INPUT_UNREADABLE', message: `${rel}: the folder's name is not UTF-8 (shown here as Latin-1); rename it to read what it holds` });
        else if (!name.startsWith('.') && name !== 'node_modules') await walk(abs, inner);
      } else if (include(rel)) {
        // A FIFO, socket or device named like an article would block or never end: reported.
        if (st.isFile()) files.push(exact ? { abs, rel } : { abs, rel, bytes: path as Buffer });
        else failures.push({ file: rel, code: 'INPUT_UNREADABLE', message: `${rel}: not a regular file (${kindOf(st)}); skipped` });
      }
    }
  }
  await walk(root, new Set());
  files.sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
  return { files, failures };
}

/**
 * Reads one listed file, or reports why it cannot be read: it vanished or changed into something
 * else since it was listed, it cannot be opened, or it is larger than `maxBytes`. The size is
 * checked on the open file (so a file swapped after listing is caught) and at most `maxBytes + 1`
 * bytes are read (so a file that grows while it is read is caught too).
 */
export async function readInput(file: InputFile, maxBytes: number): Promise<InputItem> {
  const failure = (code: Failure['code'], why: string): InputItem => ({ kind: 'failure', failure: { file: file.rel, code, message: `${file.rel}: ${why}` } });
  const tooLarge = (size: string): InputItem => failure('INPUT_TOO_LARGE', `${size} is more than \`maxFileBytes\` (${maxBytes} bytes); split the file or raise the limit`);
  let handle;
  try {
    // O_NONBLOCK: opening a FIFO that replaced the file must not wait for a writer.
    handle = await open(file.bytes ?? file.abs, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return failure('INPUT_UNREADABLE', code === 'ENOENT' ? 'the file vanished before it could be read' : `cannot open the file (${errnoText(error)})`);
  }
  try {
    const st = await handle.stat();
    if (!st.isFile()) return failure('INPUT_UNREADABLE', `not a regular file (${kindOf(st)}); skipped`);
    if (st.size > maxBytes) return tooLarge(`${st.size} bytes`);
    // One byte more than the size seen, to notice a file that grew; grown as needed up to the limit.
    let buffer = new Uint8Array(st.size + 1);
    let length = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length > maxBytes) return tooLarge('the file grew while it was read and');
      if (length === buffer.length) {
        const bigger = new Uint8Array(Math.min(buffer.length * 2, maxBytes + 1));
        bigger.set(buffer);
        buffer = bigger;
      }
    }
    return { kind: 'file', file: { path: file.rel, bytes: buffer.subarray(0, length) } };
  } catch (error) {
    return failure('INPUT_UNREADABLE', `cannot read the file (${errnoText(error)})`);
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/** Why `stat` failed on a listed name: most often a symbolic link to nothing. */
async function missingWhy(abs: string | Buffer, error: unknown): Promise<string> {
  if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
    try {
      if ((await lstat(abs)).isSymbolicLink()) return `a symbolic link to ${await readlink(abs)}, which does not exist`;
    } catch {
      return 'the file vanished before it could be read';
    }
  }
  return `cannot read (${errnoText(error)})`;
}

function kindOf(st: { isFIFO(): boolean; isSocket(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean; isDirectory(): boolean }): string {
  if (st.isFIFO()) return 'a named pipe';
  if (st.isSocket()) return 'a socket';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'a device';
  if (st.isDirectory()) return 'a folder';
  return 'not a file';
}

/** `EACCES: permission denied` from a Node error, or its message. */
function errnoText(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  if (e.code === 'EACCES' || e.code === 'EPERM') return `${e.code}: permission denied`;
  if (e.code === 'EISDIR') return 'EISDIR: it is a folder';
  return e.code ?? (error instanceof Error ? error.message : String(error));
}

function toPosix(p: string): string {
  return sep === '/' ? p : p.split(sep).join('/');
}
