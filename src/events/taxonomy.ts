/**
 * The event taxonomy: which words announce which kind of event.
 *
 * Seven types (src/types.ts `eventTypes`), in three merge families:
 *
 * | type         | what                                    | trigger words (any inflection listed)          |
 * |--------------|-----------------------------------------|------------------------------------------------|
 * | `attack`     | attack, strike, bombing, raid, clash    | attack, strike, struck, bombing, explosion,    |
 * |              | war, shelling, invasion                 | blast, raid, assault, clash, shootout, barrage |
 * | `casualties` | killing, deaths, injuries               | kill, dead, died, slaying, murder, assassinate |
 * | `statement`  | statement, condemnation, warning        | condemn, statement, urge, warn, announce,      |
 * |              | (weak: said, told, reported, claimed;   | briefing, accuse, stress, "called for"         |
 * |              | "posted" only online)                   |                                                |
 * | `meeting`    | meeting, talks, visit, phone call       | meet, talks, visit, call (noun), conversation, |
 * |              |                                         | "spoke" when a phone is mentioned              |
 * | `diplomatic` | recall, expel, summon, restore ties     | recall/return/expel/summon with an envoy;      |
 * |              |                                         | restore/resume/sever/cut with ties/relations   |
 * | `agreement`  | agreement, deal, ceasefire, treaty      | agree, agreement, deal, accord, ceasefire      |
 * | `other`      | arrests, elections, resignations        | arrest, election, resign                       |
 *
 * Families: `attack` and `casualties` are one family (a strike and the deaths it caused are one
 * event); every other type is its own family. Merging compares families, not types.
 *
 * Weak triggers (reporting verbs) only date an event when the sentence has no other trigger: in
 * "officials said on Monday that troops had killed ten" the killing is the event, not the saying.
 */
import type { EventType } from '../types.js';

/** One trigger rule: surface forms (lower case) and the conditions they need. */
export interface TriggerRule {
  type: EventType;
  /** Lower-case token texts that fire the rule. */
  words: readonly string[];
  /** Universal POS tags the token must have (any when absent). */
  pos?: readonly string[];
  /** A reporting verb: used only when the sentence has no other trigger. */
  weak?: boolean;
  /** The sentence (lower case) must match this, e.g. an envoy for "recalled". */
  sentenceHas?: RegExp;
  /** One of these lower-case words must occur within `window` tokens after the trigger. */
  followedBy?: { words: readonly string[]; window: number };
}

const envoy = /\b(ambassadors?|envoys?|diplomats?|charg[eé] d'affaires|high commissioners?)\b/;
const phone = /\b(phone|telephone|video call|by call)\b/;
const online = /\b(online|social media|website|web site|blog|channel|account|feed|twitter|x\.com|facebook|instagram|telegram|youtube|tiktok|post)\b/;

/** The trigger table, checked in order: the first rule that fires on a token wins. */
export const triggerRules: readonly TriggerRule[] = [
  // Diplomatic actions first: "recalled" and "return" are diplomatic only next to an envoy.
  { type: 'diplomatic', words: ['recall', 'recalls', 'recalled', 'recalling', 'return', 'returns', 'returned', 'returning', 'expel', 'expels', 'expelled', 'expelling', 'expulsion', 'expulsions', 'summon', 'summons', 'summoned', 'summoning', 'booting', 'booted', 'barring', 'barred', 'withdrew', 'withdraw', 'withdrawn', 'kicks', 'kicked'], sentenceHas: envoy },
  { type: 'diplomatic', words: ['restore', 'restores', 'restored', 'restoring', 'resume', 'resumes', 'resumed', 'resuming', 'sever', 'severs', 'severed', 'severing', 'cut', 'cuts', 'normalize', 'normalise', 'normalized', 'normalised', 'downgrade', 'downgraded', 'establish', 'established'], followedBy: { words: ['ties', 'relations', 'relationship', 'diplomatic'], window: 4 } },
  { type: 'diplomatic', words: ['persona', 'sanctions', 'sanctioned'] },

  { type: 'agreement', words: ['agree', 'agrees', 'agreed', 'agreeing', 'agreement', 'agreements', 'accord', 'accords', 'treaty', 'treaties', 'ceasefire', 'cease-fire', 'truce', 'pact', 'memorandum', 'signed', 'sign', 'signs', 'signing'] },
  { type: 'agreement', words: ['deal', 'deals'], pos: ['NOUN'] },

  { type: 'attack', words: ['attack', 'attacks', 'attacked', 'attacking', 'strike', 'strikes', 'struck', 'airstrike', 'airstrikes', 'air-strike', 'bombing', 'bombings', 'bombed', 'bombard', 'bombarded', 'bombardment', 'explosion', 'explosions', 'exploded', 'detonated', 'blast', 'blasts', 'raid', 'raids', 'raided', 'assault', 'assaults', 'assaulted', 'shelling', 'shelled', 'shootout', 'shoot-out', 'gunfight', 'clash', 'clashes', 'clashed', 'ambush', 'ambushed', 'invasion', 'invaded', 'invade', 'barrage', 'targeting', 'targeted', 'overran', 'overrun', 'incursion', 'incursions', 'insurgency', 'insurrection', 'hostilities', 'fighting', 'shot'] },
  { type: 'attack', words: ['hit', 'hits'], pos: ['VERB'] },
  { type: 'attack', words: ['war', 'offensive'], pos: ['NOUN', 'PROPN'] },
  { type: 'attack', words: ['fired', 'launched', 'launches'], followedBy: { words: ['missiles', 'missile', 'rockets', 'rocket', 'drones', 'shells', 'shots', 'mortars'], window: 4 } },

  { type: 'casualties', words: ['kill', 'kills', 'killed', 'killing', 'killings', 'dead', 'died', 'die', 'dies', 'deaths', 'wounded', 'wounding', 'injured', 'injuring', 'casualties', 'assassinated', 'assassination', 'massacre', 'massacred', 'murdered', 'executed', 'fatalities'] },

  // "the slain general" names a victim of an earlier event, not a killing.
  { type: 'casualties', words: ['slain'], pos: ['VERB'] },
  { type: 'casualties', words: ['slaying', 'slayings', 'murder', 'murders', 'homicide', 'stabbed', 'stabbing', 'beheaded', 'lynched'] },
  { type: 'attack', words: ['shooting', 'shootings', 'gunfire', 'firebombed', 'arson'], pos: ['NOUN', 'VERB'] },

  { type: 'meeting', words: ['met', 'meet', 'meets', 'meeting', 'meetings', 'talks', 'summit', 'visit', 'visits', 'visited', 'visiting', 'hosted', 'hosts', 'conversation', 'conversations', 'phoned', 'telephoned', 'consultations'] },
  { type: 'meeting', words: ['call', 'calls'], pos: ['NOUN'] },
  { type: 'meeting', words: ['spoke', 'speak', 'spoken', 'talked'], sentenceHas: phone },

  { type: 'statement', words: ['called'], followedBy: { words: ['for'], window: 1 } },
  { type: 'statement', words: ['condemn', 'condemns', 'condemned', 'condemning', 'condemnation', 'statement', 'statements', 'urge', 'urges', 'urged', 'urging', 'warn', 'warns', 'warned', 'warning', 'announce', 'announces', 'announced', 'announcement', 'denounce', 'denounced', 'denounces', 'declared', 'declares', 'accuse', 'accused', 'accuses', 'vowed', 'vows', 'briefing', 'stressed', 'stresses', 'emphasised', 'emphasized', 'emphasises', 'emphasizes', 'protest', 'protested', 'criticised', 'criticized', 'demanded', 'demands', 'threatened', 'pledged', 'insisted', 'rejected', 'welcomed'] },
  { type: 'statement', words: ['said', 'says', 'say', 'told', 'tells', 'reported', 'claimed', 'stated', 'added', 'tweeted', 'wrote', 'confirmed'], weak: true },
  // "reports", "claims", "states" are as often nouns ("insurance claims", "the states").
  { type: 'statement', words: ['reports', 'claims', 'claim', 'states'], pos: ['VERB'], weak: true },
  // "posted" a statement online, not "posted a loss".
  { type: 'statement', words: ['posted'], sentenceHas: online, weak: true },

  { type: 'other', words: ['arrest', 'arrests', 'arrested', 'detained', 'election', 'elections', 'elected', 'resigned', 'resignation', 'sworn', 'inaugurated'] },
];

/** Merge families: an attack and the deaths it caused are one event; other types stand alone. */
export function family(type: EventType): string {
  return type === 'casualties' ? 'attack' : type;
}

/** The rules of each word, in table order (built once; the table is constant). */
const rulesByWord = new Map<string, TriggerRule[]>();
for (const rule of triggerRules) for (const word of rule.words) rulesByWord.set(word, [...(rulesByWord.get(word) ?? []), rule]);

/** A token that fired a trigger rule. */
export interface TriggerHit {
  /** Index into `Doc.tokens`. */
  token: number;
  type: EventType;
  weak: boolean;
}

/**
 * Finds the triggers among tokens `[from, to)`. `lower[i]` is token i's lower-case text and
 * `sentence` the lower-case sentence text (for rules that need an envoy or a phone in it).
 */
export function findTriggers(lower: readonly string[], pos: readonly string[], from: number, to: number, sentence: string): TriggerHit[] {
  const hits: TriggerHit[] = [];
  for (let i = from; i < to; i++) {
    for (const rule of rulesByWord.get(lower[i]!) ?? []) {
      if (rule.pos && !rule.pos.includes(pos[i]!)) continue;
      if (rule.sentenceHas && !rule.sentenceHas.test(sentence)) continue;
      if (rule.followedBy) {
        const { words, window } = rule.followedBy;
        let found = false;
        for (let j = i + 1; j <= Math.min(to - 1, i + window); j++) if (words.includes(lower[j]!)) found = true;
        if (!found) continue;
      }
      hits.push({ token: i, type: rule.type, weak: rule.weak === true });
      break;
    }
  }
  return hits;
}
