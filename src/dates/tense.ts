/**
 * Does a clause point forward in time? News reports the past, so a weekday or a month-day
 * without a year is read as the most recent past one unless the words around it say otherwise
 * ("will visit Monday", "is scheduled to close Monday", "may return by Jan. 26").
 */

/** Words that put a clause in the future or make it a plan. `(would|may|...) have` is excluded later. */
const FUTURE =
  /\b(?:will|won't|wo n't|shall|'ll|gonna|going to|is to|are to|scheduled|set to|due to|plans? to|planned|planning|expects? to|expected to|(?:is|are|be) expected|intends? to|intended to|aims? to|hopes? to|to be held|upcoming|would|may|might|should|could|must|as (?:soon|early) as|next|coming|tomorrow|later this|ahead|effective|starting|beginning)\b/i;

/** Modal perfect ("would have", "may have been") talks about the past. */
const MODAL_PERFECT = /\b(?:will|would|may|might|could|should|must)(?: not| n't)? have\b/gi;

/** Verbs of reporting: a date right after one of these dates the report, not the plan. */
const REPORTING = /^(?:said|says|told|announced|reported|added|stated|confirmed|declared|disclosed|revealed|wrote|noted|insisted|warned|acknowledged|explained|agreed|decided|voted|ruled|urged|asked|met|was|were|had|did)$/i;

/** Irregular past-tense verbs frequent in news (a regular past ends in -ed). */
const IRREGULAR_PAST = new Set([
  'began', 'broke', 'brought', 'came', 'caught', 'chose', 'did', 'drew', 'drove', 'fell', 'felt', 'fled',
  'flew', 'fought', 'found', 'gave', 'got', 'grew', 'had', 'heard', 'held', 'hit', 'kept', 'knew', 'led',
  'left', 'lost', 'made', 'meant', 'met', 'paid', 'put', 'quit', 'ran', 'rose', 'said', 'sank', 'saw',
  'sent', 'set', 'shot', 'shut', 'sold', 'spoke', 'spent', 'stood', 'struck', 'swore', 'took', 'told',
  'threw', 'thought', 'tore', 'was', 'went', 'were', 'won', 'wrote',
]);

/** Participles of a plan ("is scheduled Monday", "expected to close in March"): no past event. */
const PLAN_PARTICIPLE = /^(?:scheduled|planned|expected|slated|set|due)$/i;

/** A plan told in the past perfect ("had been due to expire Friday") was for a day now past. */
const PAST_PLAN = /\bhad(?: not| n't)?(?: been)? (?:scheduled|due|set|expected|planned|slated|supposed)\b/gi;

/** The whole sentence points forward (future tense, modal, plan). Used by the events stage. */
export function isForwardLooking(sentence: string): boolean {
  return FUTURE.test(sentence.replace(MODAL_PERFECT, ' ').replace(PAST_PLAN, ' '));
}

// A closing quote after a full stop ends a sentence even where the splitter kept going
// ("... in the spring.'' The figures showed ...").
const CLAUSE_BREAK = /[,;:()]|--|\u2014|\u2013|[.!?](?:''|["\u201d])(?=\s)|\b(?:said|says|told|and|but|while|after|before|when|because|although|since|who|which|whose|where)\b/gi;

/**
 * Does the clause around `[start, end)` of `sentence` point forward? Looks at the clause the
 * mention sits in (cut at punctuation, conjunctions and reporting verbs); a mention right after a
 * past-tense verb ("said Friday", "voted Friday") is taken as past whatever follows.
 */
export function clausePointsForward(sentence: string, start: number, end: number): boolean {
  const before = sentence.slice(0, start);
  const prevWords = before.match(/[A-Za-z']+/g) ?? [];
  let k = prevWords.length - 1;
  while (k >= 0 && /^(?:on|late|early|last|this|since|as|of|by|until)$/i.test(prevWords[k]!)) k--;
  const prev = k >= 0 ? prevWords[k]! : '';
  if (REPORTING.test(prev) || IRREGULAR_PAST.has(prev.toLowerCase()) || /[a-z]ed$/i.test(prev)) {
    // "is scheduled Monday", "planned Monday" are participles of a plan, not past events.
    if (!PLAN_PARTICIPLE.test(prev)) return false;
  }
  let from = 0;
  let last = '';
  for (const m of before.matchAll(CLAUSE_BREAK)) {
    from = m.index + m[0].length;
    last = m[0];
  }
  // A parenthesis restates what is outside it: "will leave at dawn (4 a.m. Thursday)" is as
  // forward as the words before the bracket.
  if (last === '(' && from > 1 && clausePointsForward(sentence, from - 1, from - 1)) return true;
  // After the mention only the next few words count ("Monday will see"), and nothing after a
  // possessive ("Wednesday's ruling would ...": the ruling is the past event).
  // A possessive ("Wednesday's ruling") names a day by what happened on it: past, unless marked.
  if (/^'s\b/.test(sentence.slice(end))) return /\b(?:next|coming|upcoming|this)\s+$/i.test(before);
  const clause = `${before.slice(from)} ${clauseAfter(sentence, end, 24)}`;
  return isForwardLooking(clause);
}

/** The words after `end` up to the next clause break, looking no further than `limit` characters. */
function clauseAfter(sentence: string, end: number, limit = Infinity): string {
  const after = sentence.slice(end, end + limit);
  const stop = after.search(CLAUSE_BREAK);
  return stop >= 0 ? after.slice(0, stop) : after;
}

/**
 * Does the clause before `[start, end)` tell of the past? True for a fronted adverbial followed
 * by a comma ("In January, the firm ..."): news narrates what happened; and for "in <month>" in a
 * clause told in the simple past ("switched to a calendar year in December"). A perfect, a present
 * passive or a deadline is no such sign ("has extended loans through January", "is heard in May").
 */
export function clauseTellsPast(sentence: string, start: number, end: number): boolean {
  const before = sentence.slice(0, start);
  if (/^\W*(?:in|during|by|since|until|through|from|early|late|mid)?\s*$/i.test(before) && /^\s*,/.test(sentence.slice(end))) return true;
  // "In March the board hired ...": fronted without a comma, told by the verb of the clause after it.
  if (/^\W*in\s*$/i.test(before)) {
    const after = clauseAfter(sentence, end);
    if (!isForwardLooking(after) && tellsSimplePast(after.match(/[A-Za-z']+/g) ?? [])) return true;
  }
  return clauseVerbPast(before);
}

/** Words after "to" that make it a preposition ("changed to a calendar year"), not an infinitive. */
const DETERMINER = /^(?:a|an|the|this|that|these|those|its|his|her|their|our|my|your|some|each|every|all)$/i;

/** Auxiliaries that make a following participle a perfect, a passive or a plan, not a simple past. */
const AUXILIARY = /^(?:has|have|having|is|are|am|be|been|being|will|would|shall|should|can|could|may|might|must|to|'s|'re|'ve)$/i;

/**
 * "changed to a calendar year in December", "bought the stake in March": a month after "in"
 * whose clause is told in the simple past names the last one that has passed. (A perfect or a
 * passive in the present — "has extended loans through January", "is heard in May" — says nothing.)
 */
function clauseVerbPast(before: string): boolean {
  if (!/\bin\s+$/i.test(before)) return false;
  let from = 0;
  for (const m of before.matchAll(CLAUSE_BREAK)) from = m.index + m[0].length;
  return tellsSimplePast(before.slice(from).match(/[A-Za-z']+/g) ?? []);
}

/**
 * Does a verb of `words` (one clause) in the simple past tell a past event? Not a plan, not the
 * governor of an infinitive, not a participle after an auxiliary.
 */
function tellsSimplePast(words: readonly string[]): boolean {
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const past = IRREGULAR_PAST.has(w.toLowerCase()) || (/^[a-z]{3,}ed$/.test(w) && !/^(?:need|feed|seed|speed|bleed|breed|proceed|exceed|succeed|shed|bed|red|hundred)$/i.test(w));
    // A plan ("expected to close in March") or an infinitive after the verb ("agreed to sell
    // the unit in March") may put the month ahead.
    if (!past || PLAN_PARTICIPLE.test(w) || /^(?:intended|designed|aimed|proposed|agreed|promised|pledged|vowed|decided|voted|asked|urged|ordered|told)$/i.test(w)) continue;
    if (/^(?:had|did)$/i.test(w)) continue; // auxiliaries: the verb after them decides
    if (words.slice(i + 1).some((x, k, rest) => /^to$/i.test(x) && !DETERMINER.test(rest[k + 1] ?? ''))) continue;
    const prev = i > 0 ? words[i - 1]! : '';
    if (AUXILIARY.test(prev) || (i > 1 && /^(?:not|n't|also|already|just|been)$/i.test(prev) && AUXILIARY.test(words[i - 2]!))) continue;
    return true;
  }
  return false;
}
