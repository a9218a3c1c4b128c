// Churn early warning (流失预警): which customers look at risk, and why.
import type { AbcClass } from './abc';
import type { CustomerSummary } from './summary';
import { DAYS_PER_WEEK } from './summary';

/** Reason codes in the order they are listed for a customer. */
export const WARNING_REASONS = ['high-value-slipping', 'low-p-alive', 'long-absence', 'falling-frequency'] as const;
export type WarningReason = (typeof WARNING_REASONS)[number];

export interface WarningInput {
  summary: CustomerSummary;
  pAlive: number;
  abc?: AbcClass;
}

export interface WarningOptions {
  /** long-absence: weeks since the last purchase exceed this many usual intervals (default 3). */
  absenceFactor?: number;
  /** low-p-alive: P(alive) below this (default 0.3). */
  lowPAlive?: number;
  /** high-value-slipping: an A-class customer whose P(alive) is below this (default 0.6). */
  slippingPAlive?: number;
  /** falling-frequency: length of the recent window in weeks (default 13, a quarter). */
  recentWeeks?: number;
  /** falling-frequency: recent purchase rate below this fraction of the earlier rate (default 0.5). */
  fallingRatio?: number;
}

export interface AtRiskCustomer {
  id: string;
  reasons: WarningReason[];
  pAlive: number;
  /** Weeks since the last purchase (T − t_x). */
  gapWeeks: number;
  /** The customer's own mean weeks between purchase-days (t_x / x), or the population median for one-time buyers. */
  usualIntervalWeeks: number | null;
  /** Spend so far × (1 − P(alive)): the ordering key. */
  valueAtRisk: number;
}

/**
 * Returns only customers with at least one reason, ordered by valueAtRisk (highest first), then input order.
 * One-time buyers have no interval of their own, so long-absence compares them with the median interval of the
 * repeat buyers (BG/NBD gives them P(alive) = 1, which would otherwise hide them).
 */
export function churnWarnings(inputs: readonly WarningInput[], options: WarningOptions = {}): AtRiskCustomer[] {
  const absenceFactor = options.absenceFactor ?? 3;
  const lowPAlive = options.lowPAlive ?? 0.3;
  const slippingPAlive = options.slippingPAlive ?? 0.6;
  const recentWeeks = options.recentWeeks ?? 13;
  const fallingRatio = options.fallingRatio ?? 0.5;
  const medianInterval = repeatBuyerMedianInterval(inputs.map((c) => c.summary));

  const flagged: { c: AtRiskCustomer; order: number }[] = [];
  inputs.forEach(({ summary: s, pAlive, abc }, order) => {
    const reasons = new Set<WarningReason>();
    const gap = s.T - s.recency;
    const usual = usualInterval(s.frequency, s.recency, medianInterval);
    if (abc === 'A' && pAlive < slippingPAlive) reasons.add('high-value-slipping');
    if (pAlive < lowPAlive) reasons.add('low-p-alive');
    if (isLongAbsence(gap, usual, absenceFactor)) reasons.add('long-absence');
    if (isFalling(s, recentWeeks, fallingRatio)) reasons.add('falling-frequency');
    if (reasons.size === 0) return;
    flagged.push({
      order,
      c: {
        id: s.id,
        reasons: WARNING_REASONS.filter((r) => reasons.has(r)),
        pAlive,
        gapWeeks: gap,
        usualIntervalWeeks: usual,
        valueAtRisk: s.totalSpend * (1 - pAlive),
      },
    });
  });
  flagged.sort((p, q) => q.c.valueAtRisk - p.c.valueAtRisk || p.order - q.order);
  return flagged.map((f) => f.c);
}

/**
 * The median of the repeat buyers' usual intervals t_x / x, or null when nobody bought twice: the yardstick for
 * one-time buyers. Also used by the simulation's targeting (src/sim/segments.ts), so the in-game at-risk list
 * and the customers a targeted decision reaches follow this one rule. Plain IEEE arithmetic and a total order
 * only, so every engine gives the same result.
 */
export function repeatBuyerMedianInterval(summaries: readonly { frequency: number; recency: number }[]): number | null {
  const intervals: number[] = [];
  for (const s of summaries) if (s.frequency > 0) intervals.push(s.recency / s.frequency);
  return median(intervals);
}

/** A customer's usual weeks between purchase-days: t_x / x, or the repeat buyers' median for one-time buyers. */
export function usualInterval(frequency: number, recency: number, medianInterval: number | null): number | null {
  return frequency > 0 ? recency / frequency : medianInterval;
}

/** long-absence: weeks since the last purchase exceed `factor` (default 3) usual intervals. Model-free. */
export function isLongAbsence(gapWeeks: number, usual: number | null, factor = 3): boolean {
  return usual !== null && usual > 0 && gapWeeks > factor * usual;
}

// Purchase-days per week in the last `recentWeeks` before the calibration end versus before that window.
// Only judged when the earlier stretch is at least as long as the window and holds ≥ 3 purchase-days.
function isFalling(s: CustomerSummary, recentWeeks: number, ratio: number): boolean {
  const end = s.firstDay + s.T * DAYS_PER_WEEK;
  const windowStart = end - recentWeeks * DAYS_PER_WEEK;
  const earlierWeeks = (windowStart - s.firstDay) / DAYS_PER_WEEK;
  if (earlierWeeks < recentWeeks) return false;
  let recent = 0;
  let earlier = 0;
  for (const d of s.days) {
    if (d > windowStart) recent++;
    else earlier++;
  }
  if (earlier < 3) return false;
  return recent / recentWeeks < ratio * (earlier / earlierWeeks);
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const v = [...values].sort((p, q) => p - q);
  const mid = v.length >> 1;
  return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
}
