/**
 * The event taxonomy: which words announce which kind of event.
 *
 * Seventeen types (src/types.ts `eventTypes`), each with its ACLED or CAMEO counterpart; the
 * definitions and trigger words are listed in docs/tables.md (generated from `typeDefinitions`
 * below). The words are inflections of the verbs and nouns those categories' own definitions use
 * (ACLED codebook event types and sub-event types; CAMEO root codes 01-20), not words taken from
 * any evaluation text.
 *
 * Merge families: the violent types (`attack`, `explosion`, `violence_against_civilians`, `death`)
 * are one family (a strike and the deaths it caused are one event), so are `protest` and `riot`,
 * and `arrest` and `court`; every other type is its own family. Merging compares families.
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
  /** The sentence (lower case) must not match this. */
  sentenceLacks?: RegExp;
  /** One of these lower-case words must occur within `window` tokens after the trigger. */
  followedBy?: { words: readonly string[]; window: number };
  /** One of these lower-case words must occur within `window` tokens before the trigger. */
  precededBy?: { words: readonly string[]; window: number };
}

/** What a type means, the ACLED or CAMEO category it corresponds to, for docs/tables.md. */
export interface TypeDefinition {
  type: EventType;
  definition: string;
  counterpart: string;
}

export const typeDefinitions: readonly TypeDefinition[] = [
  { type: 'attack', definition: 'Armed clash or attack by an organized armed group or state force: fighting, raids, ambushes, assaults, offensives, invasions, gunfire.', counterpart: 'ACLED Battles (armed clash, government regains territory, non-state actor overtakes territory); CAMEO 19 FIGHT (190, 193, 194)' },
  { type: 'explosion', definition: 'Explosions and remote violence: bombings, blasts, air and drone strikes, missile and rocket fire, shelling.', counterpart: 'ACLED Explosions/Remote violence; CAMEO 183 (suicide, car or other non-military bombing), 195 (employ aerial weapons)' },
  { type: 'violence_against_civilians', definition: 'Killings, massacres, assassinations, kidnappings, abductions, stabbings and shootings of people (the unarmed victims of violence).', counterpart: 'ACLED Violence against civilians (attack, abduction/forced disappearance); CAMEO 18 ASSAULT (180-186), 202 (mass killings)' },
  { type: 'death', definition: 'Deaths reported as such (died, death, pronounced dead), violent or not.', counterpart: 'no event category (ACLED counts them in `fatalities`); CAMEO none' },
  { type: 'protest', definition: 'Demonstrations, protests, marches, rallies, sit-ins, labour strikes, boycotts, hunger strikes.', counterpart: 'ACLED Protests (peaceful protest, protest with intervention); CAMEO 14 PROTEST (140-144)' },
  { type: 'riot', definition: 'Violent demonstrations and mob violence: riots, looting, rioters.', counterpart: 'ACLED Riots (violent demonstration, mob violence); CAMEO 145 (protest violently, riot)' },
  { type: 'disaster', definition: 'Natural disasters and accidents: earthquakes, floods, storms, landslides, fires, crashes, derailments, sinkings, epidemics.', counterpart: 'no ACLED or CAMEO category (EM-DAT natural and technological disasters)' },
  { type: 'arrest', definition: 'Police and security actions against people: arrests, detentions, warrants, charges, deportations, police raids and searches, extraditions.', counterpart: 'ACLED Strategic developments: Arrests; CAMEO 173 (arrest, detain, or charge with legal action), 174 (expel or deport individuals)' },
  { type: 'court', definition: 'Court actions: trials, rulings, verdicts, convictions, acquittals, sentences, indictments, lawsuits, appeals, testimony.', counterpart: 'CAMEO 173 (charge with legal action), 115 (bring lawsuit against); ACLED none' },
  { type: 'election', definition: 'Elections and their results: polls, ballots, referendums, people elected, sworn in or inaugurated, election campaigns.', counterpart: 'no ACLED or CAMEO event category (ACLED notes elections in context)' },
  { type: 'legislation', definition: 'Votes and legislation: a parliament, council, assembly or convention voting, passing, approving, ratifying, vetoing or adopting a measure.', counterpart: 'CAMEO 0 (no code; closest 057 sign formal agreement for ratifications); ACLED Strategic developments (policy)' },
  { type: 'agreement', definition: 'Agreements: deals, accords, treaties, ceasefires, truces, pacts, accessions, prisoner swaps and exchanges.', counterpart: 'ACLED Strategic developments: Agreement (incl. prisoner exchanges); CAMEO 057 (sign formal agreement), 03 EXPRESS INTENT TO COOPERATE' },
  { type: 'meeting', definition: 'Meetings, talks, negotiations, summits, visits, phone calls.', counterpart: 'CAMEO 04 CONSULT (040-046)' },
  { type: 'diplomatic', definition: 'Diplomatic moves: envoys recalled, expelled or summoned; ties cut, restored or downgraded; sanctions.', counterpart: 'CAMEO 16 REDUCE RELATIONS (161, 163, 166), 05 ENGAGE IN DIPLOMATIC COOPERATION (054); ACLED Strategic developments' },
  { type: 'statement', definition: 'Statements: condemnations, warnings, appeals, demands, accusations, threats, announcements, denials (and, when nothing else is reported, what was said).', counterpart: 'CAMEO 01 MAKE PUBLIC STATEMENT, 02 APPEAL, 10 DEMAND, 11 DISAPPROVE, 12 REJECT, 13 THREATEN' },
  { type: 'business', definition: 'Business and market news: acquisitions, mergers, takeovers, bids, results (profit, loss, earnings, revenue), dividends, share and market moves, layoffs and job cuts, bankruptcies.', counterpart: 'no ACLED category; CAMEO 061 (cooperate economically) at most' },
  { type: 'other', definition: 'Changes of office and other dated happenings: resignations, appointments, dismissals, retirements.', counterpart: 'no ACLED category; CAMEO none' },
];

const envoy = /\b(ambassadors?|envoys?|diplomats?|charg[eé] d'affaires|high commissioners?)\b/;
const phone = /\b(phone|telephone|video call|by call)\b/;
const online = /\b(online|social media|website|web site|blog|channel|account|feed|twitter|x\.com|facebook|instagram|telegram|youtube|tiktok|post)\b/;
const court = /\b(court|courts|tribunal|judge|judges|jury|justices|magistrate|magistrates)\b/;
const police = /\b(police|policemen|officers|detectives|fbi|agents|authorities|investigators|security forces|troopers)\b/;
const money = /(\$|€|£|\b(dollars?|cents?|euros?|pounds|yen|shares?|stocks?|percent|per cent|%|dividends?|profits?|earnings|revenues?|sales|net income|quarter|fiscal|investors?|market|nasdaq|dow|index)\b)/;
const legislature = /\b(parliament|senate|congress|house|assembly|council|lawmakers|legislators|legislature|deputies|convention|delegates|shareholders|cabinet|board|committee|chamber|members)\b/;
const electionCue = /\b(election|elections|electoral|polls|ballots?|voters|referendum|presidential|mayoral|primary|candidates?)\b/;
const bombNoun = ['bomb', 'bombs', 'grenade', 'grenades', 'mortar', 'mortars', 'rocket', 'rockets', 'missile', 'missiles', 'shell', 'shells', 'device', 'explosives', 'mine', 'mines', 'drone', 'drones'];

/** The trigger table, checked in order: the first rule that fires on a token wins. */
export const triggerRules: readonly TriggerRule[] = [
  // Diplomatic actions first: "recalled" and "return" are diplomatic only next to an envoy.
  { type: 'diplomatic', words: ['recall', 'recalls', 'recalled', 'recalling', 'return', 'returns', 'returned', 'returning', 'expel', 'expels', 'expelled', 'expelling', 'expulsion', 'expulsions', 'summon', 'summons', 'summoned', 'summoning', 'booting', 'booted', 'barring', 'barred', 'withdrew', 'withdraw', 'withdrawn', 'kicks', 'kicked'], sentenceHas: envoy },
  { type: 'diplomatic', words: ['restore', 'restores', 'restored', 'restoring', 'resume', 'resumes', 'resumed', 'resuming', 'sever', 'severs', 'severed', 'severing', 'cut', 'cuts', 'normalize', 'normalise', 'normalized', 'normalised', 'downgrade', 'downgraded', 'establish', 'established'], followedBy: { words: ['ties', 'relations', 'relationship', 'diplomatic'], window: 4 } },
  { type: 'diplomatic', words: ['persona', 'sanctions', 'sanctioned', 'embargo'] },
  // People (not envoys) expelled or deported: CAMEO 174, a coercive act.
  { type: 'arrest', words: ['expel', 'expels', 'expelled', 'expelling', 'expulsion', 'expulsions', 'deport', 'deported', 'deporting', 'deportation', 'deportations', 'extradite', 'extradited', 'extradition'] },

  // Labour and hunger strikes before military ones.
  { type: 'protest', words: ['strike', 'strikes'], precededBy: { words: ['on', 'general', 'hunger', 'labour', 'labor', 'national', 'nationwide', 'workers', "workers'", 'teachers', 'doctors', 'rail', 'transport', 'warning', 'one-day', 'two-day', 'indefinite'], window: 2 } },
  { type: 'protest', words: ['strike', 'strikes', 'striking'], followedBy: { words: ['workers', 'over', 'pay', 'wages', 'demanding'], window: 2 }, sentenceLacks: /\b(air|drone|missile|military)\b/ },
  { type: 'protest', words: ['protest', 'protests', 'protested', 'protesting', 'protesters', 'protestors', 'demonstration', 'demonstrations', 'demonstrators', 'demonstrated', 'demonstrating', 'demonstrate', 'rally', 'rallies', 'rallied', 'marched', 'marchers', 'marching', 'sit-in', 'sit-ins', 'walkout', 'walkouts', 'strikers', 'boycott', 'boycotted', 'boycotts', 'picket', 'picketed', 'vigil', 'vigils'] },
  { type: 'protest', words: ['sit'], followedBy: { words: ['in'], window: 2 } },
  { type: 'riot', words: ['riot', 'riots', 'rioting', 'rioted', 'rioters', 'looting', 'looted', 'looters', 'mob', 'mobs', 'unrest'] },

  { type: 'agreement', words: ['agree', 'agrees', 'agreed', 'agreeing', 'agreement', 'agreements', 'accord', 'accords', 'treaty', 'treaties', 'ceasefire', 'cease-fire', 'truce', 'pact', 'memorandum', 'signed', 'sign', 'signs', 'signing', 'accession', 'armistice'] },
  { type: 'agreement', words: ['swap', 'swaps', 'exchange', 'exchanges', 'exchanged'], sentenceHas: /\b(prisoners?|detainees|hostages|captives|bodies|pows)\b/ },
  { type: 'agreement', words: ['deal', 'deals'], pos: ['NOUN'], sentenceLacks: money },

  // Police actions before military ones: "police raided two homes" is not an armed attack.
  { type: 'arrest', words: ['arrest', 'arrests', 'arrested', 'arresting', 'detain', 'detained', 'detaining', 'detention', 'detentions', 'apprehended', 'charged', 'charges', 'manhunt', 'captured', 'seized', 'searched', 'raided', 'raid', 'raids'], sentenceHas: police },

  // Disasters before attacks: "fire" and "crash" are not armed violence.
  { type: 'disaster', words: ['earthquake', 'earthquakes', 'quake', 'quakes', 'tremor', 'tremors', 'aftershock', 'aftershocks', 'flood', 'floods', 'flooded', 'flooding', 'hurricane', 'typhoon', 'cyclone', 'tornado', 'tornadoes', 'storm', 'storms', 'blizzard', 'landslide', 'landslides', 'mudslide', 'mudslides', 'avalanche', 'tsunami', 'wildfire', 'wildfires', 'blaze', 'blazes', 'drought', 'famine', 'collision', 'collided', 'derailed', 'derailment', 'sank', 'sunk', 'capsized', 'accident', 'accidents', 'epidemic', 'heatwave', 'inferno'] },
  // A market crash or a company's collapse is business news; an outbreak of war is not a disease.
  { type: 'disaster', words: ['crash', 'crashed', 'crashes', 'collapsed', 'collapse'], sentenceLacks: money },
  // A volcano erupts; a scandal or a row that "erupted" is not a disaster.
  { type: 'disaster', words: ['eruption', 'eruptions', 'erupted', 'erupting'], sentenceHas: /\b(volcano|volcanic|lava|ash|crater|geyser)\b/ },
  { type: 'disaster', words: ['outbreak'], sentenceLacks: /\b(war|fighting|hostilities|violence|unrest)\b/ },
  { type: 'disaster', words: ['fire', 'fires'], pos: ['NOUN'], precededBy: { words: ['a', 'the', 'huge', 'massive', 'forest', 'bush', 'house', 'factory', 'building', 'deadly', 'major'], window: 1 } },

  { type: 'explosion', words: ['bombing', 'bombings', 'bombed', 'bombard', 'bombarded', 'bombardment', 'explosion', 'explosions', 'exploded', 'exploding', 'detonated', 'detonation', 'blast', 'blasts', 'airstrike', 'airstrikes', 'air-strike', 'air-strikes', 'shelling', 'shelled', 'barrage', 'firebombed'] },
  { type: 'explosion', words: ['blowing', 'blew', 'blown'], followedBy: { words: ['up'], window: 1 } },
  { type: 'explosion', words: ['went', 'gone', 'going'], followedBy: { words: ['off'], window: 1 }, sentenceHas: new RegExp(`\\b(${bombNoun.join('|')})\\b`) },
  { type: 'explosion', words: ['strike', 'strikes', 'struck', 'hit', 'hits', 'attack', 'attacks'], precededBy: { words: ['air', 'drone', 'missile', 'rocket', 'aerial', 'bomb', 'suicide', 'mortar', 'artillery'], window: 2 } },
  { type: 'explosion', words: ['fired', 'launched', 'launches', 'fires'], followedBy: { words: ['missiles', 'missile', 'rockets', 'rocket', 'drones', 'shells', 'mortars', 'grenades'], window: 4 } },

  { type: 'attack', words: ['attack', 'attacks', 'attacked', 'attacking', 'strike', 'strikes', 'struck', 'raid', 'raids', 'raided', 'assault', 'assaults', 'assaulted', 'shootout', 'shoot-out', 'gunfight', 'gunbattle', 'firefight', 'clash', 'clashes', 'clashed', 'ambush', 'ambushed', 'invasion', 'invaded', 'invade', 'targeting', 'targeted', 'overran', 'overrun', 'incursion', 'incursions', 'insurgency', 'insurrection', 'hostilities', 'gunfire', 'skirmish', 'skirmishes', 'stormed', 'storming', 'seized', 'captured'], sentenceLacks: /\b(heart attack|asthma attack|panic attack)\b/ },
  // "fought cancer", "battling a blaze", "fighting the charges" are not armed fighting.
  { type: 'attack', words: ['fighting', 'fought', 'fight', 'battle', 'battles', 'battled', 'battling'], sentenceLacks: /\b(cancer|disease|illness|leukemia|tumou?r|addiction|virus|fire|fires|blaze|flames|wildfire|charges|allegations|lawsuit|court|custody|extradition|deportation|takeover|bid|election|campaign)\b/ },
  { type: 'attack', words: ['hit', 'hits'], pos: ['VERB'], sentenceLacks: money },
  { type: 'attack', words: ['war', 'offensive'], pos: ['NOUN', 'PROPN'] },
  { type: 'attack', words: ['fire'], precededBy: { words: ['opened', 'open', 'opening', 'returned', 'exchanged', 'under'], window: 1 } },

  { type: 'violence_against_civilians', words: ['kill', 'kills', 'killed', 'killing', 'killings', 'assassinated', 'assassination', 'assassinations', 'massacre', 'massacred', 'massacres', 'murdered', 'executed', 'execution', 'executions', 'kidnap', 'kidnapped', 'kidnapping', 'kidnappings', 'abducted', 'abduction', 'abductions', 'hostage', 'hostages', 'slaying', 'slayings', 'murder', 'murders', 'homicide', 'stabbed', 'stabbing', 'beheaded', 'lynched', 'tortured', 'raped', 'wounded', 'wounding', 'injured', 'injuring', 'casualties', 'shot', 'gunned'] },
  // "the slain general" names a victim of an earlier event, not a killing.
  { type: 'violence_against_civilians', words: ['slain'], pos: ['VERB'] },
  { type: 'violence_against_civilians', words: ['shooting', 'shootings', 'arson'], pos: ['NOUN', 'VERB'] },
  { type: 'death', words: ['died', 'die', 'dies', 'dying', 'death', 'deaths', 'dead', 'fatalities', 'drowned', 'perished'] },

  // A court's own verbs: "the court rejected the appeal", "the judge ordered".
  { type: 'court', words: ['trial', 'trials', 'verdict', 'verdicts', 'ruled', 'ruling', 'rulings', 'convicted', 'conviction', 'convictions', 'acquitted', 'acquittal', 'sentenced', 'sentencing', 'jailed', 'imprisoned', 'sued', 'suing', 'lawsuit', 'lawsuits', 'indicted', 'indictment', 'indictments', 'pleaded', 'testified', 'testimony', 'appealed', 'overturned', 'upheld', 'hearing', 'prosecuted', 'prosecution'] },
  { type: 'court', words: ['rejected', 'dismissed', 'ordered', 'blocked', 'granted', 'denied', 'threw', 'decided', 'found'], sentenceHas: court },
  { type: 'arrest', words: ['arrest', 'arrests', 'arrested', 'arresting', 'detain', 'detained', 'detaining', 'detention', 'apprehended', 'charged', 'manhunt'] },
  // "an arrest warrant", not "warrants to buy shares"; "in police custody", not a child's custody.
  { type: 'arrest', words: ['warrant', 'warrants'], sentenceLacks: money },
  { type: 'arrest', words: ['custody'], precededBy: { words: ['in', 'into', 'police', 'protective'], window: 2 } },

  // "holders elected to convert" is a choice, not a vote.
  { type: 'election', words: ['elected'], sentenceLacks: money },
  { type: 'election', words: ['election', 'elections', 're-election', 'reelection', 're-elected', 'reelected', 'ballot', 'ballots', 'referendum', 'referendums', 'inaugurated', 'inauguration', 'sworn', 'runoff', 'run-off'] },
  { type: 'election', words: ['vote', 'votes', 'voted', 'voting'], sentenceHas: electionCue },
  // "went to the polls", not opinion polls.
  { type: 'election', words: ['polls'], precededBy: { words: ['to'], window: 2 } },
  { type: 'legislation', words: ['vote', 'votes', 'voted', 'voting', 'ratified', 'ratify', 'ratifies', 'ratification', 'legislation', 'vetoed', 'veto', 'enacted', 'outlawed', 'repealed'] },
  { type: 'legislation', words: ['passed', 'approved', 'adopted', 'rejected', 'endorsed', 'amended'], sentenceHas: legislature, followedBy: { words: ['bill', 'law', 'measure', 'resolution', 'budget', 'amendment', 'motion', 'plan', 'proposal', 'treaty', 'constitution', 'legislation', 'enlargement', 'reform', 'decree', 'act'], window: 5 } },

  { type: 'business', words: ['acquire', 'acquires', 'acquired', 'acquiring', 'acquisition', 'acquisitions', 'merger', 'mergers', 'merge', 'merged', 'buyout', 'bankruptcy', 'bankrupt', 'layoffs', 'ipo', 'dividend', 'dividends', 'profit', 'profits', 'earnings', 'revenue', 'revenues', 'downsizing', 'restructuring'] },
  { type: 'business', words: ['takeover', 'takeovers', 'loss', 'losses', 'income', 'sales', 'bid', 'offer', 'stake', 'shares', 'stock', 'stocks', 'closed', 'rose', 'fell', 'jumped', 'slipped', 'dropped', 'drop', 'declined', 'decline', 'gained', 'gain', 'plunged', 'plummeted', 'soared', 'surged', 'bought', 'sold', 'buy', 'sell', 'raised', 'cut', 'cuts', 'slashing', 'slashed'], sentenceHas: money },

  // "said at a news conference": the conference frames a statement, it is not a meeting.
  { type: 'statement', words: ['conference', 'conferences'], precededBy: { words: ['news', 'press'], window: 1 } },
  { type: 'meeting', words: ['met', 'meet', 'meets', 'meeting', 'meetings', 'talks', 'summit', 'summits', 'visit', 'visits', 'visited', 'visiting', 'hosted', 'hosts', 'conversation', 'conversations', 'phoned', 'telephoned', 'consultations', 'negotiations', 'negotiated', 'negotiating', 'conference'] },
  { type: 'meeting', words: ['call', 'calls'], pos: ['NOUN'] },
  { type: 'meeting', words: ['spoke', 'speak', 'spoken', 'talked'], sentenceHas: phone },

  { type: 'other', words: ['resign', 'resigned', 'resigns', 'resignation', 'appointed', 'appoints', 'appointment', 'retired', 'retire', 'dismissed', 'ousted', 'succeeded', 'succeed', 'hired'] },
  { type: 'other', words: ['named', 'elevated', 'promoted'], followedBy: { words: ['president', 'chairman', 'chief', 'director', 'minister', 'head', 'ceo', 'executive', 'manager', 'secretary', 'governor', 'commander', 'chairwoman', 'officer'], window: 4 } },
  { type: 'other', words: ['stepped', 'stepping', 'steps', 'step'], followedBy: { words: ['down', 'aside'], window: 1 } },

  { type: 'statement', words: ['called'], followedBy: { words: ['for', 'on'], window: 1 } },
  { type: 'statement', words: ['condemn', 'condemns', 'condemned', 'condemning', 'condemnation', 'statement', 'statements', 'urge', 'urges', 'urged', 'urging', 'warn', 'warns', 'warned', 'warning', 'announce', 'announces', 'announced', 'announcement', 'denounce', 'denounced', 'denounces', 'declared', 'declares', 'accuse', 'accused', 'accuses', 'vowed', 'vows', 'briefing', 'stressed', 'stresses', 'emphasised', 'emphasized', 'emphasises', 'emphasizes', 'criticised', 'criticized', 'demanded', 'demands', 'threatened', 'pledged', 'insisted', 'rejected', 'welcomed', 'deplored', 'hailed', 'praised', 'appealed', 'denied', 'apologized', 'apologised', 'promised', 'expressed'] },
  { type: 'statement', words: ['said', 'says', 'say', 'told', 'tells', 'reported', 'claimed', 'stated', 'added', 'tweeted', 'wrote', 'confirmed'], weak: true },
  // "reports", "claims", "states" are as often nouns ("insurance claims", "the states").
  { type: 'statement', words: ['reports', 'claims', 'claim', 'states'], pos: ['VERB'], weak: true },
  // "posted" a statement online, not "posted a loss".
  { type: 'statement', words: ['posted'], sentenceHas: online, weak: true },
];

/** Merge families: the types that can be one happening seen from different sides. */
const families: Partial<Record<EventType, string>> = {
  attack: 'violence',
  explosion: 'violence',
  violence_against_civilians: 'violence',
  death: 'violence',
  protest: 'unrest',
  riot: 'unrest',
  arrest: 'justice',
  court: 'justice',
};

/** The merge family of a type: attacks and the deaths they caused are one event. */
export function family(type: EventType): string {
  return families[type] ?? type;
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
  const near = (words: readonly string[], a: number, b: number): boolean => {
    for (let j = Math.max(from, a); j <= Math.min(to - 1, b); j++) if (words.includes(lower[j]!)) return true;
    return false;
  };
  for (let i = from; i < to; i++) {
    for (const rule of rulesByWord.get(lower[i]!) ?? []) {
      if (rule.pos && !rule.pos.includes(pos[i]!)) continue;
      if (rule.sentenceHas && !rule.sentenceHas.test(sentence)) continue;
      if (rule.sentenceLacks && rule.sentenceLacks.test(sentence)) continue;
      if (rule.followedBy && !near(rule.followedBy.words, i + 1, i + rule.followedBy.window)) continue;
      if (rule.precededBy && !near(rule.precededBy.words, i - rule.precededBy.window, i - 1)) continue;
      hits.push({ token: i, type: rule.type, weak: rule.weak === true });
      break;
    }
  }
  return hits;
}
