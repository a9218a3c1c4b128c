// Why the score moved: part by part, the shares add up to the change of the total, and the levers changed.
import { describe, expect, it } from 'vitest';
import { Decisions } from '../../src/scenario/decisions';
import { fold } from '../../src/sim';
import { scoreMoves } from '../../src/ui/score-moves';
import { botSeasons, smallBubbleTea } from '../sim/helpers';

describe('score moves', () => {
  it("splits the total's change into the parts' shares, which add up to it", () => {
    const sc = smallBubbleTea(800);
    const plans = botSeasons('textbook', sc);
    plans[1] = Decisions.parse({ ...plans[1], care: { ...plans[1].care, contactsPerMonth: plans[1].care.contactsPerMonth + 1 } });
    const g = fold(sc, 'moves', plans.slice(0, 2));
    const nothing = fold(sc, 'moves', [Decisions.parse({}), Decisions.parse({})]).reports[1].score;
    const m = scoreMoves({ score: g.reports[0].score, decisions: plans[0] }, { score: g.reports[1].score, decisions: plans[1] }, sc.scoring, nothing);
    const sum = m.parts.reduce((a, p) => a + p.effect, 0);
    expect(Math.abs(sum - (m.after - m.before))).toBeLessThan(0.05);
    expect(m.parts.map((p) => p.part)).toEqual(['satisfaction', 'loyalty', 'churn', 'profit', 'residual']);
    expect(m.changed.map((c) => c.path)).toContain('care.contactsPerMonth');
    expect(m.baseline).toEqual(nothing);
  });

  it('counts the first season from zero and names no changed levers', () => {
    const sc = smallBubbleTea(300);
    const g = fold(sc, 'first', botSeasons('textbook', sc).slice(0, 1));
    const m = scoreMoves(null, { score: g.reports[0].score, decisions: botSeasons('textbook', sc)[0] }, sc.scoring, null);
    expect(m.before).toBe(0);
    expect(m.changed).toEqual([]);
    expect(Math.abs(m.parts.reduce((a, p) => a + p.effect, 0) - m.after)).toBeLessThan(0.05);
  });
});
