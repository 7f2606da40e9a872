import { describe, expect, it } from 'vitest';
import { parseConfig } from '../src/config.js';
import { parseMarkdown } from '../src/ingest/markdown.js';
import { ingest } from '../src/stages/ingest.js';

const options = parseConfig({});
const parse = (md: string, path = 'notes/visit.md') => parseMarkdown(md, { path, bytes: new TextEncoder().encode(md) }, options);

describe('Markdown ingest', () => {
  it('reads title, date and url from front matter and starts the text with the title line', () => {
    const md = `---
title: "Glassworks reopens after the flood"
date: 2020-09-14
url: https://notes.example/glass
tags: [local]
---
The glassworks in Vell reopened on Monday.
`;
    const doc = parse(md).docs[0]!;
    expect(doc).toMatchObject({ id: 'notes/visit', title: 'Glassworks reopens after the flood', published: '2020-09-14', publishedSource: 'metadata', url: 'https://notes.example/glass' });
    expect(doc.text).toBe('Glassworks reopens after the flood\nThe glassworks in Vell reopened on Monday.');
  });

  it('strips Markdown syntax and joins wrapped paragraph lines, so the text is prose', () => {
    const md = `# Ferry *strike* ends

The **dockworkers' union** in [Marlow Bay](https://example.org/marlow) ended its strike
on Friday after talks with the \`port authority\`. Ships sail again &amp; queues shrink.

> "We got what we asked for," said union head Pia Lund.

- Talks lasted nine days.
- Wages rise 4%.

\`\`\`js
const shouldNotAppear = true;
\`\`\`

<div>raw html block</div>

![a photo of the harbour](harbour.jpg)

Line one with a hard break\\
line two.
`;
    const doc = parse(md).docs[0]!;
    expect(doc.title).toBe('Ferry strike ends');
    expect(doc.text.split('\n')).toEqual([
      'Ferry strike ends',
      "The dockworkers' union in Marlow Bay ended its strike on Friday after talks with the port authority. Ships sail again & queues shrink.",
      '"We got what we asked for," said union head Pia Lund.',
      'Talks lasted nine days.',
      'Wages rise 4%.',
      'Line one with a hard break',
      'line two.',
    ]);
    // Offsets point into the stripped text.
    const at = doc.text.indexOf('Marlow Bay');
    expect(doc.text.slice(at, at + 10)).toBe('Marlow Bay');
  });

  it('uses the first line as title without front matter, and a dated file name as published', () => {
    const doc = parse('Intro line, *first*.\n\n## The heading\n\nBody.', 'n/2016-02-29-leap.md').docs[0]!;
    expect(doc).toMatchObject({ title: 'Intro line, first.', published: '2016-02-29', publishedSource: 'filename' });
    expect(doc.text).toBe('Intro line, first.\nThe heading\nBody.');
  });

  it('reports bad front matter and a bad date through the ingest stage, naming the file', () => {
    const read = ingest(options);
    const file = (path: string, s: string) => ({ path, bytes: new TextEncoder().encode(s) });
    expect(read(file('a.md', '---\ntitle: [unclosed\n---\nBody.')).failures).toMatchObject([{ file: 'a.md', code: 'INPUT_UNREADABLE', message: expect.stringMatching(/^a\.md: the front matter is not valid YAML/) }]);
    expect(read(file('b.md', '---\ndate: sometime soon\n---\nBody.')).failures).toMatchObject([{ file: 'b.md', message: expect.stringMatching(/front matter `date`.*"sometime soon"/) }]);
    expect(read(file('c.md', '```\ncode only\n```\n')).failures).toMatchObject([{ file: 'c.md', code: 'INPUT_EMPTY' }]);
  });
});
