// The engine's one fold: `step` checks a season's decisions inside the engine and refuses, untouched, what the
// rules do not allow; `fold` plays a whole game through it and stops at the first refusal, saying where and why.
import { describe, expect, it } from 'vitest';
import { fold, newGame, step } from '../../src/sim';
import { hashState as hashOf } from '../../src/sim/hash';
import { botSeasons, decisions, smallBubbleTea } from './helpers';

const sc = smallBubbleTea(300);
const plans = botSeasons('textbook', sc);

describe('step and fold', () => {
  it('step refuses an over-budget plan with its issues and leaves the state as it was', () => {
    const s = newGame(sc, 'api');
    const before = hashOf(s);
    const r = step(s, decisions({ acquisition: { budget: sc.budgetPerSeason + 1 } }));
    expect(r).toMatchObject({ ok: false, issues: [{ code: 'over-budget' }] });
    expect(hashOf(s)).toBe(before);
    expect(s.season).toBe(0);
  });

  it('step refuses a season after the last one', () => {
    const g = fold(sc, 'api', plans);
    expect(g.refused).toBeNull();
    expect(step(g.state, plans[0])).toEqual({ ok: false, issues: [{ code: 'seasons', path: '', params: { seasons: sc.seasons } }] });
  });

  it('fold plays what step plays, season by season', () => {
    const g = fold(sc, 'api', plans);
    const s = newGame(sc, 'api');
    const one = plans.map((d) => step(s, d));
    expect(one.map((r) => (r.ok ? r.report.hash : null))).toEqual(g.reports.map((r) => r.hash));
  });

  it('fold stops at the first refused season and names it; onSeason can stop it too', () => {
    const bad = [plans[0], decisions({ acquisition: { budget: sc.budgetPerSeason * 2 } }), plans[2]];
    const g = fold(sc, 'api', bad);
    expect(g.reports).toHaveLength(1);
    expect(g.refused).toMatchObject({ season: 2, issues: [{ code: 'over-budget' }] });
    const seen: number[] = [];
    const stopped = fold(sc, 'api', plans, { onSeason: (_r, _s, k) => (seen.push(k), k < 1) });
    expect(seen).toEqual([0, 1]);
    expect(stopped.reports).toHaveLength(2);
    expect(stopped.refused).toBeNull();
  });
});
