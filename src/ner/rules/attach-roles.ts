import type { Doc } from '../../types.js';
import { type Draft } from './draft.js';
import { defineRule } from './rule.js';
import { honorificSet, titleSet } from './words.js';
import { tokText, isCapitalized, lowerNoDot } from './tokens.js';

const roleLinks = new Set(['to', 'of', 'for']);

/**
 * Splits titles out of PERSON spans ("Foreign Minister Jane Doe" -> role + "Jane Doe") and
 * attaches the role written just before a person ("Ambassador to Ruritania Ivan Petrov",
 * "spokeswoman Jane Doe") or in an apposition after it ("Jane Doe, a spokeswoman for ...").
 */
export function attachRoles(doc: Doc, drafts: Draft[], sentOf: Int32Array): Draft[] {
  const isTitle = (i: number): boolean => titleSet.has(lowerNoDot(tokText(doc, i)));
  const isHonorific = (i: number): boolean => honorificSet.has(tokText(doc, i).toLowerCase());
  const startsAt = new Map<number, Draft>();
  const endsAt = new Map<number, Draft>();
  for (const d of drafts) {
    startsAt.set(d.a, d);
    endsAt.set(d.b, d);
  }
  for (const d of drafts) {
    if (d.type !== 'PERSON' || d.role !== undefined) continue;
    // Leading title words inside the span: keep at least one name token.
    let a = d.a;
    while (a < d.b - 1 && (isTitle(a) || (tokText(doc, a) === '-' && a > d.a)) && !isHonorific(a)) a++;
    let roleStart = -1;
    let roleEnd = -1;
    if (a > d.a && isCapitalized(doc, a)) {
      roleStart = d.a;
      roleEnd = a;
      d.a = a;
    }
    // Title words right before the span (honorifics skipped, not part of the role).
    let i = d.a - 1;
    while (i >= 0 && sentOf[i] === sentOf[d.a] && isHonorific(i)) i--;
    let j = i;
    if (roleStart < 0) {
      while (j >= 0 && sentOf[j] === sentOf[d.a] && (isTitle(j) || (tokText(doc, j) === '-' && j > 0 && isTitle(j - 1)))) j--;
      // "Ambassador to <PLACE>" / "Minister of <ORG>": a title, a link word and a mention.
      if (j === i && j >= 0) {
        const m = endsAt.get(j + 1);
        if (m !== undefined && m !== d && m.a >= 2 && roleLinks.has(tokText(doc, m.a - 1).toLowerCase()) && isTitle(m.a - 2)) {
          let k = m.a - 2;
          while (k - 1 >= 0 && sentOf[k - 1] === sentOf[d.a] && isTitle(k - 1)) k--;
          roleStart = k;
          roleEnd = j + 1;
        }
      } else if (j < i) {
        roleStart = j + 1;
        roleEnd = i + 1;
      }
    }
    if (roleStart < 0) {
      // Apposition: ", (a|an|the|its|their)? w{0,3} TITLE".
      let k = d.b;
      if (k < doc.tokens.length && tokText(doc, k) === ',' && sentOf[k] === sentOf[d.a]) {
        k++;
        if (k < doc.tokens.length && /^(a|an|the|its|their|his|her)$/i.test(tokText(doc, k))) k++;
        for (let steps = 0; steps < 4 && k < doc.tokens.length && sentOf[k] === sentOf[d.a]; steps++, k++) {
          if (isTitle(k) && !isHonorific(k)) {
            let e = k + 1;
            while (e < doc.tokens.length && sentOf[e] === sentOf[d.a] && isTitle(e)) e++;
            roleStart = k;
            roleEnd = e;
            break;
          }
          if (!/^\p{L}/u.test(tokText(doc, k))) break;
        }
      }
    }
    if (roleStart >= 0 && roleEnd > roleStart) {
      const role = doc.text.slice(doc.tokens[roleStart]!.start, doc.tokens[roleEnd - 1]!.end);
      if (/\p{L}/u.test(role)) d.role = role;
    }
  }
  return drafts.filter((d) => d.b > d.a);
}

export const attachRolesRule = defineRule('attach-roles', (s, { doc, sentOf }) => {
  s.drafts = attachRoles(doc, s.drafts, sentOf);
});
