import { z } from 'zod';
import { ABC_CLASSES } from '../analytics/abc';
import { RECORDED_STAGES } from '../analytics/lifecycle';
import { RFM_GROUPS } from '../analytics/rfm';
import { isOpen, opensIn } from './areas';
import { ACQ_CHANNELS, CONTACT_CHANNELS, LEVER_AREAS, type LeverArea, type Scenario } from './schema';

// One season's decisions. Every field has a neutral default, so `{}` is a valid season in which the store
// changes nothing (the "passive" strategy). Ranges are part of the contract the simulation relies on.

const unit = z.number().min(0).max(1);
const yuan = (max: number) => z.number().min(0).max(max);

export const TierLevel = z.strictObject({
  /** Growth value (yuan spent, less yearly decay) needed to reach this level. */
  threshold: yuan(1e7),
  /** Member price discount. */
  discount: z.number().min(0).max(0.5).default(0),
  /** Service level of this level, 0–1 (staff time, attention). */
  service: unit.default(0.5),
  birthdayGift: z.boolean().default(false),
  /** Gift pack value per member per four weeks, yuan. */
  giftPack: yuan(1000).default(0),
  priority: z.boolean().default(false),
  manager: z.boolean().default(false),
});

/**
 * Whom a targeted action reaches, by what the store's own database says at the start of the season: the course's
 * RFM groups, ABC classes, lifecycle stages and the early-warning list (long absence). A customer must match every
 * criterion that is set (any of the listed groups, any of the listed classes, any of the listed stages, and — when
 * `atRisk` — be on the list). An
 * audience with no criterion, like a missing one, leaves the action untargeted, exactly as before targeting
 * existed; so the field is optional and never filled in by parsing, and older decision logs parse unchanged.
 */
export const Audience = z.strictObject({
  groups: z.array(z.enum(RFM_GROUPS)).max(4).default([]),
  abc: z.array(z.enum(ABC_CLASSES as readonly ['A', 'B', 'C'])).max(3).default([]),
  atRisk: z.boolean().default(false),
  /** Lifecycle stages as the till's records show them (src/analytics/lifecycle.ts). */
  stages: z.array(z.enum(RECORDED_STAGES)).max(4).default([]),
});

export const FeaturedAnswer = z.strictObject({
  customer: z.number().int().min(0).max(1e7),
  /** Choice index per step: listen, share, clarify, present, ask. */
  choices: z.array(z.number().int().min(0).max(3)).length(5),
});

/** A sales script's answers to one objection: a choice per LSCPA step (listen, share, clarify, present, ask). */
const ScriptAnswers = z.array(z.number().int().min(0).max(3)).length(5);

export const Decisions = z.strictObject({
  acquisition: z
    .strictObject({
      budget: yuan(1e8).default(0),
      channel: z.enum(ACQ_CHANNELS).default('social'),
      /** "all" or a segment id. */
      target: z.string().max(32).default('all'),
      /** 0 = honest advertising … 1 = over-promising. */
      claim: unit.default(0),
      /** MAN screening (Money, Authority, Need): fewer but better-fitting new customers. */
      screening: z.boolean().default(false),
      /** Reward per referred new customer (老带新), yuan. */
      referralReward: yuan(1000).default(0),
      /** The sales script: LSCPA answers to each objection (src/sim/objections.ts); staff improvise the rest. */
      objections: z
        .strictObject({ price: ScriptAnswers.optional(), later: ScriptAnswers.optional(), time: ScriptAnswers.optional(), useless: ScriptAnswers.optional() })
        .prefault({}),
    })
    .prefault({}),
  pricing: z.strictObject({ discount: z.number().min(0).max(0.5).default(0) }).prefault({}),
  tiers: z
    .strictObject({
      /** Service level of ordinary customers who reached no level. */
      baseService: unit.default(0.5),
      levels: z.array(TierLevel).max(5).default([]),
      /** Growth value deducted every 52 weeks before levels are recomputed. */
      yearlyDecay: yuan(1e7).default(0),
    })
    .prefault({}),
  points: z
    .strictObject({
      /** Points per 10 yuan spent; 0 = no points programme. */
      earnPer10: z.number().min(0).max(20).default(0),
      /** Yuan value of one point at redemption. */
      pointValue: z.number().min(0).max(10).default(0.1),
      /** Points needed for one reward. */
      redeemAt: z.number().min(1).max(1e6).default(100),
    })
    .prefault({}),
  care: z
    .strictObject({
      contactsPerMonth: z.number().min(0).max(30).default(0),
      channel: z.enum(CONTACT_CHANNELS).default('app'),
      /** Lowest tier index that receives routine contacts (0 = everyone). */
      minTier: z.number().int().min(0).max(5).default(0),
      birthday: z.boolean().default(false),
      holiday: z.boolean().default(false),
      afterSale: z.boolean().default(false),
      recommendations: z.boolean().default(false),
      /** Who receives routine contacts and holiday greetings; absent = everyone at or above minTier. */
      audience: Audience.optional(),
    })
    .prefault({}),
  complaints: z
    .strictObject({
      /** Target days to resolve a complaint. */
      responseDays: z.number().min(1).max(60).default(14),
      /** Frontline authority to solve on the spot, 0–1. */
      empowerment: unit.default(0),
      compensation: yuan(10000).default(0),
      /** LSCPA script training: listen, share, clarify, present, ask. */
      scriptTraining: z.boolean().default(false),
      aiAssistant: z.boolean().default(false),
      /** Send complaints of top-tier customers to a person even when the assistant is on. */
      escalateTopTier: z.boolean().default(true),
      /** With the assistant on, a person takes over complaints about a serious failure. */
      handOverSevere: z.boolean().default(false),
      /** With the assistant on, a person takes over a customer's second and later complaints. */
      handOverRepeat: z.boolean().default(false),
      /** Answer bad reviews in public, promptly and sincerely, as part of the recovery plan. */
      publicReply: z.boolean().default(false),
      /** With the assistant on, these customer groups (segment ids) always get a person. */
      handOverSegments: z.array(z.string().max(40)).max(20).default([]),
    })
    .prefault({}),
  retention: z
    .strictObject({
      /** Coupon offered once a season to customers in decline, yuan. */
      atRiskOffer: yuan(10000).default(0),
      winBackBudget: yuan(1e8).default(0),
      /** Which churned customers the win-back campaign approaches first. */
      winBackTarget: z.enum(['recent', 'service', 'price', 'value']).default('recent'),
      letGoUnprofitable: z.boolean().default(false),
      /** Who gets the at-risk coupon; absent = customers in decline. */
      offerAudience: Audience.optional(),
      /** Which lost customers the win-back campaign may approach; absent = all lost within 52 weeks. */
      winBackAudience: Audience.optional(),
    })
    .prefault({}),
  information: z
    .strictObject({
      birthdayRegistration: z.boolean().default(false),
      profileSurvey: z.boolean().default(false),
      checkIn: z.boolean().default(false),
      votes: z.boolean().default(false),
      consent: z.enum(['explicit', 'implied', 'none']).default('explicit'),
      securitySpend: yuan(1e7).default(0),
    })
    .prefault({}),
  staff: z
    .strictObject({
      training: yuan(1e7).default(0),
      extraStaff: z.number().int().min(0).max(50).default(0),
    })
    .prefault({}),
  survey: z
    .strictObject({
      /** Customers asked at the season's end (NPS and satisfaction questions); 0 = no survey. */
      sample: z.number().int().min(0).max(5000).default(0),
      /** Call back the last survey's detractors at the season's start, turning what went wrong into a complaint. */
      followUp: z.boolean().default(false),
    })
    .prefault({}),
  featured: z.array(FeaturedAnswer).max(10).default([]),
});

/**
 * Format version of a decisions file. Version 1 (engine 1–4) had no `version` field; version 2 (engine 5) adds
 * it and `survey.followUp`. Every version-1 field kept its name and meaning, so a version-1 file reads as version
 * 2 with the new fields at their defaults: the migration is the upgrade of `version` below. A newer version is
 * refused with the version this game reads.
 */
export const DECISIONS_VERSION = 2;

export const DecisionsFile = z
  .strictObject({
    version: z
      .number()
      .int()
      .min(1)
      .max(DECISIONS_VERSION, { message: `expected decisions format version ${DECISIONS_VERSION} or older; open the file in a newer version of Customer Seasons (客户四季)` })
      .optional(),
    seasons: z.array(Decisions).max(20),
  })
  .transform(({ seasons }) => ({ version: DECISIONS_VERSION, seasons }));

export type DecisionsInput = z.input<typeof Decisions>;
export type Decisions = z.output<typeof Decisions>;
export type TierLevel = z.output<typeof TierLevel>;
export type FeaturedAnswer = z.output<typeof FeaturedAnswer>;
export type Audience = z.output<typeof Audience>;

export function neutralDecisions(): Decisions {
  return Decisions.parse({});
}

/** A decision a season may not make: a field of a course area the scenario has not opened by that season. */
export interface ClosedAreaChange {
  /** The season (from 1). */
  season: number;
  area: LeverArea;
  /** Dotted path of the first field that differs from its default, e.g. "care.contactsPerMonth". */
  path: string;
  /** The season the area opens in, or null when the scenario never offers it. */
  opens: number | null;
}

/**
 * The first field of a closed area that `d` changes in `season` (from 1), or null. A closed area must hold the
 * decisions' defaults, field for field; an audience with no criterion counts as none, as it does in the engine.
 */
export function closedAreaChange(scenario: Pick<Scenario, 'levers' | 'opens'>, season: number, d: Decisions): ClosedAreaChange | null {
  const neutral = neutralDecisions();
  for (const area of LEVER_AREAS) {
    if (isOpen(scenario, area, season)) continue;
    const at = firstDifference(withoutEmptyAudiences(d[area]), neutral[area], area);
    if (at !== null) return { season, area, path: at, opens: opensIn(scenario, area) };
  }
  return null;
}

/**
 * Checks a decisions file's seasons against the course areas the scenario opens in each: null when every season
 * leaves its closed areas alone, else one line naming the first field and season that do not, and what to do.
 */
export function closedAreaProblem(scenario: Pick<Scenario, 'id' | 'levers' | 'opens'>, seasons: readonly Decisions[]): string | null {
  for (let k = 0; k < seasons.length; k++) {
    const c = closedAreaChange(scenario, k + 1, seasons[k]);
    if (c) return closedAreaText(scenario, c, `seasons.${k}.`);
  }
  return null;
}

/** The line for one closed-area change: `prefix` goes before the field's path ("seasons.0." in a file). */
export function closedAreaText(scenario: Pick<Scenario, 'id'>, c: ClosedAreaChange, prefix = ''): string {
  const why =
    c.opens === null
      ? `scenario ${scenario.id} does not offer the ${c.area} area`
      : `scenario ${scenario.id} opens the ${c.area} area in season ${c.opens}`;
  return `${prefix}${c.path}: ${why}; leave it at its default in season ${c.season}`;
}

const isEmptyAudience = (v: unknown): boolean => {
  if (!v || typeof v !== 'object') return false;
  const a = v as Partial<Audience>;
  return (a.groups ?? []).length === 0 && (a.abc ?? []).length === 0 && (a.stages ?? []).length === 0 && !a.atRisk;
};

function withoutEmptyAudiences<T>(area: T): T {
  if (!area || typeof area !== 'object') return area;
  const out = { ...(area as Record<string, unknown>) };
  for (const k of ['audience', 'offerAudience', 'winBackAudience']) if (k in out && (out[k] === undefined || isEmptyAudience(out[k]))) delete out[k];
  return out as T;
}

/** The dotted path of the first place `a` differs from `b` (a field present in one only counts), or null. */
function firstDifference(a: unknown, b: unknown, path: string): string | null {
  if (Object.is(a, b)) return null;
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return path;
    for (let k = 0; k < a.length; k++) {
      const d = firstDifference(a[k], b[k], `${path}.${k}`);
      if (d !== null) return d;
    }
    return null;
  }
  if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
    const ra = a as Record<string, unknown>;
    const rb = b as Record<string, unknown>;
    for (const k of [...new Set([...Object.keys(ra), ...Object.keys(rb)])]) {
      const d = firstDifference(ra[k], rb[k], `${path}.${k}`);
      if (d !== null) return d;
    }
    return null;
  }
  return path;
}
