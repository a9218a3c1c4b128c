import { setStage } from './effects';
import { objectionOf } from './objections';
import type { Plan } from './plan';
import { purchase } from './purchase';
import { uniform } from './random';
import type { SimState } from './state';
import { Flag } from './state';

/** A blanket discount at least this deep marks the customers it brings in as deal-won. */
export const DEAL_DISCOUNT = 0.1;
import { Cause, Stage } from './types';
import type { WeekCtx } from './week-context';

// 客户开发: prospects become customers through the campaign (push), referrals by promoters (老带新), or on
// their own (pull by reputation). Each prospect accumulates exposure; they try the store when it passes their
// own fixed threshold. Who exists never changes, and more exposure only ever brings a prospect sooner.

/** The weekly exposure a prospect gains: campaign reach plus word of mouth and walk-in pull, scaled by fit. */
export function exposureGain(campaignRate: number, weight: number, ambient: number, fit: number): number {
  return campaignRate * weight + ambient * (0.5 + fit);
}

/** A prospect whose accumulated exposure passed their threshold this week becomes a customer. */
export function acquire(s: SimState, plan: Plan, ctx: WeekCtx, i: number, exposure: number): void {
  const c = s.c;
  c.acqExposure[i] = exposure;
  const fitPull = 0.5 + c.fit[i];
  const campaign = ctx.campaignRate * plan.season.acqWeight[i];
  const referral = ctx.referralRate * fitPull;
  const walkIn = ctx.walkInRate * fitPull;
  // Credit the arrival to a source in proportion to this week's pulls.
  const u = uniform(s.keys.acquire, i, s.week, 0) * (campaign + referral + walkIn);
  const cause = u < campaign ? Cause.acquisition : u < campaign + referral ? Cause.referral : Cause['walk-in'];

  const a = plan.d.acquisition;
  const t = s.tally;
  t.acquired++;
  if (cause === Cause.acquisition) t.acquiredBy.campaign++;
  else if (cause === Cause.referral) {
    t.acquiredBy.referral++;
    t.costs.referral += a.referralReward;
  } else t.acquiredBy.walkIn++;

  // Advertising claims seen during the campaign raise what newcomers expect (expectation management).
  const claimed = a.budget > 0 ? 0.25 * a.claim : 0;
  c.expect[i] = c.expectBase[i] + claimed;
  c.firstWeek[i] = s.week;
  // A prospect the campaign won by hearing out and answering their objection starts a little more content; one
  // pressed into buying starts with buyer's remorse (objections.ts). Walk-ins and referrals came of their own accord.
  c.sat[i] = cause === Cause.acquisition ? 0.55 + 0.1 * (plan.season.objectionQuality[objectionOf(s, i)] - 0.5) : 0.55;
  c.loyalty[i] = 0.1;
  // Customers who first came during a deep blanket discount came for the deal (Lewis 2006): competition.ts.
  if (plan.d.pricing.discount >= DEAL_DISCOUNT) c.flags[i] |= Flag.DealWon;
  if (cause === Cause.acquisition) c.flags[i] |= Flag.CampaignWon;
  setStage(s, i, Stage.Exploration, cause);
  purchase(s, plan, ctx, i, true);
}
