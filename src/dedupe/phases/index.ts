/**
 * The entity dedupe, in order. Each phase computes from the state the ones before it left; a
 * union is always refused when it would put incompatible names in one cluster (two full names
 * with different given names, places in different countries or of different kinds, two
 * different acronyms) or a forbidden pair.
 */
import type { DedupePhase } from '../phase.js';
import { acronymDefinitions } from './acronym-definitions.js';
import { crossDocumentAcronyms } from './cross-document-acronyms.js';
import { crossDocumentSurnames } from './cross-document-surnames.js';
import { crossDocumentVariants } from './cross-document-variants.js';
import { documentAcronyms } from './document-acronyms.js';
import { documentGivenNames } from './document-given-names.js';
import { documentShortForms } from './document-short-forms.js';
import { documentVariants } from './document-variants.js';
import { countryQualifiedOrganizations } from './country-qualified-organizations.js';
import { forcedMerges } from './forced-merges.js';
import { gazetteerPlaces } from './gazetteer-places.js';
import { joinProposedMerges } from './join-proposed-merges.js';
import { linkPlaces } from './link-places.js';
import { middleInitials } from './middle-initials.js';
import { organizationShortForms } from './organization-short-forms.js';
import { organizationSuffixes } from './organization-suffixes.js';
import { surnameVariants } from './surname-variants.js';

export const dedupePhases: readonly DedupePhase[] = [
  // Context: place links and kinds, which the guards compare.
  linkPlaces,
  // Reviewed decisions first.
  forcedMerges,
  // Within each document (all of these on one document, then the next).
  acronymDefinitions,
  documentVariants,
  documentAcronyms,
  documentShortForms,
  documentGivenNames,
  // Across documents: the same name and its spellings, then places by gazetteer entry.
  crossDocumentVariants,
  gazetteerPlaces,
  // Organization name forms: designators, country qualifiers, one-word short forms.
  organizationSuffixes,
  countryQualifiedOrganizations,
  organizationShortForms,
  // Across documents, weaker evidence: each to the one cluster it fits.
  middleInitials,
  crossDocumentSurnames,
  surnameVariants,
  crossDocumentAcronyms,
  joinProposedMerges,
];
