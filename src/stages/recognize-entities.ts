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
 * An averaged-perceptron BIO tagger (hashed features, greedy decoding with a per-document
 * prediction history) labels the tokens; rules then join split names, trim debris, separate
 * roles from names, type acronyms defined in the text and give each name one type per document.
 * The model is loaded once, when the stage is built.
 */
export function recognizeEntities(options: RecognizeOptions = {}): DocStage {
  const model = options.model ?? loadModel(options.modelPath);
  return (doc) => ({ ...doc, entities: findEntities(doc, model) });
}
