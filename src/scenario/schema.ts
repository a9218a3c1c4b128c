import { z } from 'zod';

// The scenario file format, version 2. Every number the model uses is settable here; defaults keep a minimal
// file short. Ranges are part of the contract: the simulation relies on them to stay finite and in range.
// Version 2 adds two optional fields to version 1 and changes nothing else: `opens` (which course areas open in
// which season) and `briefs` (each season's situation and goal). A version-1 file is read as it is and keeps its
// version, so its hash does not change; only a file that uses a version-2 field must say `version: 2`.

export const SCENARIO_VERSION = 2;

/** The fields format version 2 added; a file that uses one must say `version: 2` or later. */
export const SINCE_VERSION_2 = ['opens', 'briefs'] as const;

const unit = z.number().min(0).max(1);
const text = z.string().max(4000);

export const Bilingual = z.strictObject({ zh: text, en: text });

export const ACQ_CHANNELS = ['social', 'flyers', 'search', 'referral'] as const;
export const CONTACT_CHANNELS = ['sms', 'email', 'app', 'phone'] as const;

export const Segment = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9-]{0,31}$/, 'a lower-case id like "students"'),
  name: Bilingual,
  /** Share of the market population (normalised over all segments). */
  share: z.number().gt(0).max(1),
  /** BG/NBD purchase rate per week while alive: λ ~ Gamma(shape r, rate alpha). */
  purchase: z.strictObject({ r: z.number().min(0.05).max(50), alpha: z.number().min(0.05).max(500) }),
  /** BG/NBD dropout probability after each repeat purchase: p ~ Beta(a, b). */
  dropout: z.strictObject({ a: z.number().min(0.05).max(100), b: z.number().min(0.05).max(100) }),
  /** Gamma-Gamma spend per purchase in yuan: z ~ Gamma(p, ν), ν ~ Gamma(q, gamma). */
  spend: z.strictObject({
    p: z.number().min(0.5).max(100),
    q: z.number().min(1.2).max(100),
    gamma: z.number().min(0.01).max(10000),
  }),
  priceSensitivity: unit.default(0.5),
  expectation: unit.default(0.6),
  complaintPropensity: unit.default(0.3),
  wordOfMouth: unit.default(0.3),
  /** What this segment looks for: 0 = cheapest, 1 = premium. Fit = 1 − |segment − store positioning|. */
  positioning: unit.default(0.5),
  /** Contacts per four weeks a customer of this segment tolerates on average. */
  contactTolerance: z.number().min(0).max(30).default(3),
  /** How much this group wants a person, not a machine, to answer a complaint (older customers most), 0–1. */
  prefersPerson: unit.default(0.3),
  /** MAN rule: whether this group can afford the store (Money) and decides alone (Authority), 0–1; Need is fit. */
  money: unit.default(1),
  authority: unit.default(1),
  acquisitionChannel: z.enum(ACQ_CHANNELS).default('social'),
  contactChannel: z.enum(CONTACT_CHANNELS).default('app'),
});

export const EVENT_KINDS = [
  'competitor-entry',
  'competitor-promo',
  'holiday',
  'supply-incident',
  'viral-review',
  'downturn',
] as const;

export const ScenarioEvent = z.strictObject({
  /** First week of the event, counted from 1 over the whole game. */
  week: z.number().int().min(1).max(1040),
  kind: z.enum(EVENT_KINDS),
  weeks: z.number().int().min(1).max(520).default(1),
  strength: unit.default(0.5),
  name: Bilingual.optional(),
  /**
   * A rival's offer as a whole (competitor-entry): how much cheaper than the store's list price, its product quality
   * (the store's own when not given) and its service level, on the store's 0–1 scales. Customers weigh all three
   * against what the store gives them (被吸引).
   */
  offer: z
    .strictObject({ price: z.number().min(0).max(0.5).default(0.05), quality: unit.optional(), service: unit.default(0.5) })
    .optional(),
});

export const LEVER_AREAS = [
  'acquisition',
  'pricing',
  'information',
  'tiers',
  'points',
  'care',
  'complaints',
  'retention',
  'staff',
  'survey',
] as const;

/**
 * The first season each course area is open in (`opens`): an area of `levers` that is not named is open from season
 * 1. Until its season an area keeps the decisions' defaults, and the plan form does not show it.
 */
export const Opens = z.strictObject(
  Object.fromEntries(LEVER_AREAS.map((a) => [a, z.number().int().min(1).max(20).optional()])) as Record<
    LeverArea,
    z.ZodOptional<z.ZodNumber>
  >,
);

/** A season's brief, shown above the plan form when the season is planned: the situation, then the goal. */
export const Brief = z.strictObject({ situation: Bilingual, goal: Bilingual });

const ScenarioFields = z.strictObject({
  version: z
    .number()
    .int()
    .min(1)
    .max(SCENARIO_VERSION)
    .describe(`文件格式版本：1 或 ${SCENARIO_VERSION}（opens、briefs 需要 2）/ Format version: 1 or ${SCENARIO_VERSION} (opens and briefs need 2)`),
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'a lower-case id like "bubble-tea"'),
  title: Bilingual,
  story: Bilingual.default({ zh: '', en: '' }),
  goals: z.array(Bilingual).max(20).default([]),
  units: z.array(z.number().int().min(1).max(10)).max(10).default([]),
  seasons: z.number().int().min(1).max(20),
  weeksPerSeason: z.number().int().min(1).max(52),
  /**
   * Game week (from 1) of the first New Year's Day: members' growth value is deducted then and every 52 weeks
   * after, and levels re-judged. Absent: the first week of the last season (a game of a year or less has its
   * year's end in its last season).
   */
  newYearWeek: z.number().int().min(1).max(1040).optional(),
  /** CRM spending a team may plan per season, yuan. */
  budgetPerSeason: z.number().min(0).max(1e8),
  population: z.strictObject({
    /** Everyone in the market, prospects included: the same people for every team on one seed. */
    size: z.number().int().min(10).max(200000),
    /** Share of the population that already are customers at the start. */
    initialCustomers: unit.default(0.1),
    /** Weekly chance that an unaddressed prospect tries the store on their own. */
    walkInRate: z.number().min(0).max(0.2).default(0.004),
  }),
  store: z
    .strictObject({
      positioning: unit.default(0.5),
      productQuality: unit.default(0.65),
      /** Gross margin on revenue. */
      margin: z.number().min(0).max(0.95).default(0.5),
      /** Cost of serving one active customer for one week at the basic service level, yuan. */
      serveCost: z.number().min(0).max(1000).default(1),
      /** Customers the staff serve well per week before waiting sets in. */
      capacityPerWeek: z.number().min(1).max(1e6).default(400),
      staffSkill: unit.default(0.5),
      reputation: unit.default(0.5),
    })
    .prefault({}),
  costs: z
    .strictObject({
      contact: z
        .strictObject({
          sms: z.number().min(0).max(100).default(0.1),
          email: z.number().min(0).max(100).default(0.02),
          app: z.number().min(0).max(100).default(0.05),
          phone: z.number().min(0).max(100).default(3),
        })
        .prefault({}),
      /** Yuan per acquired customer at full efficiency, by channel. */
      acquisition: z
        .strictObject({
          social: z.number().min(0.1).max(10000).default(30),
          flyers: z.number().min(0.1).max(10000).default(20),
          search: z.number().min(0.1).max(10000).default(45),
          referral: z.number().min(0.1).max(10000).default(15),
        })
        .prefault({}),
      birthdayGift: z.number().min(0).max(10000).default(15),
      staffWeek: z.number().min(0).max(100000).default(900),
      surveyResponse: z.number().min(0).max(1000).default(2),
      infoActivityWeek: z.number().min(0).max(100000).default(150),
      aiAssistantWeek: z.number().min(0).max(100000).default(250),
      winBackAttempt: z.number().min(0).max(10000).default(8),
      priorityWeek: z.number().min(0).max(10000).default(1),
      managerWeek: z.number().min(0).max(10000).default(12),
    })
    .prefault({}),
  /** Ordinary customers served below this service level feel disrespected (不以价值论尊卑). */
  fairnessFloor: unit.default(0.4),
  segments: z.array(Segment).min(1).max(12),
  events: z.array(ScenarioEvent).max(200).default([]),
  levers: z.array(z.enum(LEVER_AREAS)).default([...LEVER_AREAS]),
  /** Absent: every area of `levers` is open from season 1 (as in every version-1 file). */
  opens: Opens.optional().describe(
    '各决策领域从第几季开放，未写的从第 1 季开放（需要 version: 2）/ The season each lever area opens in; areas not named open in season 1 (needs version: 2)',
  ),
  /** One per season, in order; a season without one shows none. */
  briefs: z
    .array(Brief)
    .max(20)
    .optional()
    .describe('每季开始时的简报：形势与目标，每季一条（需要 version: 2）/ Each season\'s brief: the situation and the goal, one per season (needs version: 2)'),
  scoring: z
    .strictObject({
      satisfaction: z.number().min(0).max(10).default(0.25),
      loyalty: z.number().min(0).max(10).default(0.25),
      churn: z.number().min(0).max(10).default(0.2),
      profit: z.number().min(0).max(10).default(0.15),
      residual: z.number().min(0).max(10).default(0.15),
    })
    .prefault({}),
});

/**
 * The scenario file. Beyond the fields' own ranges: a version-2 field needs `version: 2`, and an area in `opens` must
 * be one of `levers`. Each problem is located at the field, like any other. A season in `opens` or a brief after the
 * game's last season is a balance warning (balance.ts), so a copy of a scenario cut to fewer seasons still reads.
 */
export const Scenario = ScenarioFields.superRefine((sc, ctx) => {
  if (sc.version < 2) {
    for (const f of SINCE_VERSION_2) {
      if (sc[f] !== undefined) ctx.addIssue({ code: 'custom', path: ['version'], message: `expected 2 or later in a file that uses ${f} (format version 1 has no ${f})` });
    }
  }
  for (const [area, season] of Object.entries(sc.opens ?? {}) as [LeverArea, number | undefined][]) {
    if (season === undefined) continue;
    if (!sc.levers.includes(area)) {
      ctx.addIssue({ code: 'custom', path: ['opens', area], message: `expected no season for an area not in levers (${sc.levers.join(', ')})` });
    }
  }
});

export type ScenarioInput = z.input<typeof Scenario>;
export type Scenario = z.output<typeof Scenario>;
export type Segment = z.output<typeof Segment>;
export type ScenarioEvent = z.output<typeof ScenarioEvent>;
export type EventKind = (typeof EVENT_KINDS)[number];
export type LeverArea = (typeof LEVER_AREAS)[number];
export type AcqChannel = (typeof ACQ_CHANNELS)[number];
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];
