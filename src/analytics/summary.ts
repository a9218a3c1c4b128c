// Per-customer calibration summary (x, t_x, T, monetary) from raw transactions, time in weeks.

export const DAYS_PER_WEEK = 7;

export interface Transaction {
  customerId: string;
  /** Integer day number (see dates.ts); weekly data can pass week × 7. */
  day: number;
  amount: number;
}

export interface CustomerSummary {
  id: string;
  /** x: repeat purchase-days in the calibration period (the first purchase-day is not counted). */
  frequency: number;
  /** t_x: weeks from the first purchase-day to the last one. */
  recency: number;
  /** T: weeks from the first purchase-day to the calibration end. */
  T: number;
  /** Mean spend per repeat purchase-day; 0 when frequency is 0. */
  monetary: number;
  /** Spend over all calibration purchase-days, the first included. */
  totalSpend: number;
  /** frequency + 1. */
  purchaseDays: number;
  firstDay: number;
  lastDay: number;
  /** Sorted distinct purchase days within the calibration period. */
  days: number[];
}

export interface SummaryOptions {
  /** Last day of the calibration period (inclusive); defaults to the last day in the data. */
  calibrationEnd?: number;
}

/**
 * Builds summaries. Transactions after the calibration end are ignored, and so are customers whose first
 * purchase falls after it. Several rows on the same day merge into one purchase-day whose spend is their sum.
 * Output order is the order in which customers first appear in the input, so results never depend on hashing.
 */
export function summarize(transactions: readonly Transaction[], options: SummaryOptions = {}): CustomerSummary[] {
  let end = options.calibrationEnd;
  if (end === undefined) {
    end = -Infinity;
    for (const t of transactions) if (t.day > end) end = t.day;
  }
  const byCustomer = new Map<string, Map<number, number>>();
  for (const t of transactions) {
    let days = byCustomer.get(t.customerId);
    if (!days) {
      days = new Map();
      byCustomer.set(t.customerId, days);
    }
    if (t.day > end) continue;
    days.set(t.day, (days.get(t.day) ?? 0) + t.amount);
  }
  const out: CustomerSummary[] = [];
  for (const [id, spendByDay] of byCustomer) {
    if (spendByDay.size === 0) continue;
    const days = [...spendByDay.keys()].sort((p, q) => p - q);
    const first = days[0];
    const last = days[days.length - 1];
    let total = 0;
    let repeatSpend = 0;
    for (let i = 0; i < days.length; i++) {
      const s = spendByDay.get(days[i])!;
      total += s;
      if (i > 0) repeatSpend += s;
    }
    const x = days.length - 1;
    out.push({
      id,
      frequency: x,
      recency: (last - first) / DAYS_PER_WEEK,
      T: (end - first) / DAYS_PER_WEEK,
      monetary: x > 0 ? repeatSpend / x : 0,
      totalSpend: total,
      purchaseDays: days.length,
      firstDay: first,
      lastDay: last,
      days,
    });
  }
  return out;
}
