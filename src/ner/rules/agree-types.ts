import type { Doc } from '../../types.js';
import { gaz } from '../gazetteer.js';
import { type Draft } from './draft.js';
import { defineRule } from './rule.js';
import { honorificSet, titleSet } from './words.js';
import { tokText, lowerNoDot } from './tokens.js';

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
  for (const d of drafts) {
    if (d.type !== 'PERSON') continue;
    const key = keyOf(d);
    if (candidates.has(key)) {
      if (d.b - d.a > 1 && gz[d.a]! & gaz.NAME) candidates.delete(key);
      if (d.a > 0 && sentOf[d.a - 1] === sentOf[d.a]) {
        const before = tokText(doc, d.a - 1);
        if (titleSet.has(lowerNoDot(before)) || honorificSet.has(before.toLowerCase())) candidates.delete(key);
      }
    }
    if (d.b - d.a > 1) for (const c of [...candidates]) if (c !== key && ` ${key} `.includes(` ${c} `)) candidates.delete(c);
  }
  if (candidates.size === 0) return drafts;
  return drafts.map((d) => (d.type === 'PERSON' && candidates.has(keyOf(d)) ? { ...d, type: 'ORGANIZATION' as const } : d));
}

export const agreeTypesRule = defineRule('agree-types', (s, { doc, sentOf, gz }) => {
  s.drafts = agreeTypes(doc, s.drafts, sentOf, gz);
});
