import type { Doc, EntityType } from '../../types.js';
import { type Draft } from './draft.js';
import { defineRule } from './rule.js';
import { tokText } from './tokens.js';

/**
 * An acronym defined in passing, "Northern Liberation Front (NLF)": the acronym takes the long
 * form's type and records the long form's span; so do its other mentions in the document.
 */
export function defineAcronyms(doc: Doc, drafts: Draft[], sentOf: Int32Array): Draft[] {
  const defs = new Map<string, { type: EntityType; longForm: { start: number; end: number } }>();
  const byStart = new Map<number, Draft>();
  for (const d of drafts) byStart.set(d.a, d);
  const out = [...drafts];
  for (const d of drafts) {
    const open = d.b;
    if (open + 2 >= doc.tokens.length || tokText(doc, open) !== '(' || tokText(doc, open + 2) !== ')') continue;
    if (sentOf[open + 1] !== sentOf[d.a]) continue;
    const acro = tokText(doc, open + 1);
    if (!/^[\p{Lu}][\p{Lu}\p{Ll}&.-]{1,9}$/u.test(acro) || acro.replace(/[^\p{Lu}]/gu, '').length < 2) continue;
    const longText = doc.text.slice(doc.tokens[d.a]!.start, doc.tokens[d.b - 1]!.end);
    if (!initialsMatch(longText, acro)) continue;
    const longForm = { start: doc.tokens[d.a]!.start, end: doc.tokens[d.b - 1]!.end };
    defs.set(acro, { type: d.type, longForm });
    const existing = byStart.get(open + 1);
    if (existing !== undefined && existing.b === open + 2) {
      existing.type = d.type;
      existing.longForm = longForm;
    } else if (existing === undefined) {
      const added: Draft = { a: open + 1, b: open + 2, type: d.type, longForm, confidence: 0 };
      out.push(added);
      byStart.set(open + 1, added);
    }
  }
  if (defs.size > 0) {
    // Other mentions of a defined acronym; untagged ones are added.
    const covered = new Uint8Array(doc.tokens.length);
    for (const d of out) covered.fill(1, d.a, d.b);
    for (const d of out) {
      if (d.b !== d.a + 1) continue;
      const def = defs.get(tokText(doc, d.a));
      if (def !== undefined) {
        d.type = def.type;
        d.longForm ??= def.longForm;
      }
    }
    for (let i = 0; i < doc.tokens.length; i++) {
      if (covered[i] === 1 || sentOf[i]! < 0) continue;
      const def = defs.get(tokText(doc, i));
      if (def !== undefined) out.push({ a: i, b: i + 1, type: def.type, longForm: def.longForm, confidence: 0 });
    }
  }
  return out.sort((x, y) => x.a - y.a);
}

/** Do the capitals of an acronym follow the initials of the long form's words, in order? */
export function initialsMatch(longText: string, acro: string): boolean {
  const letters = acro.replace(/[^\p{L}]/gu, '').toLowerCase();
  const words = longText.split(/[\s-]+/u).filter((w) => /^\p{L}/u.test(w));
  // Greedy subsequence: every acronym letter starts a word, or continues the current word.
  let w = 0;
  let pos = 0;
  for (let i = 0; i < letters.length; i++) {
    const ch = letters[i]!;
    let found = false;
    for (let k = w; k < words.length; k++) {
      if (words[k]![0]!.toLowerCase() === ch) {
        w = k + 1;
        pos = 1;
        found = true;
        break;
      }
    }
    if (!found) {
      const cur = words[w - 1];
      if (cur === undefined || cur.slice(pos).toLowerCase().indexOf(ch) < 0) return false;
      pos = cur.slice(pos).toLowerCase().indexOf(ch) + pos + 1;
    }
  }
  return letters.length >= 2 && letters[0] === words[0]?.[0]?.toLowerCase();
}

export const defineAcronymsRule = defineRule('define-acronyms', (s, { doc, sentOf }) => {
  s.drafts = defineAcronyms(doc, s.drafts, sentOf);
});
