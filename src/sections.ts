/**
 * A very long document is processed in sections: recognition grows faster than the length of
 * the text it is given (about n^1.8 on one 20 MB line), so a document over `limits.sectionChars`
 * is cut at paragraph breaks into sections no longer than that, each section runs through the
 * per-document stages on its own, and the results are joined back into one document whose every
 * offset points into the whole text (`text.slice(start, end)` still gives each mention). Time
 * then grows with the length. What a section cannot see is the rest of the document: a short
 * name is not linked to a full name written in an earlier section, and a relative date is not
 * anchored to a date of an earlier one.
 */
import { DatelineError } from './errors.js';
import type { Doc, SourceDoc } from './types.js';

/**
 * Where sections start: 0, then cuts so that no section is longer than `maxChars`. A cut is at
 * the start of a line after a blank line (a paragraph break) when one is in the second half of
 * the window, else at the start of a line, else after a white space, else (a run of
 * `maxChars` characters without one) anywhere but inside a surrogate pair.
 */
export function sectionStarts(text: string, maxChars: number): number[] {
  const starts = [0];
  let from = 0;
  while (text.length - from > maxChars) {
    const limit = from + maxChars;
    const half = from + Math.floor(maxChars / 2);
    const window = text.slice(from, limit);
    const paragraph = lastMatchEnd(window, /\n[ \t\u00a0]*\r?\n/g);
    const line = lastMatchEnd(window, /\r\n|\n|\r/g);
    const space = lastMatchEnd(window, /\s/g);
    let cut: number;
    if (paragraph !== null && from + paragraph > half) cut = from + paragraph;
    else if (line !== null && from + line > from) cut = from + line;
    else if (space !== null && from + space > from) cut = from + space;
    else cut = /[\udc00-\udfff]/.test(text[limit] ?? '') ? limit - 1 : limit;
    if (cut <= from) cut = limit;
    starts.push(cut);
    from = cut;
  }
  return starts;
}

/** The end offset (within `s`) of the last match of a global regex, or null. */
function lastMatchEnd(s: string, re: RegExp): number | null {
  let end: number | null = null;
  for (const m of s.matchAll(re)) end = m.index + m[0].length;
  return end;
}

/** Non-blank lines in `chunk`, which ends at a line start (or is empty). */
function nonBlankLines(chunk: string): number {
  if (chunk === '') return 0;
  const lines = chunk.split(/\r\n|\n|\r/);
  lines.pop(); // after the last line break: the next section's
  return lines.filter((l) => /\S/.test(l)).length;
}

/**
 * Runs `run` (the per-document stages) on each section of `source` and joins the results. The
 * first section's published date (metadata, or inferred from its text) is every section's.
 * `check` is called between sections, so a time limit can stop a long document.
 */
export function processInSections(source: SourceDoc, maxChars: number, run: (doc: SourceDoc) => Doc, check: () => void): Doc {
  const starts = sectionStarts(source.text, maxChars);
  if (starts.length === 1) return run(source);
  const joined: Doc = { ...source, sentences: [], tokens: [], entities: [], dates: [], events: [] };
  // Paragraphs (non-blank lines, as split-sentences numbers them) before each section's first
  // line; a section that starts inside a line continues that line's paragraph. Counted section by
  // section, so the whole text is scanned once.
  let p = 0;
  let lineStart = 0;
  for (let k = 0; k < starts.length; k++) {
    check();
    const offset = starts[k]!;
    const end = starts[k + 1] ?? source.text.length;
    const part = run({ ...source, published: k === 0 ? source.published : joined.published, publishedSource: k === 0 ? source.publishedSource : joined.publishedSource, text: source.text.slice(offset, end) });
    if (k === 0) {
      joined.published = part.published;
      joined.publishedSource = part.publishedSource;
    }
    if (k > 0) {
      const before = lastMatchEnd(source.text.slice(starts[k - 1]!, offset), /\r\n|\n|\r/g);
      const next = before === null ? lineStart : starts[k - 1]! + before;
      p += nonBlankLines(source.text.slice(lineStart, next));
      lineStart = next;
    }
    const [s, t, e, d] = [joined.sentences.length, joined.tokens.length, joined.entities.length, joined.dates.length];
    for (const x of part.tokens) joined.tokens.push({ ...x, start: x.start + offset, end: x.end + offset });
    for (const x of part.sentences) joined.sentences.push({ ...x, start: x.start + offset, end: x.end + offset, tokenStart: x.tokenStart + t, tokenEnd: x.tokenEnd + t, paragraph: x.paragraph + p });
    for (const x of part.entities) {
      joined.entities.push({ ...x, start: x.start + offset, end: x.end + offset, sentence: x.sentence + s, ...(x.longForm === undefined ? {} : { longForm: { start: x.longForm.start + offset, end: x.longForm.end + offset } }) });
    }
    for (const x of part.dates) joined.dates.push({ ...x, start: x.start + offset, end: x.end + offset, sentence: x.sentence + s });
    const shift = (ids: number[]): number[] => ids.map((i) => i + e);
    for (const x of part.events) joined.events.push({ ...x, sentence: x.sentence + s, sentenceStart: x.sentenceStart + offset, date: x.date + d, actors: shift(x.actors), targets: shift(x.targets), places: shift(x.places), others: shift(x.others) });
  }
  return joined;
}

/** A check that throws `STAGE_TIMEOUT` once `seconds` have passed since it was made (null: never). */
export function timeLimit(source: SourceDoc, seconds: number | null, now: () => number = () => performance.now()): () => void {
  if (seconds === null) return () => {};
  const t0 = now();
  return () => {
    const spent = (now() - t0) / 1000;
    if (spent > seconds) {
      const where = `${source.source}${source.line === undefined ? '' : `:${source.line}`}`;
      throw new DatelineError('STAGE_TIMEOUT', `${where}: processing stopped after ${Math.round(spent)} s, over the limit of ${seconds} s per document (\`limits.documentSeconds\`); the document is skipped`, { file: source.source, ...(source.line === undefined ? {} : { line: source.line }) });
    }
  };
}
