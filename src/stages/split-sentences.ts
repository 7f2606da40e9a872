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
 * without a full stop and wink-nlp would run them into the next sentence. Non-blank lines go to
 * wink-nlp separated by blank lines, at which wink always ends a sentence (see `split`); tokens
 * are mapped back to document offsets through the whitespace wink records before each token
 * (wink's tokenization is lossless).
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

/**
 * Lines go to wink-nlp together, joined by a blank line, in groups of up to `maxLineLength` UTF-16
 * units: a readDoc call has a fixed cost (wink builds a document object and its collections) that
 * per-line calls paid for every headline and byline. wink always ends a sentence at a blank line,
 * and tags and tokenizes each line as it would alone: on the CoNLL-2003 and TempEval-3 texts the
 * tokens, parts of speech and sentences are the same as line by line (scratch comparison, 1,418
 * documents). The line stays a hard boundary here anyway: a wink sentence that ran over a blank
 * line would be cut at it.
 */
function split(text: string, maxLineLength: number): { sentences: Sentence[]; tokens: Token[] } {
  const sentences: Sentence[] = [];
  const tokens: Token[] = [];
  const pieces: Piece[] = [];
  let paragraph = -1;
  for (const [lineStart, lineEnd] of lineRanges(text)) {
    if (!/\S/.test(text.slice(lineStart, lineEnd))) continue;
    paragraph++;
    for (const [from, to] of chunks(text, lineStart, lineEnd, maxLineLength)) pieces.push({ from, to, paragraph });
  }
  let group: Piece[] = [];
  let size = 0;
  for (const piece of pieces) {
    const length = piece.to - piece.from;
    if (group.length > 0 && size + separator.length + length > maxLineLength) {
      readGroup(text, group, tokens, sentences);
      group = [];
      size = 0;
    }
    group.push(piece);
    size += (group.length > 1 ? separator.length : 0) + length;
  }
  if (group.length > 0) readGroup(text, group, tokens, sentences);
  return { sentences, tokens };
}

/** A line, or a piece of an overlong one, and the paragraph (non-blank line) it belongs to. */
interface Piece {
  from: number;
  to: number;
  paragraph: number;
}

/** What joins the lines of a group: wink ends a sentence at a blank line. */
const separator = '\n\n';

/** Reads a group of pieces with one readDoc call; appends their tokens and sentences. */
function readGroup(text: string, group: readonly Piece[], tokens: Token[], sentences: Sentence[]): void {
  const { its } = nlp();
  const joined = group.map((p) => text.slice(p.from, p.to)).join(separator);
  const wdoc = nlp().readDoc(joined);
  const collection = wdoc.tokens();
  const values = collection.out(its.value) as string[];
  const spaces = collection.out(its.precedingSpaces) as string[];
  const pos = collection.out(its.pos) as string[];
  // Token offsets: the whitespace wink saw before a token, then the token, in the joined text,
  // moved to the document by the offset of the piece the token is in. wink makes tabs, other
  // white space and the separators tokens of their own; they are not kept, so `index[i]` is the
  // position in `tokens` of the first kept token at or after wink's i, and `pieceOf[k]` the piece
  // of kept token k.
  const index: number[] = new Array<number>(values.length + 1);
  const pieceOf: number[] = [];
  const firstToken = tokens.length;
  let piece = 0;
  let pieceStart = 0; // where `group[piece]` starts in `joined`
  let cursor = 0;
  for (let i = 0; i < values.length; i++) {
    index[i] = tokens.length;
    const value = values[i]!;
    cursor += spaces[i]!.length;
    let start = cursor;
    if (!joined.startsWith(value, start)) {
      // wink normalised something (it should not); find the token rather than drift.
      const found = joined.indexOf(value, cursor);
      if (found < 0) continue;
      start = found;
    }
    const end = start + value.length;
    cursor = end;
    if (value.trim() === '') continue;
    while (piece + 1 < group.length && start >= pieceStart + (group[piece]!.to - group[piece]!.from) + separator.length) {
      pieceStart += group[piece]!.to - group[piece]!.from + separator.length;
      piece++;
    }
    const shift = group[piece]!.from - pieceStart;
    tokens.push({ start: start + shift, end: end + shift, pos: pos[i] ?? 'X' });
    pieceOf.push(piece);
  }
  index[values.length] = tokens.length;
  const tokText = (k: number): string => text.slice(tokens[k]!.start, tokens[k]!.end);
  // Sentences as token ranges: wink reports each sentence's first and last token index.
  for (const [a, b] of wdoc.sentences().out(its.span) as unknown as Array<[number, number]>) {
    let from = index[a] ?? tokens.length;
    const to = index[b + 1] ?? tokens.length;
    // A sentence never runs from one line (piece) into the next.
    while (from < to) {
      let cut = from + 1;
      while (cut < to && pieceOf[cut - firstToken] === pieceOf[from - firstToken]) cut++;
      addSentence(tokens, sentences, from, cut, group[pieceOf[from - firstToken]!]!.paragraph, tokText);
      from = cut;
    }
  }
}

/** Appends the sentence `tokens[tokenStart, tokenEnd)` of `paragraph`, or joins it to the one before. */
function addSentence(tokens: Token[], sentences: Sentence[], start: number, tokenEnd: number, paragraph: number, tokText: (k: number) => string): void {
  let tokenStart = start;
  if (tokenEnd <= tokenStart) return;
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
