import type { Doc } from '../../types.js';
import type { PlaceResolver } from '../../geo/types.js';
import { type Draft, withoutOverlap } from './draft.js';
import { defineRule } from './rule.js';
import { placeHeadSet } from './words.js';
import { tokText, isCapitalized, isWord, glued, isRegionName } from './tokens.js';
import { trimDebris } from './trim-debris.js';

/**
 * Compound region names the tagger split, dropped or mistyped: two names joined by "and" ("A and
 * B", each a tagged span or an untagged capitalized word, at least one tagged) or a hyphenated
 * span ("A-B", tagged as anything, MISC included) is one PLACE when the joined form is the name of
 * one country or first-level region in `places` (whose keys fold spelling, so "A and B" and "A-B"
 * are the same name). A capitalized place head right after ("Province") joins it. Two countries
 * joined by a hyphen ("Ruritania-Valdoria") resolve to nothing as a whole and are left to
 * fix-place-compounds.
 */
export function joinRegionNames(doc: Doc, drafts: Draft[], misc: Draft[], sentOf: Int32Array, places: PlaceResolver): Draft[] {
  const n = doc.tokens.length;
  const textOf = (a: number, b: number): string => doc.text.slice(doc.tokens[a]!.start, doc.tokens[b - 1]!.end);
  const capWord = (i: number): boolean => i >= 0 && i < n && isWord(doc, i) && isCapitalized(doc, i);
  const hyphenated = (d: Draft): boolean => {
    if (d.b - d.a < 3) return false;
    for (let i = d.a; i < d.b; i++) {
      const odd = (i - d.a) % 2 === 1;
      if (odd ? !(tokText(doc, i) === '-' && glued(doc, i - 1) && glued(doc, i)) : !capWord(i)) return false;
    }
    return (d.b - d.a) % 2 === 1;
  };
  // Every tagged span, drafts first: token -> span covering it.
  const spans = [...drafts.map((d) => ({ d, misc: false })), ...misc.map((d) => ({ d, misc: true }))];
  const cover = new Int32Array(n).fill(-1);
  spans.forEach((s, k) => {
    for (let i = s.d.a; i < s.d.b; i++) if (cover[i] === -1) cover[i] = k;
  });
  const gone = new Set<number>();
  const added: Draft[] = [];
  // A hyphenated span that names a region as a whole (MISC ones are taken in, unless joined below).
  const miscAdded = new Map<number, Draft>();
  spans.forEach((s, k) => {
    if (!hyphenated(s.d) || !isRegionName(places, textOf(s.d.a, s.d.b))) return;
    if (s.misc) miscAdded.set(k, { ...s.d, type: 'PLACE' });
    else s.d.type = 'PLACE';
  });
  // "A and B".
  let end = 0;
  for (let i = 1; i + 1 < n; i++) {
    if (tokText(doc, i) !== 'and' || sentOf[i - 1] !== sentOf[i] || sentOf[i + 1] !== sentOf[i]) continue;
    const lk = cover[i - 1]!;
    const rk = cover[i + 1]!;
    if ((lk < 0 && rk < 0) || (lk >= 0 && lk === rk)) continue;
    const left = lk >= 0 ? spans[lk]!.d : { a: i - 1, b: i, confidence: Infinity };
    const right = rk >= 0 ? spans[rk]!.d : { a: i + 1, b: i + 2, confidence: Infinity };
    // A tagged part must end (start) at the "and"; an untagged part is one capitalized word that
    // does not run on into more capitalized words; the parts are not already joined to others.
    if (left.b !== i || right.a !== i + 1 || left.a < end) continue;
    if (lk < 0 && (!capWord(i - 1) || capWord(i - 2))) continue;
    if (rk < 0 && !capWord(i + 1)) continue;
    let b = right.b;
    if (b < n && sentOf[b] === sentOf[i] && capWord(b)) {
      if (!placeHeadSet.has(tokText(doc, b).toLowerCase()) || cover[b]! >= 0) continue;
      b++;
    }
    if (!isRegionName(places, textOf(left.a, right.b))) continue;
    if (lk >= 0) gone.add(lk);
    if (rk >= 0) gone.add(rk);
    added.push({ a: left.a, b, type: 'PLACE', confidence: Math.min(left.confidence, right.confidence) });
    end = b;
  }
  for (const [k, d] of miscAdded) if (!gone.has(k)) added.push(d);
  if (added.length === 0) return drafts;
  return [...drafts.filter((_, k) => !gone.has(k)), ...added].sort((x, y) => x.a - y.a);
}

export const joinRegionNamesRule = defineRule('join-region-names', (s, { doc, sentOf, gz, places }) => {
  if (places === undefined) return;
  // MISC spans the tagger left, trimmed, that no mention overlaps.
  const untaken = withoutOverlap(trimDebris(doc, s.misc, gz), s.drafts);
  s.drafts = joinRegionNames(doc, s.drafts, untaken, sentOf, places);
});
