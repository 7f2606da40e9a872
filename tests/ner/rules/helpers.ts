/**
 * Shared by the rule tests: the rules are tested on hand-made drafts, so these tests do not
 * depend on what the tagger predicts; the model is loaded only for its gazetteer bits.
 */
import { splitSentences } from '../../../src/stages/split-sentences.js';
import { blankDoc } from '../../../src/ner/corpus.js';
import { loadModel } from '../../../src/ner/model.js';
import type { TaggerModel } from '../../../src/ner/tagger.js';
import { sentenceOfTokens, toMentions, type Draft } from '../../../src/ner/rules/draft.js';
import type { Doc, EntityType } from '../../../src/types.js';

let loaded: TaggerModel | undefined;
/** The shipped model, loaded on first use. */
export function model(): TaggerModel {
  return (loaded ??= loadModel());
}

const split = splitSentences();

export function docOf(text: string): Doc {
  return split(blankDoc('t', text));
}

/** A draft over the tokens of the n-th occurrence of `phrase`. */
export function draft(doc: Doc, phrase: string, type: EntityType, confidence = 10, nth = 0): Draft {
  let at = -1;
  for (let k = 0; k <= nth; k++) at = doc.text.indexOf(phrase, at + 1);
  if (at < 0) throw new Error(`no "${phrase}"`);
  const a = doc.tokens.findIndex((t) => t.start === at);
  const b = doc.tokens.findIndex((t) => t.end === at + phrase.length) + 1;
  if (a < 0 || b <= a) throw new Error(`"${phrase}" is not on token boundaries`);
  return { a, b, type, confidence };
}

export function shown(doc: Doc, drafts: Draft[]): string[] {
  return toMentions(doc, drafts, sentenceOfTokens(doc)).map(
    (m) => `${doc.text.slice(m.start, m.end)}/${m.type}${m.role === undefined ? '' : ` role=${m.role}`}${m.longForm === undefined ? '' : ` long=${doc.text.slice(m.longForm.start, m.longForm.end)}`}`,
  );
}
