/**
 * Rules applied to the tagger's spans for real news text. They work on token spans
 * (`a` first token, `b` one past the last) and only look a few tokens around each span.
 */
import type { Doc, EntityMention, EntityType } from '../../types.js';

/** A mention while rules run: token range, type, optional role and long form. */
export interface Draft {
  a: number;
  b: number;
  type: EntityType;
  /** The tagger's margin (best minus second-best label score), lowest over the span's tokens. */
  confidence: number;
  role?: string;
  longForm?: { start: number; end: number };
}

/** Sentence index of every token. */
export function sentenceOfTokens(doc: Doc): Int32Array {
  const out = new Int32Array(doc.tokens.length).fill(-1);
  doc.sentences.forEach((s, si) => out.fill(si, s.tokenStart, s.tokenEnd));
  return out;
}

/** Drafts to mentions with character offsets, sorted by start. */
export function toMentions(doc: Doc, drafts: Draft[], sentOf: Int32Array): EntityMention[] {
  const out: EntityMention[] = [];
  for (const d of drafts) {
    if (d.b <= d.a) continue;
    const m: EntityMention = {
      type: d.type,
      start: doc.tokens[d.a]!.start,
      end: doc.tokens[d.b - 1]!.end,
      sentence: sentOf[d.a]!,
    };
    if (d.role !== undefined) m.role = d.role;
    if (d.longForm !== undefined) m.longForm = d.longForm;
    out.push(m);
  }
  return out.sort((x, y) => x.start - y.start || x.end - y.end);
}

/** The spans of `spans` that overlap none of `drafts`. */
export function withoutOverlap(spans: Draft[], drafts: readonly Draft[]): Draft[] {
  return spans.filter((m) => !drafts.some((d) => d.a < m.b && m.a < d.b));
}
