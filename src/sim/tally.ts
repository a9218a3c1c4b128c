import { CAUSE_IDS } from './types';

// The season's accumulators: money, counts and per-cause driver totals, summed block by block over the weekly
// pass (customer-pass.ts) and reset at each season start (season.ts).

export const COST_KEYS = [
  'acquisition',
  'referral',
  'discounts',
  'service',
  'tierBenefits',
  'points',
  'care',
  'complaints',
  'retention',
  'information',
  'staff',
  'survey',
] as const;
export type CostKey = (typeof COST_KEYS)[number];

/** Accumulators of the season being played; reset at each season start. */
export interface Tally {
  revenue: number;
  grossMargin: number;
  costs: Record<CostKey, number>;
  purchases: number;
  visitsByTier: number[];
  acquired: number;
  acquiredBy: { campaign: number; walkIn: number; referral: number; winBack: number };
  churnByReason: number[];
  complaintsFiled: number;
  complaintsRecovered: number;
  complaintsUnresolved: number;
  complaintDays: number;
  silentFailures: number;
  followUps: number;
  contacts: number;
  fatigued: number;
  optOuts: number;
  promotions: number;
  demotions: number;
  rewards: number;
  wonBack: number;
  winBackAttempts: number;
  /** Win-back attempts and successes by the churn reason of the customer approached (index = ChurnReason). */
  winBackTriedBy: number[];
  winBackWonBy: number[];
  /** Perceived quality summed over every visit's experience, and the number of visits it covers. */
  qualitySum: number;
  qualityCount: number;
  positiveWom: number;
  negativeWom: number;
  /** Per cause: summed satisfaction and loyalty change, and number of changes. */
  satByCause: Float64Array;
  loyaltyByCause: Float64Array;
  countByCause: Int32Array;
  stageAtStart: Uint8Array;
}

export function newTally(n: number, stageNow: Uint8Array): Tally {
  const t: Tally = {
    revenue: -0,
    grossMargin: -0,
    costs: {
      acquisition: -0,
      referral: -0,
      discounts: -0,
      service: -0,
      tierBenefits: -0,
      points: -0,
      care: -0,
      complaints: -0,
      retention: -0,
      information: -0,
      staff: -0,
      survey: -0,
    },
    purchases: 0,
    visitsByTier: [0, 0, 0, 0, 0, 0],
    acquired: 0,
    acquiredBy: { campaign: 0, walkIn: 0, referral: 0, winBack: 0 },
    churnByReason: [0, 0, 0, 0, 0, 0, 0],
    complaintsFiled: 0,
    complaintsRecovered: 0,
    complaintsUnresolved: 0,
    complaintDays: 0,
    silentFailures: 0,
    followUps: 0,
    contacts: 0,
    fatigued: 0,
    optOuts: 0,
    promotions: 0,
    demotions: 0,
    rewards: 0,
    wonBack: 0,
    winBackAttempts: 0,
    winBackTriedBy: [0, 0, 0, 0, 0, 0, 0],
    winBackWonBy: [0, 0, 0, 0, 0, 0, 0],
    qualitySum: -0,
    qualityCount: 0,
    positiveWom: -0,
    negativeWom: -0,
    satByCause: new Float64Array(CAUSE_IDS.length),
    loyaltyByCause: new Float64Array(CAUSE_IDS.length),
    countByCause: new Int32Array(CAUSE_IDS.length),
    stageAtStart: n === stageNow.length ? stageNow.slice() : new Uint8Array(n),
  };
  // The fractional figures are declared as doubles (−0, see newStore in state.ts) and start at +0.
  t.revenue = t.grossMargin = t.qualitySum = t.positiveWom = t.negativeWom = 0;
  for (const k of COST_KEYS) t.costs[k] = 0;
  return t;
}

/**
 * Adds a part of the season's figures (one block of the weekly pass) into the season's tally. Every number,
 * array element and nested figure is summed; the season's stage snapshot is left alone.
 */
export function addTally(into: Tally, part: Tally): void {
  addFigures(into as unknown as Figures, part as unknown as Figures);
}

interface Figures {
  [key: string]: number | number[] | Float64Array | Int32Array | Uint8Array | Figures;
}

function addFigures(into: Figures, part: Figures): void {
  for (const key of Object.keys(part)) {
    if (key === 'stageAtStart') continue;
    const v = part[key];
    if (typeof v === 'number') (into[key] as number) += v;
    else if (Array.isArray(v) || ArrayBuffer.isView(v)) {
      const a = into[key] as number[];
      const b = v as number[];
      for (let k = 0; k < b.length; k++) a[k] += b[k];
    } else addFigures(into[key] as Figures, v);
  }
}

/** A deep copy of a tally (state.ts's cloneState). */
export function cloneTally(t: Tally): Tally {
  return {
    ...t,
    costs: { ...t.costs },
    visitsByTier: t.visitsByTier.slice(),
    acquiredBy: { ...t.acquiredBy },
    churnByReason: t.churnByReason.slice(),
    winBackTriedBy: t.winBackTriedBy.slice(),
    winBackWonBy: t.winBackWonBy.slice(),
    satByCause: t.satByCause.slice(),
    loyaltyByCause: t.loyaltyByCause.slice(),
    countByCause: t.countByCause.slice(),
    stageAtStart: t.stageAtStart.slice(),
  };
}

/** The season's profit: gross margin less every cost but discounts, which revenue and margin already net out. */
export function seasonProfit(t: Tally): number {
  let totalCosts = 0;
  for (const k of COST_KEYS) totalCosts += t.costs[k];
  return t.grossMargin - (totalCosts - t.costs.discounts);
}
