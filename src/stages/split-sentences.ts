import { forgetEarlierDocuments, nlp } from '../nlp.js';
import type { Doc, DocStage, Sentence, Token } from '../types.js';

/** Options of the sentence splitter. */
export interface SplitOptions {
  /**
   * Lines longer than this many UTF-16 units are cut at the last whitespace before the limit
   * before they go to wink-nlp, so one enormous unbroken line cannot stall a worker.
   * @default 100000
   */
  maxLineLength?: number;
}

/**
 * Splits a document into sentences and tokens.
 *
 * Every line break is a hard boundary: headlines, bylines, captions and paragraphs are written
 * without a full stop and wink-nlp would run them into the next sentence. Each non-blank line
 * goes to wink-nlp on its own; its tokens are mapped back to document offsets through the
 * whitespace wink records before each token (wink's tokenization is lossless).
 */
export function splitSentences(options: SplitOptions = {}): DocStage {
  const maxLineLength = options.maxLineLength ?? 100_000;
  if (!Number.isInteger(maxLineLength) || maxLineLength < 1000) {
    throw new RangeError(`Expected \`maxLineLength\` to be an integer from 1000 up, got ${String(maxLineLength)}`);
  }
  return (doc: Doc): Doc => {
    // wink-nlp learns words as it reads; without this, tokens would depend on earlier documents.
    forgetEarlierDocuments();
    const { sentences, tokens } = split(doc.text, maxLineLength);
    return { ...doc, sentences, tokens };
  };
}

/** Lines of `text` as `[start, end)` ranges, line terminators (\n, \r\n, \r, U+2028/9) excluded. */
export function lineRanges(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const re = /\r\n|[\n\r\u2028\u2029]/g;
  let from = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    out.push([from, m.index]);
    from = m.index + m[0].length;
  }
  out.push([from, text.length]);
  return out;
}

function split(text: string, maxLineLength: number): { sentences: Sentence[]; tokens: Token[] } {
  const sentences: Sentence[] = [];
  const tokens: Token[] = [];
  const { its } = nlp();
  let paragraph = -1;
  for (const [lineStart, lineEnd] of lineRanges(text)) {
    if (!/\S/.test(text.slice(lineStart, lineEnd))) continue;
    paragraph++;
    for (const [chunkStart, chunkEnd] of chunks(text, lineStart, lineEnd, maxLineLength)) {
      const wdoc = nlp().readDoc(text.slice(chunkStart, chunkEnd));
      const values = wdoc.tokens().out(its.value) as string[];
      const spaces = wdoc.tokens().out(its.precedingSpaces) as string[];
      const pos = wdoc.tokens().out(its.pos) as string[];
      // Token offsets in the chunk: the whitespace wink saw before a token, then the token.
      // wink makes tabs and other white space tokens of their own; they are not kept, so
      // `index[i]` is the position in `tokens` of the first kept token at or after wink's i.
      const index: number[] = new Array<number>(values.length + 1);
      let cursor = chunkStart;
      for (let i = 0; i < values.length; i++) {
        index[i] = tokens.length;
        const value = values[i]!;
        cursor += spaces[i]!.length;
        let start = cursor;
        if (!text.startsWith(value, start)) {
          // wink normalised something (it should not); find the token rather than drift.
          const found = text.indexOf(value, cursor);
          if (found < 0 || found >= chunkEnd) continue;
          start = found;
        }
        const end = start + value.length;
        cursor = end;
        if (value.trim() === '') continue;
        tokens.push({ start, end, pos: pos[i] ?? 'X' });
      }
      index[values.length] = tokens.length;
      // Sentences as token ranges: wink reports each sentence's first and last token index.
      wdoc.sentences().each((s: { out: (f: unknown) => unknown }) => {
        const [a, b] = s.out(its.span) as unknown as [number, number];
        let tokenStart = index[a] ?? tokens.length;
        const tokenEnd = index[b + 1] ?? tokens.length;
        if (tokenEnd <= tokenStart) return;
        const tokText = (k: number): string => text.slice(tokens[k]!.start, tokens[k]!.end);
        const prev = sentences[sentences.length - 1];
        if (prev !== undefined && prev.paragraph === paragraph && prev.tokenEnd === tokenStart && prev.end === tokens[tokenStart]!.start) {
          // wink ends a sentence at a full stop inside a link or handle ("pic.twitter.com/x"):
          // a boundary with a word right after it is not one, so the pieces rejoin.
          if (/^[\p{L}\p{N}]/u.test(tokText(tokenStart))) {
            prev.tokenEnd = tokenEnd;
            prev.end = tokens[tokenEnd - 1]!.end;
            return;
          }
          // Closing quote marks glued to the end of a sentence belong to it ("over.'' Then").
          while (tokenStart < tokenEnd && tokens[tokenStart]!.start === tokens[tokenStart - 1]!.end && /^['"’”»)\]]+$/u.test(tokText(tokenStart))) tokenStart++;
          // ... and what goes on in lower case after them is the same sentence ("'Yes.'' he said").
          if (tokenStart < tokenEnd && /^\p{Ll}/u.test(tokText(tokenStart))) tokenStart = tokenEnd;
          prev.tokenEnd = tokenStart;
          prev.end = tokens[tokenStart - 1]!.end;
          if (tokenStart >= tokenEnd) return;
        }
        sentences.push({
          start: tokens[tokenStart]!.start,
          end: tokens[tokenEnd - 1]!.end,
          tokenStart,
          tokenEnd,
          paragraph,
        });
      });
    }
  }
  return { sentences, tokens };
}

/** Cuts an overlong line at whitespace so no single readDoc call is unbounded. */
function chunks(text: string, start: number, end: number, max: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let from = start;
  while (end - from > max) {
    let cut = text.lastIndexOf(' ', from + max);
    if (cut <= from) cut = from + max;
    out.push([from, cut]);
    from = cut;
  }
  out.push([from, end]);
  return out;
}
