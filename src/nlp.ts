import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

/**
 * The wink-nlp instance, loaded once per process (or worker thread). Loading the model takes a
 * few hundred milliseconds, so every stage shares this one; it holds no per-document state.
 */
let instance: ReturnType<typeof winkNLP> | undefined;

export function nlp(): ReturnType<typeof winkNLP> {
  instance ??= winkNLP(model, ['sbd', 'pos']);
  return instance;
}
