import { readFileSync } from 'node:fs';
import { DatelineError } from '../errors.js';
import type { Doc, Token } from '../types.js';

/** One annotated span of a CoNLL-style JSONL document (`PER`, `ORG`, `LOC`, `MISC`). */
export interface GoldSpan {
  start: number;
  end: number;
  type: string;
}

/** A gold document: its text and annotated spans. */
export interface GoldDoc {
  id: string;
  text: string;
  entities: GoldSpan[];
  /**
   * MEANTIME-style files (`annotated_end` given): names are exhaustive only before `annotatedEnd`;
   * `entities` then holds the names of that region only, and predictions overlapping `optional`
   * spans (or `other` spans and no name) count neither way.
   */
  region?: { annotatedEnd: number; optional: GoldSpan[]; other: GoldSpan[] };
}

/** Reads a CoNLL-style JSONL file (`{id, text, entities: [{start, end, type}]}` per line). */
export function readGold(path: string): GoldDoc[] {
  const out: GoldDoc[] = [];
  const lines = readFileSync(path, 'utf8').split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (cause) {
      throw new DatelineError('INPUT_BAD_JSONL', 'Expected a JSON object per line', { file: path, line: i + 1 }, { cause });
    }
    const v = value as { id?: unknown; text?: unknown; entities?: unknown };
    if (typeof v.text !== 'string' || !Array.isArray(v.entities)) {
      throw new DatelineError('INPUT_BAD_JSONL', 'Expected `text` (string) and `entities` (array)', { file: path, line: i + 1 });
    }
    const spans = (list: unknown): GoldSpan[] => (Array.isArray(list) ? (list as GoldSpan[]) : []).map((e) => ({ start: e.start, end: e.end, type: e.type ?? '' }));
    const m = value as { annotated_end?: unknown; optional?: unknown; other?: unknown };
    const doc: GoldDoc = {
      id: typeof v.id === 'string' ? v.id : `${path}:${i + 1}`,
      text: v.text,
      entities: spans(v.entities),
    };
    if (typeof m.annotated_end === 'number') {
      doc.entities = spans((v.entities as Array<GoldSpan & { region?: unknown }>).filter((e) => e.region === true));
      doc.region = { annotatedEnd: m.annotated_end, optional: spans(m.optional), other: spans(m.other) };
    }
    out.push(doc);
  }
  return out;
}

/** An empty pipeline document around `text`, ready for `splitSentences()`. */
export function blankDoc(id: string, text: string): Doc {
  return {
    id,
    source: id,
    title: '',
    text,
    published: null,
    publishedSource: 'none',
    sentences: [],
    tokens: [],
    entities: [],
    dates: [],
    events: [],
  };
}

/**
 * Projects gold spans onto tokens as BIO label ids (see `labels` in model.ts: 0 = O,
 * 1 + 2k = B of type k, 2 + 2k = I of type k). A token belongs to a span when it lies inside it;
 * spans that do not start and end on token boundaries are counted in `misaligned`.
 */
export function projectSpans(
  tokens: readonly Token[],
  spans: readonly GoldSpan[],
  typeIndex: (type: string) => number,
): { labels: Uint8Array; misaligned: number } {
  const labels = new Uint8Array(tokens.length);
  let misaligned = 0;
  let t = 0;
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  for (const span of sorted) {
    const k = typeIndex(span.type);
    if (k < 0) continue;
    while (t < tokens.length && tokens[t]!.end <= span.start) t++;
    let first = true;
    let aligned = t < tokens.length && tokens[t]!.start === span.start;
    let u = t;
    let lastEnd = -1;
    for (; u < tokens.length && tokens[u]!.start < span.end; u++) {
      const tok = tokens[u]!;
      if (tok.start >= span.start && tok.end <= span.end) {
        labels[u] = first ? 1 + 2 * k : 2 + 2 * k;
        first = false;
        lastEnd = tok.end;
      } else {
        aligned = false;
      }
    }
    if (lastEnd !== span.end) aligned = false;
    if (!aligned) misaligned++;
  }
  return { labels, misaligned };
}
