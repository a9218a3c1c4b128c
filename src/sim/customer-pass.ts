import { acquire, exposureGain } from './acquisition';
import { care } from './care';
import { competition } from './competition';
import { resolveDue } from './complaints';
import { changeLoyalty } from './effects';
import { createLog, type EventLog } from './events';
import { collect, collecting } from './information';
import { lifecycle } from './lifecycle';
import type { Plan } from './plan';
import { buysThisWeek, purchase } from './purchase';
import { prefetch, PREFETCH_RUN } from './prefetch';
import { uniform } from './random';
import { moodOf, isPromoter } from './attitude';
import type { Visitor } from './week-stats';
import type { SimState } from './state';
import { newTally, type Tally } from './tally';
import { Cause, Stage, isActive } from './types';
import type { WeekCtx } from './week-context';
import { DOUBLE_ZERO } from './hot-loop';

// The weekly customer pass, in fixed blocks of customer ids. A customer's week reads only their own state, the
// store's figures and the week's context, never another customer's, so blocks are independent: each block
// keeps its own tally and event log, and the week adds them up in block order. Results are therefore the same
// however the blocks are run — one after another here, or spread over threads by a WeekRunner.

/** Customers per block. Part of the model's arithmetic (sums are taken per block), so changing it changes hashes. */
export const BLOCK_SIZE = 8192;

const VISITOR_SAMPLE = 48;

/** What one block of the weekly pass produced. Plain data, so a block can run on another thread. */
export interface BlockResult {
  tally: Tally;
  /** The block's events, or null when they were written straight into the game's log (see passBlock). */
  log: EventLog | null;
  visits: number;
  prospects: number;
  prospectWeight: number;
  voice: number;
  /** Customers by stage after the week, index = Stage. */
  byStage: number[];
  visitors: Visitor[];
}

/** Runs the blocks of one week's pass and returns their results in block order. */
export interface WeekRunner {
  run(s: SimState, plan: Plan, ctx: WeekCtx, blocks: number): BlockResult[];
}

export function blockCount(n: number): number {
  return Math.ceil(n / BLOCK_SIZE);
}

export const sequentialRunner: WeekRunner = {
  run(s, plan, ctx, blocks) {
    const out: BlockResult[] = [];
    for (let b = 0; b < blocks; b++) out.push(passBlock(s, plan, ctx, b, true));
    return out;
  },
};

const NO_STAGES = new Uint8Array(0);

/**
 * One block of the week: every customer with an id in [b·BLOCK_SIZE, (b+1)·BLOCK_SIZE), in id order.
 * `inPlace`: the blocks before this one have been merged already, so its events can go straight into the game's
 * log, in the order merging would give them; otherwise they are kept in a log of the block's own.
 */
export function passBlock(s: SimState, plan: Plan, ctx: WeekCtx, b: number, inPlace = false): BlockResult {
  const seasonTally = s.tally;
  const seasonLog = s.log;
  const out: BlockResult = {
    tally: newTally(0, NO_STAGES),
    log: inPlace ? null : createLog(256),
    visits: 0,
    prospects: 0,
    // Doubles from the start (hot-loop.ts); summed into the store's figures, which start at +0.
    prospectWeight: DOUBLE_ZERO,
    voice: DOUBLE_ZERO,
    byStage: [0, 0, 0, 0, 0, 0],
    visitors: [],
  };
  // The customer systems write to s.tally and s.log. The tally is always the block's own: sums are taken per block,
  // so the outcome does not depend on how blocks are shared out.
  s.tally = out.tally;
  if (out.log) s.log = out.log;
  try {
    customers(s, plan, ctx, b * BLOCK_SIZE, Math.min(s.n, (b + 1) * BLOCK_SIZE), out);
  } finally {
    s.tally = seasonTally;
    s.log = seasonLog;
  }
  return out;
}

function customers(s: SimState, plan: Plan, ctx: WeekCtx, from: number, to: number, out: BlockResult): void {
  const c = s.c;
  const collect_ = collecting(plan);
  // An unbiased sample of about VISITOR_SAMPLE visitors, sized on last week's traffic.
  const sampleShare = VISITOR_SAMPLE / Math.max(VISITOR_SAMPLE, s.store.visitsLastWeek);
  const byStage = out.byStage;
  const visitors = out.visitors;
  let visits = 0;
  let prospects = 0;
  let prospectWeight = 0;
  let voice = 0;
  const serveBase = plan.serveCost;
  const giftWeek = s.week % 4 === 0;
  // Most of the market are prospects or gone, so their per-week work is inlined on local arrays.
  const stage = c.stage;
  const exposure = c.acqExposure;
  const threshold = c.acqThreshold;
  const fit = c.fit;
  const weight = plan.season.acqWeight;
  const campaignRate = ctx.campaignRate;
  const ambient = ctx.referralRate + ctx.walkInRate;
  let churned = 0;
  for (let run = from; run < to; run += PREFETCH_RUN) {
    const end = Math.min(to, run + PREFETCH_RUN);
    prefetch(c, run, end);
    for (let i = run; i < end; i++) {
      const st = stage[i];
      if (st === Stage.Churned) {
        churned++;
        continue;
      }
      if (st === Stage.Prospect) {
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
      const now = stage[i];
      byStage[now]++;
      if (c.lastWeek[i] === s.week) {
        visits++;
        if (uniform(s.keys.store, i, s.week, 1) < sampleShare) visitors.push(visitor(s, i));
      }
      if (now !== Stage.Churned && isPromoter(c.sat[i], c.loyalty[i])) voice += c.womP[i];
    }
  }
  byStage[Stage.Prospect] += prospects;
  byStage[Stage.Churned] += churned;
  out.visits = visits;
  out.prospects = prospects;
  out.prospectWeight = prospectWeight;
  out.voice = voice;
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
  const serve = serveBase * (1 + 2 * Math.max(0, 0.6 - c.fit[i])) + plan.levelWeekCost[c.tier[i]];
  s.tally.costs.service += serve;
  c.contribution[i] -= serve;
  if (giftWeek && plan.levelGiftPack[c.tier[i]] > 0) giftPack(s, plan, i);
  lifecycle(s, i, bought);
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
