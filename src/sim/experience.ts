import { exp } from './detmath';
import { changeSat, churn } from './effects';
import type { Plan } from './plan';
import { fileComplaint } from './complaints';
import { uniform } from './random';
import type { SimState } from './state';
import { Flag } from './state';
import { Cause, ChurnReason } from './types';
import type { WeekCtx } from './week-context';
import { DOUBLE_ZERO } from './hot-loop';

// Expectation–disconfirmation (Oliver 1980) with the asymmetry of Anderson & Sullivan (1993): a shortfall
// moves satisfaction twice as far as the same surplus, and highly satisfied customers move less. Perceived
// quality follows the ACSI chain: product quality, the service level of the customer's tier, staff skill and
// morale (internal customers), queues, incidents and respect.

export interface Perception {
  quality: number;
  wait: number;
  incident: number;
  disrespect: number;
}

/** The reused result of `perceive`, which runs for every purchase (hot-loop.ts). */
const scratch: Perception = { quality: DOUBLE_ZERO, wait: DOUBLE_ZERO, incident: DOUBLE_ZERO, disrespect: DOUBLE_ZERO };

export function perceive(s: SimState, plan: Plan, ctx: WeekCtx, i: number, out: Perception = scratch): Perception {
  const c = s.c;
  const st = s.store;
  const tier = c.tier[i];
  let service = plan.levelService[tier];
  // Priority is going first: worth as much as the share of customers who do not have it.
  const edge = plan.levelPriority[tier] ? plan.season.priorityEdge : 0;
  service += 0.1 * edge;
  if (plan.levelManager[tier]) service += 0.15;
  const staff = st.staffSkill * (0.8 + 0.4 * st.staffSat);
  const wait = ctx.wait * (1 - edge);
  const incident = 0.2 * ctx.supplyIncident;
  const floor = s.scenario.fairnessFloor;
  // Served below the fair minimum, or a member served worse than a walk-in, a customer feels slighted.
  const own = plan.levelService[tier];
  const disrespect = (own < floor ? 0.1 + (floor - own) : 0) + (tier > 0 && own < plan.levelService[0] ? plan.levelService[0] - own : 0);
  const u = uniform(s.keys.experience, i, s.week, 0) + uniform(s.keys.experience, i, s.week, 1) - 1;
  // 门当户对: a store that does not offer what the customer looks for disappoints them however well it serves.
  const misfit = c.fit[i] < 0.7 ? 0.3 * (0.7 - c.fit[i]) : 0;
  // 顾客感知价值: what the customer gets against what they give (Zeithaml 1988; perceived value drives satisfaction in
  // the ACSI model, Fornell et al. 1996). A member price is a saving the member sees against the price others pay,
  // more to the price-sensitive, with sharply diminishing returns: the first few per cent are noticed, a deep cut
  // adds little more than a moderate one while it gives away the margin on every basket. Customers take the price
  // they and those around them pay as their reference (Kalwani & Yim 1992): a blanket discount, or a member price
  // everyone gets, is simply the price, and buys visits, not satisfaction — the saving is worth the share of
  // customers who pay more.
  const cut = plan.levelDiscount[tier];
  const value = cut > 0 ? 0.1 * c.priceSens[i] * (1 - exp(-cut / 0.04)) * plan.season.priceEdge[tier] : 0;
  out.quality =
    0.5 * s.scenario.store.productQuality + 0.3 * service + 0.2 * staff + 0.08 + value - wait - incident - disrespect - misfit + 0.16 * u;
  out.wait = wait;
  out.incident = incident;
  out.disrespect = disrespect;
  return out;
}

export function experience(s: SimState, plan: Plan, ctx: WeekCtx, i: number): void {
  const c = s.c;
  const p = perceive(s, plan, ctx, i);
  s.tally.qualitySum += p.quality;
  s.tally.qualityCount++;
  const gap = p.quality - c.expect[i];
  const target = 0.55 + (gap >= 0 ? 1.5 * gap : 3 * gap);
  const k = 0.35 * (1 - 0.5 * c.sat[i]);
  const before = c.sat[i];
  const cause = dominantCause(s, i, gap, p);
  changeSat(s, i, k * (target - before), cause);
  if (gap >= -0.12) return;
  serviceFailure(s, plan, i, -gap, before, cause);
  if (p.disrespect > 0) s.tally.negativeWom += 0.3 * c.womP[i];
}

function dominantCause(s: SimState, i: number, gap: number, p: Perception): number {
  if (gap >= 0.05) return Cause['exceeded-expectation'];
  if (gap > -0.05) return Cause['met-expectation'];
  const overPromise = s.c.expect[i] - s.c.expectBase[i];
  let best = Cause['quality-shortfall'];
  let size = 0.04;
  if (p.wait > size) [best, size] = [Cause.waiting, p.wait];
  if (p.incident > size) [best, size] = [Cause['supply-incident'], p.incident];
  if (p.disrespect > size) [best, size] = [Cause.disrespect, p.disrespect];
  if (overPromise > size) best = Cause['over-promise'];
  return best;
}

/** Share of disappointed customers who do not complain to the store but post a bad review. */
export const REVIEWERS = 0.15;

/** Most dissatisfied customers do not complain (TARP); they leave or tell others. */
function serviceFailure(s: SimState, plan: Plan, i: number, shortfall: number, satBefore: number, cause: number): void {
  const c = s.c;
  const fitFactor = 1 + Math.max(0, 0.6 - c.fit[i]);
  let pComplain = c.complainP[i] * Math.min(1, 0.3 + 2 * shortfall) * fitFactor;
  // After-sale follow-up asks how it went, turning silent disappointment into a complaint the store can fix.
  if (plan.d.care.afterSale && !(c.flags[i] & Flag.OptedOut)) pComplain = pComplain + (1 - pComplain) * 0.4;
  // Some of the silent post a bad review instead; a store that answers reviews in public turns those into
  // complaints it can put right.
  if (plan.d.complaints.publicReply) pComplain = pComplain + (1 - pComplain) * REVIEWERS;
  if (uniform(s.keys.complaint, i, s.week, 0) < pComplain) {
    fileComplaint(s, plan, i, satBefore, shortfall, cause);
    return;
  }
  const t = s.tally;
  t.silentFailures++;
  t.negativeWom += c.womP[i];
  const pLeave = Math.min(0.5, 0.6 * shortfall) * (1 - 0.5 * c.loyalty[i]);
  if (uniform(s.keys.complaint, i, s.week, 1) < pLeave) churn(s, i, ChurnReason.Own, Cause['silent-failure']);
}
