/**
 * The date rules in the order the recognizer tries them: earlier wins between equally long
 * overlapping matches (longer matches win first). Each family is a file of this folder.
 */
import { dashedMonthDate, isoDate, numericDate, yearFirstDate } from './numeric-dates.js';
import { dayOfMonth, joinedDay, monthDay, weekdayMonthOrdinal } from './month-days.js';
import { month, monthYear } from './months.js';
import { holiday } from './holidays.js';
import { weekday } from './weekdays.js';
import { monthSet, setPhrase, weekdaySet } from './sets.js';
import { clock24h, clockAmPm, clockFourDigit, clockHalfOfDay, dayPart } from './clock-times.js';
import { deicticDay } from './deictic-days.js';
import { futureRef, pastRef, presentRef } from './references.js';
import { ago, relativeUnit, theWeekend } from './relative.js';
import { endOfUnit, offsetFromLastDate, sameUnit, sameUnitYearApart, theYear, yearAgo, yearAgoSpan } from './anaphora.js';
import { halfOfYear, ordinalQuarter, qNotation, theQuarter, yearPeriod } from './quarters.js';
import { season } from './seasons.js';
import { century, decade } from './eras.js';
import { year, yearRangeEnd, yearRangeStart } from './years.js';
import { duration, vagueDuration } from './durations.js';

export const dateRules = [
  isoDate,
  numericDate,
  yearFirstDate,
  dashedMonthDate,
  monthDay,
  dayOfMonth,
  joinedDay,
  weekdayMonthOrdinal,
  monthYear,
  month,
  holiday,
  weekday,
  weekdaySet,
  monthSet,
  clockAmPm,
  clock24h,
  clockFourDigit,
  clockHalfOfDay,
  dayPart,
  deicticDay,
  presentRef,
  pastRef,
  futureRef,
  ago,
  offsetFromLastDate,
  yearAgo,
  yearAgoSpan,
  sameUnit,
  sameUnitYearApart,
  ordinalQuarter,
  halfOfYear,
  qNotation,
  yearPeriod,
  theQuarter,
  relativeUnit,
  theYear,
  endOfUnit,
  theWeekend,
  season,
  decade,
  century,
  yearRangeStart,
  yearRangeEnd,
  year,
  setPhrase,
  duration,
  vagueDuration,
] as const;

/** The name of a date rule (`dateRules` holds each once). */
export type DateRule = (typeof dateRules)[number]['name'];
/** The family of a date rule: a file `src/dates/rules/<family>.ts`. */
export type DateRuleFamily = (typeof dateRules)[number]['family'];
