import type { LabCustomer, LabResult } from './lab-core';

// The Analytics Lab's results table: rows for the CSV export and the orders the page sorts it in.

export const EXPORT_HEADER = [
  'customer_id',
  'frequency',
  'recency',
  'T',
  'monetary',
  'total_spend',
  'p_alive',
  'expected_purchases',
  'clv',
  'rfm_r',
  'rfm_f',
  'rfm_m',
  'rfm_segment',
  'rfm_group',
  'rfm_importance',
  'abc',
  'warning_reasons',
  'clv_margin',
  'clv_months',
  'clv_discount_annual',
] as const;

/**
 * Per-customer rows for the CSV export (header first), in the order customers first appear in the file. CLV is
 * discounted margin; every row states the margin share, horizon in months and yearly discount rate it used.
 */
export function resultRows(result: Pick<LabResult, 'customers' | 'options'>): (string | number)[][] {
  const { margin, horizonMonths, discountAnnual } = result.options.clv;
  return [
    [...EXPORT_HEADER],
    ...result.customers.map((c) => [
      c.id,
      c.frequency,
      c.recency,
      c.T,
      c.monetary,
      c.totalSpend,
      c.pAlive,
      c.expectedPurchases,
      c.clv,
      c.rfm.r,
      c.rfm.f,
      c.rfm.m,
      c.rfm.segment,
      c.group,
      c.importance,
      c.abc,
      c.reasons.join(';'),
      margin,
      horizonMonths,
      discountAnnual,
    ]),
  ];
}

export type SortKey = 'id' | 'frequency' | 'recency' | 'T' | 'monetary' | 'pAlive' | 'expectedPurchases' | 'clv' | 'rfm' | 'abc';

/** Indices of customers ordered by a column (ties by file order); descending puts the largest first. */
export function sortCustomers(customers: readonly LabCustomer[], key: SortKey, descending: boolean): number[] {
  const value = (c: LabCustomer): number | string =>
    key === 'rfm' ? c.rfm.r * 100 + c.rfm.f * 10 + c.rfm.m : key === 'abc' ? c.abc : key === 'id' ? c.id : c[key];
  const vals = customers.map(value);
  const sign = descending ? -1 : 1;
  const collator = new Intl.Collator('en', { numeric: true });
  return customers
    .map((_, i) => i)
    .sort((i, j) => {
      const a = vals[i];
      const b = vals[j];
      const d = typeof a === 'number' && typeof b === 'number' ? a - b : collator.compare(String(a), String(b));
      return d !== 0 ? sign * d : i - j;
    });
}
