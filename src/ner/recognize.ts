import type { Doc, EntityMention, EntityType } from '../types.js';
import type { PlaceResolver } from '../geo/types.js';
import { companyByHead, cutCompoundAdjectives, dropSplitGlosses, joinParticlePlaces, joinRegionNames, placeBeforeFacility, attachLoneHeads, dropNonNames, fixPlaceCompounds, orgByDescriptor, attachRoles, dropTitleCaseHeadings, splitAtTitles, splitLeadingPlace, typeByHeadWord, defineAcronyms, joinSplitNames, oneLabelPerName, sentenceOfTokens, toMentions, trimCalendarWords, trimDebris, type Draft } from './rules.js';
import { decode, docFeatures, labelSpans, type TaggerModel } from './tagger.js';

/** Tagger classes to pipeline types; MISC (index 3) is dropped. */
const typeOfClass: ReadonlyArray<EntityType | undefined> = ['PERSON', 'ORGANIZATION', 'PLACE', undefined];

/**
 * Tags a tokenized document and applies the cleanup rules. `places` (countries and first-level
 * regions) lets the rules join compound region names; without it they are left as tagged.
 */
export function findEntities(doc: Doc, model: TaggerModel, places?: PlaceResolver): EntityMention[] {
  if (doc.tokens.length === 0) return [];
  const margins = new Float32Array(doc.tokens.length);
  const df = docFeatures(model, doc.text, doc.tokens, doc.sentences);
  const labels = decode(model, df, doc.sentences, undefined, margins);
  const sentOf = sentenceOfTokens(doc);
  let drafts: Draft[] = [];
  // MISC spans are kept aside: a descriptor noun may yet make one an organization.
  let misc: Draft[] = [];
  for (const [a, b, k] of labelSpans(labels, doc.sentences)) {
    const type = typeOfClass[k];
    let confidence = Infinity;
    for (let i = a; i < b; i++) confidence = Math.min(confidence, margins[i]!);
    if (type === undefined) misc.push({ a, b, type: 'ORGANIZATION', confidence });
    else drafts.push({ a, b, type, confidence });
  }
  drafts = joinSplitNames(doc, drafts, sentOf);
  misc = joinSplitNames(doc, misc, sentOf).filter((m) => !drafts.some((d) => d.a < m.b && m.a < d.b));
  drafts = cutCompoundAdjectives(doc, drafts, df.gz);
  misc = cutCompoundAdjectives(doc, misc, df.gz);
  drafts = orgByDescriptor(doc, drafts, misc, sentOf, df.gz);
  drafts = trimDebris(doc, drafts, df.gz);
  drafts = trimCalendarWords(doc, drafts, sentOf);
  drafts = attachLoneHeads(doc, drafts);
  drafts = splitAtTitles(doc, drafts, df.gz);
  drafts = splitLeadingPlace(doc, drafts, df.gz);
  drafts = typeByHeadWord(doc, drafts, df.gz);
  drafts = companyByHead(doc, drafts);
  drafts = dropTitleCaseHeadings(doc, drafts, sentOf, df.gz);
  drafts = dropNonNames(doc, drafts, sentOf, df.gz);
  drafts = dropSplitGlosses(doc, drafts, sentOf);
  drafts = placeBeforeFacility(doc, drafts, sentOf, df.gz);
  if (places !== undefined) {
    const untaken = trimDebris(doc, misc, df.gz).filter((m) => !drafts.some((d) => d.a < m.b && m.a < d.b));
    drafts = joinRegionNames(doc, drafts, untaken, sentOf, places);
    drafts = joinParticlePlaces(doc, drafts, untaken.filter((m) => !drafts.some((d) => d.a < m.b && m.a < d.b)), sentOf, places);
  }
  drafts = fixPlaceCompounds(doc, drafts, sentOf, df.gz, places);
  drafts = attachRoles(doc, drafts, sentOf);
  drafts = defineAcronyms(doc, drafts, sentOf);
  // A mention keeps its own type against the document's majority when the tagger was sure of it:
  // margin above a ninth of its typical margin on training text.
  drafts = oneLabelPerName(doc, drafts, model.typicalMargin / 9);
  return toMentions(doc, drafts, sentOf);
}

/** The tagger alone: one BIO label per token. */
export function tagDoc(doc: Doc, model: TaggerModel, margins?: Float32Array): Uint8Array {
  const df = docFeatures(model, doc.text, doc.tokens, doc.sentences);
  return decode(model, df, doc.sentences, undefined, margins);
}
