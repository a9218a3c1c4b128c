import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/scenario';
import { Decisions } from '../../src/scenario/decisions';
import { newGame } from '../../src/sim/game';
import { playStep } from '../sim/helpers';
import { abcClassify, fitModels, monthlyFromAnnual, rfmGroup, rfmScores, RFM_GROUPS, scoreCustomers } from '../../src/analytics';
import { resolvePlan } from '../../src/sim/plan';
import { Flag } from '../../src/sim/state';
import { ChurnReason, Stage } from '../../src/sim/types';
import { resolveAudiences } from '../../src/sim/targeting';
import { audienceCoverage } from '../../src/host/segment-cells';
import { clvCheck, databaseSummaries, storeAnalytics } from '../../src/host/store-analytics';
import { storeSegments, GROUP_BIT } from '../../src/sim/segments';

const loaded = loadScenario(readFileSync('scenarios/bubble-tea.yaml', 'utf8'), 'bubble-tea.yaml');
if (!loaded.ok) throw new Error('bundled scenario');
const scenario = { ...loaded.value.scenario, population: { ...loaded.value.scenario.population, size: 1500 } };

describe('store analytics on the store database', () => {
  const s = newGame(scenario, 'analytics');
  playStep(s, Decisions.parse({}));
  playStep(s, Decisions.parse({}));
  const a = storeAnalytics(s);

  it('summarises every customer who bought, with time in weeks up to now', () => {
    const rows = databaseSummaries(s);
    expect(rows.length).toBe(a.customers);
    for (const r of rows) {
      expect(r.frequency).toBe(r.purchaseDays - 1);
      expect(r.T).toBeGreaterThanOrEqual(r.recency);
      expect(r.recency).toBeGreaterThanOrEqual(0);
    }
  });

  it('places every customer in exactly one RFM cell and one of the four groups', () => {
    expect(a.rfmGrid.flat().reduce((x, y) => x + y, 0)).toBe(a.customers);
    expect(Object.values(a.groups).reduce((x, y) => x + y, 0)).toBe(a.customers);
  });

  it('splits revenue into ABC classes summing to the whole, and bins every CLV', () => {
    expect(a.abc.reduce((x, l) => x + l.revenueShare, 0)).toBeCloseTo(1, 9);
    expect(a.abc.reduce((x, l) => x + l.customers, 0)).toBe(a.customers);
    expect(a.clvBins.reduce((x, b) => x + b.count, 0)).toBe(a.customers);
    expect(a.meanClv).toBeGreaterThan(0);
    expect(a.top20).toBeGreaterThan(a.top10);
  });

  it('values customers by discounted margin: the store\'s margin on the spend forecast, 12 months at 10 % a year', () => {
    expect(a.clv).toEqual({ horizonMonths: 12, margin: scenario.store.margin, discountAnnual: 0.1, discountMonthly: monthlyFromAnnual(0.1) });
    const rows = databaseSummaries(s);
    const spend = scoreCustomers(rows, fitModels(rows), { margin: 1, discountAnnual: 0.1 });
    const meanSpendClv = spend.reduce((x, c) => x + c.clv, 0) / spend.length;
    expect(a.meanClv).toBeCloseTo(scenario.store.margin * meanSpendClv, 6);
    expect(scenario.store.margin).toBeLessThan(1);
  });

  it('gives customers last seen the same week the same R score, so the same side of the R ≥ 3 line', () => {
    const rows = databaseSummaries(s);
    const rfm = rfmScores(rows.map((x) => ({ recencyGap: x.T - x.recency, frequency: x.purchaseDays, monetary: x.totalSpend })));
    const byGap = new Map<number, Set<number>>();
    rows.forEach((x, k) => {
      const gap = x.T - x.recency;
      byGap.set(gap, (byGap.get(gap) ?? new Set()).add(rfm[k].r));
    });
    for (const [gap, scores] of byGap) expect(scores.size, `weeks since last purchase ${gap}`).toBe(1);
    // And the groups the simulation targets agree: recent ones (high-value, developing) never split a week.
    const marks = storeSegments(s);
    const recent = new Map<number, Set<boolean>>();
    rows.forEach((x) => {
      const m = marks[Number(x.id)];
      const isRecent = (m & (GROUP_BIT[0] | GROUP_BIT[1])) !== 0;
      const gap = x.T - x.recency;
      recent.set(gap, (recent.get(gap) ?? new Set()).add(isRecent));
    });
    for (const [gap, sides] of recent) expect(sides.size, `weeks since last purchase ${gap}`).toBe(1);
    expect([...byGap.keys()].some((g) => rows.filter((x) => x.T - x.recency === g).length > 20)).toBe(true);
  });

  it('lists at-risk customers with reasons, highest value at risk first', () => {
    expect(a.atRisk.length).toBeGreaterThan(0);
    for (const r of a.atRisk) expect(r.reasons.length).toBeGreaterThan(0);
    for (let k = 1; k < a.atRisk.length; k++) expect(a.atRisk[k - 1].valueAtRisk).toBeGreaterThanOrEqual(a.atRisk[k].valueAtRisk);
  });
});

describe('the report shows the groups the next season targets', () => {
  const s = newGame(scenario, 'analytics-targets');
  playStep(s, Decisions.parse({}));
  playStep(s, Decisions.parse({}));
  const a = storeAnalytics(s);
  const rows = databaseSummaries(s);

  it('counts the four groups as the analytics score them', () => {
    const rfm = rfmScores(rows.map((x) => ({ recencyGap: x.T - x.recency, frequency: x.purchaseDays, monetary: x.totalSpend })));
    const expected = Object.fromEntries(RFM_GROUPS.map((g) => [g, rfm.filter((r) => rfmGroup(r) === g).length]));
    expect(a.groups).toEqual(expected);
  });

  it('covers, for each audience, exactly the customers the season-start plan reaches', () => {
    const cases = [
      { groups: ['high-value' as const], abc: [], atRisk: false, stages: [] },
      { groups: [], abc: ['A' as const, 'B' as const], atRisk: false, stages: [] },
      { groups: ['keep' as const, 'win-back' as const], abc: [], atRisk: true, stages: [] },
      { groups: [], abc: [], atRisk: false, stages: ['exploration' as const, 'formation' as const] },
    ];
    for (const audience of cases) {
      const plan = resolvePlan(scenario, Decisions.parse({ care: { audience } }));
      resolveAudiences(s, plan);
      const reached = plan.season.careReach.reduce((x, v) => x + v, 0);
      const cover = audienceCoverage(a.segments, audience);
      expect(cover.customers, JSON.stringify(audience)).toBe(reached);
      // Split as the levers can use them: still buying (and contactable), or lost within a year and not let go.
      let active = 0;
      let contactable = 0;
      let lost = 0;
      for (let i = 0; i < s.n; i++) {
        if (!plan.season.careReach[i]) continue;
        if (s.c.stage[i] !== Stage.Churned) {
          active++;
          if (!(s.c.flags[i] & Flag.OptedOut)) contactable++;
        } else if (s.c.churnReason[i] !== ChurnReason.LetGo && s.week - s.c.churnWeek[i] <= 52) lost++;
      }
      expect([cover.active, cover.contactable, cover.lost]).toEqual([active, contactable, lost]);
      expect(active).toBeGreaterThan(0);
      expect(lost).toBeGreaterThan(0);
    }
    // ABC classes as the pyramid shows them.
    const classes = abcClassify(rows.map((x) => x.totalSpend));
    expect(audienceCoverage(a.segments, { groups: [], abc: ['A'], atRisk: false, stages: [] }).customers).toBe(classes.filter((c) => c === 'A').length);
    expect(audienceCoverage(a.segments, undefined).customers).toBe(a.customers);
  });
});

describe('CLV estimate against what customers really spent', () => {
  it('pairs the store\'s spend forecast after season 1 with the spend that followed', () => {
    const early = newGame(scenario, 'clv');
    const late = newGame(scenario, 'clv');
    playStep(early, Decisions.parse({}));
    for (let k = 0; k < 3; k++) playStep(late, Decisions.parse({}));
    const check = clvCheck(early, late);
    expect(check.weeksAhead).toBe(2 * scenario.weeksPerSeason);
    expect(check.points.length).toBeGreaterThan(10);
    const id = check.points[0].id;
    expect(check.points[0].actual).toBeCloseTo(late.c.spendTotal[id] - early.c.spendTotal[id], 1);
    // A model worth teaching predicts better than chance: higher estimates go with higher later spend.
    expect(check.correlation).toBeGreaterThan(0.2);
    expect(check.totalEstimate).toBeGreaterThan(0);
  });
});
