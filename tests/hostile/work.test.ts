// The cheap facts come before any simulation: a run of a made-up, schema-maximum market (200,000 customers,
// 20 seasons of 52 weeks) is never re-simulated in a class of an ordinary scenario; it is flagged at once, and
// cannot win the scenario vote. Wrong-seed and wrong-scenario teams of ordinary size are still checked.
import { describe, expect, it } from 'vitest';
import { simulationPlan, workOf } from '../../src/run/check';
import { rankRuns } from '../../src/run/leaderboard';
import { playToRun } from '../../src/run/replay';
import { giantRun, honestRun } from './generate';
import { botSeasons } from '../sim/helpers';

describe('work a single file may ask for', () => {
  const honest = honestRun();
  const giant = giantRun();
  const { scenario, hash } = { scenario: honest.run.scenario.data, hash: honest.run.scenario.hash };
  const passive = playToRun(scenario, hash, honest.run.seed, 'Passive', botSeasons('passive', scenario)).run;
  const elsewhere = playToRun(scenario, hash, 'another-seed', 'Elsewhere', botSeasons('passive', scenario)).run;

  it('the giant asks for a thousand times the work of a class file', () => {
    expect(workOf(giant) / workOf(honest.run)).toBeGreaterThan(1000);
    expect(simulationPlan([honest.run, passive, giant])).toEqual([null, null, expect.stringMatching(/^not re-simulated: its scenario asks for 208\.2 million customer-weeks, more than twice the /)]);
  });

  it('is flagged without being simulated, in a class of two, whatever the order', () => {
    for (const order of [[giant, honest.run, passive], [honest.run, giant, passive]]) {
      const t0 = performance.now();
      const board = rankRuns(order.map((r, k) => ({ name: `${r.team}-${k}.json`, text: JSON.stringify(r) })));
      expect(performance.now() - t0).toBeLessThan(3000);
      expect(board.ranked.map((r) => r.team).sort()).toEqual(['Honest team', 'Passive']);
      const row = board.rows.find((r) => r.team === 'Giant');
      expect(row).toMatchObject({ status: 'other-scenario', reason: expect.stringMatching(/not re-simulated/) });
    }
  });

  it('cannot win a tie: one honest file against one giant ranks the honest one', () => {
    const t0 = performance.now();
    const board = rankRuns([{ name: 'giant.json', text: JSON.stringify(giant) }, { name: 'honest.json', text: honest.text }]);
    expect(performance.now() - t0).toBeLessThan(3000);
    expect(board.ranked.map((r) => r.name)).toEqual(['honest.json']);
    expect(board.rows.find((r) => r.name === 'giant.json')?.status).toBe('other-scenario');
  });

  it('a wrong-seed team of the same market is still re-simulated and shows its verified totals', () => {
    const board = rankRuns([{ name: 'a.json', text: honest.text }, { name: 'b.json', text: JSON.stringify(passive) }, { name: 'c.json', text: JSON.stringify(elsewhere) }]);
    const row = board.rows.find((r) => r.name === 'c.json');
    expect(row).toMatchObject({ status: 'other-seed' });
    expect(row?.seasonTotals).toEqual(elsewhere.seasons.map((s) => s.score.total));
  });
});
