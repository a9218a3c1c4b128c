import { CAUSE_IDS } from './types';
import { DOUBLE_ZERO } from './hot-loop';

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
  'fines',
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
  /** Complaints filed and recovered by kind (index = ComplaintKind, complaints.ts). */
  complaintsByKind: number[];
  recoveredByKind: number[];
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
  /** Approaches to customers who had left over a cause the store has put right since, and how many came back. */
  winBackFixedTried: number;
  winBackFixedWon: number;
  /** Win-back letters to customers the till's records showed lapsed who had not left (假性流失). */
  winBackApparent: number;
  /** The fine of this season's order to correct inadequate data security (at most one order, information.ts). */
  securityFine: number;
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
    revenue: DOUBLE_ZERO,
    grossMargin: DOUBLE_ZERO,
    costs: {
      acquisition: DOUBLE_ZERO,
      referral: DOUBLE_ZERO,
      discounts: DOUBLE_ZERO,
      service: DOUBLE_ZERO,
      tierBenefits: DOUBLE_ZERO,
      points: DOUBLE_ZERO,
      care: DOUBLE_ZERO,
      complaints: DOUBLE_ZERO,
      retention: DOUBLE_ZERO,
      information: DOUBLE_ZERO,
      staff: DOUBLE_ZERO,
      survey: DOUBLE_ZERO,
      fines: DOUBLE_ZERO,
    },
    purchases: 0,
    visitsByTier: [0, 0, 0, 0, 0, 0],
    acquired: 0,
    acquiredBy: { campaign: 0, walkIn: 0, referral: 0, winBack: 0 },
    churnByReason: [0, 0, 0, 0, 0, 0, 0],
    complaintsFiled: 0,
    complaintsRecovered: 0,
    complaintsUnresolved: 0,
    complaintsByKind: [0, 0, 0, 0, 0],
    recoveredByKind: [0, 0, 0, 0, 0],
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
    winBackFixedTried: 0,
    winBackFixedWon: 0,
    winBackApparent: 0,
    securityFine: DOUBLE_ZERO,
    qualitySum: DOUBLE_ZERO,
    qualityCount: 0,
    positiveWom: DOUBLE_ZERO,
    negativeWom: DOUBLE_ZERO,
    satByCause: new Float64Array(CAUSE_IDS.length),
    loyaltyByCause: new Float64Array(CAUSE_IDS.length),
    countByCause: new Int32Array(CAUSE_IDS.length),
    stageAtStart: n === stageNow.length ? stageNow.slice() : new Uint8Array(n),
  };
  // The fractional figures are declared as doubles and start at +0 (hot-loop.ts).
  t.revenue = t.grossMargin = t.qualitySum = t.positiveWom = t.negativeWom = t.securityFine = 0;
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
    complaintsByKind: t.complaintsByKind.slice(),
    recoveredByKind: t.recoveredByKind.slice(),
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
