// ABC classification by cumulative revenue share and the customer pyramid.

export type AbcClass = 'A' | 'B' | 'C';
export const ABC_CLASSES: readonly AbcClass[] = ['A', 'B', 'C'];

export interface AbcOptions {
  /** Revenue share covered by class A (default 0.7). */
  aShare?: number;
  /** Revenue share covered by class B (default 0.2); C takes the rest. */
  bShare?: number;
}

/** Customers ordered by revenue, highest first; ties keep input order. */
export function revenueOrder(revenues: readonly number[]): number[] {
  return revenues.map((_, i) => i).sort((i, j) => revenues[j] - revenues[i] || i - j);
}

/**
 * Walking customers from the highest revenue down, a customer is A while the cumulative share before it is
 * below aShare (so the customer who crosses the cut is still A and the top customer is always A when revenue
 * is positive), B while it is below aShare + bShare, C after. Customers with no positive revenue are C.
 * Negative revenues (net returns) count as 0 in the total.
 */
export function abcClassify(revenues: readonly number[], options: AbcOptions = {}): AbcClass[] {
  const aShare = options.aShare ?? 0.7;
  const bShare = options.bShare ?? 0.2;
  if (!(aShare > 0 && bShare >= 0 && aShare + bShare <= 1)) {
    throw new RangeError(`ABC cuts need 0 < A, 0 ≤ B, A + B ≤ 1; got A=${aShare}, B=${bShare}`);
  }
  const total = positiveTotal(revenues);
  const out = new Array<AbcClass>(revenues.length).fill('C');
  if (total <= 0) return out;
  // A relative slack of 1e-12 keeps a cumulative share that equals a cut up to rounding on the lower side.
  const cutA = aShare * total * (1 - 1e-12);
  const cutB = (aShare + bShare) * total * (1 - 1e-12);
  let before = 0;
  for (const i of revenueOrder(revenues)) {
    const v = revenues[i];
    if (!(v > 0)) break;
    out[i] = before < cutA ? 'A' : before < cutB ? 'B' : 'C';
    before += v;
  }
  return out;
}

export interface PyramidLevel {
  abc: AbcClass;
  customers: number;
  customerShare: number;
  revenue: number;
  revenueShare: number;
}

/** Counts and revenue per class, A at the top. */
export function customerPyramid(revenues: readonly number[], classes: readonly AbcClass[]): PyramidLevel[] {
  const total = positiveTotal(revenues);
  const n = revenues.length;
  return ABC_CLASSES.map((abc) => {
    let customers = 0;
    let revenue = 0;
    classes.forEach((c, i) => {
      if (c === abc) {
        customers++;
        revenue += Math.max(0, revenues[i]);
      }
    });
    return {
      abc,
      customers,
      customerShare: n > 0 ? customers / n : 0,
      revenue,
      revenueShare: total > 0 ? revenue / total : 0,
    };
  });
}

/** Share of revenue brought by the top ⌈fraction · n⌉ customers (e.g. 0.1 → "top 10% bring …"). */
export function topShare(revenues: readonly number[], fraction: number): number {
  if (!(fraction >= 0 && fraction <= 1)) throw new RangeError(`fraction must be in [0, 1], got ${fraction}`);
  const total = positiveTotal(revenues);
  if (total <= 0) return 0;
  const k = Math.ceil(fraction * revenues.length - 1e-9);
  let sum = 0;
  const order = revenueOrder(revenues);
  for (let i = 0; i < k; i++) sum += Math.max(0, revenues[order[i]]);
  return sum / total;
}

function positiveTotal(revenues: readonly number[]): number {
  let total = 0;
  for (const v of revenues) if (v > 0) total += v;
  return total;
}
