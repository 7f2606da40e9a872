import type { Doc } from '../../types.js';
import { type Draft } from './draft.js';
import { defineRule } from './rule.js';
import { dropPersonEvidence } from './tokens.js';

/**
 * One name, one type in a document, decided by the evidence of every mention: a name typed
 * ORGANIZATION at one mention and PERSON at others is an organization, unless the document gives
 * person evidence for it (a title or an honorific right before a mention, "Dr. Roe"; the name
 * inside a longer person's name, "Ana Roe"; a name of two words or more that starts with a given
 * name). Rules that found company evidence ("X CEO", "X Inc.", "its") have typed their mention
 * by then; the tagger's guesses at the other mentions follow it.
 */
export function agreeTypes(doc: Doc, drafts: Draft[], sentOf: Int32Array, gz: Uint16Array): Draft[] {
  const keyOf = (d: Draft): string => doc.text.slice(doc.tokens[d.a]!.start, doc.tokens[d.b - 1]!.end);
  const orgs = new Set<string>();
  for (const d of drafts) if (d.type === 'ORGANIZATION') orgs.add(keyOf(d));
  if (orgs.size === 0) return drafts;
  const candidates = new Set<string>();
  for (const d of drafts) if (d.type === 'PERSON' && orgs.has(keyOf(d))) candidates.add(keyOf(d));
  if (candidates.size === 0) return drafts;
  dropPersonEvidence(doc, drafts, sentOf, gz, candidates);
  if (candidates.size === 0) return drafts;
  return drafts.map((d) => (d.type === 'PERSON' && candidates.has(keyOf(d)) ? { ...d, type: 'ORGANIZATION' as const } : d));
}

export const agreeTypesRule = defineRule('agree-types', (s, { doc, sentOf, gz }) => {
  s.drafts = agreeTypes(doc, s.drafts, sentOf, gz);
});
