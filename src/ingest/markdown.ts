import type { Nodes, Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { parse as parseYaml } from 'yaml';
import { DatelineError } from '../errors.js';
import { normalizePublished, publishedFrom } from './fields.js';
import { docIdFromPath } from './ids.js';
import { baseName } from './text.js';
import type { FormatParser } from './types.js';

const frontMatter = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

/**
 * A Markdown note. YAML front matter (`title`, `date` or `published`, `url`) is metadata; the body
 * is parsed as CommonMark (mdast-util-from-markdown, the unified/remark parser) and its prose laid
 * out as plain text, which is then the document text (every offset points into it):
 *
 * - one line per paragraph, heading, list item paragraph and quoted paragraph: a paragraph
 *   wrapped over several source lines becomes one line (line breaks are hard sentence boundaries
 *   downstream, so keeping the source wraps would cut sentences in two); a hard break (two
 *   trailing spaces or a backslash) stays a line break;
 * - markup gone: `#`, `*`, `_`, backticks, `>` and list markers are not text; a link keeps its
 *   text and drops its URL; escapes and entities are decoded (`\*` is `*`, `&amp;` is `&`);
 * - not prose, so left out: fenced and indented code, raw HTML, images, link definitions.
 *
 * The title is the front matter `title`, else the first line (usually the top heading); like a
 * plain-text article, the text starts with the title line.
 */
export const parseMarkdown: FormatParser = (text, file) => {
  let meta: Record<string, unknown> = {};
  let body = text;
  const m = frontMatter.exec(text);
  if (m) {
    try {
      const parsed: unknown = parseYaml(m[1]!, { schema: 'core' });
      if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)) meta = parsed as Record<string, unknown>;
    } catch (error) {
      throw new DatelineError('INPUT_UNREADABLE', `${file.path}: the front matter is not valid YAML (${(error as Error).message.split('\n')[0]})`, { file: file.path, line: 1 });
    }
    body = text.slice(m[0].length);
  }
  const tree = fromMarkdown(body);
  const lines = markdownLines(tree);
  const metaTitle = typeof meta['title'] === 'string' ? collapse(meta['title']) : '';
  const title = metaTitle !== '' ? metaTitle : (lines[0] ?? '');
  if (title !== '' && lines[0] !== title) lines.unshift(title);
  if (lines.length === 0) throw new DatelineError('INPUT_EMPTY', `${file.path}: expected Markdown prose, found none outside front matter, code and HTML`, { file: file.path });
  let published: string | null;
  try {
    published = normalizePublished(meta['published'] ?? meta['date'], { file: file.path, line: 1 });
  } catch (error) {
    const code = error instanceof DatelineError && error.code === 'INPUT_BAD_DATE' ? error.code : 'INPUT_UNREADABLE';
    throw new DatelineError(code, (error as Error).message.replace('`published`', 'the front matter `date`'), { file: file.path, line: frontMatterLine(text, meta['published'] === undefined ? 'date' : 'published') });
  }
  const url = typeof meta['url'] === 'string' && meta['url'].trim() !== '' ? meta['url'].trim() : undefined;
  return {
    docs: [{ id: docIdFromPath(file.path), source: file.path, title, text: lines.join('\n'), ...publishedFrom(published, baseName(file.path)), ...(url === undefined ? {} : { url }) }],
    failures: [],
  };
};

/** The 1-based line of a front matter key (line 1, the `---`, when it is not found). */
function frontMatterLine(text: string, key: string): number {
  const lines = text.split(/\r\n|\n|\r/);
  for (let i = 1; i < lines.length && !/^---[ \t]*$/.test(lines[i]!); i++) if (lines[i]!.startsWith(`${key}:`)) return i + 1;
  return 1;
}

/** The prose of a Markdown tree, one line per block, markup removed. */
export function markdownLines(tree: Root): string[] {
  const lines: string[] = [];
  const block = (node: Nodes): void => {
    switch (node.type) {
      case 'paragraph':
      case 'heading':
        // A hard break splits the block; everything else in it is one line.
        for (const part of inlineText(node).split('\n')) {
          const line = collapse(part);
          if (line !== '') lines.push(line);
        }
        return;
      case 'code':
      case 'html':
      case 'definition':
      case 'thematicBreak':
        return;
      default:
        if ('children' in node) for (const child of node.children) block(child as Nodes);
    }
  };
  block(tree);
  return lines;
}

/** Inline content as text: soft breaks as spaces, hard breaks as `\n`, no markup. */
function inlineText(node: Nodes): string {
  switch (node.type) {
    case 'text':
      return node.value.replace(/\r?\n/g, ' ');
    case 'inlineCode':
      return node.value;
    case 'break':
      return '\n';
    case 'image':
    case 'imageReference':
    case 'html':
      return '';
    default:
      return 'children' in node ? (node.children as Nodes[]).map(inlineText).join('') : '';
  }
}

function collapse(s: string): string {
  return s.replace(/[ \t\u00a0]+/g, ' ').trim();
}
