/**
 * The names a merge can carry in `merges.csv` and in the dedupe eval's ablation table: one per
 * rule, each made by the phase files listed beside it (src/dedupe/phases/). The type is derived
 * from this list, so a phase can only record a rule that exists here. It sits beside types.ts,
 * which every folder may import, so `Merge.rule` is checked without types importing dedupe.
 */
export const mergeRules = [
  /** A reviewed decision from `dedupe.overrides` (score 1 forced, 0 refused): forced-merges.ts. */
  'override',
  /** The same cleaned name: document-variants.ts, cross-document-variants.ts. */
  'exact',
  /** A spelling, spacing, hyphen or transliteration variant: document-variants.ts, cross-document-variants.ts. */
  'variant',
  /** An acronym defined in the text next to its long form: acronym-definitions.ts. */
  'acronym',
  /** An acronym of a name's initials: document-acronyms.ts, cross-document-acronyms.ts. */
  'acronym-initials',
  /** A person's surname or honorific form to the one full name it fits: document-short-forms.ts, cross-document-surnames.ts. */
  'short-form',
  /** A lone given name to the one full name of its document that starts with it: document-given-names.ts. */
  'given-name',
  /** Places linked to one gazetteer entry: gazetteer-places.ts. */
  'gazetteer',
  /** Full names that differ by a middle initial: middle-initials.ts. */
  'middle-initial',
  /**
   * The same name typed differently in two documents, joined as one entity of the type most of
   * its mentions have (src/dedupe/run-types.ts; the join itself in cross-document-variants.ts).
   */
  'run-type',
  /** An organization with and without a designator or generic head ("X Holdings PLC", "X"): organization-suffixes.ts. */
  'org-suffix',
  /** An organization written with its country and without it ("U.S. X", "X"): country-qualified-organizations.ts. */
  'country-qualified',
  /** A one-word organization ("the Fund") to the one longer name of the run ending in it: organization-short-forms.ts. */
  'org-short-form',
  /** A surname form ("X-Y", "XY", "Mr. X Y") to the one full name whose surname it is, through hyphens and spacing: surname-variants.ts. */
  'surname-variant',
] as const;

/** A rule name of {@link mergeRules}. */
export type MergeRule = (typeof mergeRules)[number];
