import { Decisions, type DecisionsInput } from '../scenario/decisions';
import type { Scenario } from '../scenario/schema';
import { LEVER_AREAS } from '../scenario/schema';
import { isOpen } from '../scenario/areas';
import { adequateSecurity, courseScript, plannedSpend, basicVisitCost, pushyScript, SURVEY_REACH, type SeasonReport } from '../sim';

// Scripted strategies: the passive baseline, the course's advice applied with judgement, and the degenerate
// shortcuts the course warns against. The tournament plays them against each other; the CLI and benchmark
// use them as ready-made decision makers.

export interface Bot {
  name: string;
  /** One line on what this strategy does, for --list-bots and the tournament table. */
  about: string;
  decide(scenario: Scenario, season: number, history: readonly SeasonReport[]): Decisions;
}

type Segment = Scenario['segments'][number];

/** Segment whose wants best match the store's positioning: the 门当户对 target. */
export function bestFitSegment(scenario: Scenario): Segment {
  let best = scenario.segments[0];
  for (const g of scenario.segments) {
    if (Math.abs(g.positioning - scenario.store.positioning) < Math.abs(best.positioning - scenario.store.positioning)) best = g;
  }
  return best;
}

/** Segment whose wants lie furthest from the store's positioning: the ill-fitting target. */
export function worstFitSegment(scenario: Scenario): Segment {
  let worst = scenario.segments[0];
  for (const g of scenario.segments) {
    if (Math.abs(g.positioning - scenario.store.positioning) > Math.abs(worst.positioning - scenario.store.positioning)) worst = g;
  }
  return worst;
}

/** A segment's mean spend per purchase: the Gamma-Gamma mean p·γ/(q−1). */
const basketOf = (g: Segment): number => (g.spend.p * g.spend.gamma) / (g.spend.q - 1);

/** The market's mean of a segment figure, weighted by segment share. */
function shareWeighted(scenario: Scenario, figure: (g: Segment) => number): number {
  let shares = 0;
  let sum = 0;
  for (const g of scenario.segments) {
    shares += g.share;
    sum += g.share * figure(g);
  }
  return sum / shares;
}

/** What an average customer spends in one season: Σ share · E[λ] · E[spend] · weeks (BG/NBD and Gamma-Gamma means). */
export function averageSeasonSpend(scenario: Scenario): number {
  return shareWeighted(scenario, (g) => (g.purchase.r / g.purchase.alpha) * basketOf(g)) * scenario.weeksPerSeason;
}

/** What an average purchase costs. */
export function averageBasket(scenario: Scenario): number {
  return shareWeighted(scenario, basketOf);
}

/** Parses the input, drops areas the scenario does not offer, and spends what budget is left on acquisition. */
export function finish(scenario: Scenario, input: DecisionsInput, acquisitionShareOfRest = 1): Decisions {
  const d = Decisions.parse(input);
  const neutral = Decisions.parse({});
  for (const area of LEVER_AREAS) {
    if (!scenario.levers.includes(area)) (d as Record<string, unknown>)[area] = neutral[area as keyof Decisions];
  }
  const fixed = plannedSpend(scenario, { ...d, acquisition: { ...d.acquisition, budget: 0 } }).total;
  const rest = Math.max(0, scenario.budgetPerSeason - fixed);
  if (scenario.levers.includes('acquisition')) {
    d.acquisition.budget = Math.min(d.acquisition.budget || rest * acquisitionShareOfRest, rest);
  }
  if (fixed > scenario.budgetPerSeason) {
    // Scale the adjustable spending (training, win-back, the survey) down until the plan fits the budget, rather
    // than hand the engine a plan its rules refuse; the rest (the AI assistant, say, and the security the law asks
    // for what the plan collects) stays.
    const full = { training: d.staff.training, winBack: d.retention.winBackBudget, sample: d.survey.sample };
    const scale = (k: number): number => {
      d.staff.training = full.training * k;
      d.retention.winBackBudget = full.winBack * k;
      d.survey.sample = Math.floor(full.sample * k);
      return plannedSpend(scenario, d).total;
    };
    let fits = 0;
    let over = 1;
    for (let step = 0; step < 40; step++) {
      const k = (fits + over) / 2;
      if (scale(k) <= scenario.budgetPerSeason) fits = k;
      else over = k;
    }
    if (scale(fits) > scenario.budgetPerSeason) throw new Error(`${scenario.id}: the plan's fixed spending alone exceeds the budget`);
  }
  return d;
}

/**
 * The service level whose extra cost per visit (tiers.ts) is `share` of a usual visit's margin, within 0.55–0.8
 * and to the hundredth: how good basic service a store's margin carries.
 */
function serviceWithin(scenario: Scenario, share: number): number {
  const extra = (share * averageBasket(scenario) * scenario.store.margin) / ((4 / 15) * basicVisitCost(scenario));
  const level = Math.pow(1 + extra, 0.25) / 2;
  return Math.round(100 * Math.min(0.8, Math.max(0.55, level))) / 100;
}

/**
 * Whether a rival opens that undercuts the store by more than a tenth: then the store competes on the rest of its
 * offer (被吸引 weighs the whole offer, competition.ts), serving a step better than its margin alone would carry.
 */
function facesDiscountRival(scenario: Scenario): boolean {
  return scenario.events.some((e) => e.kind === 'competitor-entry' && (e.offer?.price ?? 0) > 0.1);
}

/** Points (one per 10 yuan) that five average baskets earn, at least 20. */
const rewardMark = (scenario: Scenario): number => Math.max(20, Math.round((5 * averageBasket(scenario)) / 10));

/**
 * Weighing each source of customer information against what the store earns (unit 4): as many collecting activities
 * as keep their cost within a tenth of the season's margin on the customers the store starts with — all four where
 * baskets are large, two in a small-basket shop, where four would cost more than the profiles earn back. Which two
 * follows the store: where baskets are small and visits frequent, check-ins and votes (each visit engages the
 * customer, and they learn preferences on the way); where baskets are large, the birthday and the profile (a
 * birthday greeting and a recommendation are worth more on a large basket).
 */
function collectingSources(scenario: Scenario): { birthdayRegistration: boolean; profileSurvey: boolean; checkIn: boolean; votes: boolean } {
  const customers = scenario.population.size * scenario.population.initialCustomers;
  const margin = customers * averageSeasonSpend(scenario) * scenario.store.margin;
  const perActivity = scenario.costs.infoActivityWeek * scenario.weeksPerSeason;
  const n = perActivity > 0 ? Math.floor((0.1 * margin) / perActivity) : 4;
  const engagementFirst = averageBasket(scenario) < SMALL_BASKET;
  const [first, second] = engagementFirst ? [n >= 1, n >= 2] : [n >= 3, n >= 4];
  const [third, fourth] = engagementFirst ? [n >= 3, n >= 4] : [n >= 1, n >= 2];
  return { checkIn: first, votes: second, birthdayRegistration: third, profileSurvey: fourth };
}

/** Information collected with the security spending the law asks for it, to the next ten yuan. */
function withSecurity(scenario: Scenario, info: Decisions['information']): Decisions['information'] {
  return { ...info, securitySpend: 10 * Math.ceil(adequateSecurity(scenario, info) / 10) };
}

/**
 * Routine contacts as often as the customers welcome them (适度关怀): monthly, and every three weeks or so where the
 * customers, weighted by their share, tolerate at least two and a half contacts in four weeks.
 */
function contactsPerMonth(scenario: Scenario): number {
  const tolerance = scenario.segments.reduce((a, seg) => a + seg.share * seg.contactTolerance, 0);
  return tolerance >= 2.5 ? 1.5 : 1;
}

/**
 * The share of what the season's budget leaves that the textbook puts into its campaign: most of it at the start,
 * less as the end nears, since a customer won has only the seasons left (and next year's residual) to repay the
 * campaign (CLV) — 0.8 times the share of the game still to play.
 */
function campaignShare(scenario: Scenario, season: number): number {
  return (0.8 * (scenario.seasons - season)) / scenario.seasons;
}

/** An average basket below this many yuan makes a small-basket shop (bubble tea, a juice bar). */
const SMALL_BASKET = 50;

// The textbook plan uses judgement about the store: member prices and points only where the margin can carry
// them, fixed programmes sized against the budget, and information collected with consent all along, since new
// customers keep arriving with empty profiles.
const textbookInput = (scenario: Scenario, season = 0): DecisionsInput => {
  const b = scenario.budgetPerSeason;
  const margin = scenario.store.margin;
  const carries = margin >= 0.35;
  const memberPrice = (d: number) => (carries ? d : 0);
  // Level thresholds on the growth value an average customer builds in a season: one season's spend for the first
  // level, three for the second, so the levels sort the base the same way whatever a purchase costs. Basic service
  // as good as the margin carries (its extra cost a tenth of a visit's margin, well above the fairness floor);
  // service is dear at the top (paid per visit, steeply by level), so the levels add a little more where the value
  // is, and small member prices: the first few per cent are what a customer notices (experience.ts).
  const season1 = averageSeasonSpend(scenario);
  const [t1, t2] = [Math.round(season1), Math.round(3 * season1)];
  const base = serviceWithin(scenario, 0.1) + (facesDiscountRival(scenario) ? 0.1 : 0);
  // A targeted campaign runs on the channel that reaches its segment.
  const target = bestFitSegment(scenario);
  return {
    // Objections answered the course's way (LSCPA, objections.ts): more of those the campaign reaches buy.
    acquisition: { channel: target.acquisitionChannel, target: target.id, claim: 0, screening: true, referralReward: 5, objections: courseScript() },
    tiers: {
      baseService: base,
      yearlyDecay: 100,
      levels: [
        // Everyone who registers is a member (注册会员), with a birthday gift; member prices and better service are
        // earned in the levels above (a member price everyone gets is just the price, experience.ts).
        { threshold: 0, service: base, birthdayGift: true },
        { threshold: t1, discount: memberPrice(0.02), service: base + 0.05, birthdayGift: true },
        { threshold: t2, discount: memberPrice(0.04), service: base + 0.1, birthdayGift: true, priority: true },
      ],
    },
    // No points programme: points are booked at face value as they are issued, and in these markets a programme
    // rich enough to move buying costs about what it brings back (the points bot plays one).
    // Care as often as the customers welcome it, birthdays, follow-up after a purchase and recommendations; no
    // holiday blast to everyone on top, which pushes the least tolerant past what they accept.
    care: { contactsPerMonth: contactsPerMonth(scenario), channel: 'app', birthday: true, holiday: false, afterSale: true, recommendations: true },
    // Compensation of half a usual basket: most of what compensation can do (complaints.ts); staff trained to fix
    // things on the spot, with the authority what goes wrong calls for: over a cup of tea in a small-basket shop,
    // half the training in using it (two staff-weeks of wages a season at full authority) is enough.
    complaints: {
      responseDays: 2,
      empowerment: averageBasket(scenario) < SMALL_BASKET ? 0.5 : 1,
      compensation: Math.round(0.5 * averageBasket(scenario)),
      scriptTraining: true,
      aiAssistant: false,
    },
    // Win-back tiered by value: only lost customers who bought often (保持客户), those who left over service first.
    retention: {
      winBackBudget: 0.05 * b,
      winBackTarget: 'service',
      winBackAudience: { groups: ['keep'] },
      letGoUnprofitable: true,
    },
    // The sources the store's margin carries (collectingSources), with explicit consent and the security the law asks
    // for the data they collect (security.ts), to the next ten yuan.
    information: withSecurity(scenario, { ...collectingSources(scenario), consent: 'explicit', securitySpend: 0 }),
    // Three staff-weeks of wages: what a team can take in a season (staff.ts); more would be money without gain.
    staff: { training: 3 * scenario.costs.staffWeek },
    // Measure, then act: a survey answered by as many as will answer (about three in ten of the customers the store
    // starts with; survey.ts) every season but the last, whose answers would come too late to act on, and a call
    // to each detractor it finds.
    survey: {
      sample: season < scenario.seasons - 1 ? Math.round(SURVEY_REACH * scenario.population.size * scenario.population.initialCustomers) : 0,
      followUp: true,
    },
  };
};

const BASE_BOTS: readonly Bot[] = [
  { name: 'passive', about: 'changes nothing: the baseline', decide: () => Decisions.parse({}) },
  {
    name: 'textbook',
    about: 'the course applied with judgement: targeted acquisition, fair tiers, moderate care, fast empowered service',
    decide: (sc, k) => finish(sc, textbookInput(sc, k), campaignShare(sc, k)),
  },
  {
    name: 'discount-all',
    about: 'deep discounts for everyone, nothing else',
    decide: (sc) => finish(sc, { pricing: { discount: 0.3 }, acquisition: { channel: 'search' } }, 0.5),
  },
  {
    name: 'spam',
    about: 'contacts every customer constantly',
    decide: (sc) =>
      finish(sc, { care: { contactsPerMonth: 12, channel: 'sms', holiday: true, afterSale: true } }, 0.5),
  },
  {
    name: 'ignore-complaints',
    about: 'slow, powerless complaint handling',
    decide: (sc, k) =>
      finish(sc, { ...textbookInput(sc, k), complaints: { responseDays: 45, empowerment: 0, compensation: 0 } }, campaignShare(sc, k)),
  },
  {
    name: 'all-acquisition',
    about: 'spends the whole budget on acquisition with bold claims, everyone welcome',
    decide: (sc) => finish(sc, { acquisition: { channel: 'search', claim: 0.8, target: 'all' } }, 1),
  },
  {
    name: 'overpromise',
    about: 'the textbook plan but advertising that promises too much',
    decide: (sc, k) => {
      const t = textbookInput(sc, k);
      return finish(sc, { ...t, acquisition: { ...t.acquisition, claim: 1 } }, campaignShare(sc, k));
    },
  },
  {
    name: 'aggressive-data',
    about: 'collects everything without consent and spends nothing on security',
    decide: (sc, k) => {
      const t = textbookInput(sc, k);
      return finish(
        sc,
        { ...t, information: { birthdayRegistration: true, profileSurvey: true, checkIn: true, votes: true, consent: 'none' } },
        campaignShare(sc, k),
      );
    },
  },
  {
    name: 'starve-base',
    about: 'lavish top tiers, ordinary customers below the fairness floor',
    decide: (sc, k) => {
      const t = textbookInput(sc, k);
      return finish(
        sc,
        {
          ...t,
          tiers: {
            baseService: 0.15,
            levels: [
              { threshold: Math.round(averageSeasonSpend(sc)), discount: 0.05, service: 0.8, birthdayGift: true, priority: true },
              {
                threshold: Math.round(3 * averageSeasonSpend(sc)),
                discount: 0.1,
                service: 1,
                birthdayGift: true,
                priority: true,
                manager: true,
                giftPack: 10,
              },
            ],
          },
        },
        campaignShare(sc, k),
      );
    },
  },
  {
    name: 'ai-service',
    about: 'the textbook plan with an AI assistant answering complaints, handing serious and repeat ones, top members and the groups who want a person to staff',
    decide: (sc, k) => {
      const t = textbookInput(sc, k);
      const complaints = { ...t.complaints, ...AI_WITH_HANDOVER, handOverSegments: sc.segments.filter((g) => g.prefersPerson >= 0.5).map((g) => g.id) };
      return finish(sc, { ...t, complaints }, campaignShare(sc, k));
    },
  },
  {
    name: 'ai-only',
    about: 'the textbook plan with an AI assistant answering every complaint, no hand-over to a person',
    decide: (sc, k) => {
      const t = textbookInput(sc, k);
      return finish(sc, { ...t, complaints: { ...t.complaints, aiAssistant: true, escalateTopTier: false } }, campaignShare(sc, k));
    },
  },
];

/** 科技向善: the assistant answers simple cases; a person takes over where the assistant does worst (complaints.ts). */
const AI_WITH_HANDOVER = { aiAssistant: true, escalateTopTier: true, handOverSevere: true, handOverRepeat: true } as const;

/**
 * Paired variants: the textbook plan with exactly one area changed, so that comparing a variant with the textbook
 * on the same seed isolates what that one area does (the tournament's lessons).
 */
const variant = (name: string, about: string, change: (t: DecisionsInput, sc: Scenario) => DecisionsInput): Bot => ({
  name,
  about,
  decide: (sc, k) => finish(sc, change(textbookInput(sc, k), sc), campaignShare(sc, k)),
});

export const VARIANTS: readonly Bot[] = [
  {
    name: 'member-tiers',
    about: 'the discount-all acquisition, but member levels with modest member prices instead of a blanket discount',
    decide: (sc, k) => finish(sc, { tiers: textbookInput(sc, k).tiers, acquisition: { channel: 'search' } }, 0.5),
  },
  variant('slow-complaints', 'the textbook plan, complaints answered slowly by staff without authority (same compensation)', (t) => ({
    ...t,
    complaints: { ...t.complaints, responseDays: 21, empowerment: 0 },
  })),
  variant('over-contact', 'the textbook plan, routine contacts every few days', (t) => ({
    ...t,
    care: { ...t.care, contactsPerMonth: 10 },
  })),
  variant('no-tiers', 'the textbook plan without member levels', (t) => ({ ...t, tiers: {} })),
  variant('ill-fit', 'the textbook plan, acquisition aimed at the worst-fitting segment without screening', (t, sc) => {
    const target = worstFitSegment(sc);
    return { ...t, acquisition: { ...t.acquisition, target: target.id, channel: target.acquisitionChannel, screening: false } };
  }),
  variant('win-back', 'the textbook plan with a larger win-back campaign approaching the most recently lost first', (t, sc) => ({
    ...t,
    retention: { ...t.retention, winBackBudget: 0.15 * sc.budgetPerSeason, winBackTarget: 'recent', winBackAudience: undefined },
  })),
  variant('pushy-sales', 'the textbook plan, objections met with a hard sell (rebut, press, "the offer ends today")', (t) => ({
    ...t,
    acquisition: { ...t.acquisition, objections: pushyScript() },
  })),
  variant('no-info', 'the textbook plan without collecting customer information', (t) => ({ ...t, information: {} })),
  // The legal floor as a trade-off: the same collection on implied consent, saving the security spending.
  variant('implied-consent', 'the textbook plan collecting on implied consent with no security spending', (t) => ({
    ...t,
    information: { ...t.information, consent: 'implied', securitySpend: 0 },
  })),
  // Personal calls cost real money (phone is the dearest channel), which is when aiming care matters.
  variant('phone-care', 'the textbook plan, a monthly personal phone call to every customer', (t) => ({
    ...t,
    care: { ...t.care, channel: 'phone', contactsPerMonth: 1 },
  })),
  variant(
    'targeted-care',
    'the textbook plan, the monthly phone call only for A- and B-class customers (the store\'s ABC analysis)',
    (t) => ({ ...t, care: { ...t.care, channel: 'phone', contactsPerMonth: 1, audience: { abc: ['A', 'B'] } } }),
  ),
  variant('no-training', 'the textbook plan without staff training or frontline authority', (t) => ({
    ...t,
    staff: {},
    complaints: { ...t.complaints, empowerment: 0 },
  })),
  // Acting blind: the same plan, the survey's money left unspent (not moved to the campaign), so the comparison is
  // measuring and acting against the same store not measuring.
  {
    name: 'no-survey',
    about: 'the textbook plan without the survey and its follow-up calls: acting blind',
    decide: (sc, k) => {
      const d = finish(sc, textbookInput(sc, k), campaignShare(sc, k));
      return { ...d, survey: Decisions.parse({}).survey };
    },
  },
  variant('points', 'the textbook plan with a points programme: a reward every five average baskets', (t, sc) => ({
    ...t,
    points: { earnPer10: 1, pointValue: Math.min(0.5, 0.5 * sc.store.margin), redeemAt: rewardMark(sc) },
  })),
  // The ends of four levers, for the sanity checks that each has an interior optimum (lessons.ts).
  variant('train-all', 'the textbook plan with nine tenths of the budget on staff training', (t, sc) => ({
    ...t,
    staff: { ...t.staff, training: 0.9 * sc.budgetPerSeason },
  })),
  variant('no-care', 'the textbook plan without routine contacts', (t) => ({ ...t, care: { ...t.care, contactsPerMonth: 0 } })),
  variant('no-compensation', 'the textbook plan without compensation for complaints', (t) => ({
    ...t,
    complaints: { ...t.complaints, compensation: 0 },
  })),
  variant('rich-compensation', 'the textbook plan paying ten average baskets per complaint', (t, sc) => ({
    ...t,
    complaints: { ...t.complaints, compensation: Math.round(10 * averageBasket(sc)) },
  })),
  variant('deep-member-price', 'the textbook plan with member prices 30% off at every level', (t) => ({
    ...t,
    tiers: { ...t.tiers, levels: (t.tiers?.levels ?? []).map((l) => ({ ...l, discount: 0.3 })) },
  })),
  variant('no-member-price', 'the textbook plan without member prices', (t) => ({
    ...t,
    tiers: { ...t.tiers, levels: (t.tiers?.levels ?? []).map((l) => ({ ...l, discount: 0 })) },
  })),
];

/**
 * A strategy in a staged scenario (scenario/areas.ts): the areas not yet open in a season keep their defaults, as
 * a class's plan must; what the closed areas would have cost stays unspent.
 */
function staged(bot: Bot): Bot {
  return {
    ...bot,
    decide: (sc, k, history) => {
      const d = bot.decide(sc, k, history);
      if (!sc.opens) return d;
      const neutral = Decisions.parse({});
      for (const area of LEVER_AREAS) {
        if (!isOpen(sc, area, k + 1)) (d as Record<string, unknown>)[area] = neutral[area as keyof Decisions];
      }
      return d;
    },
  };
}

/** Every scripted strategy: the baseline, the textbook, the degenerate shortcuts, then the paired variants. */
export const BOTS: readonly Bot[] = [...BASE_BOTS, ...VARIANTS].map(staged);

export function findBot(name: string): Bot | undefined {
  return BOTS.find((b) => b.name === name);
}
