import { DatelineError, describe } from '../errors.js';
import { loadModel } from '../ner/model.js';
import { findEntities } from '../ner/recognize.js';
import { loadRegionNames } from '../geo/gazetteer.js';
import type { PlaceResolver } from '../geo/types.js';
import type { TaggerModel } from '../ner/tagger.js';
import { nerRules, type Rule } from '../ner/rules/index.js';
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
  /**
   * Country and first-level region names, by which "A and B" / "A-B" / "A de B" written for one
   * region become one place (tests pass a small gazetteer).
   * @default countries and regions of src/geo (`loadRegionNames()`)
   */
  places?: PlaceResolver;
  /**
   * The post-rules to run, in order (the eval's `--ablate` leaves one out).
   * @default `nerRules` (src/ner/rules/index.ts)
   */
  rules?: readonly Rule[];
}

/**
 * Finds PERSON, ORGANIZATION and PLACE mentions in a document split by `splitSentences()`.
 *
 * An averaged-perceptron BIO tagger (hashed features, gazetteer bits, greedy decoding in two
 * passes with document-wide label history) labels the tokens; rules (src/ner/rules/, in the order of `nerRules`) then
 * join what the tokenizer split, trim debris, separate titles and roles from names, type a
 * multi-word name by its head word, drop Title Case headings and the pieces of quoted
 * translations, type a place before a facility noun ("the X hospital") as a place, join compound
 * region names ("A and B" naming one region) and region names with lower-case particles ("Rio
 * Grande do Sul"), cut a name off "-based"/"-led" adjectives, weekdays and dated months, type a
 * person ending in a company word ("X Brewing") as an organization, type acronyms defined in the
 * text and give each name one type per document. The model and the region names are loaded once,
 * when the stage is built; a bad path or unknown option throws `CONFIG_INVALID` /
 * `MODEL_INVALID` then.
 */
export function recognizeEntities(options: RecognizeOptions = {}): DocStage {
  const known = ['modelPath', 'model', 'places', 'rules'];
  for (const key of Object.keys(options)) {
    if (!known.includes(key)) {
      throw new DatelineError('CONFIG_INVALID', `Unknown recognizer option \`${key}\`; expected one of ${known.map((k) => `\`${k}\``).join(', ')}`);
    }
  }
  if (options.modelPath !== undefined && (typeof options.modelPath !== 'string' || options.modelPath === '')) {
    throw new DatelineError('CONFIG_INVALID', `Expected \`modelPath\` to be a file path, got ${describe(options.modelPath)}`);
  }
  if (options.places !== undefined && typeof options.places?.resolve !== 'function') {
    throw new DatelineError('CONFIG_INVALID', `Expected \`places\` to be a place resolver (an object with \`resolve()\`), got ${describe(options.places)}`);
  }
  if (options.rules !== undefined && !(Array.isArray(options.rules) && options.rules.every((r) => typeof r?.apply === 'function'))) {
    throw new DatelineError('CONFIG_INVALID', `Expected \`rules\` to be a list of recognizer rules (see nerRules), got ${describe(options.rules)}`);
  }
  const model = options.model ?? loadModel(options.modelPath);
  const places = options.places ?? loadRegionNames();
  const rules = options.rules ?? nerRules;
  return (doc) => ({ ...doc, entities: findEntities(doc, model, places, rules) });
}
