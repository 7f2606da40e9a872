import { DatelineError } from '../errors.js';
import { recordToDoc } from './record.js';
import type { Failure, FormatParser } from './types.js';
import type { SourceDoc } from '../types.js';

/** JSON Lines: one article object per line. A bad line is reported by line; the others are kept. */
export const parseJsonl: FormatParser = (text, file, options) => {
  const docs: SourceDoc[] = [];
  const failures: Failure[] = [];
  // JSON strings cannot hold a raw CR or LF, so any line break ends a record.
  const lines = text.split(/\r\n|\n|\r/);
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!;
    if (raw.trim() === '') continue;
    const line = i + 1;
    try {
      let value: unknown;
      try {
        value = JSON.parse(raw);
      } catch (error) {
        throw new DatelineError('INPUT_BAD_JSONL', `${file.path}:${line}: not valid JSON (${(error as Error).message})`, { file: file.path, line });
      }
      if (value === null || typeof value !== 'object' || Array.isArray(value)) {
        throw new DatelineError('INPUT_BAD_JSONL', `${file.path}:${line}: expected a JSON object per line, got ${Array.isArray(value) ? 'an array' : typeof value}`, { file: file.path, line });
      }
      docs.push(recordToDoc(value as Record<string, unknown>, file.path, line, options, 'INPUT_BAD_JSONL'));
    } catch (error) {
      if (!(error instanceof DatelineError)) throw error;
      failures.push({ file: file.path, line, code: error.code, message: error.message });
    }
  }
  return { docs, failures };
};
