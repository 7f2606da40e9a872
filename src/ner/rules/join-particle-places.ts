import type { Doc } from '../../types.js';
import type { PlaceResolver } from '../../geo/types.js';
import { type Draft, withoutOverlap } from './draft.js';
import { defineRule } from './rule.js';
import { tokText, isCapitalized, isWord, glued, shouting, isRegionName } from './tokens.js';
import { trimDebris } from './trim-debris.js';

/** Lower-case particles written inside place names ("Rio Grande do Sul", "Castilla y León"). */
const placeParticles = new Set(['de', 'del', 'della', 'da', 'do', 'dos', 'das', 'du', 'des', 'di', 'es', 'el', 'la', 'las', 'los', 'le', 'les', 'al', 'y', 'e', 'von', 'van', 'der', 'den', 'am', 'an', 'sur', 'upon', 'of']);

/**
 * Place names with lower-case particles inside ("Mato Grosso do Sul", "Rio Grande do Sul", also
 * hyphenated) that the tagger cut into pieces or mistyped: a run of capitalized words and
 * particles, with a particle between two capitalized words, becomes one PLACE when the whole
 * run is the name of one country or first-level region in `places` and at least one of its
 * tokens was tagged (as anything, MISC included). Spans that lie inside the run give way; a
 * run that would cut a span in two is not taken. The longest run from each start wins.
 */
export function joinParticlePlaces(doc: Doc, drafts: Draft[], misc: Draft[], sentOf: Int32Array, places: PlaceResolver): Draft[] {
  const n = doc.tokens.length;
  const spans = [...drafts, ...misc];
  const cover = new Int32Array(n).fill(-1);
  spans.forEach((d, k) => {
    for (let i = d.a; i < d.b; i++) if (cover[i] === -1) cover[i] = k;
  });
  const capWord = (i: number): boolean => isWord(doc, i) && isCapitalized(doc, i);
  // A particle is lower case, or in capitals inside a line written in capitals ("RIO GRANDE DO SUL").
  const particleAt = (i: number): boolean => {
    const t = tokText(doc, i);
    return placeParticles.has(t.toLowerCase()) && (t === t.toLowerCase() || (t === t.toUpperCase() && shouting(doc, sentOf[i]!)));
  };
  // A hyphen glued on both sides ("Rio-Grande-do-Sul").
  const hyphenAt = (i: number): boolean => i > 0 && i + 1 < n && tokText(doc, i) === '-' && glued(doc, i - 1) && glued(doc, i);
  const gone = new Set<number>();
  const added: Draft[] = [];
  for (let s = 0; s < n; s++) {
    if (!capWord(s) || particleAt(s)) continue;
    let best = -1;
    let particle = false;
    for (let e = s + 1; e < n && e - s < 8 && sentOf[e] === sentOf[s]; e++) {
      if (particleAt(e)) particle = true;
      else if (!capWord(e) && !hyphenAt(e)) break;
      else if (particle && capWord(e) && isRegionName(places, doc.text.slice(doc.tokens[s]!.start, doc.tokens[e]!.end))) best = e + 1;
    }
    if (best < 0) continue;
    // Tagged somewhere, and no span cut by the run's edges.
    let tagged = false;
    let cut = false;
    const inside = new Set<number>();
    for (let i = s; i < best; i++) {
      const k = cover[i]!;
      if (k < 0) continue;
      tagged = true;
      inside.add(k);
      if (spans[k]!.a < s || spans[k]!.b > best) cut = true;
    }
    if (!tagged || cut) continue;
    let confidence = Infinity;
    for (const k of inside) {
      gone.add(k);
      confidence = Math.min(confidence, spans[k]!.confidence);
    }
    added.push({ a: s, b: best, type: 'PLACE', confidence });
    s = best - 1;
  }
  if (added.length === 0) return drafts;
  return [...drafts.filter((_, k) => !gone.has(k)), ...added].sort((x, y) => x.a - y.a);
}

export const joinParticlePlacesRule = defineRule('join-particle-places', (s, { doc, sentOf, gz, places }) => {
  if (places === undefined) return;
  const untaken = withoutOverlap(trimDebris(doc, s.misc, gz), s.drafts);
  s.drafts = joinParticlePlaces(doc, s.drafts, untaken, sentOf, places);
});
