/**
 * Token-level context for event extraction: lower-case forms, which quotation each token is in,
 * which entity or date mention covers it, and which paragraphs are captions or embeds.
 */
import type { Doc } from '../types.js';

/** Per-document lookups shared by the extraction rules. All arrays are indexed by token. */
export interface TokenContext {
  doc: Doc;
  lower: string[];
  pos: string[];
  /** 0 outside quotation marks; otherwise the id (from 1) of the quotation the token is in. */
  quote: number[];
  /** Index into `doc.entities` of the mention covering the token, or -1. */
  entity: number[];
  /** Index into `doc.dates` of the date mention covering the token, or -1. */
  date: number[];
  /** Token ranges `[start, end)` of each entity mention, by entity index. */
  entityTokens: Array<[number, number]>;
  /** Token ranges `[start, end)` of each date mention, by date index. */
  dateTokens: Array<[number, number]>;
}

const OPEN = new Set(['“', '«', '„']);
const CLOSE = new Set(['”', '»']);

/** Builds the lookups for one document (linear in its tokens and mentions). */
export function tokenContext(doc: Doc): TokenContext {
  const { tokens, text } = doc;
  const lower = tokens.map((t) => text.slice(t.start, t.end).toLowerCase());
  const pos = tokens.map((t) => t.pos);
  const quote = quoteIds(doc, lower);
  const entity = new Array<number>(tokens.length).fill(-1);
  const date = new Array<number>(tokens.length).fill(-1);
  const entityTokens = doc.entities.map((m, i) => cover(doc, m.start, m.end, entity, i));
  const dateTokens = doc.dates.map((d, i) => cover(doc, d.start, d.end, date, i));
  return { doc, lower, pos, quote, entity, date, entityTokens, dateTokens };
}

/** Marks the tokens overlapping `[start, end)` with `id` and returns their index range. */
function cover(doc: Doc, start: number, end: number, marks: number[], id: number): [number, number] {
  const tokens = doc.tokens;
  // Binary search for the first token ending after `start`.
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.end <= start) lo = mid + 1;
    else hi = mid;
  }
  let i = lo;
  for (; i < tokens.length && tokens[i]!.start < end; i++) if (marks[i] === -1) marks[i] = id;
  return [lo, Math.max(lo, i)];
}

/**
 * Quotation ids per token. Curly quotes open and close; a straight double quote toggles. Quotes
 * never run past a line (paragraph) end: an unclosed quote closes with its paragraph.
 */
function quoteIds(doc: Doc, lower: string[]): number[] {
  const out = new Array<number>(lower.length).fill(0);
  let next = 0;
  let current = 0;
  let paragraph = -1;
  for (const s of doc.sentences) {
    if (s.paragraph !== paragraph) {
      paragraph = s.paragraph;
      current = 0;
    }
    for (let i = s.tokenStart; i < s.tokenEnd; i++) {
      const t = lower[i]!;
      if (OPEN.has(t) || (t === '"' && current === 0)) {
        current = ++next;
        out[i] = current;
      } else if (CLOSE.has(t) || t === '"') {
        out[i] = current;
        current = 0;
      } else {
        out[i] = current;
      }
    }
  }
  return out;
}

/**
 * Cues of a photo caption, an embedded post or a credit line. A paragraph with one of them does
 * not report events: its date is when a picture was taken or a post was made.
 */
const captionCues =
  /pic\.twitter\.com|\(@\w+\)|\((?:photo|picture|image|file)\b|\b(?:photo|photograph|picture|image|video) (?:by|credit|courtesy)\b|\bin this (?:picture|photo|photograph|image|handout|file|screen ?grab)\b|\bscreen ?grab\b|\bvia (?:getty|reuters|ap|afp)\b|\bgetty images\b|\bhandout\b|\/(?:afp|ap|reuters)\b/i;

/** Paragraph indices of the document that look like captions, embeds or credits. */
export function captionParagraphs(doc: Doc): Set<number> {
  const byParagraph = new Map<number, [number, number]>();
  for (const s of doc.sentences) {
    const span = byParagraph.get(s.paragraph);
    byParagraph.set(s.paragraph, span === undefined ? [s.start, s.end] : [span[0], s.end]);
  }
  const out = new Set<number>();
  for (const [p, [start, end]] of byParagraph) if (captionCues.test(doc.text.slice(start, end))) out.add(p);
  return out;
}

const breakWords = new Set(['after', 'before', 'when', 'while', 'which', 'who', 'since', 'because', 'although', 'whereas', 'but']);

/** A verb or auxiliary among tokens `[from, to)`: the start of another clause. */
export function verbBetween(ctx: TokenContext, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (ctx.pos[i] === 'VERB' || ctx.pos[i] === 'AUX') return true;
  return false;
}

/** Tokens between a date `[a, b)` and trigger `t`, plus costs for clause breaks between them. */
export function tokenDistance(ctx: TokenContext, a: number, b: number, t: number): number {
  const [lo, hi] = t < a ? [t + 1, a] : [b, t];
  let d = Math.max(0, hi - lo);
  for (let i = lo; i < hi; i++) {
    const w = ctx.lower[i]!;
    if (w === ',') d += 4;
    else if (w === ';' || w === ':' || w === '—' || w === '–') d += 8;
    else if (breakWords.has(w)) d += 6;
  }
  return d;
}
