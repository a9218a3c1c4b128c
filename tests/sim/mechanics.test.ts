// Individual mechanics with exact expectations on a tiny hand-made market, then behavioural checks on small
// games: with the same seed (common random numbers) one lever changed moves the outcome the way the course says.
import { describe, expect, it } from 'vitest';
import { checkPlan, plannedSpend } from '../../src/sim/economics';
import { answerQuality, STEP_QUALITY } from '../../src/sim/featured';
import { newGame, step } from '../../src/sim/game';
import { absenceLimit, lifecycle } from '../../src/sim/lifecycle';
import { resolvePlan, tierFor } from '../../src/sim/plan';
import { switchingCost } from '../../src/sim/points';
import { answeredByPerson, assistantShortfall, ComplaintKind, handlingCost, recoveryChance, responseDays } from '../../src/sim/complaints';
import { buildReport, type SeasonReport } from '../../src/sim/report';
import { recommendScore } from '../../src/sim/attitude';
import { finalScore, seasonScore, weightedTotal, type Score } from '../../src/sim/scoring';
import { purchase } from '../../src/sim/purchase';
import { cloneState, type SimState } from '../../src/sim/state';
import { weekContext } from '../../src/sim/week-context';
import { CAUSE_IDS, Cause, CHURN_IDS, EventKind, Stage } from '../../src/sim/types';
import { botSeasons, decisions, shippedScenario, smallBubbleTea, tiny, tinyInput, playGame, playStep } from './helpers';
import { Decisions } from '../../src/scenario/decisions';
import { Scenario } from '../../src/scenario/schema';

const sum = (rs: readonly SeasonReport[], f: (r: SeasonReport) => number) => rs.reduce((a, r) => a + f(r), 0);

describe('plan and tiers', () => {
  const sc = tiny();

  it('sorts levels by threshold and maps growth to the highest level reached', () => {
    const plan = resolvePlan(sc, decisions({ tiers: { levels: [{ threshold: 500, service: 0.9 }, { threshold: 150, service: 0.7 }] } }));
    expect([...plan.thresholds]).toEqual([0, 150, 500]);
    expect([...plan.levelService]).toEqual([0.5, 0.7, 0.9]);
    expect(tierFor(plan, 0)).toBe(0);
    expect(tierFor(plan, 149.99)).toBe(0);
    expect(tierFor(plan, 150)).toBe(1);
    expect(tierFor(plan, 499.99)).toBe(1);
    expect(tierFor(plan, 500)).toBe(2);
    expect(tierFor(plan, 1e9)).toBe(2);
    expect(tierFor(resolvePlan(sc, decisions()), 1e9)).toBe(0);
  });

  it('resolves channel costs, target segment and capacity', () => {
    const plan = resolvePlan(
      sc,
      decisions({ acquisition: { channel: 'flyers', target: 'passers' }, care: { channel: 'phone' }, staff: { extraStaff: 2 } }),
    );
    expect(plan.acqChannel).toBe(1);
    expect(plan.acqCpa).toBe(20);
    expect(plan.acqTarget).toBe(1);
    expect(plan.contactCost).toBe(3);
    expect(plan.capacity).toBe(400 * 1.5);
    expect(resolvePlan(sc, decisions()).acqTarget).toBe(-1);
  });
});

describe('plannedSpend', () => {
  it('adds up the fixed spending of a season from the scenario’s unit costs', () => {
    const sc = tiny();
    const d = decisions({
      acquisition: { budget: 300 },
      information: { birthdayRegistration: true, checkIn: true, securitySpend: 100 },
      staff: { training: 200, extraStaff: 1 },
      retention: { winBackBudget: 50 },
      survey: { sample: 40 },
      complaints: { aiAssistant: true },
    });
    const p = plannedSpend(sc, d);
    expect(p).toEqual({
      acquisition: 300,
      information: 2 * 150 * 13 + 100,
      staff: 200 + 900 * 13,
      retention: 50,
      survey: 40 * 2,
      complaints: 250 * 13,
      total: 300 + 3900 + 100 + 200 + 11700 + 50 + 80 + 3250,
    });
    expect(plannedSpend(sc, decisions()).total).toBe(0);
  });
});

describe('checkPlan', () => {
  const sc = tiny();

  it('accepts the neutral plan and a plan exactly at the budget', () => {
    expect(checkPlan(sc, decisions())).toEqual([]);
    expect(checkPlan(sc, decisions({ acquisition: { budget: 1000 } }))).toEqual([]);
  });

  it('reports over-budget with the planned and budget numbers', () => {
    expect(checkPlan(sc, decisions({ acquisition: { budget: 800 }, staff: { training: 300 } }))).toEqual([
      { path: '', code: 'over-budget', params: { planned: 1100, budget: 1000 } },
    ]);
  });

  it('reports thresholds out of order at the level that breaks it, equal thresholds included', () => {
    const issues = checkPlan(
      sc,
      decisions({ tiers: { levels: [{ threshold: 100 }, { threshold: 500 }, { threshold: 200 }, { threshold: 200 }] } }),
    );
    expect(issues).toEqual([
      { path: 'tiers.levels.2.threshold', code: 'thresholds-order', params: { previous: 500, found: 200 } },
      { path: 'tiers.levels.3.threshold', code: 'thresholds-order', params: { previous: 200, found: 200 } },
    ]);
  });

  it('reports an unknown target segment with the valid choices', () => {
    expect(checkPlan(sc, decisions({ acquisition: { target: 'pensioners' } }))).toEqual([
      { path: 'acquisition.target', code: 'unknown-segment', params: { found: 'pensioners', expected: 'all, regulars, passers' } },
    ]);
    expect(checkPlan(sc, decisions({ acquisition: { target: 'passers' } }))).toEqual([]);
  });

  it('reports a contact tier above the levels designed', () => {
    expect(checkPlan(sc, decisions({ care: { minTier: 2 }, tiers: { levels: [{ threshold: 10 }] } }))).toEqual([
      { path: 'care.minTier', code: 'min-tier', params: { found: 2, levels: 1 } },
    ]);
    expect(checkPlan(sc, decisions({ care: { minTier: 1 }, tiers: { levels: [{ threshold: 10 }] } }))).toEqual([]);
  });

  it('reports levers the scenario does not offer, unless left neutral', () => {
    const limited = tiny({ levers: ['acquisition', 'care'] });
    expect(checkPlan(limited, decisions({ care: { contactsPerMonth: 2 } }))).toEqual([]);
    expect(checkPlan(limited, decisions({ pricing: { discount: 0.1 }, points: { earnPer10: 1 } }))).toEqual([
      { path: 'pricing', code: 'lever-unavailable', params: { area: 'pricing' } },
      { path: 'points', code: 'lever-unavailable', params: { area: 'points' } },
    ]);
    // A default-valued area counts as untouched even when written out.
    expect(checkPlan(limited, decisions({ complaints: { responseDays: 14 }, tiers: { baseService: 0.5 } }))).toEqual([]);
    expect(checkPlan(limited, decisions({ tiers: { baseService: 0.6 } }))[0]).toMatchObject({ code: 'lever-unavailable', path: 'tiers' });
  });

  it('refuses a change to an area a staged scenario opens later, in the season it is closed, and in the engine', () => {
    const staged = tiny({ version: 2, opens: { care: 2 } });
    const care = decisions({ care: { contactsPerMonth: 2 } });
    expect(checkPlan(staged, care, [], 1)).toEqual([{ path: 'care.contactsPerMonth', code: 'area-closed', params: { area: 'care', opens: 2, season: 1 } }]);
    expect(checkPlan(staged, care, [], 2)).toEqual([]);
    const s = newGame(staged, 'staged');
    const r = step(s, care);
    expect(r.ok).toBe(false);
    expect(s.season).toBe(0);
    expect(step(s, decisions({})).ok).toBe(true);
    expect(step(s, care).ok).toBe(true);
  });

  it('reports a hand-over group that is not a segment of the scenario', () => {
    const sc = tiny();
    const ids = sc.segments.map((g) => g.id);
    expect(checkPlan(sc, decisions({ complaints: { handOverSegments: [ids[0]] } }))).toEqual([]);
    expect(checkPlan(sc, decisions({ complaints: { handOverSegments: [ids[0], 'pensioners'] } }))).toEqual([
      { path: 'complaints.handOverSegments.1', code: 'unknown-segment', params: { found: 'pensioners', expected: ids.join(', ') } },
    ]);
  });

  it('accepts featured answers only for customers actually held for the manager', () => {
    const d = decisions({ featured: [{ customer: 7, choices: [1, 0, 2, 1, 0] }, { customer: 9, choices: [0, 0, 0, 0, 0] }] });
    expect(checkPlan(sc, d, [7, 9])).toEqual([]);
    expect(checkPlan(sc, d, [7])).toEqual([{ path: 'featured.1.customer', code: 'featured', params: { found: 9 } }]);
    expect(checkPlan(sc, d)).toHaveLength(2);
  });
});

describe('featured complaint answers', () => {
  it('scores the best, worst and a mixed set of LSCPA answers', () => {
    expect(answerQuality([1, 0, 2, 1, 0])).toBe(1);
    expect(answerQuality([2, 3, 1, 3, 3])).toBeCloseTo((-0.3 - 0.3 - 0.2 - 0.2 - 0.1) / 5, 15);
    expect(answerQuality([0, 0, 0, 0, 0])).toBeCloseTo((0.2 + 1 + 0.5 + 0.4 + 1) / 5, 15);
    // The best answer is not always in the same place.
    const bestAt = STEP_QUALITY.map((q) => q.indexOf(Math.max(...q)));
    expect(new Set(bestAt).size).toBeGreaterThan(1);
    // Missing answers count as 0.
    expect(answerQuality([1])).toBeCloseTo(0.2, 15);
  });
});

function stateWith(sc = tiny()): SimState {
  return newGame(sc, 'mechanics');
}

describe('lifecycle', () => {
  it('absence limit is three of the customer’s own intervals, between 6 and 26 weeks', () => {
    const s = stateWith();
    const set = (purchases: number, first: number, last: number) => {
      s.c.purchases[0] = purchases;
      s.c.firstWeek[0] = first;
      s.c.lastWeek[0] = last;
      return absenceLimit(s, 0);
    };
    expect(set(1, 0, 0)).toBe(24); // one purchase: an assumed 8-week interval
    expect(set(0, -1, -1)).toBe(24);
    expect(set(3, 0, 6)).toBe(9);
    expect(set(2, 10, 11)).toBe(6);
    expect(set(2, 0, 20)).toBe(26);
    expect(set(5, 0, 8)).toBe(6);
  });

  it('moves customers between stages for the stated reasons', () => {
    const s = stateWith();
    const c = s.c;
    const i = 1;
    const setup = (stage: number, sat: number, purchases: number, last: number, loyalty = 0.2) => {
      c.stage[i] = stage;
      c.sat[i] = sat;
      c.purchases[i] = purchases;
      c.firstWeek[i] = 0;
      c.lastWeek[i] = last;
      c.loyalty[i] = loyalty;
    };
    const lastEvent = () => ({ stage: c.stage[i], cause: CAUSE_IDS[s.log.cause[s.log.length - 1]] });
    s.week = 10;
    setup(Stage.Exploration, 0.5, 2, 9);
    lifecycle(s, i, false);
    expect(lastEvent()).toEqual({ stage: Stage.Formation, cause: 'repeat-purchase' });

    setup(Stage.Formation, 0.6, 4, 9, 0.35);
    lifecycle(s, i, false);
    expect(lastEvent()).toEqual({ stage: Stage.Stability, cause: 'loyal-habit' });

    setup(Stage.Stability, 0.25, 6, 9);
    lifecycle(s, i, false);
    expect(lastEvent()).toEqual({ stage: Stage.Decline, cause: 'low-satisfaction' });

    setup(Stage.Formation, 0.6, 3, 1); // interval 0.5 weeks → limit 6; absent 9 weeks
    lifecycle(s, i, false);
    expect(lastEvent()).toEqual({ stage: Stage.Decline, cause: 'long-absence' });

    setup(Stage.Decline, 0.5, 3, 10);
    lifecycle(s, i, true);
    expect(lastEvent()).toEqual({ stage: Stage.Formation, cause: 'returned' });

    setup(Stage.Decline, 0.5, 5, 10, 0.5);
    lifecycle(s, i, true);
    expect(lastEvent()).toEqual({ stage: Stage.Stability, cause: 'returned' });

    // Nothing happens to a declining customer who did not come back, or came back unhappy.
    const before = s.log.length;
    setup(Stage.Decline, 0.5, 3, 2);
    lifecycle(s, i, false);
    setup(Stage.Decline, 0.4, 3, 10);
    lifecycle(s, i, true);
    expect(c.stage[i]).toBe(Stage.Decline);
    expect(s.log.length).toBe(before);
  });
});

describe('switching cost', () => {
  it('adds points worth, member discount, a personal manager and membership, capped at 1', () => {
    const sc = tiny();
    const s = stateWith(sc);
    const i = 3;
    const none = resolvePlan(sc, decisions());
    s.c.points[i] = 60;
    expect(switchingCost(s, none, i)).toBe(0); // points only count while a programme runs
    // A reward within reach (the balance already passes the mark): the points bind.
    const pts = resolvePlan(sc, decisions({ points: { earnPer10: 1, pointValue: 0.25, redeemAt: 60 } }));
    expect(switchingCost(s, pts, i)).toBeCloseTo(0.5, 15);
    s.c.points[i] = 1000;
    expect(switchingCost(s, pts, i)).toBe(1);
    s.c.points[i] = 0;
    const tiers = resolvePlan(sc, decisions({ tiers: { levels: [{ threshold: 10, discount: 0.1 }, { threshold: 20, manager: true }] } }));
    s.c.tier[i] = 0;
    expect(switchingCost(s, tiers, i)).toBe(0);
    s.c.tier[i] = 1;
    expect(switchingCost(s, tiers, i)).toBeCloseTo(0.3, 15);
    s.c.tier[i] = 2;
    expect(switchingCost(s, tiers, i)).toBeCloseTo(0.4, 15);
  });
});

describe('complaint handling numbers', () => {
  it('response days follow the policy, authority, the assistant and priority service', () => {
    const sc = tiny();
    const s = stateWith(sc);
    s.tally.purchases = 0;
    const i = 2;
    s.c.tier[i] = 0;
    expect(responseDays(s, resolvePlan(sc, decisions({ complaints: { responseDays: 10, empowerment: 0.5 } })), i)).toBeCloseTo(8, 12);
    expect(responseDays(s, resolvePlan(sc, decisions({ complaints: { aiAssistant: true } })), i)).toBe(1);
    const prio = resolvePlan(sc, decisions({ complaints: { responseDays: 10 }, tiers: { levels: [{ threshold: 1, priority: true }] } }));
    s.c.tier[i] = 1;
    // Priority is worth its edge (the share of customers without it, set at season start): here nobody else has it.
    prio.season.priorityEdge = 1;
    expect(responseDays(s, prio, i)).toBe(5);
    prio.season.priorityEdge = 0;
    expect(responseDays(s, prio, i)).toBe(10);
    // The top tier is escalated to a person even with the assistant on.
    const ai = resolvePlan(sc, decisions({ complaints: { responseDays: 10, aiAssistant: true }, tiers: { levels: [{ threshold: 1 }] } }));
    expect(responseDays(s, ai, i)).toBe(10);
  });

  it('recovery chance adds authority, script training, compensation and skill, less waiting', () => {
    const sc = tiny();
    const s = stateWith(sc);
    const i = 4;
    s.c.tier[i] = 0;
    s.store.staffSkill = 0.5;
    const spend = s.c.meanSpend[i];
    const plan = resolvePlan(sc, decisions({ complaints: { empowerment: 0.5, scriptTraining: true, compensation: spend } }));
    // A complaint about a waiting: speed counts double, compensation and authority for less (REMEDY).
    s.c.complaintKind[i] = ComplaintKind.Waiting;
    // Compensation of one usual basket adds 0.3·(1 − e^−2) times the kind's weight.
    expect(recoveryChance(s, plan, i, 10)).toBeCloseTo(0.3 + 0.7 * 0.15 + 0.1 + 0.7 * 0.3 * (1 - Math.exp(-2)) + 0.05 - 2 * 0.1, 12);
    // The same policy for a product complaint: money and authority count more, waiting less.
    s.c.complaintKind[i] = ComplaintKind.Product;
    expect(recoveryChance(s, plan, i, 10)).toBeCloseTo(0.3 + 0.15 + 0.05 + 1.3 * 0.3 * (1 - Math.exp(-2)) + 0.05 - 0.1, 12);
    // Rude staff: the LSCPA training counts double, money for little.
    s.c.complaintKind[i] = ComplaintKind.Attitude;
    expect(recoveryChance(s, plan, i, 10)).toBeCloseTo(0.3 + 0.5 * 0.15 + 0.2 + 0.4 * 0.3 * (1 - Math.exp(-2)) + 0.05 - 0.1, 12);
    s.c.complaintKind[i] = ComplaintKind.Product;
    expect(recoveryChance(s, plan, i, 200)).toBe(0.02);
    const best = resolvePlan(sc, decisions({ complaints: { empowerment: 1, scriptTraining: true, compensation: 10000 } }));
    s.store.staffSkill = 1;
    expect(recoveryChance(s, best, i, 0)).toBe(0.95);
    // A personal manager adds 0.1, and the chance is capped at 0.95.
    const managed = resolvePlan(
      sc,
      decisions({ complaints: { empowerment: 1, scriptTraining: true, compensation: 10000 }, tiers: { levels: [{ threshold: 1, manager: true }] } }),
    );
    s.c.tier[i] = 1;
    expect(recoveryChance(s, managed, i, 0)).toBe(0.95);
    // The assistant alone answers a simple first complaint a little worse than a person: 0.05, and a quarter of
    // how much the customer's group wants a person (0.3 unless the scenario says otherwise).
    s.c.tier[i] = 0;
    s.c.complaints[i] = 1;
    s.c.complaintSevere[i] = 0;
    const ai = resolvePlan(sc, decisions({ complaints: { aiAssistant: true } }));
    const human = resolvePlan(sc, decisions({ complaints: {} }));
    expect(recoveryChance(s, human, i, 7) - recoveryChance(s, ai, i, 7)).toBeCloseTo(0.05 + 0.25 * 0.3, 12);
  });
});

describe('the AI assistant hands over to a person (科技向善)', () => {
  const sc = tiny();
  const withAi = (complaints: Record<string, unknown>) =>
    resolvePlan(sc, decisions({ complaints: { responseDays: 10, aiAssistant: true, escalateTopTier: false, ...complaints } }));

  it('answers worst what a person should take: serious failures, repeat complaints, groups who want a person', () => {
    const s = stateWith(sc);
    const i = 3;
    s.c.tier[i] = 0;
    s.c.complaints[i] = 1;
    s.c.complaintSevere[i] = 0;
    const alone = withAi({});
    const simple = assistantShortfall(s, i);
    s.c.complaintSevere[i] = 1;
    expect(assistantShortfall(s, i) - simple).toBeCloseTo(0.25, 12);
    s.c.complaints[i] = 2;
    expect(assistantShortfall(s, i) - simple).toBeCloseTo(0.4, 12);
    // Nobody takes over without a rule: the assistant answers in a day, and worse.
    expect(answeredByPerson(s, alone, i)).toBe(false);
    expect(responseDays(s, alone, i)).toBe(1);
    // (Both with full authority and training, so neither chance meets the floor.)
    const skilled = { empowerment: 1, scriptTraining: true };
    const person = resolvePlan(sc, decisions({ complaints: { responseDays: 10, ...skilled } }));
    expect(recoveryChance(s, person, i, 1) - recoveryChance(s, withAi(skilled), i, 1)).toBeCloseTo(assistantShortfall(s, i), 12);
  });

  it('sends each kind named by the rule to a person, at a person’s speed and staff time', () => {
    const s = stateWith(sc);
    const i = 3;
    s.c.tier[i] = 0;
    s.c.complaints[i] = 1;
    s.c.complaintSevere[i] = 1;
    expect(answeredByPerson(s, withAi({ handOverSevere: true }), i)).toBe(true);
    expect(answeredByPerson(s, withAi({ handOverRepeat: true }), i)).toBe(false);
    s.c.complaints[i] = 2;
    s.c.complaintSevere[i] = 0;
    expect(answeredByPerson(s, withAi({ handOverSevere: true }), i)).toBe(false);
    const repeat = withAi({ handOverRepeat: true });
    expect(answeredByPerson(s, repeat, i)).toBe(true);
    expect(responseDays(s, repeat, i)).toBe(10);
    // A person's answer takes ten times the assistant's staff time.
    expect(handlingCost(s, repeat, i) / handlingCost(s, withAi({}), i)).toBeCloseTo(10, 12);
    const group = sc.segments[s.c.segment[i]].id;
    expect(answeredByPerson(s, withAi({ handOverSegments: [group] }), i)).toBe(true);
    expect(answeredByPerson(s, withAi({ handOverSegments: sc.segments.filter((g) => g.id !== group).map((g) => g.id) }), i)).toBe(false);
  });

  it('in the service centre, a hand-over rule keeps customers the assistant alone loses', () => {
    const sc2 = shippedScenario('service-centre-ai').scenario;
    const small = Scenario.parse({ ...structuredClone(sc2), population: { ...sc2.population, size: 2500 } });
    const base = botSeasons('textbook', small)[0];
    const alone = { ...base, complaints: { ...base.complaints, aiAssistant: true, escalateTopTier: false } };
    const rule = { ...alone.complaints, handOverSevere: true, handOverRepeat: true, handOverSegments: ['seniors', 'small-shops'] };
    const a = playGame(small, 'handover-1', [alone]);
    const b = playGame(small, 'handover-1', [{ ...alone, complaints: rule }]);
    expect(b.reports[0].complaints.recovered / b.reports[0].complaints.filed).toBeGreaterThan(a.reports[0].complaints.recovered / a.reports[0].complaints.filed);
    expect(b.reports[0].customers.churnByReason.own).toBeLessThan(a.reports[0].customers.churnByReason.own);
  });
});

describe('scores', () => {
  const w = tiny().scoring;

  it('weights the parts', () => {
    expect(w).toEqual({ satisfaction: 0.25, loyalty: 0.25, churn: 0.2, profit: 0.15, residual: 0.15 });
    const parts = { satisfaction: 50, loyalty: 60, churn: 70, profit: 80, residual: 90 };
    expect(weightedTotal(parts, w)).toBe(67);
    expect(weightedTotal(parts, { satisfaction: 1, loyalty: 0, churn: 0, profit: 0, residual: 1 })).toBe(70);
    expect(weightedTotal(parts, { satisfaction: 0, loyalty: 0, churn: 0, profit: 0, residual: 0 })).toBe(0);
    expect(weightedTotal({ ...parts, satisfaction: 33.333 }, { satisfaction: 1, loyalty: 0, churn: 0, profit: 0, residual: 0 })).toBe(33.33);
  });

  it('final score averages the seasons and takes the last season’s residual', () => {
    const s1: Score = { total: 0, satisfaction: 50, loyalty: 40, churn: 80, profit: 60, residual: 30 };
    const s2: Score = { total: 0, satisfaction: 70, loyalty: 60, churn: 90, profit: 40, residual: 50 };
    expect(finalScore([s1, s2], w)).toEqual({ total: 59.5, satisfaction: 60, loyalty: 50, churn: 85, profit: 50, residual: 50 });
    expect(finalScore([], w)).toEqual({ total: 0, satisfaction: 0, loyalty: 0, churn: 0, profit: 0, residual: 0 });
  });

  it('season score turns the figures into 0–100 parts', () => {
    const s = stateWith();
    s.store.baseResidual = 1000;
    const score = seasonScore(s, {
      meanSat: 0.6,
      meanLoyalty: 0.3,
      trueShare: 0.2,
      inertiaShare: 0.4,
      churnRate: 0.1,
      profit: 1500,
      revenue: 10000,
      residual: 500,
    });
    expect(score).toEqual({
      satisfaction: 60,
      loyalty: 40,
      churn: 75,
      profit: 100,
      residual: 29.29,
      total: weightedTotal({ satisfaction: 60, loyalty: 40, churn: 75, profit: 100, residual: 29.29 }, w),
    });
    const extreme = seasonScore(s, {
      meanSat: 1,
      meanLoyalty: 1,
      trueShare: 1,
      inertiaShare: 1,
      churnRate: 0.9,
      profit: -1e9,
      revenue: 0,
      residual: 1e9,
    });
    // No floor under the profit part: a loss of a billion on a budget of 1,000 is −100 million.
    expect(extreme).toMatchObject({ satisfaction: 100, loyalty: 100, churn: 0, profit: -1e8, residual: 100 });
  });

  it('likelihood to recommend bands into promoters (9–10), passives (7–8) and detractors (0–6)', () => {
    expect(recommendScore(0.9, 0.5)).toBeCloseTo(10.3, 12);
    expect(recommendScore(0, 0)).toBeCloseTo(-0.2, 12);
    const sc = tiny();
    const s = stateWith(sc);
    s.c.stage.fill(Stage.Prospect);
    s.tally.stageAtStart.fill(Stage.Prospect);
    // Answers: 10 (10.3), 10 (clamped from 12.8), 9 (8.8 rounds up) | 8 (8.3), 7 | 6 (6.2), 6 (5.8), 0 (clamped).
    const people: [number, number][] = [
      [0.9, 0.5],
      [1, 1],
      [0.9, 0],
      [0.82, 0.1],
      [0.75, 0],
      [0.64, 0],
      [0.6, 0],
      [0, 0],
    ];
    people.forEach(([sat, loyalty], i) => {
      s.c.stage[i] = Stage.Formation;
      s.c.sat[i] = sat;
      s.c.loyalty[i] = loyalty;
    });
    const report = buildReport(s, resolvePlan(sc, decisions()), [], null);
    expect(report.customers.active).toBe(8);
    expect(report.satisfaction.truth.nps).toBe((100 * (3 - 3)) / 8);
    s.c.sat[5] = 0.9; // a detractor becomes a promoter: 4 promoters, 2 detractors of 8
    const again = buildReport(s, resolvePlan(sc, decisions()), [], null);
    expect(again.satisfaction.truth.nps).toBe(25);
    // Customer 3 (loyalty 0.1) stays a passive at 8.1 and 8.4 (both answer 8) and turns promoter at 8.6 (9).
    s.c.sat[3] = 0.8;
    expect(buildReport(s, resolvePlan(sc, decisions()), [], null).satisfaction.truth.nps).toBe(25);
    s.c.sat[3] = 0.83;
    expect(buildReport(s, resolvePlan(sc, decisions()), [], null).satisfaction.truth.nps).toBe(25);
    s.c.sat[3] = 0.85;
    expect(buildReport(s, resolvePlan(sc, decisions()), [], null).satisfaction.truth.nps).toBe(37.5);
    expect(again.satisfaction.measured).toBeNull();
  });
});

describe('levers move outcomes (same seed, one lever changed)', () => {
  it('slow complaint handling recovers fewer complaints', () => {
    const input = tinyInput();
    const sc = tiny({
      budgetPerSeason: 5000,
      store: { productQuality: 0.45 },
      segments: input.segments.map((g) => ({ ...g, expectation: 0.75, complaintPropensity: 0.9 })),
    });
    for (const seed of ['cx-1', 'cx-2']) {
      const play = (responseDays: number) =>
        playGame(sc, seed, [1, 2].map(() => decisions({ complaints: { responseDays, empowerment: 0.8, compensation: 5, scriptTraining: true } })))
          .reports;
      const fast = play(2);
      const slow = play(45);
      expect(sum(fast, (r) => r.complaints.filed)).toBeGreaterThan(100);
      expect(sum(slow, (r) => r.complaints.recovered), seed).toBeLessThan(0.5 * sum(fast, (r) => r.complaints.recovered));
      expect(slow[1].satisfaction.truth.mean, seed).toBeLessThan(fast[1].satisfaction.truth.mean);
    }
  });

  it('contacting 12 times a month fatigues customers and makes them opt out; once a month hardly does', () => {
    const sc = smallBubbleTea(400);
    const play = (contactsPerMonth: number) => playGame(sc, 'care-1', [0, 1].map(() => decisions({ care: { contactsPerMonth } }))).reports;
    const once = play(1);
    const spam = play(12);
    const none = play(0);
    expect(sum(none, (r) => r.care.contacts)).toBe(0);
    expect(sum(none, (r) => r.care.fatigued)).toBe(0);
    expect(sum(spam, (r) => r.care.fatigued)).toBeGreaterThan(5 * sum(once, (r) => r.care.fatigued));
    expect(sum(spam, (r) => r.care.optOuts)).toBeGreaterThan(5 * sum(once, (r) => r.care.optOuts));
    expect(sum(spam, (r) => r.care.contacts)).toBeGreaterThan(sum(once, (r) => r.care.contacts));
    expect(spam[1].economics.costs.care).toBeGreaterThan(once[1].economics.costs.care);
  });

  it('an acquisition budget acquires more customers than none, through the campaign', () => {
    const sc = smallBubbleTea(400);
    const none = playGame(sc, 'acq-1', [decisions()]).reports[0];
    const paid = playGame(sc, 'acq-1', [decisions({ acquisition: { budget: 5000 } })]).reports[0];
    expect(none.customers.acquiredBy.campaign).toBe(0);
    expect(paid.customers.acquiredBy.campaign).toBeGreaterThan(0);
    expect(paid.customers.acquired).toBeGreaterThan(none.customers.acquired);
    expect(paid.economics.costs.acquisition).toBe(5000);
  });

  it('a competitor entering and a promotion bring lured and bought churn; without them there is none', () => {
    const quiet = playGame(tiny(), 'rival', [decisions(), decisions()]).reports;
    const contested = playGame(
      tiny({ events: [{ week: 3, kind: 'competitor-entry', strength: 1 }, { week: 14, kind: 'competitor-promo', weeks: 4, strength: 1 }] }),
      'rival',
      [decisions(), decisions()],
    ).reports;
    expect(sum(quiet, (r) => r.customers.churnByReason.lured + r.customers.churnByReason.bought)).toBe(0);
    // Season 1 has only the entry (lured); the promotion in season 2 buys customers away.
    expect(contested[0].customers.churnByReason.lured).toBeGreaterThan(0);
    expect(contested[0].customers.churnByReason.bought).toBe(0);
    expect(contested[1].customers.churnByReason.bought).toBeGreaterThan(0);
  });
});

describe('cross-selling on known preferences', () => {
  it('a recommendation that landed adds a tenth to the next basket within its four weeks, and the till names it', () => {
    const sc = tiny();
    const base = newGame(sc, 'cross');
    const plan = resolvePlan(sc, decisions());
    const ctx = weekContext(base, plan, 0);
    const i = base.c.stage.findIndex((st) => st === Stage.Formation || st === Stage.Stability);
    expect(i).toBeGreaterThanOrEqual(0);
    const basket = (until: number) => {
      const s = cloneState(base);
      s.c.recommendUntil[i] = until;
      purchase(s, plan, ctx, i, false);
      return { spent: s.c.spendTotal[i] - base.c.spendTotal[i], cause: s.log.cause[s.log.length - 1], kind: s.log.kind[s.log.length - 1], left: s.c.recommendUntil[i], s };
    };
    const plain = basket(-1);
    const recommended = basket(base.week + 3);
    const expired = basket(base.week - 1);
    expect(recommended.spent).toBeCloseTo(1.1 * plain.spent, 9);
    expect(expired.spent).toBe(plain.spent);
    expect(recommended.left).toBe(-1);
    const purchaseEvent = (r: typeof plain) => {
      for (let k = r.s.log.length - 1; k >= 0; k--) if (r.s.log.kind[k] === EventKind.Purchase) return r.s.log.cause[k];
      return -1;
    };
    expect(purchaseEvent(recommended)).toBe(Cause.recommendation);
    expect(purchaseEvent(plain)).toBe(Cause['repeat-purchase']);
  });

  it('recommendations reach baskets only with known preferences: collecting with consent is what makes them sell', () => {
    const sc = smallBubbleTea(600);
    const care = { contactsPerMonth: 2, recommendations: true };
    const play = (profileSurvey: boolean) =>
      playGame(sc, 'cross-2', [0, 1, 2].map(() => decisions({ care, information: { profileSurvey, consent: 'explicit' } })));
    const soldBy = (g: ReturnType<typeof play>) => {
      const log = g.state.log;
      let n = 0;
      for (let k = 0; k < log.length; k++) if (log.kind[k] === EventKind.Purchase && log.cause[k] === Cause.recommendation) n++;
      return n;
    };
    expect(soldBy(play(false))).toBe(0);
    expect(soldBy(play(true))).toBeGreaterThan(20);
  });
});

describe('the "why" invariant', () => {
  const sc = smallBubbleTea(600);
  const games = ['textbook-ish', 'passive'].map((name) => {
    const d =
      name === 'passive'
        ? decisions()
        : decisions({
            acquisition: { budget: 3000 },
            care: { contactsPerMonth: 6, afterSale: true },
            retention: { winBackBudget: 500, letGoUnprofitable: true, atRiskOffer: 5 },
            information: { birthdayRegistration: true, consent: 'none' },
          });
    return playGame(sc, `why-${name}`, Array.from({ length: sc.seasons }, () => d));
  });

  it('every churned customer has a reason and a Churn event naming a cause', () => {
    for (const g of games) {
      const { c, log } = g.state;
      const lastChurn = new Map<number, number>();
      for (let k = 0; k < log.length; k++) if (log.kind[k] === EventKind.Churn) lastChurn.set(log.customer[k], k);
      let churned = 0;
      const bad: string[] = [];
      for (let i = 0; i < g.state.n; i++) {
        if (c.stage[i] !== Stage.Churned) {
          if (c.churnReason[i] !== 0) bad.push(`${i}: active with churn reason ${c.churnReason[i]}`);
          continue;
        }
        churned++;
        const k = lastChurn.get(i);
        if (c.churnReason[i] === 0) bad.push(`${i}: churned without a reason`);
        if (k === undefined) {
          bad.push(`${i}: churned without a Churn event`);
          continue;
        }
        if (log.cause[k] === 0 || log.cause[k] >= CAUSE_IDS.length) bad.push(`${i}: Churn event cause ${log.cause[k]}`);
        if (log.value[k] !== c.churnReason[i]) bad.push(`${i}: event reason ${log.value[k]} vs state ${c.churnReason[i]}`);
        if (log.week[k] !== c.churnWeek[i]) bad.push(`${i}: event week ${log.week[k]} vs state ${c.churnWeek[i]}`);
      }
      expect(churned).toBeGreaterThan(20);
      expect(bad.slice(0, 10)).toEqual([]);
    }
  });

  it('reported churn per reason equals the Churn events of the season', () => {
    for (const g of games) {
      const { log } = g.state;
      g.reports.forEach((r) => {
        const counts: Record<string, number> = {};
        for (let k = 0; k < log.length; k++) {
          if (log.kind[k] !== EventKind.Churn || log.week[k] < r.firstWeek || log.week[k] >= r.firstWeek + r.weeks) continue;
          const id = CHURN_IDS[log.value[k]];
          counts[id] = (counts[id] ?? 0) + 1;
        }
        for (const [id, n] of Object.entries(r.customers.churnByReason)) expect(counts[id] ?? 0, `season ${r.season} ${id}`).toBe(n);
      });
    }
  });

  it('every Stage event names a real cause and moves to a real stage', () => {
    for (const g of games) {
      const { log } = g.state;
      const bad: string[] = [];
      let stageEvents = 0;
      for (let k = 0; k < log.length; k++) {
        if (log.kind[k] !== EventKind.Stage) continue;
        stageEvents++;
        if (!(log.cause[k] > 0 && log.cause[k] < CAUSE_IDS.length)) bad.push(`event ${k}: cause ${log.cause[k]}`);
        if (!(log.value[k] >= Stage.Prospect && log.value[k] <= Stage.Churned)) bad.push(`event ${k}: stage ${log.value[k]}`);
        if (log.delta[k] === 0) bad.push(`event ${k}: no change`);
      }
      expect(stageEvents).toBeGreaterThan(100);
      expect(bad.slice(0, 10)).toEqual([]);
    }
  });

  it('every logged event names a known cause and a known kind', () => {
    for (const g of games) {
      const { log } = g.state;
      let bad = 0;
      for (let k = 0; k < log.length; k++) {
        if (log.cause[k] >= CAUSE_IDS.length || log.kind[k] > EventKind.Purchase) bad++;
      }
      expect(bad).toBe(0);
    }
  });

  it('a won-back customer is no longer churned and carries no churn reason', () => {
    const g = games[0];
    const { c } = g.state;
    const wonBack = g.reports.reduce((a, r) => a + r.retention.wonBack, 0);
    let flagged = 0;
    for (let i = 0; i < g.state.n; i++) if (c.flags[i] & 16) flagged++;
    expect(wonBack).toBeGreaterThan(0);
    expect(flagged).toBeGreaterThan(0);
    expect(flagged).toBeLessThanOrEqual(wonBack);
    for (let i = 0; i < g.state.n; i++) {
      if (!(c.flags[i] & 16) || c.stage[i] === Stage.Churned) continue;
      expect(c.churnReason[i]).toBe(0);
    }
  });
});

describe('a step', () => {
  it('advances the clock by one season of weeks and reports that season', () => {
    const sc = tiny();
    const s = newGame(sc, 'clock');
    const r1 = playStep(s, decisions());
    expect([s.week, s.season, r1.season, r1.firstWeek, r1.weeks, r1.weekly.length]).toEqual([13, 1, 1, 0, 13, 13]);
    const r2 = playStep(s, decisions());
    expect([s.week, s.season, r2.season, r2.firstWeek]).toEqual([26, 2, 2, 13]);
    expect(r2.weekly.map((w) => w.week)).toEqual(Array.from({ length: 13 }, (_, k) => 13 + k));
  });

  it('weekly figures add up: stages to the population, acquired and churned to the season’s totals', () => {
    const sc = tiny();
    const r = playGame(sc, 'weekly', [decisions()]).reports[0];
    for (const w of r.weekly) expect(w.byStage.reduce((a, b) => a + b, 0)).toBe(sc.population.size);
    expect(r.customers.acquired).toBeGreaterThan(0);
    expect(r.customers.churned).toBeGreaterThan(0);
    expect(r.weekly.reduce((a, w) => a + w.acquired, 0)).toBe(r.customers.acquired);
    expect(r.weekly.reduce((a, w) => a + w.churned, 0)).toBe(r.customers.churned);
  });
});

describe('churn attribution (反求诸己)', () => {
  // Dropouts whose chance poor fit raised are the store's own part in proportion: a customer the store suits is
  // never said to have left for poor fit, and of the worst-fitting customers' dropouts a good share is.
  it('labels dropouts by the share of the chance that poor fit and dissatisfaction raised', () => {
    const sc = smallBubbleTea(4000);
    const g = playGame(sc, 'attribution', [1, 2, 3, 4].map(() => decisions()));
    const log = g.state.log;
    const byBand = { suited: { illFit: 0, dropouts: 0 }, worst: { illFit: 0, dropouts: 0 } };
    const dropoutCauses = new Set([Cause['natural-dropout'], Cause['ill-fit'], Cause['low-satisfaction']]);
    for (let k = 0; k < log.length; k++) {
      if (log.kind[k] !== EventKind.Churn || !dropoutCauses.has(log.cause[k] as number)) continue;
      const fit = g.state.c.fit[log.customer[k]];
      const band = fit >= 0.65 ? byBand.suited : fit < 0.52 ? byBand.worst : null;
      if (!band) continue;
      band.dropouts++;
      if (log.cause[k] === Cause['ill-fit']) band.illFit++;
    }
    expect(byBand.suited.dropouts).toBeGreaterThan(50);
    expect(byBand.suited.illFit).toBe(0);
    // Fit below 0.52 raises the chance more than 1.26-fold: over 0.26/1.26 ≈ 21% of those dropouts are poor fit's.
    expect(byBand.worst.dropouts).toBeGreaterThan(20);
    expect(byBand.worst.illFit / byBand.worst.dropouts).toBeGreaterThan(0.12);
  });
});

describe('the yearly growth-value deduction', () => {
  // Growth value is valid for a year: at the scenario's New Year each member loses the deduction times their
  // level and is judged again. It must fall inside every shipped scenario (a year or less long).
  it('falls at the New Year of a four-season scenario and demotes members, times their level', () => {
    const full = shippedScenario('community-supermarket').scenario;
    const sc = Scenario.parse({ ...structuredClone(full), population: { ...full.population, size: 1500 } });
    expect(sc.newYearWeek).toBe(24);
    const plans = (decay: number) => botSeasons('textbook', sc).map((d) => Decisions.parse({ ...d, tiers: { ...d.tiers, yearlyDecay: decay } }));
    const none = playGame(sc, 'decay', plans(0));
    const deep = playGame(sc, 'decay', plans(1_000_000));
    // Week 24 is in season 2: season 1 is the same, season 2 differs, with more demotions.
    expect(deep.reports[0].hash).toBe(none.reports[0].hash);
    expect(deep.reports[1].hash).not.toBe(none.reports[1].hash);
    expect(deep.reports[1].tiers.demotions).toBeGreaterThan(none.reports[1].tiers.demotions);
  });

  it('defaults to the first week of the last season when the scenario names no New Year', () => {
    const sc = smallBubbleTea(600, { newYearWeek: undefined });
    const plans = (decay: number) => botSeasons('textbook', sc).map((d) => Decisions.parse({ ...d, tiers: { ...d.tiers, yearlyDecay: decay } }));
    const none = playGame(sc, 'decay', plans(0));
    const deep = playGame(sc, 'decay', plans(1_000_000));
    expect(deep.reports[2].hash).toBe(none.reports[2].hash);
    expect(deep.reports[3].hash).not.toBe(none.reports[3].hash);
  });
});

describe('kinds of complaint (unit 6)', () => {
  it('every complaint has one kind, from what went wrong, and the report counts them', () => {
    const sc = smallBubbleTea(3000);
    const g = playGame(sc, 'kinds-1', botSeasons('textbook', sc));
    for (const r of g.reports) {
      const kinds = Object.values(r.complaints.byKind);
      expect(kinds.reduce((a, k) => a + k.filed, 0)).toBe(r.complaints.filed);
      expect(kinds.reduce((a, k) => a + k.recovered, 0)).toBe(r.complaints.recovered);
    }
    const all = (k: 'product' | 'waiting' | 'billing') => g.reports.reduce((a, r) => a + r.complaints.byKind[k].filed, 0);
    // The supply incident and ordinary shortfalls make product the commonest kind; billing errors are a few.
    expect(all('product')).toBeGreaterThan(all('billing'));
    expect(all('billing')).toBeGreaterThan(0);
  });

  it('the LSCPA training puts right more attitude complaints than money does', () => {
    const sc = tiny();
    const s = stateWith(sc);
    const i = 5;
    s.c.complaints[i] = 1;
    s.c.complaintKind[i] = ComplaintKind.Attitude;
    const spend = s.c.meanSpend[i];
    const trained = resolvePlan(sc, decisions({ complaints: { scriptTraining: true } }));
    const paid = resolvePlan(sc, decisions({ complaints: { compensation: spend } }));
    expect(recoveryChance(s, trained, i, 7)).toBeGreaterThan(recoveryChance(s, paid, i, 7));
    s.c.complaintKind[i] = ComplaintKind.Product;
    expect(recoveryChance(s, trained, i, 7)).toBeLessThan(recoveryChance(s, paid, i, 7));
  });
});
