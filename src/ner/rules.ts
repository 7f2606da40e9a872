import type { Doc, EntityMention, EntityType } from '../types.js';
import { calendarWords, companyHeads, creditWords, creedWords, honorifics, institutionWords, orgCues, orgDescriptors, orgHeads, personTitles, placeHeads, splitTitles, titleModifiers } from './cues.js';
import { gaz } from './gazetteer.js';
import { letterTable, lowerTable } from './hash.js';
import type { PlaceResolver } from '../geo/types.js';

/**
 * Rules applied to the tagger's spans for real news text. They work on token spans
 * (`a` first token, `b` one past the last) and only look a few tokens around each span.
 */

/** A mention while rules run: token range, type, optional role and long form. */
export interface Draft {
  a: number;
  b: number;
  type: EntityType;
  /** The tagger's margin (best minus second-best label score), lowest over the span's tokens. */
  confidence: number;
  role?: string;
  longForm?: { start: number; end: number };
}

const honorificSet = new Set(honorifics);
const titleSet = new Set(personTitles);
/** Lower-case particles written inside Arabic, Dutch, German... names. */
const particles = new Set(['al', 'el', 'ul', 'ud', 'ur', 'uz', 'ad', 'as', 'an', 'ar', 'ibn', 'bin', 'bint', 'abu', 'van', 'von', 'der', 'den', 'de', 'da', 'di', 'du', 'la', 'le', 'dos', 'das', 'del', 'e', 'y']);
/** Particles that may stand between two capitalized words with spaces ("Osama bin Laden"). */
const spacedParticles = new Set(['bin', 'ibn', 'bint', 'al', 'el', 'ul', 'ud', 'ur', 'uz', 'van', 'von', 'der', 'de', 'da', 'di', 'du', 'del', 'dos', 'la', 'le']);
const roleLinks = new Set(['to', 'of', 'for']);
/** Small words a Title Case heading leaves in lower case. */
const headingSmallWords = new Set(['a', 'an', 'to', 'as', 'by', 'with', 'after', 'over', 'into', 'from', 'vs', 'via', 'but', 'or', 'nor', 'per', 'amid', 'off', 'up', 'out']);
/** Lower-case words that may stand inside a name between capitalized words. */
const joinerSet = new Set(['of', 'and', 'for', 'the', 'de', 'del', 'della', 'der', 'den', 'van', 'von', 'da', 'di', 'du', 'des', 'la', 'le', 'al', 'el', 'ul', 'bin', 'ibn', 'bint', 'abu', 'dos', 'das', 'do', 'y', 'e', 'in', 'on', 'upon', 'at', 'zu', 'ter', 'ten', 'st', '&', '-']);
const splitTitleSet = new Set(splitTitles);
const modifierSet = new Set(titleModifiers);
const orgCueSet = new Set(orgCues);
const orgHeadSet = new Set(orgHeads);
const placeHeadSet = new Set(placeHeads);
const descriptorSet = new Set(orgDescriptors);
/** Descriptors of media and online platforms: "the Zapchat channel" names no place. */
const platformNouns = new Set(['channel', 'channels', 'app', 'platform', 'account', 'newspaper', 'broadcaster']);
const creedSet = new Set(creedWords);
const creditSet = new Set(creditWords);
const institutionSet = new Set(institutionWords);
const PLACE_BITS = gaz.COUNTRY | gaz.CITY | gaz.CITY_BIG | gaz.CAPITAL | gaz.REGION;
/** Words that own rather than name: a known place before a possessive. */
const OWNER_BITS = gaz.COUNTRY | gaz.CAPITAL | gaz.CITY_BIG | gaz.REGION;

function tokText(doc: Doc, i: number): string {
  const t = doc.tokens[i]!;
  return doc.text.slice(t.start, t.end);
}

/** The token starts with an upper-case letter. */
function isCapitalized(doc: Doc, i: number): boolean {
  const c = doc.text.charCodeAt(doc.tokens[i]!.start);
  return lowerTable[c] !== c;
}

/** The token starts with a letter. */
function isWord(doc: Doc, i: number): boolean {
  return letterTable[doc.text.charCodeAt(doc.tokens[i]!.start)] === 1;
}

/** Token i ends exactly where token i + 1 starts (no space between). */
function glued(doc: Doc, i: number): boolean {
  return doc.tokens[i]!.end === doc.tokens[i + 1]!.start;
}

function lowerNoDot(s: string): string {
  return s.toLowerCase().replace(/\.$/, '');
}

/** Sentence index of every token. */
export function sentenceOfTokens(doc: Doc): Int32Array {
  const out = new Int32Array(doc.tokens.length).fill(-1);
  doc.sentences.forEach((s, si) => out.fill(si, s.tokenStart, s.tokenEnd));
  return out;
}

/**
 * Joins what the tokenizer split inside a name: hyphenated parts ("al-Adl", "Smith-Jones",
 * "Sar-e-Pol") and spaced particles between two capitalized words ("bin", "van").
 */
export function joinSplitNames(doc: Doc, drafts: Draft[], sentOf: Int32Array): Draft[] {
  const n = doc.tokens.length;
  const out: Draft[] = [];
  for (const d0 of drafts) {
    const d = { ...d0 };
    // Extend right over "-word" chains glued to the span.
    // The part after the hyphen is capitalized ("-Jones") or a particle that itself leads on to
    // a capitalized part ("-e-Pol", "-ud-Din"); "Ohio-based" stays apart.
    const hyphenAt = (i: number): boolean => i + 1 < n && sentOf[i + 1] === sentOf[d.a] && tokText(doc, i) === '-' && glued(doc, i - 1) && glued(doc, i);
    for (;;) {
      if (hyphenAt(d.b) && isWord(doc, d.b + 1) && isCapitalized(doc, d.b + 1)) d.b += 2;
      else if (hyphenAt(d.b) && particles.has(tokText(doc, d.b + 1).toLowerCase()) && hyphenAt(d.b + 2) && isCapitalized(doc, d.b + 3)) d.b += 4;
      // "Abu Omar" + " al-Masri": a particle glued by a hyphen to a capitalized word.
      else if (d.b + 2 < n && sentOf[d.b + 2] === sentOf[d.a] && particles.has(tokText(doc, d.b).toLowerCase()) && hyphenAt(d.b + 1) && isCapitalized(doc, d.b + 2)) d.b += 3;
      else break;
    }
    // Extend left over "word-" glued to the span when the word is a particle or capitalized.
    while (d.a - 2 >= 0 && sentOf[d.a - 2] === sentOf[d.a] && tokText(doc, d.a - 1) === '-' && glued(doc, d.a - 2) && glued(doc, d.a - 1)) {
      const w = tokText(doc, d.a - 2);
      if (!(particles.has(w.toLowerCase()) || isCapitalized(doc, d.a - 2))) break;
      d.a -= 2;
    }
    // A name does not start with a particle ("ul-Adl"): take in the capitalized words before it.
    if (particles.has(tokText(doc, d.a).toLowerCase()) && !isCapitalized(doc, d.a)) {
      while (d.a - 1 >= 0 && sentOf[d.a - 1] === sentOf[d.b - 1] && isCapitalized(doc, d.a - 1) && isWord(doc, d.a - 1)) d.a--;
    }
    out.push(d);
  }
  // Merge spans that now overlap or touch through a glued hyphen.
  out.sort((x, y) => x.a - y.a || y.b - x.b);
  const merged: Draft[] = [];
  for (const d of out) {
    const last = merged[merged.length - 1];
    if (last !== undefined && d.a < last.b) {
      last.b = Math.max(last.b, d.b);
      continue;
    }
    // "Osama bin Laden": PERSON, particle, capitalized token(s) tagged or not.
    if (last !== undefined && last.type === d.type && d.a === last.b + 1 && spacedParticles.has(tokText(doc, last.b)) && sentOf[d.a] === sentOf[last.a]) {
      last.b = d.b;
      continue;
    }
    // "Minister of Ruritania Abu ul Haq": a place that ran into a given name, a particle, and the
    // rest of the person: the place ends before the given name.
    if (last !== undefined && last.type === 'PLACE' && d.type === 'PERSON' && last.b - last.a >= 2 && d.a === last.b + 1 && spacedParticles.has(tokText(doc, last.b)) && sentOf[d.a] === sentOf[last.a] && isCapitalized(doc, last.b - 1)) {
      d.a = last.b - 1;
      last.b -= 1;
    }
    merged.push(d);
  }
  return merged;
}

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
    while (d.a < d.b && d.type === 'PERSON' && honorificSet.has(tokText(doc, d.a).toLowerCase())) d.a++;
    while (d.b > d.a) {
      const t = tokText(doc, d.b - 1);
      if (t === "'s" || t === '’s' || t === "'" || t === '’' || (/^[\p{P}\p{S}]+$/u.test(t) && t !== ')' && t !== '.')) d.b--;
      else if (t === '.' && d.b - 1 > d.a) d.b--;
      else if (d.b - 1 > d.a && !isCapitalized(doc, d.b - 1) && joinerSet.has(t.toLowerCase())) d.b--;
      else break;
    }
    while (d.a < d.b && /^[\p{P}\p{S}]+$/u.test(tokText(doc, d.a)) && tokText(doc, d.a) !== '(') d.a++;
    // A lone lower-case joiner ("of") left by the tagger is no name.
    if (d.b === d.a + 1 && !isCapitalized(doc, d.a) && joinerSet.has(tokText(doc, d.a))) continue;
    // E-mail addresses, handles and links are not names.
    if (d.b > d.a && !/[@/]|www\./.test(doc.text.slice(doc.tokens[d.a]!.start, doc.tokens[d.b - 1]!.end))) out.push(d);
  }
  return out.sort((x, y) => x.a - y.a);
}

/**
 * Splits a mention at a title written before a name: "Foreign Minister Jane Doe" (tagged as one
 * span of any type) becomes PERSON "Jane Doe" with role "Foreign Minister"; a place or
 * organization before the title stays a mention of its own ("Ruritanian Ambassador",
 * "U.S. Cardinal John Roe" -> PLACE "U.S." + PERSON "John Roe", role "Cardinal"). A span not
 * tagged PERSON is split only when a word after the title is a known given name.
 */
export function splitAtTitles(doc: Doc, drafts: Draft[], gz: Uint16Array): Draft[] {
  const low = (i: number): string => lowerNoDot(tokText(doc, i));
  const out: Draft[] = [];
  for (const d of drafts) {
    let t = -1;
    for (let i = d.b - 2; i >= d.a; i--) {
      if (splitTitleSet.has(low(i)) && isCapitalized(doc, i)) {
        t = i;
        break;
      }
    }
    if (t < 0) {
      out.push(d);
      continue;
    }
    let rs = t;
    while (rs - 1 >= d.a && isCapitalized(doc, rs - 1) && (modifierSet.has(low(rs - 1)) || splitTitleSet.has(low(rs - 1)))) rs--;
    if (rs - 1 >= d.a && gz[rs - 1]! & gaz.DEMONYM) rs--;
    let re = t + 1;
    if (re + 1 < d.b && low(re) === 'of' && (modifierSet.has(low(re + 1)) || orgCueSet.has(low(re + 1)))) re += 2;
    while (re < d.b - 1 && honorificSet.has(tokText(doc, re).toLowerCase())) re++;
    if (re >= d.b || !isCapitalized(doc, re)) {
      out.push(d);
      continue;
    }
    let named = d.type === 'PERSON';
    for (let i = re; i < d.b && !named; i++) if (gz[i]! & gaz.NAME) named = true;
    if (gz[d.b - 1]! & (gaz.ORG_CUE | gaz.ORG_SUFFIX | gaz.PLACE_CUE)) named = false;
    if (!named) {
      out.push(d);
      continue;
    }
    if (rs > d.a) {
      // What stands before the role is a place when a gazetteer knows a word of it or its head
      // is a place word ("Ruriton County"), else the office's organization.
      let place = (gz[rs - 1]! & gaz.PLACE_CUE) !== 0 && isCapitalized(doc, rs - 1);
      for (let i = d.a; i < rs; i++) if (gz[i]! & PLACE_BITS) place = true;
      out.push({ a: d.a, b: rs, type: place ? 'PLACE' : d.type === 'PERSON' ? 'ORGANIZATION' : d.type, confidence: d.confidence });
    }
    // "Chief of Staff Jane Roe" with only "Staff Jane Roe" tagged: the role takes in "Chief of".
    let roleStart = rs;
    if (rs === d.a && rs >= 2 && tokText(doc, rs - 1) === 'of' && isCapitalized(doc, rs - 2) && (titleSet.has(low(rs - 2)) || splitTitleSet.has(low(rs - 2)))) roleStart = rs - 2;
    const role = doc.text.slice(doc.tokens[roleStart]!.start, doc.tokens[re - 1]!.end);
    out.push({ a: re, b: d.b, type: 'PERSON', confidence: d.confidence, role });
  }
  return out;
}

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

/**
 * A person span that starts with a country ("... Minister of Ruritania Ivan Petrov" tagged as
 * "Ruritania Ivan Petrov") is a place and a person; a country that is also a given name
 * ("Jordan") is left alone.
 */
export function splitLeadingPlace(doc: Doc, drafts: Draft[], gz: Uint16Array): Draft[] {
  const out: Draft[] = [];
  for (const d of drafts) {
    const g = gz[d.a]!;
    if (d.type === 'PERSON' && d.b - d.a >= 2 && g & (gaz.COUNTRY | gaz.CAPITAL) && !(g & gaz.NAME) && isCapitalized(doc, d.a + 1)) {
      out.push({ a: d.a, b: d.a + 1, type: 'PLACE', confidence: d.confidence });
      out.push({ ...d, a: d.a + 1 });
    } else out.push(d);
  }
  return out;
}

/** Gazetteer bits that vouch for a heading word on their own. */
const STRONG_BITS = gaz.CITY_BIG | gaz.COUNTRY | gaz.CAPITAL | gaz.REGION | gaz.ORG_SUFFIX | gaz.ORG_CUE | gaz.PLACE_CUE;
/** Bits too common to vouch alone (the name lists hold words like "Past"; small towns are called "Normal"). */
const WEAK_BITS = gaz.NAME | gaz.CITY;

/**
 * Headings written in Title Case ("Earlier Clashes", "Talks to Resume After Long Pause") look
 * like names to the tagger. In a line of capitalized words (and small function words) without a
 * full stop, a mention is
 * kept only when a gazetteer knows one of its words, it is all capitals, or the same string is a
 * mention elsewhere in the document.
 */
export function dropTitleCaseHeadings(doc: Doc, drafts: Draft[], sentOf: Int32Array, gz: Uint16Array): Draft[] {
  const heading = new Uint8Array(doc.sentences.length);
  let any = false;
  doc.sentences.forEach((s, si) => {
    const size = s.tokenEnd - s.tokenStart;
    if (size > 20) return;
    // The whole line: the sentence is alone in its paragraph.
    const prev = doc.sentences[si - 1];
    const next = doc.sentences[si + 1];
    if ((prev !== undefined && prev.paragraph === s.paragraph) || (next !== undefined && next.paragraph === s.paragraph)) return;
    const last = tokText(doc, s.tokenEnd - 1);
    if (last === '.' || last === '?' || last === '!') return;
    let titleCase = 0;
    for (let i = s.tokenStart; i < s.tokenEnd; i++) {
      // Numbers make it a table row ("Ruritania 2 Valdoria 1"), not a heading.
      if (/\d/.test(tokText(doc, i))) return;
      if (!isWord(doc, i)) continue;
      if (!isCapitalized(doc, i)) {
        const w = tokText(doc, i).toLowerCase();
        if (!joinerSet.has(w) && !headingSmallWords.has(w)) return;
      } else if (/\p{Ll}/u.test(tokText(doc, i))) titleCase++;
    }
    if (titleCase > 0) {
      heading[si] = 1;
      any = true;
    }
  });
  if (!any) return drafts;
  const keyOf = (d: Draft): string => doc.text.slice(doc.tokens[d.a]!.start, doc.tokens[d.b - 1]!.end);
  const elsewhere = new Set<string>();
  for (const d of drafts) if (heading[sentOf[d.a]!] === 0) elsewhere.add(keyOf(d));
  return drafts.filter((d) => {
    if (heading[sentOf[d.a]!] === 0 || elsewhere.has(keyOf(d))) return true;
    // A strong gazetteer word or an all-capitals word keeps it; weakly known words keep it only
    // when every word is known and there are two or more, or it is a one-word person's name.
    let weak = 0;
    let words = 0;
    for (let i = d.a; i < d.b; i++) {
      if (gz[i]! & STRONG_BITS) return true;
      if (!/\p{Ll}/u.test(tokText(doc, i)) && isWord(doc, i)) return true;
      if (!isWord(doc, i)) continue;
      words++;
      if (gz[i]! & WEAK_BITS) weak++;
    }
    // A person whose first word is on the name lists is a byline ("Jane Roe") or a heading
    // about someone; a single weakly known word of another type ("Normal") is not enough.
    const personName = d.type === 'PERSON' && (gz[d.a]! & gaz.NAME) !== 0;
    return (weak === words && words >= 2) || personName;
  });
}

/**
 * A head word standing alone ("Province", "Ministry") right after a name was cut from it: it
 * rejoins that name. (Elsewhere it may be a name of its own: "the Gulf".)
 */
export function attachLoneHeads(doc: Doc, drafts: Draft[]): Draft[] {
  const out: Draft[] = [];
  for (const d of drafts) {
    const lone = d.b === d.a + 1 && isCapitalized(doc, d.a) && /\p{Ll}/u.test(tokText(doc, d.a));
    const word = lone ? tokText(doc, d.a).toLowerCase() : '';
    if (!lone || !(placeHeadSet.has(word) || orgHeadSet.has(word))) {
      out.push(d);
      continue;
    }
    const last = out[out.length - 1];
    if (last !== undefined && last.b === d.a) last.b = d.b;
    else out.push(d);
  }
  return out;
}

/**
 * The head word decides the type of a multi-word name: "... Ministry", "... Front", "... Inc"
 * make an organization, "... Province", "... River" a place (a cue word ending a one-word
 * mention, like "Front" alone, proves nothing). Person names are left alone unless they end in
 * a company suffix.
 */
export function typeByHeadWord(doc: Doc, drafts: Draft[], gz: Uint16Array): Draft[] {
  for (const d of drafts) {
    if (d.b - d.a < 2 || !isCapitalized(doc, d.b - 1)) continue;
    const head = tokText(doc, d.b - 1).toLowerCase();
    if (gz[d.b - 1]! & gaz.ORG_SUFFIX) d.type = 'ORGANIZATION';
    else if (d.type === 'PERSON') {
      // A long "person" with an institution inside ("... Memorial Hospital Ruriton") is one.
      if (d.b - d.a < 3) continue;
      for (let i = d.a + 1; i < d.b; i++) if (isCapitalized(doc, i) && institutionSet.has(tokText(doc, i).toLowerCase())) d.type = 'ORGANIZATION';
      continue;
    }
    else if (orgHeadSet.has(head)) d.type = 'ORGANIZATION';
    else if (placeHeadSet.has(head)) d.type = 'PLACE';
  }
  return drafts;
}

/**
 * One type per surface string in a document: mentions of the same string that the tagger typed
 * differently vote with their confidence; a mention takes the winning type unless it is itself
 * confident (a team named after its city and the city can then keep apart, as in the data).
 */
export function oneLabelPerName(doc: Doc, drafts: Draft[], keepAbove = 1e9): Draft[] {
  const votes = new Map<string, Map<EntityType, number>>();
  const keyOf = (d: Draft): string => doc.text.slice(doc.tokens[d.a]!.start, doc.tokens[d.b - 1]!.end);
  const keys = drafts.map(keyOf);
  drafts.forEach((d, i) => {
    let v = votes.get(keys[i]!);
    if (v === undefined) votes.set(keys[i]!, (v = new Map()));
    v.set(d.type, (v.get(d.type) ?? 0) + d.confidence);
  });
  drafts.forEach((d, i) => {
    const v = votes.get(keys[i]!)!;
    if (v.size < 2 || d.longForm !== undefined || d.confidence > keepAbove) return;
    let best: EntityType = d.type;
    let bestVotes = -1;
    for (const [t, c] of v) {
      if (c > bestVotes) {
        best = t;
        bestVotes = c;
      }
    }
    d.type = best;
  });
  return drafts;
}

/** Drafts to mentions with character offsets, sorted by start. */
export function toMentions(doc: Doc, drafts: Draft[], sentOf: Int32Array): EntityMention[] {
  const out: EntityMention[] = [];
  for (const d of drafts) {
    if (d.b <= d.a) continue;
    const m: EntityMention = {
      type: d.type,
      start: doc.tokens[d.a]!.start,
      end: doc.tokens[d.b - 1]!.end,
      sentence: sentOf[d.a]!,
    };
    if (d.role !== undefined) m.role = d.role;
    if (d.longForm !== undefined) m.longForm = d.longForm;
    out.push(m);
  }
  return out.sort((x, y) => x.start - y.start || x.end - y.end);
}

/**
 * A name the tagger called MISC (or PERSON) is an organization when a descriptor noun stands
 * right before it ("the militant group X", "the broadcaster X") or right after it in lower case
 * ("the X group"); other MISC and PERSON mentions of the same string in the document follow, and
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
    const after = d.b < n && sentOf[d.b] === sentOf[d.a] && descriptorSet.has(tokText(doc, d.b));
    return before || after || apposed(d);
  };
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

/** Every word of the span is a word of faith or a nationality ("Sunni", "Shia-Sunni", "Iranian"). */
function isCreed(doc: Doc, d: Draft, gz: Uint16Array): boolean {
  let words = 0;
  for (let i = d.a; i < d.b; i++) {
    if (!isWord(doc, i)) continue;
    words++;
    if (!creedSet.has(tokText(doc, i).toLowerCase()) && !(gz[i]! & gaz.DEMONYM)) return false;
  }
  return words > 0;
}

/**
 * Drops what is not a name: a single character ("(R)" in a caption), a piece of a link or handle
 * (glued to "/", ".", "@" or "#" before it), words of faith or nationality alone, a credit word
 * alone ("Photo"), a head word alone after a possessive ("the Minister's Office"), and every
 * mention in a photo or video credit line ("Photo by ... via ...").
 * A one-word all-capitals PERSON in a sentence that is not itself in capitals is an acronym:
 * an organization.
 */
export function dropNonNames(doc: Doc, drafts: Draft[], sentOf: Int32Array, gz: Uint16Array): Draft[] {
  const credit = new Uint8Array(doc.sentences.length);
  doc.sentences.forEach((s, si) => {
    let i = s.tokenStart;
    while (i < s.tokenEnd && /^[(\[]$/.test(tokText(doc, i))) i++;
    if (i + 1 >= s.tokenEnd || !creditSet.has(tokText(doc, i).toLowerCase())) return;
    const next = tokText(doc, i + 1).toLowerCase();
    if (next === 'by' || next === ':' || next === 'credit' || next === 'courtesy') credit[si] = 1;
  });
  const out: Draft[] = [];
  for (const d of drafts) {
    const start = doc.tokens[d.a]!.start;
    const text = doc.text.slice(start, doc.tokens[d.b - 1]!.end);
    if (text.length < 2 || credit[sentOf[d.a]!] === 1) continue;
    if (start > 0 && /[/.@#_\p{L}\p{N}]/u.test(doc.text[start - 1]!)) continue;
    if (isCreed(doc, d, gz)) continue;
    // An organization does not end in an adjective of faith ("an ethnic Sunni Muslim group").
    if (d.type === 'ORGANIZATION' && creedSet.has(tokText(doc, d.b - 1).toLowerCase())) continue;
    if (d.b === d.a + 1 && creditSet.has(text.toLowerCase())) continue;
    // A head word alone after a possessive ("the Minister's Office") names nothing by itself.
    if (d.b === d.a + 1 && d.a > 0 && /^['’]s$/.test(tokText(doc, d.a - 1)) && (orgCueSet.has(text.toLowerCase()) || placeHeadSet.has(text.toLowerCase()))) continue;
    if (d.type === 'PERSON' && d.b === d.a + 1 && /^\p{Lu}{2,5}$/u.test(text) && !shouting(doc, sentOf[d.a]!)) out.push({ ...d, type: 'ORGANIZATION' });
    else out.push(d);
  }
  return out;
}

/** Most letters of the sentence are capitals (an all-caps headline or wire slug). */
function shouting(doc: Doc, si: number): boolean {
  const s = doc.sentences[si]!;
  const t = doc.text.slice(s.start, s.end);
  const upper = t.replace(/[^\p{Lu}]/gu, '').length;
  const lower = t.replace(/[^\p{Ll}]/gu, '').length;
  return upper > lower;
}

/**
 * Place names the tagger cut or glued: "X and Y Province" (or "X and Y province") is one region
 * when neither part is a country; "Ruritania-Valdoria" made of two countries is two places
 * ("the Ruritania-Valdoria border") unless `places` knows the whole as one name.
 */
export function fixPlaceCompounds(doc: Doc, drafts: Draft[], sentOf: Int32Array, gz: Uint16Array, places?: PlaceResolver): Draft[] {
  const n = doc.tokens.length;
  const COUNTRYISH = gaz.COUNTRY | gaz.CAPITAL;
  const anyBits = (d: Draft, bits: number): boolean => {
    for (let i = d.a; i < d.b; i++) if (gz[i]! & bits) return true;
    return false;
  };
  const out: Draft[] = [];
  for (const d of drafts) {
    const last = out[out.length - 1];
    if (
      last !== undefined && last.type === 'PLACE' && d.type === 'PLACE' && d.a === last.b + 1 && sentOf[d.a] === sentOf[last.a] &&
      tokText(doc, last.b) === 'and' && !anyBits(last, COUNTRYISH) && !anyBits(d, COUNTRYISH) &&
      (placeHeadSet.has(tokText(doc, d.b - 1).toLowerCase()) || (d.b < n && sentOf[d.b] === sentOf[d.a] && placeHeadSet.has(tokText(doc, d.b).toLowerCase())))
    ) {
      last.b = d.b;
      last.confidence = Math.min(last.confidence, d.confidence);
      continue;
    }
    // Two countries joined by a hyphen, unless the whole is itself one country's name ("Guinea-Bissau").
    if (
      d.type === 'PLACE' && d.b - d.a === 3 && tokText(doc, d.a + 1) === '-' && glued(doc, d.a) && glued(doc, d.a + 1) &&
      gz[d.a]! & COUNTRYISH && gz[d.a + 2]! & COUNTRYISH &&
      !(places !== undefined && isRegionName(places, doc.text.slice(doc.tokens[d.a]!.start, doc.tokens[d.b - 1]!.end)))
    ) {
      out.push({ ...d, b: d.a + 1 }, { ...d, a: d.a + 2 });
      continue;
    }
    out.push(d);
  }
  return out;
}

/** Does `name` resolve to one country or first-level region? */
function isRegionName(places: PlaceResolver, name: string): boolean {
  const link = places.resolve(name, { cue: null, countries: [] });
  return link !== null && link.gazetteerId !== null && (link.kind === 'region' || link.kind === 'country');
}

/**
 * Compound region names the tagger split, dropped or mistyped: two names joined by "and" ("A and
 * B", each a tagged span or an untagged capitalized word, at least one tagged) or a hyphenated
 * span ("A-B", tagged as anything, MISC included) is one PLACE when the joined form is the name of
 * one country or first-level region in `places` (whose keys fold spelling, so "A and B" and "A-B"
 * are the same name). A capitalized place head right after ("Province") joins it. Two countries
 * joined by a hyphen ("Ruritania-Valdoria") resolve to nothing as a whole and are left to
 * {@link fixPlaceCompounds}.
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

/**
 * Lower-case nouns of facilities, services and divisions that a place name modifies ("the Ruriton
 * hospital", "Ruriton police", "the Ruriton border").
 */
const facilityNouns = new Set([
  'hospital', 'airport', 'police', 'province', 'district', 'border', 'city', 'town', 'village',
  'region', 'county', 'area', 'port', 'prison', 'jail', 'bazaar', 'market', 'highway', 'outskirts',
]);

/**
 * A single proper name typed ORGANIZATION right before a lower-case facility noun ("outside the
 * Ruriton hospital") is a PLACE when the gazetteer knows it as a city, region or country and not
 * as a given name (unless a country or large city), it is not written in capitals (an acronym),
 * and no other mention of it in the document is an organization.
 */
export function placeBeforeFacility(doc: Doc, drafts: Draft[], sentOf: Int32Array, gz: Uint16Array): Draft[] {
  const n = doc.tokens.length;
  const keyOf = (d: Draft): string => doc.text.slice(doc.tokens[d.a]!.start, doc.tokens[d.b - 1]!.end);
  const modifies = (d: Draft): boolean => d.b === d.a + 1 && d.b < n && sentOf[d.b] === sentOf[d.a] && facilityNouns.has(tokText(doc, d.b));
  const orgElsewhere = new Set<string>();
  for (const d of drafts) if (d.type === 'ORGANIZATION' && !modifies(d)) orgElsewhere.add(keyOf(d));
  for (const d of drafts) {
    if (d.type !== 'ORGANIZATION' || !modifies(d) || !/\p{Ll}/u.test(tokText(doc, d.a))) continue;
    const g = gz[d.a]!;
    if (!(g & PLACE_BITS) || g & (gaz.ORG_CUE | gaz.ORG_SUFFIX)) continue;
    if (g & gaz.NAME && !(g & (gaz.COUNTRY | gaz.CAPITAL | gaz.CITY_BIG))) continue;
    if (orgElsewhere.has(keyOf(d))) continue;
    d.type = 'PLACE';
  }
  return drafts;
}

/** Words that introduce a translation of a name ("which means", "meaning", "literally"). */
const glossCues = new Set(['means', 'meaning', 'meant', 'literally', 'translates', 'translated']);
const openQuotes = new Set(["'", '"', '‘', '“', '«']);
const closeQuotes = new Set(["'", '"', '’', '”', '»']);

/**
 * A translation in quotes after "means", "meaning", "literally" or "translates/translated (as|to)"
 * ("..., which means 'Sons of the Storm', ...") glosses a name already written: the tagger's
 * pieces of it ("Storm" as a person) are dropped unless one mention covers the quoted phrase
 * whole.
 */
export function dropSplitGlosses(doc: Doc, drafts: Draft[], sentOf: Int32Array): Draft[] {
  const n = doc.tokens.length;
  const drop = new Uint8Array(n);
  let any = false;
  for (let i = 0; i < n; i++) {
    if (!glossCues.has(tokText(doc, i).toLowerCase())) continue;
    let q = i + 1;
    if (q < n && /^(as|to)$/.test(tokText(doc, q))) q++;
    if (q >= n || sentOf[q] !== sentOf[i] || !openQuotes.has(tokText(doc, q))) continue;
    let c = q + 1;
    while (c < n && c <= q + 10 && sentOf[c] === sentOf[i] && !closeQuotes.has(tokText(doc, c))) c++;
    if (c >= n || sentOf[c] !== sentOf[i] || !closeQuotes.has(tokText(doc, c)) || c === q + 1) continue;
    const whole = drafts.some((d) => d.a === q + 1 && d.b === c);
    if (whole) continue;
    drop.fill(1, q + 1, c);
    any = true;
  }
  if (!any) return drafts;
  return drafts.filter((d) => {
    for (let i = d.a; i < d.b; i++) if (drop[i] === 0) return true;
    return false;
  });
}

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

/** Words that make a name before a hyphen an adjective ("Ruriton-based", "Acme-owned"). */
const compoundSuffixes = new Set(['based', 'born', 'bred', 'led', 'backed', 'owned', 'run', 'made', 'built', 'controlled', 'funded', 'financed', 'sponsored', 'supported', 'allied', 'linked', 'headquartered', 'registered', 'listed', 'style', 'held', 'dominated', 'brokered', 'operated']);
/** Suffixes after which the name before the hyphen is where someone or something is. */
const whereSuffixes = new Set(['based', 'born', 'bred', 'headquartered', 'registered', 'listed']);

/**
 * A name glued by a hyphen to a past participle ("Ruriton-based", "Acme-backed") is cut before
 * the hyphen: the name stays a mention of its own and the adjective's tail goes. A known place
 * before "-based", "-born" ... is a PLACE, a given name before "-led" ... a PERSON. What the span
 * holds after the adjective ("Ruriton-based Acme Bancorp") is a mention of its own: an
 * organization, unless the span was a person ("Ruriton-born Jane Roe").
 */
export function cutCompoundAdjectives(doc: Doc, drafts: Draft[], gz: Uint16Array): Draft[] {
  const out: Draft[] = [];
  for (const d of drafts) {
    let j = -1;
    for (let i = Math.max(d.a, 2); i < d.b; i++) {
      if (compoundSuffixes.has(tokText(doc, i).toLowerCase()) && !isCapitalized(doc, i) && tokText(doc, i - 1) === '-' && glued(doc, i - 2) && glued(doc, i - 1)) {
        j = i;
        break;
      }
    }
    if (j < 0) {
      out.push(d);
      continue;
    }
    if (j - 1 > d.a) {
      const where = whereSuffixes.has(tokText(doc, j).toLowerCase());
      const g = gz[j - 2]!;
      let type = d.type;
      if (g & PLACE_BITS && (where || !(g & gaz.NAME))) type = 'PLACE';
      else if (!where && g & gaz.NAME && j - 1 - d.a <= 3) type = 'PERSON';
      out.push({ ...d, b: j - 1, type, role: undefined, longForm: undefined });
    }
    if (j + 1 < d.b && isCapitalized(doc, j + 1)) {
      out.push(...cutCompoundAdjectives(doc, [{ ...d, a: j + 1, type: d.type === 'PERSON' ? 'PERSON' : 'ORGANIZATION', role: undefined, longForm: undefined }], gz));
    }
  }
  return out;
}

const companyHeadSet = new Set(companyHeads);

/**
 * A PERSON span of two or more words ending in a company word ("Roe Investments", "Doe
 * Partners Limited Partnership", "Acme S.A.") is an organization; so are the PERSON mentions
 * of its name without the company words in the same document ("Roe" after "Roe Investments").
 */
export function companyByHead(doc: Doc, drafts: Draft[]): Draft[] {
  const keyOf = (a: number, b: number): string => doc.text.slice(doc.tokens[a]!.start, doc.tokens[b - 1]!.end);
  const head = (i: number): boolean => isCapitalized(doc, i) && companyHeadSet.has(tokText(doc, i).toLowerCase().replace(/\./g, ''));
  const short = new Set<string>();
  for (const d of drafts) {
    if (d.type !== 'PERSON' || d.b - d.a < 2) continue;
    let b = d.b;
    while (b > d.a && (head(b - 1) || (tokText(doc, b - 1) === '.' && b - 1 > d.a))) b--;
    if (b === d.b || b === d.a) continue;
    d.type = 'ORGANIZATION';
    short.add(keyOf(d.a, b));
  }
  if (short.size > 0) for (const d of drafts) if (d.type === 'PERSON' && short.has(keyOf(d.a, d.b))) d.type = 'ORGANIZATION';
  return drafts;
}

const weekdays = new Set(calendarWords.filter((w) => w.endsWith('day')));
/** Month abbreviations that are no given name or word of their own ("Feb", not "May", "Mar"). */
const monthAbbrevs = new Set(['jan', 'feb', 'apr', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec']);
const calendarSet = new Set(calendarWords);

/**
 * Weekday and month names glued to a name by the tagger ("Jane Roe Saturday", "Roe Feb. 3",
 * "Ruritania Friday") are cut off: a weekday at either end; at the end, a month abbreviation
 * written with its dot ("Feb.") or any month name before a number ("May", "June" are also
 * names, and "Jan" a given name, so neither goes otherwise). A weekday
 * alone, or a month alone written as a date ("Feb. 1", "June 3"), is no name.
 */
export function trimCalendarWords(doc: Doc, drafts: Draft[], sentOf: Int32Array): Draft[] {
  const n = doc.tokens.length;
  const low = (i: number): string => tokText(doc, i).toLowerCase().replace(/\.$/, '');
  const numberAfter = (i: number): boolean => i + 1 < n && sentOf[i + 1] === sentOf[i] && /^\d/.test(tokText(doc, i + 1));
  const trailing = (i: number): boolean => {
    const w = low(i);
    if (!isCapitalized(doc, i) || !calendarSet.has(w)) return false;
    return weekdays.has(w) || (monthAbbrevs.has(w) && tokText(doc, i).endsWith('.')) || numberAfter(i);
  };
  const out: Draft[] = [];
  for (const d0 of drafts) {
    const d = { ...d0 };
    if (d.b === d.a + 1 && isCapitalized(doc, d.a) && (weekdays.has(low(d.a)) || (calendarSet.has(low(d.a)) && (tokText(doc, d.a).endsWith('.') || numberAfter(d.a))))) continue;
    let cut = false;
    while (d.b - d.a >= 2 && trailing(d.b - 1)) {
      d.b--;
      cut = true;
      // "DC on March": the joiner before the month goes too.
      while (d.b - d.a >= 2 && !isCapitalized(doc, d.b - 1) && (joinerSet.has(tokText(doc, d.b - 1)) || /^[\p{P}]+$/u.test(tokText(doc, d.b - 1)))) d.b--;
    }
    while (d.b - d.a >= 2 && isCapitalized(doc, d.a) && weekdays.has(low(d.a))) {
      d.a++;
      cut = true;
    }
    out.push(cut ? { ...d, longForm: undefined } : d);
  }
  return out;
}
