import type { Scenario } from '../scenario/schema';
import type { Plan } from './plan';
import type { SimState } from './state';
import { Stage, isActive } from './types';
import { isPromoter } from './attitude';
import { DOUBLE_ZERO } from './hot-loop';
import { conversion, objectionOf, objectionQualities } from './objections';

// What holds for everyone in one week: scenario events in force, crowding, and the acquisition rates.
// Computed once per week before the customer loop, from counts the previous week's pass left in the store.

export interface WeekCtx {
  w: number;
  /** Week index within the season, 0-based. */
  k: number;
  holiday: number;
  holidayStart: boolean;
  downturn: number;
  supplyIncident: number;
  viral: number;
  competitorEntry: number;
  competitorPromo: number;
  /** The strongest rival in the market's offer (competitor-entry's `offer`): price cut, product quality, service. */
  rivalPrice: number;
  rivalQuality: number;
  rivalService: number;
  /** How far the season's purchases so far exceed staff capacity (0 = not overloaded). */
  overload: number;
  /** Perceived-quality penalty from queues when visits exceed capacity. */
  wait: number;
  campaignRate: number;
  referralRate: number;
  walkInRate: number;
  activeCount: number;
}

/** No effect this week, as a double from the start (hot-loop.ts); the state keeps only max(0, …) of the rival's strengths (season.ts). */
const NONE = DOUBLE_ZERO;

export function weekContext(s: SimState, plan: Plan, k: number): WeekCtx {
  const w = s.week;
  let holiday = NONE;
  let holidayStart = false;
  let downturn = NONE;
  let supplyIncident = NONE;
  let viral = NONE;
  let competitorEntry = NONE;
  let competitorPromo = NONE;
  let rival: Scenario['events'][number] | null = null;
  for (const e of s.scenario.events) {
    if (!eventOn(e, w)) continue;
    if (e.kind === 'holiday') {
      holiday = Math.max(holiday, e.strength);
      if (w === e.week - 1) holidayStart = true;
    } else if (e.kind === 'downturn') downturn = Math.max(downturn, e.strength);
    else if (e.kind === 'supply-incident') supplyIncident = Math.max(supplyIncident, e.strength);
    else if (e.kind === 'viral-review') viral = Math.max(viral, e.strength);
    else if (e.kind === 'competitor-entry') {
      if (e.strength > competitorEntry) rival = e;
      competitorEntry = Math.max(competitorEntry, e.strength);
    }
    else competitorPromo = Math.max(competitorPromo, e.strength);
  }
  const offer = rivalOffer(s.scenario, rival);
  const load = s.store.visitsLastWeek / plan.capacity;
  const rates = acquisitionRates(s, plan, viral, downturn);
  // Built in one piece, every field final: a field written again after the object is made would no longer count
  // as fixed for the engine, which then discards the optimised code that relied on it.
  return {
    w,
    k,
    holiday,
    holidayStart,
    downturn,
    supplyIncident,
    viral,
    competitorEntry,
    competitorPromo,
    rivalPrice: offer.price + NONE,
    rivalQuality: offer.quality + NONE,
    rivalService: offer.service + NONE,
    // Staff overload from the weeks already played this season (fixed for the week, so every customer's complaint
    // meets the same staff whatever order the customers are processed in).
    overload: k > 0 ? Math.max(0, s.tally.purchases / k / plan.capacity - 1) : 0,
    wait: load > 1 ? Math.min(0.3, 0.3 * (load - 1)) : NONE,
    campaignRate: rates.campaign,
    referralRate: rates.referral,
    walkInRate: rates.walkIn,
    activeCount: s.store.activeCount,
  };
}

/**
 * Prospect weight for the campaign: reach through the channel, targeting, price and screening, times the share
 * of those reached who buy (conversion). MAN screening checks each lead on all three: Need (fit), Money (can
 * afford the store) and Authority (decides alone); the campaign passes over most leads that fail one. A lead
 * who cannot afford the store or must ask someone else is reached at full cost but seldom converts, and how the
 * staff answer the lead's objection (objections.ts) converts more or fewer of the rest. The campaign's weight of a
 * prospect is reach × conversion.
 */
/** How well the campaign's channel reaches this prospect: fully on their own channel, a little over 1/3 otherwise. */
function channelReach(s: SimState, plan: Plan, i: number): number {
  return s.c.acqChannel[i] === plan.acqChannel ? 1 : 0.35;
}

function campaignReach(s: SimState, plan: Plan, i: number): number {
  const c = s.c;
  if (plan.acqTarget >= 0 && c.segment[i] !== plan.acqTarget) return 0;
  let wgt = channelReach(s, plan, i);
  wgt *= 1 + 3 * plan.d.pricing.discount * c.priceSens[i];
  if (plan.d.acquisition.screening) {
    const seg = s.scenario.segments[c.segment[i]];
    if (c.fit[i] < 0.6) wgt *= 0.25;
    if (seg.money < 0.5) wgt *= 0.25;
    if (seg.authority < 0.5) wgt *= 0.25;
  }
  return wgt;
}

function leadConversion(s: SimState, plan: Plan, i: number): number {
  const seg = s.scenario.segments[s.c.segment[i]];
  return (0.4 + 0.6 * seg.money) * (0.3 + 0.7 * seg.authority) * conversion(plan.season.objectionQuality[objectionOf(s, i)]);
}

/** Season start: every prospect's campaign weight under this season's plan, and the counts the rates need. */
export function prepareSeason(s: SimState, plan: Plan): void {
  const c = s.c;
  plan.season.objectionQuality = objectionQualities(plan.d.acquisition.objections, s.store.staffSkill);
  const weights = new Float64Array(s.n);
  let prospects = 0;
  let weightSum = 0;
  let reachSum = 0;
  let targeted = 0;
  let channelSum = 0;
  let voice = 0;
  let active = 0;
  for (let i = 0; i < s.n; i++) {
    const st = c.stage[i];
    if (st === Stage.Prospect) {
      const reach = campaignReach(s, plan, i);
      weights[i] = reach * leadConversion(s, plan, i);
      weightSum += weights[i];
      reachSum += reach;
      if (plan.acqTarget < 0 || c.segment[i] === plan.acqTarget) {
        targeted++;
        channelSum += channelReach(s, plan, i);
      }
      prospects++;
    } else if (isActive(st)) {
      active++;
      if (isPromoter(c.sat[i], c.loyalty[i])) voice += c.womP[i];
    }
  }
  plan.season.acqWeight = weights;
  // The campaign's money buys reach; what share of it converts is fixed for the season from the leads it has.
  plan.season.convertShare = reachSum > 0 ? weightSum / reachSum : 0;
  // A channel buys contacts at its price, but only those of the targeted people it reaches count: a cheap channel
  // the target group is not on buys mostly people who never see the offer.
  plan.season.channelShare = targeted > 0 ? channelSum / targeted : 0;
  s.store.prospects = prospects;
  s.store.prospectWeight = weightSum;
  s.store.promoterVoice = voice;
  s.store.activeCount = active;
}

/** Whether a scenario event is in force in week `w` (0-based): a competitor that entered stays; others last their weeks. */
export function eventOn(e: Scenario['events'][number], w: number): boolean {
  const start = e.week - 1;
  return e.kind === 'competitor-entry' ? w >= start : w >= start && w < start + e.weeks;
}

/** A rival's offer as a whole, the scenario's defaults filled in: 5% cheaper, the store's product, middling service. */
export function rivalOffer(scenario: Scenario, e: Scenario['events'][number] | null): { price: number; quality: number; service: number } {
  return { price: e?.offer?.price ?? 0.05, quality: e?.offer?.quality ?? scenario.store.productQuality, service: e?.offer?.service ?? 0.5 };
}

/** Arrival rates per prospect weight, reused: computed once a week. */
const rates = { campaign: NONE, referral: NONE, walkIn: NONE };

function acquisitionRates(s: SimState, plan: Plan, viral: number, downturn: number): typeof rates {
  const d = plan.d;
  const st = s.store;
  const rep = 0.5 + st.reputation;
  rates.campaign = NONE;
  if (d.acquisition.budget > 0 && st.prospectWeight > 0) {
    // Diminishing returns: a channel saturates as it approaches 2% of the targeted prospects a week.
    const bought = (d.acquisition.budget / plan.weeks / plan.acqCpa) * plan.season.channelShare;
    const ceiling = 0.02 * st.prospectWeight;
    // Bolder claims make more of the people reached respond, saturated channel or not (and raise what they
    // expect, acquisition.ts).
    const expected = ((bought * ceiling) / (bought + ceiling)) * (1 + 0.8 * d.acquisition.claim);
    rates.campaign = (expected * rep * plan.season.convertShare) / st.prospectWeight;
  }
  const referralPull = 0.01 * (1 + d.acquisition.referralReward / 20) * (1 + viral);
  rates.referral = st.prospects > 0 ? (st.promoterVoice * referralPull) / st.prospects : NONE;
  rates.walkIn = s.scenario.population.walkInRate * rep * (1 + viral) * (1 - 0.5 * downturn);
  return rates;
}
