// Customer lifetime value (客户终身价值): the present value of the margin a customer is expected to bring.
//   CLV = Σ_{i=1..H} margin · E[spend] · (E[Y(i·m)] − E[Y((i−1)·m)]) / (1+d)^i
// with E[Y(t)] the BG/NBD conditional expected purchases in the next t weeks, E[spend] the Gamma-Gamma
// conditional mean spend, margin the share of spend that is gross margin, d the monthly discount rate (from a
// yearly rate D: (1+d)^12 = 1+D) and H the horizon in months. With margin 1 and a monthly rate this is exactly
// the lifetimes package's customer_lifetime_value.
// Convention: time is in weeks and a month is 4.345 weeks (lifetimes' factor for freq 'W'; 52.14 weeks / 12).
import { conditionalExpectedPurchases, type BgNbdParams, type RepeatHistory } from './bgnbd';

export const WEEKS_PER_MONTH = 4.345;

/** The defaults everywhere CLV is computed without other settings (the command line, the Lab). */
export const CLV_DEFAULTS = {
  /** Months ahead. */
  horizonMonths: 12,
  /** Yearly discount rate. */
  discountAnnual: 0.1,
  /** Share of spend that is gross margin (a typical shop's). */
  margin: 0.3,
} as const;

export interface ClvOptions {
  /** Horizon in months (default 12). */
  horizonMonths?: number;
  /** Yearly discount rate (default 0.1). Give this or discountMonthly, not both. */
  discountAnnual?: number;
  /** Monthly discount rate, instead of a yearly one. */
  discountMonthly?: number;
  /** Share of spend that is margin, 0–1 (default 0.3); 1 values spend instead of margin. */
  margin?: number;
}

/** The settings a CLV was computed with, as the screens and the command line state them. */
export interface ClvSettings {
  horizonMonths: number;
  margin: number;
  discountAnnual: number;
  discountMonthly: number;
}

/** Monthly rate equivalent to a yearly one: (1 + D)^(1/12) − 1. */
export function monthlyFromAnnual(annual: number): number {
  return Math.pow(1 + annual, 1 / 12) - 1;
}

/** Fills in the defaults and checks the settings; RangeError names the bad one. */
export function clvSettings(options: ClvOptions = {}): ClvSettings {
  const months = options.horizonMonths ?? CLV_DEFAULTS.horizonMonths;
  const margin = options.margin ?? CLV_DEFAULTS.margin;
  if (!(Number.isInteger(months) && months >= 0)) throw new RangeError(`horizon must be whole months ≥ 0, got ${months}`);
  if (!(margin >= 0 && margin <= 1)) throw new RangeError(`margin must be a share of spend from 0 to 1, got ${margin}`);
  if (options.discountAnnual !== undefined && options.discountMonthly !== undefined) {
    throw new RangeError('give a yearly or a monthly discount rate, not both');
  }
  if (options.discountMonthly !== undefined) {
    const d = options.discountMonthly;
    if (!(d > -1 && Number.isFinite(d))) throw new RangeError(`monthly discount rate must be > −1, got ${d}`);
    return { horizonMonths: months, margin, discountMonthly: d, discountAnnual: Math.pow(1 + d, 12) - 1 };
  }
  const annual = options.discountAnnual ?? CLV_DEFAULTS.discountAnnual;
  if (!(annual > -1 && Number.isFinite(annual))) throw new RangeError(`yearly discount rate must be > −1, got ${annual}`);
  return { horizonMonths: months, margin, discountAnnual: annual, discountMonthly: monthlyFromAnnual(annual) };
}

export function customerLifetimeValue(
  params: BgNbdParams,
  history: RepeatHistory,
  expectedSpend: number,
  options: ClvOptions = {},
): number {
  const { horizonMonths: months, margin, discountMonthly: d } = clvSettings(options);
  const { frequency: x, recency: tx, T } = history;
  let value = 0;
  let previous = 0;
  for (let i = 1; i <= months; i++) {
    const cumulative = conditionalExpectedPurchases(params, i * WEEKS_PER_MONTH, x, tx, T);
    value += (margin * expectedSpend * (cumulative - previous)) / Math.pow(1 + d, i);
    previous = cumulative;
  }
  return value;
}
