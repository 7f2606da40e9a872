import type { Doc } from '../../types.js';
import { gaz } from '../gazetteer.js';
import { type Draft } from './draft.js';
import { defineRule } from './rule.js';
import { honorificSet, joinerSet, orgCueSet, placeHeadSet } from './words.js';
import { tokText, isCapitalized, glued } from './tokens.js';

/** Words that own rather than name: a known place before a possessive. */
const OWNER_BITS = gaz.COUNTRY | gaz.CAPITAL | gaz.CITY_BIG | gaz.REGION;

/** Lower-case words a name never starts with. */
const leadingFunctionWords = new Set(['of', 'and', 'the', 'for', 'in', 'on', 'at', 'upon', 'to', 'with', 'from']);

/** Drops honorifics, possessives and punctuation at the edges; PERSON honorifics become the role. */
export function trimDebris(doc: Doc, drafts: Draft[], gz?: Uint16Array): Draft[] {
  const out: Draft[] = [];
  for (const d0 of drafts) {
    const d = { ...d0 };
    // A comma ends a name ("Province, Ruritania"): the rest is a mention of its own.
    for (let i = d.a + 1; i < d.b - 1; i++) {
      if (tokText(doc, i) !== ',') continue;
      out.push(...trimDebris(doc, [{ ...d, a: i + 1, role: undefined, longForm: undefined } as Draft], gz));
      d.b = i;
      break;
    }
    // A name does not run on through a possessive or a lower-case word that cannot join two
    // parts of a name ("Acme's North", "Acme car"): cut there; a capitalized rest stands alone.
    for (let i = d.a + 1; i < d.b; i++) {
      const t = tokText(doc, i);
      // "People's Party" keeps its possessive; "Acme's chief" and "Ruritania's Guard Corps" (a
      // known place before it) are cut after the owner.
      const owner = gz === undefined ? 0 : gz[i - 1]! & OWNER_BITS;
      const possessive = (t === "'s" || t === '’s') && !(i + 1 < d.b && isCapitalized(doc, i + 1) && owner === 0);
      if (!possessive && (isCapitalized(doc, i) || joinerSet.has(t.toLowerCase()) || !/^\p{Ll}/u.test(t))) continue;
      // Inside a hyphenated word ("Chun-yeh", "Ata-ur-Rehman") any part may be lower case.
      if (!possessive && glued(doc, i - 1) && tokText(doc, i - 1) === '-') continue;
      let rest = possessive ? i + 1 : i;
      while (rest < d.b && !isCapitalized(doc, rest)) rest++;
      let restOk = rest < d.b;
      for (let j = rest; j < d.b && restOk; j++) if (/^\p{Ll}/u.test(tokText(doc, j)) && !joinerSet.has(tokText(doc, j).toLowerCase())) restOk = false;
      // A lone head word left over ("the Minister's Office") is not a name of its own.
      if (rest === d.b - 1 && (orgCueSet.has(tokText(doc, rest).toLowerCase()) || placeHeadSet.has(tokText(doc, rest).toLowerCase()))) restOk = false;
      if (restOk && rest < d.b) out.push(...trimDebris(doc, [{ ...d, a: rest, role: undefined, longForm: undefined } as Draft], gz));
      d.b = possessive ? i + 1 : i;
      break;
    }
    // An honorific starts only a person's name ("Dr. Jane Roe" tagged as anything is a person).
    if (d.b - d.a > 1 && d.type !== 'PERSON' && honorificSet.has(tokText(doc, d.a).toLowerCase()) && isCapitalized(doc, d.a + 1)) d.type = 'PERSON';
    while (d.a < d.b && d.type === 'PERSON' && honorificSet.has(tokText(doc, d.a).toLowerCase())) d.a++;
    while (d.b > d.a) {
      const t = tokText(doc, d.b - 1);
      if (t === "'s" || t === '’s' || t === "'" || t === '’' || (/^[\p{P}\p{S}]+$/u.test(t) && t !== ')' && t !== '.')) d.b--;
      else if (t === '.' && d.b - 1 > d.a) d.b--;
      else if (d.b - 1 > d.a && !isCapitalized(doc, d.b - 1) && joinerSet.has(t.toLowerCase())) d.b--;
      else break;
    }
    while (d.a < d.b && /^[\p{P}\p{S}]+$/u.test(tokText(doc, d.a)) && tokText(doc, d.a) !== '(') d.a++;
    // Nor with a lower-case function word ("of Acme"); particles ("de", "van") may start one.
    while (d.b - d.a > 1 && leadingFunctionWords.has(tokText(doc, d.a))) d.a++;
    // A lone lower-case joiner ("of") left by the tagger is no name.
    if (d.b === d.a + 1 && !isCapitalized(doc, d.a) && joinerSet.has(tokText(doc, d.a))) continue;
    // E-mail addresses, handles and links are not names.
    if (d.b > d.a && !/[@/]|www\./.test(doc.text.slice(doc.tokens[d.a]!.start, doc.tokens[d.b - 1]!.end))) out.push(d);
  }
  return out.sort((x, y) => x.a - y.a);
}

export const trimDebrisRule = defineRule('trim-debris', (s, { doc, gz }) => {
  s.drafts = trimDebris(doc, s.drafts, gz);
});
