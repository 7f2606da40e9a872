/**
 * `npm run eval -- <kind> [gold]`: scores the pipeline against gold data and prints the figures.
 * A script, not a test: the README carries its latest output.
 *
 *   ner <conll.jsonl>      span-exact P/R/F1 per type (PER, ORG, LOC) and the costliest confusions
 *                          (a MEANTIME file, with `annotated_end`, is scored on its annotated region)
 *   ner --ablate [files]   each post-rule's gain in micro F1 on each file (default: the dev files);
 *                          with --model <file>, another model than the shipped one
 *   dates <timeml.jsonl>...  extraction P/R/F1 (strict, relaxed) and value F1 for DATE and TIME;
 *                          --ablate: each date rule family's value F1 gain on each file (--ablate=rules: each rule's);
                          --verbose: every value error, miss and spurious prediction with its context
 *   dedupe [clusters.json | meantime.jsonl] [--ablate]
 *                          pairwise precision and recall of mention clusters, or cross-document
 *                          coreference B-cubed; --ablate: each merge rule's gain
 *   events [gold.json]     recall and precision of dated events on the sample articles
 */
const usage = 'usage: npm run eval -- <ner|dates|dedupe|events> [gold file] [--ablate] (ner: [--model file])';

async function main(argv: string[]): Promise<number> {
  const [kind, ...rest] = argv;
  const path = rest.find((a) => !a.startsWith('--'));
  const flags = rest.filter((a) => a.startsWith('--'));
  switch (kind) {
    case 'ner':
      if (path === undefined) break;
      {
        const ner = await import('./eval/ner.js');
        const { files, modelPath } = ner.nerArgs(argv.slice(1));
        if (files[0] === '--ablate') await ner.ablateNer(files.length > 1 ? files.slice(1) : ner.devFiles, modelPath);
        else if (files[0] !== undefined) await ner.evalNer(files[0], modelPath);
        else break;
      }
      return 0;
    case 'dates': {
      // `dates <file>... [--ablate]`; with --ablate and no file, both date dev files.
      const ablate = argv.includes('--ablate=rules') ? 'rules' : argv.includes('--ablate');
      const verbose = argv.includes('--verbose');
      const files = argv.slice(1).filter((a) => !a.startsWith('--ablate') && a !== '--verbose');
      if (files.length === 0 && ablate) files.push('../shared/eval/te3-train.jsonl', '../shared/eval/meantime-dev.jsonl');
      if (files.length === 0) break;
      await (await import('./eval/dates.js')).evalDates(files, { ablate, verbose });
      return 0;
    }
    case 'dedupe':
      await (await import('./eval/dedupe.js')).evalDedupe(path, flags);
      return 0;
    case 'events':
      await (await import('./eval/events.js')).evalEvents(path);
      return 0;
    default:
  }
  process.stderr.write(`${usage}\n`);
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`eval: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
