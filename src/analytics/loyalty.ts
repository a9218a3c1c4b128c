// Loyalty measures: repeat-purchase rate (重复购买率), retention rate (客户保持率), share of wallet (钱包份额).
import type { Transaction } from './summary';

/** Share of customers with at least one repeat purchase-day (x > 0); 0 for no customers. */
export function repeatPurchaseRate(customers: readonly { frequency: number }[]): number {
  if (customers.length === 0) return 0;
  let repeat = 0;
  for (const c of customers) if (c.frequency > 0) repeat++;
  return repeat / customers.length;
}

/** Customers who bought at least once in the day range [fromDay, toDay]. */
export function activeCustomers(transactions: readonly Transaction[], fromDay: number, toDay: number): Set<string> {
  const ids = new Set<string>();
  for (const t of transactions) if (t.day >= fromDay && t.day <= toDay) ids.add(t.customerId);
  return ids;
}

/** Of the customers active in the earlier period, the share also active in the later one; null if none earlier. */
export function retentionRate(earlier: Iterable<string>, later: Iterable<string>): number | null {
  const before = new Set(earlier);
  if (before.size === 0) return null;
  const after = new Set(later);
  let kept = 0;
  for (const id of before) if (after.has(id)) kept++;
  return kept / before.size;
}

/**
 * Our spend over the customer's total spend in the category. null when the total is unknown or not positive;
 * values are clamped to [0, 1] because survey totals are often under-reported.
 */
export function shareOfWallet(ourSpend: number, categorySpend: number | null | undefined): number | null {
  if (categorySpend === null || categorySpend === undefined || !(categorySpend > 0)) return null;
  return Math.min(1, Math.max(0, ourSpend / categorySpend));
}

/** Mean share of wallet over customers where it is known; null when it is known for nobody. */
export function averageShareOfWallet(pairs: readonly { ourSpend: number; categorySpend: number | null | undefined }[]): number | null {
  let sum = 0;
  let n = 0;
  for (const p of pairs) {
    const s = shareOfWallet(p.ourSpend, p.categorySpend);
    if (s !== null) {
      sum += s;
      n++;
    }
  }
  return n > 0 ? sum / n : null;
}
