/**
 * The output folder's manifest, `.dateline-output.json`: the files a run of this program wrote
 * there (`files`) and the temporary files it is about to stage (`staging`). Clean-up works from
 * it alone, never from a name pattern, so a user's own file in the output folder is never
 * deleted, whatever it is called:
 *
 * - a run killed while staging leaves its temporary names in `staging`; the next run removes
 *   those (and only those);
 * - a run that writes fewer files than an earlier one (another `export.formats`) removes the
 *   earlier files it no longer writes, which the manifest names as its own.
 *
 * The manifest itself is written to a temporary file, flushed and renamed into place, so it is
 * the old or the new one, never half of one.
 */
import { open, readFile, rename, rm } from 'node:fs/promises';
import { basename, join } from 'node:path';

export const manifestName = '.dateline-output.json';

export interface OutputManifest {
  /** Names (no folder) of the files runs wrote here and still own. */
  files: string[];
  /** Names of temporary files a run staged and has not yet renamed or removed. */
  staging: string[];
}

/** Plain names only: a manifest edited to point outside the folder is not followed. */
const plainName = (n: unknown): n is string => typeof n === 'string' && n !== '' && n === basename(n) && n !== '.' && n !== '..' && n !== manifestName;

export async function readManifest(dir: string): Promise<OutputManifest> {
  try {
    const raw = JSON.parse(await readFile(join(dir, manifestName), 'utf8')) as Partial<OutputManifest>;
    return { files: (Array.isArray(raw.files) ? raw.files : []).filter(plainName), staging: (Array.isArray(raw.staging) ? raw.staging : []).filter(plainName) };
  } catch {
    return { files: [], staging: [] }; // none yet (or unreadable): nothing here is known to be ours
  }
}

export async function writeManifest(dir: string, manifest: OutputManifest): Promise<void> {
  const final = join(dir, manifestName);
  const tmp = `${final}.${process.pid}.tmp`;
  const body = `${JSON.stringify({ files: [...new Set(manifest.files)].sort(), staging: [...new Set(manifest.staging)].sort() }, null, 2)}\n`;
  const handle = await open(tmp, 'w');
  try {
    await handle.writeFile(body);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(tmp, final);
}

/** Removes the temporary files an earlier (killed) run staged here, and only those. */
export async function removeStaged(dir: string): Promise<void> {
  const manifest = await readManifest(dir);
  if (manifest.staging.length === 0) return;
  await Promise.all(manifest.staging.map((n) => rm(join(dir, n), { force: true })));
  await writeManifest(dir, { ...manifest, staging: [] });
}

/** Notes temporary names about to be written, before the first byte of them is. */
export async function noteStaging(dir: string, names: readonly string[]): Promise<void> {
  const manifest = await readManifest(dir);
  await writeManifest(dir, { ...manifest, staging: [...manifest.staging, ...names] });
}

/**
 * After the renames: `written` are now owned, their temporary names are done. With `exact`, the
 * run wrote its whole output, so owned files it did not write this time are removed.
 */
export async function noteWritten(dir: string, staged: readonly string[], written: readonly string[], exact: boolean): Promise<void> {
  const manifest = await readManifest(dir);
  const now = new Set(written.map((w) => basename(w)));
  const done = new Set(staged);
  if (exact) await Promise.all(manifest.files.filter((n) => !now.has(n)).map((n) => rm(join(dir, n), { force: true })));
  await writeManifest(dir, { files: exact ? [...now] : [...manifest.files, ...now], staging: manifest.staging.filter((n) => !done.has(n)) });
}
