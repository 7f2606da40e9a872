import { DatelineError, describe } from '../errors.js';
import { loadModel } from '../ner/model.js';
import { findEntities } from '../ner/recognize.js';
import type { TaggerModel } from '../ner/tagger.js';
import type { DocStage } from '../types.js';

/** Options of the named-entity recognizer. */
export interface RecognizeOptions {
  /**
   * Path of a model written by `npm run train`.
   * @default the model shipped in models/ner-model.bin.gz
   */
  modelPath?: string;
  /** An already loaded model (tests, workers that share one); wins over `modelPath`. */
  model?: TaggerModel;
}

/**
 * Finds PERSON, ORGANIZATION and PLACE mentions in a document split by `splitSentences()`.
 *
 * An averaged-perceptron BIO tagger (hashed features, gazetteer bits, greedy decoding in two
 * passes with document-wide label history) labels the tokens; rules (src/ner/rules.ts) then
 * join what the tokenizer split, trim debris, separate titles and roles from names, type a
 * multi-word name by its head word, drop Title Case headings, type acronyms defined in the
 * text and give each name one type per document. The model is loaded once, when the stage is
 * built; a bad path or unknown option throws `CONFIG_INVALID` / `MODEL_INVALID` then.
 */
export function recognizeEntities(options: RecognizeOptions = {}): DocStage {
  const known = ['modelPath', 'model'];
  for (const key of Object.keys(options)) {
    if (!known.includes(key)) {
      throw new DatelineError('CONFIG_INVALID', `Unknown recognizer option \`${key}\`; expected one of ${known.map((k) => `\`${k}\``).join(', ')}`);
    }
  }
  if (options.modelPath !== undefined && (typeof options.modelPath !== 'string' || options.modelPath === '')) {
    throw new DatelineError('CONFIG_INVALID', `Expected \`modelPath\` to be a file path, got ${describe(options.modelPath)}`);
  }
  const model = options.model ?? loadModel(options.modelPath);
  return (doc) => ({ ...doc, entities: findEntities(doc, model) });
}
