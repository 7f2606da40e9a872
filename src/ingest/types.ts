import type { Config } from '../config.js';
import type { ErrorCode } from '../errors.js';
import type { SourceDoc } from '../types.js';

/** A file as read from disk: its path as shown to people and its bytes. */
export interface RawFile {
  /** Path relative to the input root (or as given), `/`-separated. */
  path: string;
  bytes: Uint8Array;
}

/** A document that could not be read: the first tier of errors (the batch carries on). */
export interface Failure {
  file: string;
  line?: number;
  docId?: string;
  code: ErrorCode;
  message: string;
}

export interface ParseResult {
  docs: SourceDoc[];
  failures: Failure[];
}

/** The ingest options a format parser needs. */
export type IngestOptions = Pick<Config, 'fields'>;

/** Parses one decoded file of one format into documents. Pure: no I/O. */
export type FormatParser = (text: string, file: RawFile, options: IngestOptions) => ParseResult;
