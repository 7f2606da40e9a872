/**
 * CPU time of each per-document stage, in this thread, over the documents of a corpus (issue 22).
 * Prints numbers; it is not a test.
 *
 *   node dist/scripts/profile-stages.js <corpus file or folder> [documents] [skip]
 *
 * Reads the corpus as the CLI does (e.g. the bench's, kept with `npm run bench -- --only wink
 * --keep`), runs every per-document stage of `documentStages` and compaction on `documents`
 * documents (default 2,000) after skipping `skip`, once 100 documents have warmed the JIT, and
 * prints the CPU time (process.cpuUsage, so user and system time of every thread of the process)
 * spent in each stage, and a hash of the compacted documents: two builds that print the same hash
 * gave the same output. Run it on two builds in turn, several times, and compare medians; under
 * `node --cpu-prof` it gives the profile of the per-document code alone.
 */
import { createHash } from 'node:crypto';
import { parseConfig } from '../src/config.js';
import { listInputs, readInput } from '../src/io/read-inputs.js';
import { documentStages } from '../src/pipeline.js';
import { compactDocument } from '../src/stages/compact-document.js';
import { ingest } from '../src/stages/ingest.js';
import type { Doc, SourceDoc } from '../src/types.js';

async function main(): Promise<void> {
  const [corpus, count = '2000', skip = '0'] = process.argv.slice(2);
  if (corpus === undefined) throw new Error('usage: node dist/scripts/profile-stages.js <corpus> [documents] [skip]');
  const n = Number(count);
  const from = Number(skip);
  const config = parseConfig({ input: corpus });
  const { files } = await listInputs(corpus, config);
  const parse = ingest(config);
  const sources: SourceDoc[] = [];
  for (const f of files) {
    if (sources.length >= from + n && sources.length >= 100) break;
    const read = await readInput(f, config.maxFileBytes);
    if (read.kind === 'file') sources.push(...parse(read.file).docs);
  }
  const stages = [...documentStages(config), ['compact', compactDocument()] as const];
  const run = (s: SourceDoc, cpu?: Record<string, number>): unknown => {
    let doc: Doc = { ...s, sentences: [], tokens: [], entities: [], dates: [], events: [] };
    let out: unknown = doc;
    for (const [name, stage] of stages) {
      const c = cpu === undefined ? undefined : process.cpuUsage();
      out = (stage as (d: Doc) => unknown)(doc);
      if (name !== 'compact') doc = out as Doc;
      if (cpu !== undefined && c !== undefined) {
        const u = process.cpuUsage(c);
        cpu[name] = (cpu[name] ?? 0) + (u.user + u.system) / 1000;
      }
    }
    return out;
  };
  for (const s of sources.slice(0, 100)) run(s);
  const cpu: Record<string, number> = {};
  const hash = createHash('sha1');
  const picked = sources.slice(from, from + n);
  const t0 = process.cpuUsage();
  for (const s of picked) hash.update(JSON.stringify(run(s, cpu)));
  const total = process.cpuUsage(t0);
  const stagesText = Object.entries(cpu).map(([k, v]) => `${k} ${v.toFixed(0)}`).join('  ');
  process.stdout.write(`${picked.length} documents, CPU ms: total ${((total.user + total.system) / 1000).toFixed(0)} | ${stagesText} | output ${hash.digest('hex').slice(0, 12)}\n`);
}

await main();
