import { describe, expect, it } from 'vitest';
import { decode, firstInvalidUtf8 } from '../src/ingest/decode.js';
import { DatelineError } from '../src/errors.js';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
const codeOf = (f: () => unknown): string | undefined => {
  try {
    f();
  } catch (error) {
    if (error instanceof DatelineError) return error.code;
    throw error;
  }
  return undefined;
};

describe('decode', () => {
  it('reads UTF-8 and drops only a leading byte-order mark', () => {
    expect(decode(utf8('\uFEFFHafen\r\n\tTor\u00a0'), 'a.txt')).toBe('Hafen\r\n\tTor\u00a0');
    expect(decode(utf8('x\uFEFFy'), 'a.txt')).toBe('x\uFEFFy');
  });

  it('reads UTF-16 LE and BE with a byte-order mark, astral characters included', () => {
    const text = 'Quay 7 \u{1F6A2} Straße\r\n';
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const be = Buffer.from(le);
    for (let i = 0; i < be.length; i += 2) [be[i], be[i + 1]] = [be[i + 1]!, be[i]!];
    expect(decode(le, 'le.txt')).toBe(text);
    expect(decode(be, 'be.txt')).toBe(text);
  });

  it('reports UTF-16 that is cut short or holds an unpaired surrogate, not garbled text', () => {
    expect(codeOf(() => decode(Buffer.from([0xff, 0xfe, 0x41, 0x00, 0x42]), 'odd.txt'))).toBe('INPUT_NOT_UTF8');
    expect(codeOf(() => decode(Buffer.from([0xff, 0xfe, 0x00, 0xd8, 0x41, 0x00]), 'lone.txt'))).toBe('INPUT_NOT_UTF8');
  });

  it('reports UTF-32 and UTF-16 without a byte-order mark as not UTF-8, with a fix', () => {
    expect(() => decode(Buffer.from([0xff, 0xfe, 0, 0, 0x41, 0, 0, 0]), 'u32.txt')).toThrow(/UTF-32.*iconv/);
    expect(() => decode(Buffer.from('Plain words here', 'utf16le'), 'u16.txt')).toThrow('u16.txt: expected UTF-8 text, got what looks like UTF-16LE without a byte-order mark (convert the file to UTF-8, e.g. with iconv -f UTF-16LE -t UTF-8)');
    expect(() => decode(Buffer.from('Plain words here', 'utf16le').swap16(), 'u16be.txt')).toThrow(/looks like UTF-16BE without a byte-order mark/);
  });

  it('names the line and byte of the first invalid UTF-8 sequence', () => {
    const bytes = Buffer.concat([Buffer.from('line one\nline two \xc3\xa9 ok\nthree ', 'latin1'), Buffer.from([0xe9, 0x20])]);
    expect(() => decode(bytes, 'latin.txt')).toThrow('latin.txt:3: expected UTF-8 text, got an invalid byte 0xe9 at byte 30');
  });

  it('reports empty files, binary signatures and NUL bytes', () => {
    expect(codeOf(() => decode(new Uint8Array(), 'e.txt'))).toBe('INPUT_EMPTY');
    expect(() => decode(utf8('%PDF-1.4\n...'), 'r.txt')).toThrow('r.txt: expected text, got a PDF file');
    expect(() => decode(Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2]), 'd.txt')).toThrow(/ZIP/);
    expect(codeOf(() => decode(Buffer.from([0x41, 0x0a, 0x00, 0x01, 0x02, 0x03, 0x04]), 'n.txt'))).toBe('INPUT_BINARY');
  });
});

describe('firstInvalidUtf8', () => {
  it('agrees with a strict decoder on overlong forms, surrogates, truncation and out-of-range bytes', () => {
    const cases: Array<[number[], number]> = [
      [[0x41, 0x42], 2],
      [[0xc0, 0x80], 0],
      [[0xe0, 0x80, 0x80], 0],
      [[0x41, 0xed, 0xa0, 0x80], 1],
      [[0xf4, 0x90, 0x80, 0x80], 0],
      [[0x41, 0xe2, 0x82], 1],
      [[0xf0, 0x9f, 0x9a, 0xa2, 0xff], 4],
    ];
    for (const [bytes, at] of cases) expect(firstInvalidUtf8(Uint8Array.from(bytes))).toBe(at);
  });
});
