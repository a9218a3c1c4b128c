import type { Decisions } from '../scenario/decisions';
import { appendLog } from './events';
import { featuredSeason, pickFeatured } from './featured';
import { informationWeek } from './information';
import { blockCount, sequentialRunner, type WeekRunner } from './customer-pass';
import { resolvePlan, type Plan } from './plan';
import { buildReport, type SeasonReport } from './report';
import type { Visitor, WeekStats } from './week-stats';
import { reputationWeek } from './reputation';
import { seasonRetention } from './retention';
import { residualValue, seasonEarnings } from './scoring';
import { staffSeason } from './staff';
import { followUpDetractors, runSurvey } from './survey';
import { bookPointValue, pointsCut } from './points';
import { resolveAudiences } from './targeting';
import type { SimState } from './state';
import { addTally, newTally, seasonProfit } from './tally';
import { retierAll, setEdges } from './tiers';
import { plannedSpend } from './economics';
import { prepareSeason, weekContext, type WeekCtx } from './week-context';

// One season = a fixed number of weekly ticks. Each tick runs the customer pass (customer-pass.ts: customers in id order,
// systems in a fixed order per customer), then the store-level updates. `playSeason` mutates the state it is given
// (clone first to keep the old one).

/** Watches a season from outside, week by week (golden traces, for instance); it must not change the state. */
export type OnWeek = (s: SimState, week: WeekStats) => void;

export function playSeason(s: SimState, decisions: Decisions, onWeek?: OnWeek): SeasonReport {
  const plan = resolvePlan(s.scenario, decisions);
  if (s.season === 0 && s.week === 0) {
    s.store.baseResidual = residualValue(s, null);
    s.store.baseEarnings = seasonEarnings(s);
  }
  resolveAudiences(s, plan);
  s.tally = newTally(s.n, s.c.stage);
  featuredSeason(s, plan);
  // Retention first: customers won back must be sorted into this season's levels like everyone else.
  seasonRetention(s, plan);
  retierAll(s, plan, false);
  setEdges(s, plan);
  bookPointValue(s, plan);
  pointsCut(s, plan);
  staffSeason(s, plan, s.store.visitsLastWeek);
  chargePlanned(s, plan);
  followUpDetractors(s, plan);
  prepareSeason(s, plan);

  const weeks: WeekStats[] = [];
  for (let k = 0; k < plan.weeks; k++) {
    if (isNewYear(s)) retierAll(s, plan, true);
    // The week's context is read from the state; what of it the state and the season keep is written here.
    const ctx = weekContext(s, plan, k);
    s.store.competitor = Math.max(0, ctx.competitorEntry, ctx.competitorPromo);
    plan.season.overload = ctx.overload;
    weeks.push(tick(s, plan, ctx));
    s.week++;
    onWeek?.(s, weeks[k]);
  }
  s.season++;
  pickFeatured(s);
  const survey = runSurvey(s, plan);
  // The season's last writes, before the report (a pure projection of the state) hashes it.
  s.store.cumulativeProfit += seasonProfit(s.tally);
  return buildReport(s, plan, weeks, survey);
}

/** Whether the week about to be played begins a new year (the scenario's New Year, then every 52 weeks). */
function isNewYear(s: SimState): boolean {
  const sc = s.scenario;
  const first = (sc.newYearWeek ?? (sc.seasons - 1) * sc.weeksPerSeason + 1) - 1;
  return s.week >= first && (s.week - first) % 52 === 0;
}

function chargePlanned(s: SimState, plan: Plan): void {
  const p = plannedSpend(s.scenario, plan.d);
  const t = s.tally.costs;
  // Win-back is charged per attempt in retention.ts and the survey per answer in survey.ts, so their planned
  // budgets are not booked here.
  t.acquisition += p.acquisition;
  t.staff += p.staff;
  t.information += p.information;
  t.complaints += p.complaints;
}

let runner: WeekRunner = sequentialRunner;

/**
 * Chooses how the weekly pass's blocks are run (one after another unless a host supplies threads). Outcomes do
 * not depend on the choice; see customer-pass.ts.
 */
export function useWeekRunner(r: WeekRunner | null): void {
  runner = r ?? sequentialRunner;
}

function tick(s: SimState, plan: Plan, ctx: WeekCtx): WeekStats {
  const t = s.tally;
  const posBefore = t.positiveWom;
  const negBefore = t.negativeWom;
  const acquiredBefore = t.acquired;
  const complaintsBefore = t.complaintsFiled;
  const churnedBefore = sum(t.churnByReason);
  const blocks = runner.run(s, plan, ctx, blockCount(s.n));
  const byStage = [0, 0, 0, 0, 0, 0];
  const visitors: Visitor[] = [];
  let visits = 0;
  let prospects = 0;
  let prospectWeight = 0;
  let voice = 0;
  for (const r of blocks) {
    addTally(t, r.tally);
    if (r.log) appendLog(s.log, r.log);
    for (let k = 0; k < byStage.length; k++) byStage[k] += r.byStage[k];
    for (const v of r.visitors) visitors.push(v);
    visits += r.visits;
    prospects += r.prospects;
    prospectWeight += r.prospectWeight;
    voice += r.voice;
  }
  const incidentsBefore = s.store.incidents;
  const finesBefore = t.costs.fines;
  const securityBefore = t.securityFine;
  informationWeek(s, plan);
  reputationWeek(s, ctx, t.positiveWom - posBefore, t.negativeWom - negBefore, plan.d.complaints.publicReply);
  const store = s.store;
  store.visitsLastWeek = visits;
  store.prospects = prospects;
  store.prospectWeight = prospectWeight;
  store.promoterVoice = voice;
  store.activeCount = byStage[1] + byStage[2] + byStage[3] + byStage[4];
  // What a customer leaving next week holds against the store (churn-causes.ts): the season so far.
  if (t.qualityCount > 0) store.quality = t.qualitySum / t.qualityCount;
  const settled = t.complaintsRecovered + t.complaintsUnresolved;
  if (settled > 0) store.recovery = t.complaintsRecovered / settled;
  return {
    week: s.week,
    visits,
    acquired: t.acquired - acquiredBefore,
    churned: sum(t.churnByReason) - churnedBefore,
    complaints: t.complaintsFiled - complaintsBefore,
    dataIncident: s.store.incidents > incidentsBefore,
    // In whole yuan: the two fines share the tally's fines line, and a difference of sums leaves rounding behind.
    regulatorFine: Math.round(t.costs.fines - finesBefore - (t.securityFine - securityBefore)),
    securityFine: Math.round(t.securityFine - securityBefore),
    load: visits / plan.capacity,
    byStage,
    visitors,
  };
}

function sum(a: readonly number[]): number {
  let x = 0;
  for (const v of a) x += v;
  return x;
}
