/**
 * One run at a time per output folder. Two runs writing into one folder would remove each
 * other's staged files and leave a mix of both runs' tables, so the second run stops at once
 * (`OUTPUT_LOCKED`, exit 2) naming the first: its process id, host and start time.
 *
 * The lock is a file, `.dateline-lock`, written whole under a name of its own and then hard-linked
 * to the lock's name (a link fails if the name exists: exactly one of two racing runs gets it, and
 * the file is never seen half-written). A lock whose process is gone (a killed run, on this host) is stale and taken
 * over; a lock from another host cannot be checked and is respected.
 */
import { hostname } from 'node:os';
import { link, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DatelineError } from '../errors.js';

export const lockName = '.dateline-lock';

interface LockInfo {
  pid: number;
  host: string;
  started: string;
}

/** Takes the folder's lock (the folder exists); returns the release function. */
export async function lockOutput(dir: string): Promise<() => Promise<void>> {
  const file = join(dir, lockName);
  const mine: LockInfo = { pid: process.pid, host: hostname(), started: new Date().toISOString() };
  for (let attempt = 0; ; attempt++) {
    try {
      const tmp = `${file}.${process.pid}.tmp`;
      await writeFile(tmp, `${JSON.stringify(mine)}\n`);
      try {
        await link(tmp, file);
      } finally {
        await rm(tmp, { force: true });
      }
      return async () => {
        // Only our own lock is removed (a lock taken over by another run after ours was judged stale is not).
        const held = await readLock(file);
        if (held?.pid === mine.pid && held.host === mine.host) await rm(file, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt >= 2) throw error;
    }
    const held = await readLock(file);
    if (held !== null && !(held.host === mine.host && !alive(held.pid))) {
      throw new DatelineError('OUTPUT_LOCKED', `${dir}: another run is writing into this folder (process ${held.pid} on ${held.host}, started ${held.started}); wait for it to finish, or give --output another folder (if that run is gone, delete ${file})`, { file: dir });
    }
    // Stale (its process is gone) or not a lock this program wrote: taken over.
    await rm(file, { force: true });
  }
}

async function readLock(file: string): Promise<LockInfo | null> {
  try {
    const raw = JSON.parse(await readFile(file, 'utf8')) as Partial<LockInfo>;
    if (typeof raw.pid !== 'number' || typeof raw.host !== 'string') return null;
    return { pid: raw.pid, host: raw.host, started: typeof raw.started === 'string' ? raw.started : 'at an unknown time' };
  } catch {
    return null;
  }
}

/** Whether a process of this host is running (signal 0 checks without signalling). */
function alive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
