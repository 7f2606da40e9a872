/**
 * The recognizer's post-rules, in the order they run on the tagger's spans. Each lives in the
 * file of its name (`src/ner/rules/<name>.ts`), with its test in `tests/ner/rules/<name>.test.ts`.
 */
import { agreeTypesRule } from './agree-types.js';
import { attachLoneHeadsRule } from './attach-lone-heads.js';
import { attachRolesRule } from './attach-roles.js';
import { companyByHeadRule } from './company-by-head.js';
import { cutCompoundAdjectivesRule } from './cut-compound-adjectives.js';
import { defineAcronymsRule } from './define-acronyms.js';
import { dropEventNamesRule } from './drop-event-names.js';
import { dropNonNamesRule } from './drop-non-names.js';
import { dropSplitGlossesRule } from './drop-split-glosses.js';
import { findUntaggedCompaniesRule } from './find-untagged-companies.js';
import { fixPlaceCompoundsRule } from './fix-place-compounds.js';
import { joinParticlePlacesRule } from './join-particle-places.js';
import { joinRegionNamesRule } from './join-region-names.js';
import { joinParticleNamesRule } from './join-particle-names.js';
import { joinSplitNamesRule } from './join-split-names.js';
import { orgByCompanyContextRule } from './org-by-company-context.js';
import { orgByDescriptorRule } from './org-by-descriptor.js';
import { orgByItsRule } from './org-by-its.js';
import { personBySurnameRule } from './person-by-surname.js';
import { placeBeforeFacilityRule } from './place-before-facility.js';
import { splitAtTitlesRule } from './split-at-titles.js';
import { splitAtSpacedDashesRule } from './split-at-spaced-dashes.js';
import { splitLeadingPlaceRule } from './split-leading-place.js';
import { trimCalendarWordsRule } from './trim-calendar-words.js';
import { trimDebrisRule } from './trim-debris.js';
import { typeByHeadWordRule } from './type-by-head-word.js';

export const nerRules = [
  // Spans: mend what the tokenizer split, cut what the tagger ran together.
  joinSplitNamesRule,
  joinParticleNamesRule,
  splitAtSpacedDashesRule,
  cutCompoundAdjectivesRule,
  orgByDescriptorRule,
  findUntaggedCompaniesRule,
  orgByItsRule,
  orgByCompanyContextRule,
  trimDebrisRule,
  trimCalendarWordsRule,
  attachLoneHeadsRule,
  splitAtTitlesRule,
  splitLeadingPlaceRule,
  // Types from the words of the name.
  typeByHeadWordRule,
  companyByHeadRule,
  agreeTypesRule,
  personBySurnameRule,
  // What is not a name goes.
  dropNonNamesRule,
  dropEventNamesRule,
  dropSplitGlossesRule,
  // Places.
  placeBeforeFacilityRule,
  joinRegionNamesRule,
  joinParticlePlacesRule,
  fixPlaceCompoundsRule,
  // Roles and acronyms.
  attachRolesRule,
  defineAcronymsRule,
] as const;

/** The name of a post-rule (its file name). */
export type NerRule = (typeof nerRules)[number]['name'];

export const nerRuleNames: readonly NerRule[] = nerRules.map((r) => r.name);

export type { Draft } from './draft.js';
export type { Rule, RuleContext, RuleState } from './rule.js';
