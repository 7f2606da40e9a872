import { realpath } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { DatelineError } from '../errors.js';

/**
 * Refuses (`OUTPUT_HOLDS_INPUT`, exit 2, before anything is written) an output folder that is the
 * input folder or holds an input file: the run would overwrite an input named like a table
 * (`documents.jsonl`, `events.csv`, `report.html`), and the next run would read its own tables
 * back as articles. Paths are compared after resolving symbolic links. An output folder inside
 * the input folder is fine: the input listing skips it (src/io/read-inputs.ts).
 */
export async function checkOutputApart(input: string, output: string, files: ReadonlyArray<{ abs: string; rel: string }>): Promise<void> {
  const out = await realOrResolved(output);
  const inRoot = await realOrResolved(input);
  const refuse = (why: string): never => {
    throw new DatelineError('OUTPUT_HOLDS_INPUT', `${output}: the output folder ${why}; the tables would overwrite input files or be read back as articles. Give --output a folder apart from the input`, { file: output });
  };
  if (out === inRoot) refuse('is the input folder');
  for (const f of files) {
    const real = await realOrResolved(f.abs);
    if (inside(real, out)) refuse(`holds the input file ${f.rel}`);
  }
}

/** Whether `path` is `dir` or below it. */
function inside(path: string, dir: string): boolean {
  const rel = relative(dir, path);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

/** The real path of `p`, or of its nearest existing ancestor with the rest appended (an output folder may not exist yet). */
async function realOrResolved(p: string): Promise<string> {
  const abs = resolve(p);
  try {
    return await realpath(abs);
  } catch {
    const parent = dirname(abs);
    return parent === abs ? abs : join(await realOrResolved(parent), basename(abs));
  }
}
