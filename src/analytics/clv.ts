// Customer lifetime value as the lifetimes package computes it (customer_lifetime_value):
//   CLV = Σ_{i=1..H} E[spend] · (E[Y(i·m)] − E[Y((i−1)·m)]) / (1+d)^i
// with E[Y(t)] the BG/NBD conditional expected purchases in the next t weeks, E[spend] the Gamma-Gamma
// conditional mean spend, d the monthly discount rate and H the horizon in months.
// Convention: time is in weeks and a month is 4.345 weeks (lifetimes' factor for freq 'W'; 52.14 weeks / 12).
import { conditionalExpectedPurchases, type BgNbdParams, type RepeatHistory } from './bgnbd';

export const WEEKS_PER_MONTH = 4.345;

export interface ClvOptions {
  /** Horizon in months (default 12). */
  horizonMonths?: number;
  /** Monthly discount rate (default 0.01). */
  discountMonthly?: number;
}

export function customerLifetimeValue(
  params: BgNbdParams,
  history: RepeatHistory,
  expectedSpend: number,
  options: ClvOptions = {},
): number {
  const months = options.horizonMonths ?? 12;
  const d = options.discountMonthly ?? 0.01;
  if (!(Number.isInteger(months) && months >= 0)) throw new RangeError(`horizon must be whole months ≥ 0, got ${months}`);
  if (!(d > -1)) throw new RangeError(`monthly discount rate must be > −1, got ${d}`);
  const { frequency: x, recency: tx, T } = history;
  let value = 0;
  let previous = 0;
  for (let i = 1; i <= months; i++) {
    const cumulative = conditionalExpectedPurchases(params, i * WEEKS_PER_MONTH, x, tx, T);
    value += (expectedSpend * (cumulative - previous)) / Math.pow(1 + d, i);
    previous = cumulative;
  }
  return value;
}
