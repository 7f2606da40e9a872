import { describe, expect, it } from 'vitest';
import { family, findTriggers } from '../src/events/taxonomy.js';
import { extractEvents } from '../src/stages/extract-events.js';
import { makeDoc } from './events-doc.js';

const extract = extractEvents();

/** Types of the triggers found in a one-sentence text. */
function triggers(text: string): Array<[string, string, boolean]> {
  const doc = makeDoc(text);
  const lower = doc.tokens.map((t) => text.slice(t.start, t.end).toLowerCase());
  const pos = doc.tokens.map((t) => t.pos);
  return findTriggers(lower, pos, 0, doc.tokens.length, text.toLowerCase()).map((h) => [lower[h.token]!, h.type, h.weak]);
}

/** The type of the one event reported by a sentence dated "on Monday". */
function typeOf(sentence: string): string | undefined {
  const doc = extract(makeDoc(sentence, [], [{ text: 'Monday', value: '2031-05-12' }]));
  return doc.events.length === 1 ? doc.events[0]!.type : `${doc.events.length} events`;
}

describe('event taxonomy', () => {
  it('types each kind of event by its trigger', () => {
    expect(typeOf('Rebels shelled the harbour on Monday.')).toBe('explosion');
    expect(typeOf('A car bomb exploded near the market on Monday.')).toBe('explosion');
    expect(typeOf('The mayor was killed on Monday.')).toBe('violence_against_civilians');
    expect(typeOf('The council condemned the decision on Monday.')).toBe('statement');
    expect(typeOf('The two presidents met on Monday in the capital.')).toBe('meeting');
    expect(typeOf('The republic expelled the consul and two diplomats on Monday.')).toBe('diplomatic');
    expect(typeOf('The parties signed a ceasefire on Monday.')).toBe('agreement');
    expect(typeOf('Police arrested the treasurer on Monday.')).toBe('arrest');
  });

  // One table row per type: sentences written for these tests, each dated "on Monday".
  const perType: Array<[string, string[]]> = [
    ['attack', ['Militia fighters ambushed an army convoy on Monday.', 'Troops clashed with insurgents on Monday near the dam.', 'Guerrillas opened fire on a patrol on Monday.']],
    ['explosion', ['A roadside bomb exploded on Monday outside the depot.', 'Jets carried out air strikes on the ridge on Monday.', 'A drone strike hit a farmhouse on Monday.', 'Two bombs went off on Monday at the bus station.']],
    ['violence_against_civilians', ['Gunmen kidnapped three aid workers on Monday.', 'Unknown attackers murdered a shopkeeper on Monday.']],
    ['death', ['The retired judge died on Monday at his home.']],
    ['protest', ['Thousands of nurses marched on Monday through the old town.', 'Students staged a sit-in on Monday outside the ministry.', 'Dock workers went on strike on Monday over pay.']],
    ['riot', ['Rioters torched cars and shops on Monday.', 'Looting spread through the market on Monday.']],
    ['disaster', ['A strong earthquake shook the valley on Monday.', 'Floods swept away a bridge on Monday.', 'A passenger train derailed on Monday near the border.']],
    ['arrest', ['Police detained six suspects on Monday.', 'Officers raided two flats on Monday, police said.']],
    ['court', ['A jury convicted the former mayor on Monday.', 'The court rejected the appeal on Monday.', 'The ex-minister testified on Monday about the contracts.']],
    ['election', ['Voters elected a new governor on Monday.', 'The country held a referendum on Monday.']],
    ['legislation', ['The senate voted on Monday to raise the retirement age.', 'The assembly passed the budget bill on Monday.', 'Lawmakers ratified the border treaty on Monday.']],
    ['agreement', ['The two armies agreed on a truce on Monday.', 'The rivals carried out a prisoner swap on Monday.']],
    ['meeting', ['The foreign ministers held talks on Monday.', 'The envoy visited the refugee camp on Monday.']],
    ['diplomatic', ['The ministry summoned the ambassador on Monday.', 'The two states restored diplomatic ties on Monday.']],
    ['statement', ['The union urged calm on Monday.', 'The minister warned of shortages on Monday.']],
    ['business', ['The brewer agreed to an acquisition of a rival on Monday for $2 billion.', 'Shares of the carmaker fell 8 percent on Monday.', 'The chain cut its quarterly dividend on Monday.']],
    ['other', ['The finance minister resigned on Monday.', 'The board named her chief executive on Monday.']],
  ];
  for (const [type, sentences] of perType) {
    it(`types ${type}`, () => {
      for (const sentence of sentences) expect([sentence, typeOf(sentence)]).toEqual([sentence, type]);
    });
  }

  it('fixes the old mistypings: a protest is not casualties, an earthquake not an attack, a prisoner swap not an attack', () => {
    expect(typeOf('Farmers protested on Monday against the new tax.')).toBe('protest');
    expect(typeOf('Hundreds protested on Monday after the killing of a student.')).toBe('protest');
    expect(typeOf('An earthquake struck the coast on Monday.')).toBe('disaster');
    expect(typeOf('The two sides exchanged prisoners on Monday.')).toBe('agreement');
  });

  it('takes a news conference as the frame of a statement, a conference of ministers as a meeting', () => {
    expect(typeOf('The minister said at a news conference on Monday that aid had arrived.')).toBe('statement');
    expect(typeOf('A conference of regional ministers opened on Monday.')).toBe('meeting');
  });

  it('keeps market and company senses of police, disaster and election words apart', () => {
    expect(triggers('Each right comes with warrants to buy 20 shares.').map((t) => t[1])).not.toContain('arrest');
    expect(triggers('A judge issued an arrest warrant for the banker.')).toContainEqual(['warrant', 'arrest', false]);
    expect(triggers('The grandparents asked for custody of the boy.').map((t) => t[1])).not.toContain('arrest');
    expect(triggers('Two suspects remain in police custody.')).toContainEqual(['custody', 'arrest', false]);
    expect(triggers('Investors fled after the 1987 crash of the stock market.').map((t) => t[1])).not.toContain('disaster');
    expect(triggers('The plane crash killed everyone on board.')).toContainEqual(['crash', 'disaster', false]);
    expect(triggers('Holders of the notes elected to convert them into shares.').map((t) => t[1])).not.toContain('election');
    expect(triggers('The party fled after the communist takeover.').map((t) => t[1])).not.toContain('business');
    expect(triggers('The outbreak of war emptied the port.').map((t) => t[1])).not.toContain('disaster');
  });

  it('does not take fighting an illness, a fire or a charge for armed fighting, nor an erupting scandal for a disaster', () => {
    expect(triggers('She has been fighting leukemia for two years.').map((t) => t[1])).not.toContain('attack');
    expect(triggers('He fought the charges in court.').map((t) => t[1])).not.toContain('attack');
    expect(triggers('Rebels and soldiers were fighting in the hills.')).toContainEqual(['fighting', 'attack', false]);
    expect(triggers('A scandal erupted over the contract.').map((t) => t[1])).not.toContain('disaster');
    expect(triggers('The volcano erupted overnight.')).toContainEqual(['erupted', 'disaster', false]);
  });

  it('tells a labour strike from a military one', () => {
    expect(triggers('Teachers went on strike.')).toContainEqual(['strike', 'protest', false]);
    expect(triggers('A missile strike hit the port.')).toContainEqual(['strike', 'explosion', false]);
    expect(triggers('The army launched a strike on the camp.')).toContainEqual(['strike', 'attack', false]);
  });

  it('makes "recalled" and "return" diplomatic only next to an envoy', () => {
    expect(triggers('The ministry recalled its ambassador.')).toContainEqual(['recalled', 'diplomatic', false]);
    expect(triggers('The company recalled its cars.').map((t) => t[0])).not.toContain('recalled');
    expect(triggers('Envoys may return to their posts.')).toContainEqual(['return', 'diplomatic', false]);
  });

  it('needs "ties" or "relations" after restore and resume', () => {
    expect(triggers('They agreed to restore diplomatic ties.')).toContainEqual(['restore', 'diplomatic', false]);
    expect(triggers('They agreed to restore the old bridge.').map((t) => t[0])).not.toContain('restore');
  });

  it('counts a killing named by a noun ("slaying", "murder") as violence against civilians', () => {
    expect(typeOf('The slaying of the judge on Monday shocked the town.')).toBe('violence_against_civilians');
    expect(typeOf('The murder on Monday of a shopkeeper shocked the town.')).toBe('violence_against_civilians');
  });

  it('takes "posted" as a statement only online, and "claims"/"reports" only as verbs', () => {
    expect(triggers('The ministry posted a statement on its account.').map((t) => t[0])).toContain('posted');
    expect(triggers('The bakery posted a loss for the year.').map((t) => t[0])).not.toContain('posted');
    expect(triggers('The insurer paid the claims.').map((t) => t[0])).not.toContain('claims');
    expect(triggers('She claims that the town fell.').map((t) => t[0])).toContain('claims');
  });

  it('does not date a reporting verb by a date inside the clause it reports', () => {
    expect(typeOf('The minister said he lived abroad on Monday.')).toBe('0 events');
    expect(typeOf('The minister said on Monday that he lived abroad.')).toBe('statement');
  });

  it('counts "spoke" as a meeting only when a phone is mentioned', () => {
    expect(triggers('The leaders spoke by phone.')).toContainEqual(['spoke', 'meeting', false]);
    expect(triggers('The leader spoke to reporters.').map((t) => t[0])).not.toContain('spoke');
  });

  it('marks reporting verbs weak, and uses them only when nothing else triggers', () => {
    expect(triggers('The mayor said so.')).toEqual([['said', 'statement', true]]);
    expect(typeOf('The mayor said on Monday that she would stay.')).toBe('statement');
    expect(typeOf('Officials said on Monday that gunmen had killed four guards.')).toBe('violence_against_civilians');
  });

  it('puts attacks, explosions, killings and deaths in one merge family, protests with riots, arrests with courts', () => {
    expect(family('violence_against_civilians')).toBe(family('attack'));
    expect(family('explosion')).toBe(family('attack'));
    expect(family('death')).toBe(family('attack'));
    expect(family('riot')).toBe(family('protest'));
    expect(family('court')).toBe(family('arrest'));
    expect(family('protest')).not.toBe(family('attack'));
    expect(family('statement')).not.toBe(family('meeting'));
    expect(family('diplomatic')).not.toBe(family('agreement'));
  });

  it('needs a noun "call" and a noun "deal"', () => {
    expect(triggers('They had a long call.').map((t) => t[1])).toContain('meeting');
    expect(triggers('They call it a day.').map((t) => t[1])).not.toContain('meeting');
  });
});
