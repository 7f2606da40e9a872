import type { Doc } from '../../types.js';
import { orgDescriptors } from '../cues.js';
import { type Draft } from './draft.js';
import { defineRule } from './rule.js';
import { PLACE_BITS } from './words.js';
import { tokText, capitalizedInside, isCapitalized, isWord, isCreed } from './tokens.js';

const descriptorSet = new Set(orgDescriptors);
/** Descriptors of media and online platforms: "the Zapchat channel" names no place. */
const platformNouns = new Set(['channel', 'channels', 'app', 'platform', 'account', 'newspaper', 'broadcaster']);

/**
 * A name the tagger called MISC (or PERSON) is an organization when a descriptor noun stands
 * right before it ("the militant group X", "the broadcaster X") or right after it in lower case
 * ("the X group"; not a sentence's first word that the document never capitalizes inside a
 * sentence, "Tractor maker X"); other MISC and PERSON mentions of the same string in the document follow, and
 * untagged occurrences of a confirmed multi-word name are added. A PLACE that no gazetteer knows,
 * with a media or platform noun right after it ("the Zapchat channel"), is one too, with its other
 * mentions. Words of faith or nationality alone ("the Sunni group") are not names. Returns the
 * drafts with the retyped MISC ones added.
 */
export function orgByDescriptor(doc: Doc, drafts: Draft[], misc: Draft[], sentOf: Int32Array, gz: Uint16Array): Draft[] {
  const keyOf = (d: Draft): string => doc.text.slice(doc.tokens[d.a]!.start, doc.tokens[d.b - 1]!.end);
  const n = doc.tokens.length;
  const described = (d: Draft): boolean => {
    if (!isCapitalized(doc, d.a) || isCreed(doc, d, gz)) return false;
    const before = d.a - 1 >= 0 && sentOf[d.a - 1] === sentOf[d.a] && descriptorSet.has(tokText(doc, d.a - 1));
    const after = d.b < n && sentOf[d.b] === sentOf[d.a] && descriptorSet.has(tokText(doc, d.b)) && !commonFirst(d);
    return before || after || apposed(d);
  };
  // Before a descriptor, a sentence's first word may be a common noun capitalized only there
  // ("Tractor maker X"). (Not words of nationality: "the Ruritanian party" may name the party.)
  const commonFirst = (d: Draft): boolean => {
    const first = d.a === 0 || sentOf[d.a - 1] !== sentOf[d.a];
    return first && !innerHas(tokText(doc, d.a));
  };
  const innerHas = capitalizedInside(doc, sentOf);
  // An apposition: "X, a militant group ...", "X (an armed faction)", "X, the ruling party".
  const apposed = (d: Draft): boolean => {
    let k = d.b;
    if (k >= n || sentOf[k] !== sentOf[d.a] || !/^[,(—–]$/u.test(tokText(doc, k))) return false;
    k++;
    if (k >= n || !/^(a|an|the)$/i.test(tokText(doc, k))) return false;
    for (let steps = 0, j = k + 1; steps < 5 && j < n && sentOf[j] === sentOf[d.a] && isWord(doc, j); steps++, j++) {
      if (descriptorSet.has(tokText(doc, j))) return true;
    }
    return false;
  };
  // A "place" no gazetteer knows, in plain Title Case words ("U.S." is no name of a platform), with
  // a media or platform noun after it. Not other descriptors: a place before them is rather the
  // owner ("the Ruriton party").
  const unknownPlace = (d: Draft): boolean => {
    if (d.type !== 'PLACE') return false;
    for (let i = d.a; i < d.b; i++) if (gz[i]! & PLACE_BITS || !/^\p{Lu}\p{Ll}+$/u.test(tokText(doc, i))) return false;
    return d.b < n && sentOf[d.b] === sentOf[d.a] && platformNouns.has(tokText(doc, d.b));
  };
  const confirmed = new Set<string>();
  const placeConfirmed = new Set<string>();
  for (const d of misc) if (described(d)) confirmed.add(keyOf(d));
  for (const d of drafts) if (d.type === 'PERSON' && described(d)) confirmed.add(keyOf(d));
  for (const d of drafts) if (unknownPlace(d)) placeConfirmed.add(keyOf(d));
  if (confirmed.size === 0 && placeConfirmed.size === 0) return drafts;
  // Other mentions of such a name follow it (the same string has the same gazetteer bits).
  const retype = (d: Draft): boolean => (d.type === 'PERSON' && confirmed.has(keyOf(d))) || (d.type === 'PLACE' && placeConfirmed.has(keyOf(d)));
  const out = drafts.map((d) => (retype(d) ? { ...d, type: 'ORGANIZATION' as const } : d));
  for (const d of misc) if (confirmed.has(keyOf(d))) out.push({ ...d, type: 'ORGANIZATION' });
  // Untagged occurrences of a confirmed name of two or more tokens.
  const covered = new Uint8Array(n);
  for (const d of out) covered.fill(1, d.a, d.b);
  const firsts = new Map<string, string[][]>();
  for (const key of confirmed) {
    const toks = tokensOf(key);
    if (toks.length < 2) continue;
    const list = firsts.get(toks[0]!) ?? [];
    list.push(toks);
    firsts.set(toks[0]!, list);
  }
  for (let i = 0; i < n; i++) {
    if (covered[i] === 1) continue;
    for (const toks of firsts.get(tokText(doc, i)) ?? []) {
      const b = i + toks.length;
      if (b > n || sentOf[b - 1] !== sentOf[i]) continue;
      let ok = true;
      for (let k = 1; k < toks.length && ok; k++) ok = covered[i + k] === 0 && tokText(doc, i + k) === toks[k];
      if (!ok) continue;
      out.push({ a: i, b, type: 'ORGANIZATION', confidence: 0 });
      covered.fill(1, i, b);
      break;
    }
  }
  return out.sort((x, y) => x.a - y.a);
}

/** A confirmed key's tokens, split the way the tokenizer splits hyphenated names. */
function tokensOf(key: string): string[] {
  return key.split(/\s+|(?=[-–])|(?<=[-–])/u).filter((t) => t.length > 0);
}

export const orgByDescriptorRule = defineRule('org-by-descriptor', (s, { doc, sentOf, gz }) => {
  s.drafts = orgByDescriptor(doc, s.drafts, s.misc, sentOf, gz);
});
