import { describe, expect, it } from 'vitest';
import { bcubed, matchArticle, scoreByTopic, type Prediction, type Scored } from '../scripts/eval/coreference.js';

const gold = (start: number, text: string, instance: string) => ({ start, end: start + text.length, type: 'ORG', text, instance });
const pred = (start: number, text: string, cluster: string | null): Prediction => ({ start, end: start + text.length, text, cluster });

describe('cross-document coreference scoring (MEANTIME-DEV.md)', () => {
  it('matches a gold name to the same span first, else the shortest prediction containing its head', () => {
    // "Velmora Group" has head "Group": "Velmora Group Ltd" holds it, "Velmora" does not.
    const golds = [gold(0, 'Velmora Group', 'v'), gold(30, 'Quillon', 'q')];
    const preds = [pred(0, 'Velmora', 'e1'), pred(0, 'Velmora Group Ltd', 'e4'), pred(24, 'chief Quillon', 'e2'), pred(30, 'Quillon', 'e3')];
    const m = matchArticle(golds, preds);
    expect(m.map((p) => p?.cluster)).toEqual(['e4', 'e3']);
    const shortest = matchArticle([gold(30, 'Quillon', 'q')], [pred(24, 'chief Quillon', 'e2'), pred(20, 'the chief Quillon', 'e5')]);
    expect(shortest[0]?.cluster).toBe('e2');
  });

  it('does not match a prediction that holds the head of a gold name of another instance', () => {
    const golds = [gold(0, 'Velmora', 'v'), gold(8, 'Quillon', 'q')];
    const m = matchArticle(golds, [pred(0, 'Velmora Quillon', 'e1')]);
    expect(m).toEqual([null, null]);
  });

  it('computes B-cubed with unmatched items as singletons', () => {
    const b = bcubed([{ gold: 'a', predicted: 'x' }, { gold: 'a', predicted: 'x' }, { gold: 'b', predicted: 'x' }]);
    expect(b.precision).toBeCloseTo(5 / 9, 12);
    expect(b.recall).toBe(1);
    expect(bcubed([{ gold: 'a', predicted: null }, { gold: 'a', predicted: null }])).toEqual({ precision: 1, recall: 0.5 });
  });

  it('scores topics apart and weights them by gold entities', () => {
    const s = (topic: string, instance: string, cluster: string): Scored => ({ topic, doc: 'd', gold: gold(0, 'X', instance), predicted: 'X', cluster });
    // The same predicted id in two topics is never compared.
    const b = scoreByTopic([s('t1', 'a', 'x'), s('t2', 'b', 'x')], (x) => x.cluster);
    expect(b).toMatchObject({ precision: 1, recall: 1, n: 2 });
  });
});
