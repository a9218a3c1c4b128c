import type { Decisions } from '../scenario/decisions';
import { acquire, exposureGain } from './acquisition';
import { care } from './care';
import { competition } from './competition';
import { resolveDue } from './complaints';
import { changeLoyalty, isActive } from './effects';
import { featuredSeason, pickFeatured } from './featured';
import { collect, collecting, informationWeek } from './information';
import { lifecycle } from './lifecycle';
import { resolvePlan, type Plan } from './plan';
import { buysThisWeek, purchase } from './purchase';
import { buildReport, isPromoter, moodOf, type SeasonReport, type Visitor, type WeekStats } from './report';
import { uniform } from './random';
import { reputationWeek } from './reputation';
import { seasonRetention } from './retention';
import { residualValue } from './scoring';
import { staffSeason } from './staff';
import { resolveAudiences } from './targeting';
import type { SimState } from './state';
import { newTally } from './state';
import { retierAll, tierWeekCost } from './tiers';
import { Cause, Stage } from './types';
import { plannedSpend } from './economics';
import { prepareSeason, weekContext, type WeekCtx } from './week';

// One season = a fixed number of weekly ticks. Each tick visits customers in id order; systems run in a fixed
// order per customer. `step` mutates the state it is given (clone first to keep the old one).

const VISITOR_SAMPLE = 48;
const STAGE_PROSPECT = Stage.Prospect;
const STAGE_CHURNED = Stage.Churned;

export function step(s: SimState, decisions: Decisions): SeasonReport {
  const plan = resolvePlan(s.scenario, decisions);
  if (s.season === 0 && s.week === 0) s.store.baseResidual = residualValue(s);
  resolveAudiences(s, plan);
  s.tally = newTally(s.n, s.c.stage);
  featuredSeason(s, plan);
  // Retention first: customers won back must be sorted into this season's levels like everyone else.
  seasonRetention(s, plan);
  retierAll(s, plan, false);
  staffSeason(s, plan, s.store.visitsLastWeek);
  chargePlanned(s, plan);
  prepareSeason(s, plan);

  const weeks: WeekStats[] = [];
  for (let k = 0; k < plan.weeks; k++) {
    if (s.week > 0 && s.week % 52 === 0) retierAll(s, plan, true);
    weeks.push(tick(s, plan, weekContext(s, plan, k)));
    s.week++;
  }
  s.season++;
  pickFeatured(s);
  return buildReport(s, plan, weeks);
}

function chargePlanned(s: SimState, plan: Plan): void {
  const p = plannedSpend(s.scenario, plan.d);
  const t = s.tally.costs;
  // Win-back is charged per attempt in retention.ts, so its planned budget is not booked here.
  t.acquisition += p.acquisition;
  t.staff += p.staff;
  t.information += p.information;
  t.survey += p.survey;
  t.complaints += p.complaints;
}

function tick(s: SimState, plan: Plan, ctx: WeekCtx): WeekStats {
  const c = s.c;
  const t = s.tally;
  const posBefore = t.positiveWom;
  const negBefore = t.negativeWom;
  const acquiredBefore = t.acquired;
  const complaintsBefore = t.complaintsFiled;
  const churnedBefore = sum(t.churnByReason);
  const collect_ = collecting(plan);
  const visitors: Visitor[] = [];
  // An unbiased sample of about VISITOR_SAMPLE visitors, sized on last week's traffic.
  const sampleShare = VISITOR_SAMPLE / Math.max(VISITOR_SAMPLE, s.store.visitsLastWeek);
  const byStage = [0, 0, 0, 0, 0, 0];
  let visits = 0;
  let prospects = 0;
  let prospectWeight = 0;
  let voice = 0;
  const serveBase = plan.serveCost;
  const giftWeek = s.week % 4 === 0;

  // Hot loop: most of the market are prospects or gone, so their per-week work is inlined on local arrays.
  const stage = c.stage;
  const exposure = c.acqExposure;
  const threshold = c.acqThreshold;
  const fit = c.fit;
  const weight = plan.acqWeight;
  const campaignRate = ctx.campaignRate;
  const ambient = ctx.referralRate + ctx.walkInRate;
  let churned = 0;
  for (let i = 0; i < s.n; i++) {
    const st = stage[i];
    if (st === STAGE_CHURNED) {
      churned++;
      continue;
    }
    if (st === STAGE_PROSPECT) {
      // Exposure below the threshold: still a prospect (the common case, kept free of calls).
      const e = exposure[i] + exposureGain(campaignRate, weight[i], ambient, fit[i]);
      if (e < threshold[i]) {
        exposure[i] = e;
        prospects++;
        prospectWeight += weight[i];
        continue;
      }
      acquire(s, plan, ctx, i, e);
      visits++;
      if (uniform(s.keys.store, i, s.week, 1) < sampleShare) visitors.push(visitor(s, i));
      byStage[stage[i]]++;
      continue;
    }
    weekOfCustomer(s, plan, ctx, i, collect_, serveBase, giftWeek);
    const now = c.stage[i];
    byStage[now]++;
    if (c.lastWeek[i] === s.week) {
      visits++;
      if (uniform(s.keys.store, i, s.week, 1) < sampleShare) visitors.push(visitor(s, i));
    }
    if (now !== Stage.Churned && isPromoter(c.sat[i], c.loyalty[i])) voice += c.womP[i];
  }
  byStage[STAGE_PROSPECT] += prospects;
  byStage[STAGE_CHURNED] += churned;
  closeWeek(s, plan, ctx, t.positiveWom - posBefore, t.negativeWom - negBefore, visits, prospects, prospectWeight, voice, byStage);
  return {
    week: s.week,
    visits,
    acquired: t.acquired - acquiredBefore,
    churned: sum(t.churnByReason) - churnedBefore,
    complaints: t.complaintsFiled - complaintsBefore,
    byStage,
    visitors,
  };
}

/** Store-level updates after the customer pass: what the next week's rates read. */
function closeWeek(
  s: SimState,
  plan: Plan,
  ctx: WeekCtx,
  pos: number,
  neg: number,
  visits: number,
  prospects: number,
  prospectWeight: number,
  voice: number,
  byStage: number[],
): void {
  informationWeek(s, plan);
  reputationWeek(s, ctx, pos, neg);
  const store = s.store;
  store.visitsLastWeek = visits;
  store.prospects = prospects;
  store.prospectWeight = prospectWeight;
  store.promoterVoice = voice;
  store.activeCount = byStage[1] + byStage[2] + byStage[3] + byStage[4];
}

/** One active customer's week: competition, buying, care, complaints, costs, lifecycle — in this order. */
function weekOfCustomer(
  s: SimState,
  plan: Plan,
  ctx: WeekCtx,
  i: number,
  collect_: boolean,
  serveBase: number,
  giftWeek: boolean,
): void {
  const c = s.c;
  competition(s, plan, ctx, i);
  if (c.stage[i] === Stage.Churned) return;
  let bought = false;
  const events = buysThisWeek(s, plan, ctx, i);
  if (events > 0) {
    bought = true;
    purchase(s, plan, ctx, i, false, events);
    if (isPromoter(c.sat[i], c.loyalty[i])) s.tally.positiveWom += 0.3 * c.womP[i];
    if (c.stage[i] === Stage.Churned) return;
    if (collect_) collect(s, plan, i);
  }
  care(s, plan, ctx, i, bought);
  resolveDue(s, plan, i);
  if (!isActive(c.stage[i])) return;
  const serve = serveBase * (1 + 2 * Math.max(0, 0.6 - c.fit[i])) + tierWeekCost(s, plan, i);
  s.tally.costs.service += serve;
  c.contribution[i] -= serve;
  if (giftWeek && plan.levelGiftPack[c.tier[i]] > 0) giftPack(s, plan, i);
  lifecycle(s, i, bought);
}

function sum(a: readonly number[]): number {
  let x = 0;
  for (const v of a) x += v;
  return x;
}

function giftPack(s: SimState, plan: Plan, i: number): void {
  const value = plan.levelGiftPack[s.c.tier[i]];
  s.tally.costs.tierBenefits += value;
  s.c.contribution[i] -= value;
  changeLoyalty(s, i, 0.01 * Math.min(1, value / 20), Cause.gift);
}

function visitor(s: SimState, i: number): Visitor {
  const c = s.c;
  return { id: i, stage: c.stage[i], mood: moodOf(c.sat[i]), complained: c.complaintWeek[i] === s.week };
}
