import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createProgress, formatDuration, formatSummary, progressLine, progressStats } from '../src/io/progress.js';

function sink(isTTY: boolean): Writable & { isTTY: boolean; columns: number; text: () => string } {
  const chunks: string[] = [];
  const w = new Writable({ write(chunk, _enc, cb) { chunks.push(String(chunk)); cb(); } }) as Writable & { isTTY: boolean; columns: number; text: () => string };
  w.isTTY = isTTY;
  w.columns = 100;
  w.text = () => chunks.join('');
  return w;
}

describe('progress', () => {
  it('computes rate and time left, estimating the total from the files read until it is known', () => {
    const early = progressStats({ done: 10, total: null, found: 20, filesRead: 2, files: 10 }, 5000);
    expect(early).toMatchObject({ done: 10, total: 100, estimated: true, rate: 2 });
    expect(early.eta).toBe(45);
    const late = progressStats({ done: 50, total: 80, found: 80, filesRead: 10, files: 10 }, 10_000);
    expect(late).toMatchObject({ total: 80, estimated: false, rate: 5, eta: 6 });
    expect(progressStats({ done: 0, total: 3, found: 3, filesRead: 1, files: 1 }, 0).eta).toBeNull();
  });

  it('formats a plain line with done of total, rate and time left', () => {
    expect(progressLine(progressStats({ done: 120, total: 500, found: 500, filesRead: 5, files: 5 }, 4000))).toBe('documents 120/500 (24%), 30.0 docs/s, about 13 s left');
    expect(progressLine(progressStats({ done: 1, total: null, found: 4, filesRead: 1, files: 2 }, 1000))).toBe('documents 1/~8 (12%), 1.00 docs/s, about 7 s left');
    expect(formatDuration(185)).toBe('3 min 05 s');
    expect(formatDuration(3720)).toBe('1 h 02 min');
  });

  it('writes plain lines, without control characters, when not on a terminal, at most once per interval', () => {
    let t = 0;
    const out = sink(false);
    const p = createProgress({ stream: out, quiet: false, now: () => t, lineEveryMs: 1000 });
    for (let i = 1; i <= 10; i++) {
      t = i * 300;
      p.update({ done: i, total: 10, found: 10, filesRead: 10, files: 10 });
    }
    p.stop();
    const lines = out.text().trimEnd().split('\n');
    // Updates every 0.3 s: lines at 1.2 s and 2.4 s (a second apart at least), then the final state on stop.
    expect(lines.map((l) => l.split(' (')[0])).toEqual(['documents 4/10', 'documents 8/10', 'documents 10/10']);
    expect(out.text()).not.toMatch(/\u001b/);
  });

  it('draws a bar on a terminal and prints nothing when quiet', () => {
    const tty = sink(true);
    const bar = createProgress({ stream: tty, quiet: false });
    bar.update({ done: 3, total: 12, found: 12, filesRead: 2, files: 2 });
    bar.stop();
    expect(tty.text()).toMatch(/documents .*3\/12/);
    const quiet = sink(true);
    const q = createProgress({ stream: quiet, quiet: true });
    q.update({ done: 3, total: 12, found: 12, filesRead: 2, files: 2 });
    q.stop();
    expect(quiet.text()).toBe('');
  });
});

describe('summary', () => {
  it('fits one screen and says what was found and where the files are', () => {
    const text = formatSummary(
      { documentsRead: 7, tokens: 4200, files: 3, tables: { people: 4, organizations: 2, places: 5, events: 3, event_mentions: 6, mentions: 40, duplicates: 1 }, failures: [{}, {}], written: ['/out/people.csv', '/out/people.parquet', '/out/report.html'] },
      { version: '9.9.9', seconds: 2.4, output: '/out', cwd: '/' },
    );
    const lines = text.trimEnd().split('\n');
    expect(lines.length).toBeLessThanOrEqual(20);
    expect(lines[0]).toBe('dateline 9.9.9: 7 documents from 3 files (4200 tokens) in 2 s');
    expect(text).toMatch(/people\s+4\n/);
    expect(text).toMatch(/organizations\s+2\n/);
    expect(text).toMatch(/events\s+3 \(from 6 reporting sentences\)/);
    expect(text).toMatch(/failures\s+2 \(listed on stderr and in out\/errors\.jsonl\)/);
    expect(text).toContain('written to out/\n');
    expect(text).toMatch(/tables\s+1 as csv, parquet\n/);
    expect(text).toMatch(/also\s+report\.html\n/);
    expect(text).toContain('open out/report.html');
  });
});
