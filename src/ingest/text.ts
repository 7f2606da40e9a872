import { publishedFrom } from './fields.js';
import { docIdFromPath } from './ids.js';
import type { FormatParser } from './types.js';

/** A plain-text article: the whole file is the text; its first non-blank line is the title. */
export const parseText: FormatParser = (text, file) => {
  const title = (/^\s*([^\r\n]*)/.exec(text)?.[1] ?? '').trim();
  return {
    docs: [{ id: docIdFromPath(file.path), source: file.path, title, text, ...publishedFrom(null, baseName(file.path)) }],
    failures: [],
  };
};

export function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}
