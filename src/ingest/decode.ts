import { DatelineError } from '../errors.js';

/**
 * Decodes a file's bytes to text.
 *
 * - UTF-8, with or without a byte-order mark (the BOM is dropped);
 * - UTF-16 LE/BE when the file starts with the matching byte-order mark (the BOM is dropped);
 * - anything else that is not valid UTF-8 is reported, never silently garbled: the message
 *   names the line and byte of the first invalid sequence and says how to fix it.
 * Empty and binary files (NUL bytes, a known binary signature, UTF-32) are reported too.
 * Never throws anything but a `DatelineError`.
 */
export function decode(bytes: Uint8Array, file: string): string {
  if (bytes.length === 0) throw new DatelineError('INPUT_EMPTY', `${file}: the file is empty`, { file });
  // UTF-32 LE's BOM starts like UTF-16 LE's, so it is tested first.
  if (startsWith(bytes, [0xff, 0xfe, 0x00, 0x00]) || startsWith(bytes, [0x00, 0x00, 0xfe, 0xff])) {
    throw new DatelineError('INPUT_NOT_UTF8', `${file}: expected UTF-8 text, got UTF-32 (convert the file to UTF-8, e.g. with iconv -f UTF-32 -t UTF-8)`, { file });
  }
  if (startsWith(bytes, [0xff, 0xfe])) return decodeUtf16(bytes, 'utf-16le', file);
  if (startsWith(bytes, [0xfe, 0xff])) return decodeUtf16(bytes, 'utf-16be', file);
  const signature = binarySignature(bytes);
  if (signature !== null) throw new DatelineError('INPUT_BINARY', `${file}: expected text, got a ${signature} file`, { file });
  const nul = bytes.subarray(0, 65536).indexOf(0);
  if (nul >= 0) {
    const line = lineAt(bytes, nul);
    const utf16 = utf16WithoutBom(bytes);
    if (utf16 !== null) {
      throw new DatelineError('INPUT_NOT_UTF8', `${file}: expected UTF-8 text, got what looks like ${utf16} without a byte-order mark (convert the file to UTF-8, e.g. with iconv -f ${utf16} -t UTF-8)`, { file });
    }
    throw new DatelineError('INPUT_BINARY', `${file}:${line}: expected text, got binary data (a NUL byte at byte ${nul})`, { file, line });
  }
  let text: string;
  try {
    // TextDecoder drops a leading UTF-8 BOM by default (ignoreBOM: false).
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    const line = lineAt(bytes, at);
    throw new DatelineError(
      'INPUT_NOT_UTF8',
      `${file}:${line}: expected UTF-8 text, got an invalid byte 0x${(bytes[at] ?? 0).toString(16).padStart(2, '0')} at byte ${at} (convert the file to UTF-8, e.g. with iconv)`,
      { file, line },
    );
  }
  return text;
}

function decodeUtf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be', file: string): string {
  let text: string;
  try {
    text = new TextDecoder(encoding, { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    const why = bytes.length % 2 === 1 ? 'an odd number of bytes (the file is cut short)' : 'an unpaired surrogate';
    throw new DatelineError('INPUT_NOT_UTF8', `${file}: starts with a ${encoding.toUpperCase()} byte-order mark but is not valid ${encoding.toUpperCase()}: ${why}`, { file });
  }
  const nul = text.indexOf('\0');
  if (nul >= 0) {
    const line = lineOfText(text, nul);
    throw new DatelineError('INPUT_BINARY', `${file}:${line}: expected text, got binary data (a NUL character in ${encoding.toUpperCase()} text)`, { file, line });
  }
  return text;
}

const signatures: Array<[string, number[]]> = [
  ['PDF', [0x25, 0x50, 0x44, 0x46, 0x2d]],
  ['ZIP (or DOCX/XLSX)', [0x50, 0x4b, 0x03, 0x04]],
  ['PNG', [0x89, 0x50, 0x4e, 0x47]],
  ['JPEG', [0xff, 0xd8, 0xff]],
  ['GIF', [0x47, 0x49, 0x46, 0x38]],
  ['gzip', [0x1f, 0x8b]],
  ['OLE (old Word/Excel)', [0xd0, 0xcf, 0x11, 0xe0]],
];

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);
}

function binarySignature(bytes: Uint8Array): string | null {
  for (const [name, magic] of signatures) if (startsWith(bytes, magic)) return name;
  return null;
}

/**
 * Mostly-ASCII UTF-16 without a BOM: a NUL in (nearly) every other byte of the first kilobyte
 * and none in between. ASCII in UTF-16LE has its NULs at odd offsets, in UTF-16BE at even ones.
 */
function utf16WithoutBom(bytes: Uint8Array): 'UTF-16LE' | 'UTF-16BE' | null {
  const n = Math.min(bytes.length, 1024) & ~1;
  if (n < 4) return null;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i++) if (bytes[i] === 0) (i % 2 === 0 ? even++ : odd++);
  const half = n / 2;
  if (odd >= half * 0.9 && even === 0) return 'UTF-16LE';
  if (even >= half * 0.9 && odd === 0) return 'UTF-16BE';
  return null;
}

/** 1-based line of a byte offset. */
export function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

function lineOfText(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (text.charCodeAt(i) === 0x0a) line++;
  return line;
}

/** Byte offset of the first invalid UTF-8 sequence (RFC 3629). */
export function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    let n: number;
    let min: number;
    if (c < 0x80) { i++; continue; }
    else if (c >= 0xc2 && c <= 0xdf) { n = 1; min = 0x80; }
    else if (c >= 0xe0 && c <= 0xef) { n = 2; min = 0x800; }
    else if (c >= 0xf0 && c <= 0xf4) { n = 3; min = 0x10000; }
    else return i;
    if (i + n >= b.length) return i;
    let cp = c & (0x3f >> n);
    for (let k = 1; k <= n; k++) {
      const cc = b[i + k];
      if (cc === undefined || (cc & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (cc & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += n + 1;
  }
  return b.length;
}
