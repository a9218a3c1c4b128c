// The red-team search: it climbs on a toy objective, it only ever hands out plans a class could play, it is the
// same given the same search seed and evaluation count, and on a small real market it reports on fresh seeds.
import { describe, expect, it } from 'vitest';
import { DecisionsFile } from '../../src/scenario/decisions';
import { checkPlan } from '../../src/sim/economics';
import type { Plan } from '../../src/redteam/repair';
import { freshSeeds, redteam, referencePlan, trainingSeeds } from '../../src/redteam/run';
import { search, type Objective } from '../../src/redteam/search';
import { scenarioSpace } from '../../src/redteam/space';
import { scaledScenario } from '../../src/tournament/scale';
import { bubbleTea } from '../sim/helpers';

const sc = bubbleTea().scenario;
const space = scenarioSpace(sc);
const starts = [
  { name: 'textbook', plan: referencePlan(sc, 'textbook') },
  { name: 'passive', plan: referencePlan(sc, 'passive') },
];

/** A toy score with a known best: a 20% discount, six contacts a month, phone care, three tier levels, a survey of 300. */
const toy: Objective = async (plans: Plan[]) =>
  plans.map((p) =>
    p.reduce(
      (a, d) =>
        a -
        100 * (d.pricing.discount - 0.2) ** 2 -
        Math.abs(d.care.contactsPerMonth - 6) -
        (d.care.channel === 'phone' ? 0 : 2) -
        Math.abs(d.tiers.levels.length - 3) -
        Math.abs(d.survey.sample - 300) / 100,
      0,
    ) / p.length,
  );

describe('red-team search', () => {
  it('improves on its starting point on a toy objective, and every plan it hands out passes checkPlan', async () => {
    const r = await search(space, starts, toy, { seed: 'toy', maxEvals: 300, randomPlans: 8 });
    expect(r.evals).toBe(300);
    expect(r.stoppedBy).toBe('evals');
    expect(r.bestScore).toBeGreaterThan(r.startScore + 3);
    // Improvements come during the ascent, not only from the random plans.
    expect(r.improvements[r.improvements.length - 1].evals).toBeGreaterThan(2 + 8);
    expect((await toy([r.best]))[0]).toBe(r.bestScore);
    expect(r.best).toHaveLength(sc.seasons);
    for (const d of r.best) expect(checkPlan(sc, d)).toEqual([]);
    for (const d of r.best) expect(d.care.channel).toBe('phone');
  });

  it('gives the same result for the same search seed and evaluation count, and another for another seed', async () => {
    const a = await search(space, starts, toy, { seed: 's1', maxEvals: 60, randomPlans: 8 });
    const b = await search(space, starts, toy, { seed: 's1', maxEvals: 60, randomPlans: 8 });
    const c = await search(space, starts, toy, { seed: 's2', maxEvals: 60, randomPlans: 8 });
    expect(b).toEqual(a);
    expect(JSON.stringify(c.improvements)).not.toEqual(JSON.stringify(a.improvements));
  });

  it('stops when told to, between batches', async () => {
    let calls = 0;
    const r = await search(space, starts, toy, { seed: 't', maxEvals: Infinity, shouldStop: () => ++calls > 5 });
    expect(r.stoppedBy).toBe('time');
    expect(r.evals).toBeGreaterThan(0);
  });

  it('reports on fresh seeds against the textbook and passive plans on a small real market', async () => {
    const opts = { scenario: sc, size: 200, trainSeeds: 2, freshSeeds: 2, maxEvals: 14, searchSeed: 'small', threads: 1, randomPlans: 4 };
    const r = await redteam(opts);
    expect(r.seeds.training).toEqual(trainingSeeds(2));
    expect(r.seeds.fresh).toEqual(freshSeeds(2));
    expect(r.seeds.fresh.some((s) => r.seeds.training.includes(s) || r.seeds.check.includes(s))).toBe(false);
    expect(r.seeds.check.some((s) => r.seeds.training.includes(s))).toBe(false);
    // The reported plan is the best of the top few over the training and check seeds together.
    const both = r.search.candidates.map((c) => c.training + c.check);
    expect(both[r.search.chosen]).toBeCloseTo(Math.max(...both), 1);
    expect(r.search.evals).toBe(14);
    expect(r.search.games).toBe(28);
    // The search keeps the best plans it saw, the starting ones included; the one reported is chosen over the
    // training and check seeds together, so its training score alone may trail a starting plan's.
    expect(Math.max(...r.search.candidates.map((c) => c.training))).toBeGreaterThanOrEqual(Math.max(r.search.training.textbook, r.search.training.passive));
    expect(r.fresh.gain).toBeCloseTo(r.fresh.best.total - r.fresh.textbook.total, 1);
    expect(r.fresh.best.perSeed).toHaveLength(2);
    expect(r.areas.map((a) => a.area).sort()).toEqual([...sc.levers].sort());
    expect(typeof r.indicators.cumulativeProfit.negative).toBe('boolean');
    // The plan as written out is a valid decisions file that checkPlan accepts on the market it was found in.
    const small = scaledScenario(sc, 200);
    const seasons = DecisionsFile.parse(JSON.parse(JSON.stringify(r.plan))).seasons;
    expect(seasons).toHaveLength(sc.seasons);
    for (const d of seasons) expect(checkPlan(small, d)).toEqual([]);
    // Same seed, same evaluation count: the same report (timings aside).
    const again = await redteam(opts);
    const strip = (x: typeof r) => ({ ...x, search: { ...x.search, seconds: 0, gamesPerSecond: 0 } });
    expect(strip(again)).toEqual(strip(r));
  });
});
