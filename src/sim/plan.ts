import { Decisions } from '../scenario/decisions';
import type { Scenario } from '../scenario/schema';
import { ACQ_CHANNELS, CONTACT_CHANNELS } from '../scenario/schema';
import { basicVisitCost, visitServiceCost } from './service-cost';
import { DOUBLE_ZERO } from './hot-loop';

// A season's decisions resolved against the scenario into the plain numbers the weekly tick reads.

export interface Plan {
  d: Decisions;
  weeks: number;
  /** Level 0 is "ordinary" (reached no level); levels 1..k follow the player's design in threshold order. */
  thresholds: Float64Array;
  levelService: Float64Array;
  levelDiscount: Float64Array;
  /** Share off the list price a member of each level pays: the blanket discount and the member price combined. */
  levelPriceCut: Float64Array;
  levelBirthdayGift: boolean[];
  levelGiftPack: Float64Array;
  levelPriority: boolean[];
  levelManager: boolean[];
  /** Whether a level gives its members anything the ordinary customer does not get (price, service, gifts, care). */
  levelPerks: boolean[];
  /** Per segment: whether the hand-over rule sends this group's complaints to a person (complaints.ts). */
  handOverSegment: boolean[];
  /** Cost of serving one visit at each level's service level, above the basic service (tiers.ts). */
  levelVisitCost: Float64Array;
  /** Weekly cost of each level's service resources and benefits per member (tiers.ts). */
  levelWeekCost: Float64Array;
  acqChannel: number;
  acqTarget: number;
  acqCpa: number;
  contactChannel: number;
  contactCost: number;
  capacity: number;
  /** Yuan per active customer-week at the basic service level, before ill-fit costs. */
  serveCost: number;
  /** What the season works out as it goes; everything above is fixed once the decisions are resolved. */
  season: SeasonScratch;
}

/**
 * The season's scratch, apart from the plan resolved from the decisions (which nothing changes after resolvePlan):
 * set by the season's preparation (targeting.ts, tiers.ts, week-context.ts) and week by week by the season's loop.
 */
export interface SeasonScratch {
  /** Campaign weight of each prospect under this plan (set at season start). */
  acqWeight: Float64Array;
  /**
   * Reach lists of the targeted actions, 1 per customer the action may touch (set at season start from the
   * store's segments, targeting.ts); empty when the action is untargeted.
   */
  careReach: Uint8Array;
  offerReach: Uint8Array;
  winBackReach: Uint8Array;
  /**
   * What priority is worth this season: 1 − the share of active customers who hold it (set at season start,
   * tiers.ts). Priority means going first; when everyone has it, nobody does.
   */
  priorityEdge: number;
  /**
   * What each level's member price is worth as a saving this season: the share of active customers who pay more
   * (set at season start, tiers.ts). A member price is a saving against the price others pay; when everyone pays
   * it, it is the price.
   */
  priceEdge: Float64Array;
  /** How far the season's purchases so far exceed staff capacity (0 = not overloaded); set each week. */
  overload: number;
  /** How well the staff answer each objection this season, ObjectionKind order (set at season start). */
  objectionQuality: Float64Array;
  /** Share of the campaign's reach that converts, this season's leads weighed (set at season start). */
  convertShare: number;
  /** Mean reach of the campaign's channel over the targeted prospects, 0.35–1 (set at season start). */
  channelShare: number;
}

export function resolvePlan(scenario: Scenario, given: Decisions): Plan {
  // Re-parsed so every season's decisions have one object shape whatever built them: the weekly loop reads
  // them for every customer, and an engine's optimised code is specialised to one shape.
  const d = Decisions.parse(given);
  const levels = [...d.tiers.levels].sort((a, b) => a.threshold - b.threshold);
  const base = d.tiers.baseService;
  const ch = d.acquisition.channel;
  const target = d.acquisition.target === 'all' ? -1 : scenario.segments.findIndex((g) => g.id === d.acquisition.target);
  // Field by field, as the game's state is (state.ts): a literal made once a season would take a prototype copy
  // from the second season on, and the engine would discard the optimised code that read the first season's plan.
  const plan = {} as Plan;
  plan.d = d;
  plan.weeks = scenario.weeksPerSeason;
  plan.thresholds = Float64Array.from([0, ...levels.map((l) => l.threshold)]);
  plan.levelService = Float64Array.from([base, ...levels.map((l) => l.service)]);
  plan.levelDiscount = Float64Array.from([0, ...levels.map((l) => l.discount)]);
  plan.levelBirthdayGift = [false, ...levels.map((l) => l.birthdayGift)];
  plan.levelGiftPack = Float64Array.from([0, ...levels.map((l) => l.giftPack)]);
  plan.levelPriority = [false, ...levels.map((l) => l.priority)];
  plan.levelManager = [false, ...levels.map((l) => l.manager)];
  plan.levelPriceCut = plan.levelDiscount.map((m) => 1 - (1 - d.pricing.discount) * (1 - m));
  plan.acqChannel = ACQ_CHANNELS.indexOf(ch);
  plan.acqTarget = target;
  plan.acqCpa = scenario.costs.acquisition[ch];
  plan.contactChannel = CONTACT_CHANNELS.indexOf(d.care.channel);
  plan.contactCost = scenario.costs.contact[d.care.channel];
  plan.capacity = scenario.store.capacityPerWeek * (1 + 0.25 * d.staff.extraStaff);
  plan.serveCost = scenario.store.serveCost;
  plan.handOverSegment = scenario.segments.map((g) => d.complaints.handOverSegments.includes(g.id));
  plan.levelPerks = Array.from(plan.levelService, (_, t) => t > 0 && levelGives(plan, t));
  const visit = basicVisitCost(scenario);
  plan.levelVisitCost = plan.levelService.map((service) => visitServiceCost(visit, service));
  plan.levelWeekCost = plan.levelService.map((_, t) => levelWeekCost(scenario, plan, t));
  plan.season = {
    acqWeight: new Float64Array(0),
    careReach: new Uint8Array(0),
    offerReach: new Uint8Array(0),
    winBackReach: new Uint8Array(0),
    // Doubles from the start (hot-loop.ts).
    priorityEdge: DOUBLE_ZERO,
    priceEdge: new Float64Array(0),
    overload: DOUBLE_ZERO,
    objectionQuality: new Float64Array(0),
    convertShare: DOUBLE_ZERO,
    channelShare: DOUBLE_ZERO,
  };
  return plan;
}

/** Tier index (0 = ordinary) for a growth value. */
export function tierFor(plan: Plan, growth: number): number {
  let t = 0;
  for (let k = 1; k < plan.thresholds.length; k++) if (growth >= plan.thresholds[k]) t = k;
  return t;
}

/**
 * Weekly cost of level t's fixed benefits for one member (priority lane, personal manager), kept in the plan
 * (Plan.levelWeekCost). Service itself is paid per visit (visitServiceCost).
 */
export function levelWeekCost(scenario: Scenario, plan: Plan, t: number): number {
  const costs = scenario.costs;
  let cost = 0;
  if (plan.levelPriority[t]) cost += costs.priorityWeek;
  if (plan.levelManager[t]) cost += costs.managerWeek;
  return cost;
}

/** Whether level t gives its members anything beyond what ordinary customers get. */
export function levelGives(plan: Plan, t: number): boolean {
  return (
    plan.levelDiscount[t] > 0 ||
    plan.levelService[t] > plan.levelService[0] ||
    // A birthday gift is a benefit only when birthday greetings go out to carry it (care.ts).
    (plan.levelBirthdayGift[t] && plan.d.care.birthday) ||
    plan.levelGiftPack[t] > 0 ||
    plan.levelPriority[t] ||
    plan.levelManager[t]
  );
}
