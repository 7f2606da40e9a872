/**
 * Organization name forms: the legal designator and generic head a company name carries in full
 * and drops in later mentions ("X Holdings PLC", "X Group", "X Motor Company", "X"), and the
 * acronym a long form is sometimes written with ("X Y Z Company XYZ").
 */
import { initialsStopwords, looseKey, type Surface } from './normalize.js';

/**
 * Lower-cased tokens (as `Surface.tokens` has them: dots gone, "N.V." is `nv`) that end a company
 * name and are dropped in short mentions: legal forms, and the generic heads "Company",
 * "Computer", "Motor(s)", "Group", "Holdings".
 */
export const organizationDesignators: ReadonlySet<string> = new Set([
  'inc', 'incorporated', 'corp', 'corporation', 'co', 'cos', 'company', 'ltd', 'limited', 'llc', 'plc',
  'ag', 'sa', 'nv', 'bv', 'gmbh', 'group', 'holdings', 'holding', 'computer', 'computers', 'motor', 'motors',
]);

/**
 * The name without trailing designators, and without a trailing acronym of its own initials
 * (as a loose key, see `looseKey`), or null when nothing is dropped or nothing would be left.
 * "Acme Holdings PLC" and "Acme Group" give `acme`; "Acme" gives null.
 */
export function organizationCore(s: Surface): string | null {
  return organizationCoreTokens(s)?.loose ?? null;
}

/** {@link organizationCore} with the tokens kept. */
export function organizationCoreTokens(s: Surface): { tokens: string[]; loose: string } | null {
  let v = cores.get(s);
  if (v === undefined) cores.set(s, (v = coreOf(s)));
  return v;
}

/** Surfaces are shared and never modified: each is reduced once. */
const cores = new WeakMap<Surface, { tokens: string[]; loose: string } | null>();

function coreOf(s: Surface): { tokens: string[]; loose: string } | null {
  const tokens = [...s.tokens];
  const initialsOf = (words: readonly string[]): string =>
    words.filter((w) => !initialsStopwords.has(w)).map((w) => w[0]!).join('');
  let changed = false;
  for (;;) {
    const last = tokens.at(-1);
    if (last === undefined || tokens.length < 2) break;
    if (organizationDesignators.has(last)) {
      tokens.pop();
      changed = true;
      continue;
    }
    // A trailing acronym of the words before it, with or without their designators.
    const rest = tokens.slice(0, -1);
    const bare = [...rest];
    while (bare.length > 1 && organizationDesignators.has(bare.at(-1)!)) bare.pop();
    if (last.length >= 2 && (initialsOf(rest) === last || initialsOf(bare) === last)) {
      tokens.pop();
      changed = true;
      continue;
    }
    break;
  }
  if (!changed || tokens.every((t) => initialsStopwords.has(t))) return null;
  return { tokens, loose: looseKey(tokens) };
}
