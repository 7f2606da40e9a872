import type { Doc, EntityMention, EntityType } from '../types.js';
import type { PlaceResolver } from '../geo/types.js';
import { sentenceOfTokens, toMentions, type Draft } from './rules/draft.js';
import { nerRules } from './rules/index.js';
import type { Rule, RuleContext, RuleState } from './rules/rule.js';
import { decode, docFeatures, labelSpans, type TaggerModel } from './tagger.js';

/** Tagger classes to pipeline types; MISC (index 3) is dropped. */
const typeOfClass: ReadonlyArray<EntityType | undefined> = ['PERSON', 'ORGANIZATION', 'PLACE', undefined];

/**
 * Tags a tokenized document and applies the cleanup rules (`rules`, in order; the eval's
 * ablation passes a list without one). `places` (countries and first-level regions) lets the
 * rules join compound region names; without it they are left as tagged.
 */
export function findEntities(doc: Doc, model: TaggerModel, places?: PlaceResolver, rules: readonly Rule[] = nerRules): EntityMention[] {
  if (doc.tokens.length === 0) return [];
  const margins = new Float32Array(doc.tokens.length);
  const df = docFeatures(model, doc.text, doc.tokens, doc.sentences);
  const labels = decode(model, df, doc.sentences, undefined, margins);
  const sentOf = sentenceOfTokens(doc);
  const drafts: Draft[] = [];
  // MISC spans are kept aside: a descriptor noun may yet make one an organization.
  const misc: Draft[] = [];
  for (const [a, b, k] of labelSpans(labels, doc.sentences)) {
    const type = typeOfClass[k];
    let confidence = Infinity;
    for (let i = a; i < b; i++) confidence = Math.min(confidence, margins[i]!);
    if (type === undefined) misc.push({ a, b, type: 'ORGANIZATION', confidence });
    else drafts.push({ a, b, type, confidence });
  }
  const context: RuleContext = { doc, sentOf, gz: df.gz, lexicon: model.gazetteer, places };
  const state: RuleState = { drafts, misc };
  for (const rule of rules) rule.apply(state, context);
  return toMentions(doc, state.drafts, sentOf);
}

/** The tagger alone: one BIO label per token. */
export function tagDoc(doc: Doc, model: TaggerModel, margins?: Float32Array): Uint8Array {
  const df = docFeatures(model, doc.text, doc.tokens, doc.sentences);
  return decode(model, df, doc.sentences, undefined, margins);
}
