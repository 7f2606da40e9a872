import type { Doc } from '../../types.js';
import type { PlaceResolver } from '../../geo/types.js';
import type { Draft } from './draft.js';
import type { GazTable } from '../gazetteer.js';

/** What every rule may read about the document being recognized. */
export interface RuleContext {
  doc: Doc;
  /** Sentence index of every token (see sentenceOfTokens). */
  sentOf: Int32Array;
  /** Gazetteer bits of every token. */
  gz: Uint16Array;
  /** The model's gazetteer, for words that are not tokens of the document (a plural's stem). */
  lexicon?: GazTable;
  /** Countries and first-level regions; without it the rules that join region names do nothing. */
  places?: PlaceResolver;
}

/** The spans the rules pass along: the mentions, and the MISC spans kept aside. */
export interface RuleState {
  drafts: Draft[];
  /** MISC spans of the tagger (typed ORGANIZATION): a descriptor may yet make one a name. */
  misc: Draft[];
}

/** A post-rule: a name (its file name) and a step over the state. */
export interface Rule<N extends string = string> {
  readonly name: N;
  apply(state: RuleState, context: RuleContext): void;
}

export function defineRule<N extends string>(name: N, apply: (state: RuleState, context: RuleContext) => void): Rule<N> {
  return { name, apply };
}
