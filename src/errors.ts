/**
 * The one error type of the project. Codes are derived from this constant so the type and the
 * list cannot drift apart.
 */
export const codes = [
  'CONFIG_INVALID',
  'CONFIG_UNREADABLE',
  'USAGE',
  'INPUT_NOT_FOUND',
  'INPUT_EMPTY',
  'INPUT_BINARY',
  'INPUT_NOT_UTF8',
  'INPUT_TOO_LARGE',
  'INPUT_UNREADABLE',
  'INPUT_BAD_JSONL',
  'INPUT_BAD_CSV',
  'INPUT_BAD_HTML',
  'INPUT_MISSING_TEXT',
  'INPUT_DUPLICATE_ID',
  'INPUT_LINK_LOOP',
  'STAGE_FAILED',
  'QUEUE_UNREACHABLE',
  'MODEL_INVALID',
  'EXPORT_FAILED',
  'OUTPUT_UNWRITABLE',
  'OUTPUT_HOLDS_INPUT',
  'OUTPUT_LOCKED',
  'INPUT_BAD_DATE',
  'STAGE_TIMEOUT',
] as const;
export type ErrorCode = (typeof codes)[number];

/** Where a problem is: a file and, for JSONL/CSV, the 1-based line. */
export interface Place {
  file?: string;
  line?: number;
}

export class DatelineError extends Error {
  readonly code: ErrorCode;
  readonly file?: string;
  readonly line?: number;

  constructor(code: ErrorCode, message: string, where: Place = {}, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'DatelineError';
    this.code = code;
    if (where.file !== undefined) this.file = where.file;
    if (where.line !== undefined) this.line = where.line;
  }

  /** `file:line: message` (as compilers print it), for people reading a log. */
  override toString(): string {
    const at = this.file === undefined ? '' : `${this.file}${this.line === undefined ? '' : `:${this.line}`}: `;
    return `${at}${this.message} [${this.code}]`;
  }
}

/** Describes a value for an error message: `"24" (string)`, `0 (number)`. */
export function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  const shown = JSON.stringify(value);
  const kind = value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
  return `${shown === undefined ? String(value) : shown.length > 60 ? `${shown.slice(0, 57)}...` : shown} (${kind})`;
}
