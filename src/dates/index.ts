export { findDates, type DateRules } from './find-dates.js';
export { isForwardLooking, clausePointsForward } from './tense.js';
export { inferPublishedFromText } from './infer-published.js';
