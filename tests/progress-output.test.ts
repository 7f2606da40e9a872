import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { afterDocumentsSeconds, createProgress, formatDuration, formatSummary, phaseLine, progressLine, progressStats } from '../src/io/progress.js';

function sink(isTTY: boolean): Writable & { isTTY: boolean; columns: number; text: () => string } {
  const chunks: string[] = [];
  const w = new Writable({ write(chunk, _enc, cb) { chunks.push(String(chunk)); cb(); } }) as Writable & { isTTY: boolean; columns: number; text: () => string };
  w.isTTY = isTTY;
  w.columns = 100;
  w.text = () => chunks.join('');
  return w;
}

describe('progress', () => {
  const state = (done: number, total: number | null, bytesDone: number, bytesTotal: number) => ({ done, total, bytesDone, bytesTotal });

  it('knows the share done from the input bytes from the start, and times what is left from the first document, then the phases after', () => {
    // 10 s in, the first document done at 4 s with 100 bytes, 400 of 1,000 bytes done now.
    const first = { ms: 4000, bytes: 100 };
    const s = progressStats(state(8, null, 400, 1000), 10_000, { first });
    expect(s).toMatchObject({ done: 8, total: null, fraction: 0.4, rate: 0.8 });
    // 600 bytes left at 300 bytes in 6 s: 12 s of documents (18 s in all), then 5 + 0.35 * 18 s.
    expect(s.eta).toBeCloseTo(12 + afterDocumentsSeconds(18, 1), 6);
    expect(afterDocumentsSeconds(18, 1)).toBeCloseTo(11.3, 6);
    expect(progressStats(state(8, null, 400, 1000), 10_000, { first }, 2).eta).toBeCloseTo(12 + 5 + 0.35 * 2 * 18, 6);
    // From a recent mark: 200 bytes in the last 2 s, so 6 s of documents left.
    expect(progressStats(state(8, null, 400, 1000), 10_000, { first, recent: { ms: 8000, bytes: 200 } }).eta).toBeCloseTo(6 + afterDocumentsSeconds(12, 1), 6);
    expect(progressStats(state(0, 3, 0, 1000), 500).eta).toBeNull();
    expect(progressStats(state(1, 3, 100, 1000), 500, { first: { ms: 500, bytes: 100 } }).eta).toBeNull();
  });

  it('formats a plain line with done of total, rate and time left', () => {
    expect(progressLine(progressStats(state(120, 500, 250, 1000), 5000, { first: { ms: 0, bytes: 0 } }))).toBe('documents 120/500 (25%), 24.0 docs/s, about 27 s left');
    expect(progressLine(progressStats(state(1, null, 125, 1000), 1000, { first: { ms: 500, bytes: 25 } }))).toBe('documents 1 (12% of the input), 1.00 docs/s, about 11 s left');
    expect(phaseLine({ name: 'dedupe-entities', step: 2, steps: 5 })).toBe('phase 2/5: merging names into entities');
    expect(phaseLine({ name: 'write-tables', step: 5, steps: 5, done: 3, total: 29 })).toBe('phase 5/5: writing tables, 3/29 files');
    expect(formatDuration(185)).toBe('3 min 05 s');
    expect(formatDuration(3720)).toBe('1 h 02 min');
  });

  it('gives a time left within a factor of two of the truth from 10% of the input on, despite start-up, warm-up and uneven documents', () => {
    // A simulated run: 8 s of start-up (model and workers), then 400 documents of uneven size (a
    // fixed pseudo-random sequence) read at a throughput that wanders between 0.7 and 1.3 times
    // its mean, at 0.6 of it for the first 15% (warm-up), then the phases after the documents:
    // 4 s plus 0.6 of the documents' time (the measured runs range from 0.43 to 0.9).
    let seed = 7;
    const random = (): number => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const sizes = Array.from({ length: 400 }, () => 200 + Math.floor(random() * 5000) * (random() < 0.1 ? 4 : 1));
    const bytesTotal = sizes.reduce((a, b) => a + b, 0);
    const times: number[] = [];
    let t = 8000;
    for (const size of sizes) times.push((t += size / (1 + 0.3 * Math.sin(times.length / 17)) / (times.length < 60 ? 30 : 50)));
    const end = times[times.length - 1]! + 4000 + 0.6 * (times[times.length - 1]! - times[0]!);
    let clock = 0;
    const lines: string[] = [];
    const out = { write: (line: string) => lines.push(line), isTTY: false } as unknown as NodeJS.WritableStream;
    const progress = createProgress({ stream: out, quiet: false, now: () => clock, lineEveryMs: 1 });
    let bytesDone = 0;
    let checked = 0;
    sizes.forEach((size, i) => {
      clock = times[i]!;
      bytesDone += size;
      progress.update(state(i + 1, 400, bytesDone, bytesTotal));
      if (bytesDone / bytesTotal < 0.1) return;
      const eta = /about (?:(\d+) min )?(\d+) s left/.exec(lines[lines.length - 1]!);
      const shown = Number(eta?.[1] ?? 0) * 60 + Number(eta?.[2]);
      const truth = (end - clock) / 1000;
      if (truth < 5) return; // rounding to whole seconds dominates at the very end
      expect(shown, `at ${Math.round((100 * bytesDone) / bytesTotal)}%`).toBeGreaterThanOrEqual(truth / 2);
      expect(shown).toBeLessThanOrEqual(truth * 2);
      checked++;
    });
    expect(checked).toBeGreaterThan(200);
  });

  it('writes plain lines, without control characters, when not on a terminal, at most once per interval; then one line per phase', () => {
    let t = 0;
    const out = sink(false);
    const p = createProgress({ stream: out, quiet: false, now: () => t, lineEveryMs: 1000 });
    for (let i = 1; i <= 10; i++) {
      t = i * 300;
      p.update(state(i, 10, i * 100, 1000));
    }
    p.phase({ name: 'dedupe-documents', step: 1, steps: 2 });
    p.phase({ name: 'write-tables', step: 2, steps: 2, done: 0, total: 3 });
    p.phase({ name: 'write-tables', step: 2, steps: 2, done: 1, total: 3 });
    p.stop();
    const lines = out.text().trimEnd().split('\n');
    // Updates every 0.3 s: lines at 1.2 s and 2.4 s (a second apart at least), then the final state before the phases.
    expect(lines.map((l) => l.split(' (')[0])).toEqual(['documents 4/10', 'documents 8/10', 'documents 10/10', 'phase 1/2: removing duplicate documents', 'phase 2/2: writing tables, 0/3 files']);
    expect(out.text()).not.toMatch(/\u001b/);
  });

  it('draws a bar on a terminal and prints nothing when quiet', () => {
    const tty = sink(true);
    const bar = createProgress({ stream: tty, quiet: false });
    bar.update(state(3, 12, 250, 1000));
    bar.phase({ name: 'merge-events', step: 3, steps: 5 });
    bar.stop();
    expect(tty.text()).toMatch(/documents .*25% \| 3\/12 docs/);
    expect(tty.text()).toContain('phase 3/5: merging events');
    const quiet = sink(true);
    const q = createProgress({ stream: quiet, quiet: true });
    q.update(state(3, 12, 250, 1000));
    q.phase({ name: 'merge-events', step: 3, steps: 5 });
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
