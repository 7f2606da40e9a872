import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { access, mkdir, open, rename, rm, type FileHandle } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { DatelineError } from '../errors.js';
import { collectGarbageIfGrown } from '../gc.js';
import { csvChunks, jsonlChunks } from './codec.js';
import { lockOutput } from './output-lock.js';
import { noteStaging, noteWritten, removeStaged } from './output-manifest.js';
import { tables, type RowList, type TableName } from '../tables.js';

export interface WriteOptions {
  formats: ReadonlyArray<'csv' | 'jsonl' | 'parquet'>;
  excelBom: boolean;
  /** Told after each file is written to its temporary name (for progress). */
  onFile?: (name: string) => void;
  /**
   * These are the run's whole output: files an earlier run wrote here (per the folder's manifest)
   * that this one does not write, such as the tables of a format no longer configured, are removed.
   * @default false
   */
  replaceAll?: boolean;
}

/** Heap growth (bytes) between the chunks of a table after which the garbage is collected (src/gc.ts). */
const exportGarbage = 64 * 2 ** 20;

/** Extra whole files written beside the tables (run-report.json, errors.jsonl, report.html). */
export type ExtraFiles = Record<string, string>;

/**
 * Writers for binary formats, registered by the module that implements them. A writer that
 * returns a promise may do its work off this thread: every binary file is started before the
 * text formats are written, so it runs meanwhile.
 */
export const binaryWriters: Partial<Record<'parquet', (name: TableName, rows: RowList) => Promise<Uint8Array | Iterable<Uint8Array>> | Iterable<Uint8Array>>> = {};

/**
 * Makes the output folder ready before any input is read, so a run that cannot write fails at
 * once (`OUTPUT_UNWRITABLE`) instead of after all the work: creates the folder, checks it can be
 * written, takes the folder's lock (src/io/output-lock.ts: a second run stops with
 * `OUTPUT_LOCKED`), and only then removes the temporary files a killed run left behind (those its
 * manifest names: src/io/output-manifest.ts), which can no longer be another live run's.
 * Returns the release of the lock.
 */
export async function prepareOutput(dir: string): Promise<() => Promise<void>> {
  let unlock: (() => Promise<void>) | undefined;
  try {
    await mkdir(dir, { recursive: true });
    await access(dir, constants.W_OK);
    unlock = await lockOutput(dir);
    await removeStaged(dir);
    return unlock;
  } catch (error) {
    await unlock?.();
    if (error instanceof DatelineError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'EEXIST' || code === 'ENOTDIR' ? 'a file is in the way of the output folder' : code === 'EACCES' || code === 'EPERM' || code === 'EROFS' ? 'the folder cannot be written' : (code ?? (error as Error).message);
    throw new DatelineError('OUTPUT_UNWRITABLE', `${dir}: cannot write the output here (${why}); give --output a folder you can write`, { file: dir }, { cause: error });
  }
}

/**
 * Writes every table and extra file into `dir` so that no reader ever sees a half-written one:
 * all files are first written under temporary names in the same folder and flushed to disk
 * (fsync), then renamed into place (rename is atomic on one file system), then the folder is
 * flushed so the renames survive a crash. A run killed before the renames leaves the previous
 * complete outputs untouched, plus at most some `.tmp-*` files, named in the folder's manifest
 * before they are written, that the next run removes; one killed during the renames leaves each
 * file either the old or the new complete version.
 */
export async function writeTables(dir: string, data: Record<TableName, RowList>, extra: ExtraFiles, options: WriteOptions): Promise<string[]> {
  const staged: Array<{ tmp: string; final: string }> = [];
  const tag = randomBytes(4).toString('hex');
  let current = dir; // what is being written, for the message
  try {
    await mkdir(dir, { recursive: true });
    await removeStaged(dir);
    const planned = [...(Object.keys(tables) as TableName[]).flatMap((name) => options.formats.map((format) => `${name}.${format}`)), ...Object.keys(extra)];
    await noteStaging(dir, planned.map((name) => `.tmp-${tag}-${name}`));
    // Large tables come as a sequence of chunks (text, or Parquet bytes), written one after
    // another: the whole file of a table is never held at once. The file is still complete or absent under its final name.
    const put = async (name: string, content: string | Uint8Array | Iterable<string | Uint8Array>): Promise<void> => {
      const final = join(dir, name);
      const tmp = join(dir, `.tmp-${tag}-${name}`);
      current = final;
      staged.push({ tmp, final });
      const handle = await open(tmp, 'w');
      try {
        if (typeof content === 'string' || content instanceof Uint8Array) await handle.writeFile(content);
        else for (const chunk of content) {
          await writeAll(handle, Buffer.from(chunk));
          collectGarbageIfGrown(exportGarbage);
        }
        await handle.sync();
      } finally {
        await handle.close();
      }
      options.onFile?.(name);
    };
    // Binary files first: a writer that works off this thread encodes them all while the text
    // formats are written here. A failure waits until its file's turn (`settled` keeps it from
    // being reported as unhandled before then).
    const binary = new Map<string, { settled: Promise<unknown>; bytes: Promise<Uint8Array | Iterable<Uint8Array>> | Iterable<Uint8Array> }>();
    for (const name of Object.keys(tables) as TableName[]) {
      for (const format of options.formats) {
        if (format === 'csv' || format === 'jsonl') continue;
        const writer = binaryWriters[format];
        if (writer === undefined) throw new DatelineError('EXPORT_FAILED', `no writer for the ${format} format is available`);
        const bytes = writer(name, data[name]);
        binary.set(`${name}.${format}`, { bytes, settled: bytes instanceof Promise ? bytes.catch(() => undefined) : Promise.resolve() });
      }
    }
    try {
      for (const name of Object.keys(tables) as TableName[]) {
        const rows = data[name];
        for (const format of options.formats) {
          if (format === 'csv') await put(`${name}.csv`, csvChunks(tables[name], rows, { bom: options.excelBom }));
          else if (format === 'jsonl') await put(`${name}.jsonl`, jsonlChunks(tables[name], rows));
          else {
            const bytes = binary.get(`${name}.${format}`)!.bytes;
            await put(`${name}.${format}`, bytes instanceof Promise ? await bytes : bytes);
          }
        }
      }
    } finally {
      // Nothing is left running into the next step, whatever happened here.
      await Promise.all([...binary.values()].map((b) => b.settled));
    }
    for (const [name, content] of Object.entries(extra)) await put(name, content);
    for (const { tmp, final } of staged) {
      current = final;
      await rename(tmp, final);
    }
    await syncFolder(dir);
    await noteWritten(dir, staged.map((s) => basename(s.tmp)), staged.map((s) => s.final), options.replaceAll === true);
    return staged.map((s) => s.final);
  } catch (error) {
    await Promise.all(staged.map((s) => rm(s.tmp, { force: true })));
    if (error instanceof DatelineError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'EISDIR' || code === 'ENOTEMPTY' || code === 'EEXIST' ? `${code}: a folder is in the way` : code === 'ENOSPC' ? 'ENOSPC: the disk is full' : (code ?? (error as Error).message);
    throw new DatelineError('EXPORT_FAILED', `${current}: cannot write the tables (${why}); the tables already in ${dir} are complete`, { file: current }, { cause: error });
  }
}

/** Writes all of `bytes` at the handle's position (a single write may take only part of it). */
async function writeAll(handle: FileHandle, bytes: Buffer): Promise<void> {
  for (let offset = 0; offset < bytes.length; ) {
    const { bytesWritten } = await handle.write(bytes, offset, bytes.length - offset);
    offset += bytesWritten;
  }
}

/** Flushes a folder's entries (the renames); some platforms cannot open a folder: skipped there. */
export async function syncFolder(dir: string): Promise<void> {
  let handle;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch {
    // Windows cannot fsync a folder; the renames are still atomic, only their durability differs.
  } finally {
    await handle?.close();
  }
}
