import { describe, expect, it } from 'vitest';
import { conditionalExpectedPurchases } from '../../src/analytics/bgnbd';
import { CLV_DEFAULTS, clvSettings, customerLifetimeValue, monthlyFromAnnual, WEEKS_PER_MONTH } from '../../src/analytics/clv';
import { conditionalExpectedSpend, populationMeanSpend } from '../../src/analytics/gammagamma';

const P = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
const GG = { p: 6.25, q: 3.74, gamma: 15.44 };
const active = { frequency: 6, recency: 36, T: 38.86 };

describe('CLV', () => {
  it('grows with the horizon and is 0 for a zero horizon', () => {
    expect(customerLifetimeValue(P, active, 30, { horizonMonths: 0 })).toBe(0);
    let previous = 0;
    for (const months of [1, 3, 6, 12, 24, 60]) {
      const v = customerLifetimeValue(P, active, 30, { horizonMonths: months });
      expect(v).toBeGreaterThan(previous);
      previous = v;
    }
  });

  it('without discounting telescopes to margin × spend × E[Y(H months)]', () => {
    const v = customerLifetimeValue(P, active, 25, { horizonMonths: 12, discountMonthly: 0, margin: 0.4 });
    expect(v).toBeCloseTo(0.4 * 25 * conditionalExpectedPurchases(P, 12 * WEEKS_PER_MONTH, 6, 36, 38.86), 9);
    // Margin 1 values spend, as the lifetimes package does.
    const spend = customerLifetimeValue(P, active, 25, { horizonMonths: 12, discountMonthly: 0, margin: 1 });
    expect(spend).toBeCloseTo(25 * conditionalExpectedPurchases(P, 12 * WEEKS_PER_MONTH, 6, 36, 38.86), 9);
  });

  it('is margin, not spend, by default: 30 % of spend, 12 months, 10 % a year', () => {
    expect(CLV_DEFAULTS).toEqual({ horizonMonths: 12, discountAnnual: 0.1, margin: 0.3 });
    const byDefault = customerLifetimeValue(P, active, 25);
    const explicit = customerLifetimeValue(P, active, 25, { horizonMonths: 12, discountMonthly: monthlyFromAnnual(0.1), margin: 0.3 });
    expect(byDefault).toBe(explicit);
    expect(byDefault).toBeCloseTo(0.3 * customerLifetimeValue(P, active, 25, { margin: 1 }), 10);
    expect(customerLifetimeValue(P, active, 25, { margin: 0 })).toBe(0);
  });

  it('turns a yearly rate into the monthly rate that compounds to it', () => {
    const d = monthlyFromAnnual(0.1);
    expect(Math.pow(1 + d, 12)).toBeCloseTo(1.1, 14);
    expect(clvSettings({ discountAnnual: 0.1 })).toEqual({ horizonMonths: 12, margin: 0.3, discountAnnual: 0.1, discountMonthly: d });
    const m = clvSettings({ discountMonthly: 0.01, horizonMonths: 6, margin: 0.5 });
    expect(m.discountAnnual).toBeCloseTo(Math.pow(1.01, 12) - 1, 14);
    expect(m).toMatchObject({ horizonMonths: 6, margin: 0.5, discountMonthly: 0.01 });
    // One year out, a 10 % yearly rate takes a tenth off: compare month-12 purchases discounted both ways.
    const twelve = customerLifetimeValue(P, active, 25, { horizonMonths: 12, discountAnnual: 0.1, margin: 1 });
    const eleven = customerLifetimeValue(P, active, 25, { horizonMonths: 11, discountAnnual: 0.1, margin: 1 });
    const lastMonth = 25 * (conditionalExpectedPurchases(P, 12 * WEEKS_PER_MONTH, 6, 36, 38.86) - conditionalExpectedPurchases(P, 11 * WEEKS_PER_MONTH, 6, 36, 38.86));
    expect(twelve - eleven).toBeCloseTo(lastMonth / 1.1, 10);
  });

  it('discounts each month by (1+d)^i', () => {
    const one = customerLifetimeValue(P, active, 25, { horizonMonths: 1, discountMonthly: 0.05, margin: 1 });
    expect(one).toBeCloseTo((25 * conditionalExpectedPurchases(P, WEEKS_PER_MONTH, 6, 36, 38.86)) / 1.05, 12);
    const low = customerLifetimeValue(P, active, 25, { discountMonthly: 0.0 });
    const high = customerLifetimeValue(P, active, 25, { discountMonthly: 0.03 });
    expect(high).toBeLessThan(low);
  });

  it('is proportional to expected spend and vanishes for customers who have clearly left', () => {
    expect(customerLifetimeValue(P, active, 60)).toBeCloseTo(2 * customerLifetimeValue(P, active, 30), 10);
    expect(customerLifetimeValue(P, active, 0)).toBe(0);
    // Ten purchases in the first 5 weeks, then two years of silence: P(alive) is essentially 0.
    const gone = { frequency: 10, recency: 5, T: 110 };
    expect(customerLifetimeValue(P, gone, 30)).toBeLessThan(1e-6);
    expect(customerLifetimeValue(P, active, 30)).toBeGreaterThan(10);
  });

  it('rejects fractional horizons and impossible discount rates', () => {
    expect(() => customerLifetimeValue(P, active, 30, { horizonMonths: 1.5 })).toThrow(RangeError);
    expect(() => customerLifetimeValue(P, active, 30, { discountMonthly: -1 })).toThrow(RangeError);
    expect(() => customerLifetimeValue(P, active, 30, { discountAnnual: -1 })).toThrow(RangeError);
    expect(() => customerLifetimeValue(P, active, 30, { discountAnnual: 0.1, discountMonthly: 0.01 })).toThrow(RangeError);
    expect(() => customerLifetimeValue(P, active, 30, { margin: 1.5 })).toThrow(RangeError);
    expect(() => customerLifetimeValue(P, active, 30, { margin: -0.1 })).toThrow(RangeError);
  });
});

describe('Gamma-Gamma expected spend', () => {
  it('is the population mean pγ/(q−1) without repeat purchases and shrinks towards it otherwise', () => {
    const mean = (6.25 * 15.44) / 2.74;
    expect(populationMeanSpend(GG)).toBeCloseTo(mean, 12);
    expect(conditionalExpectedSpend(GG, 0, 999)).toBeCloseTo(mean, 12);
    // x = 2, z̄ = 10: weights 12.5/15.24 on z̄ and 2.74/15.24 on the mean.
    expect(conditionalExpectedSpend(GG, 2, 10)).toBeCloseTo((2.74 / 15.24) * mean + (12.5 / 15.24) * 10, 12);
    const many = conditionalExpectedSpend(GG, 200, 10);
    expect(Math.abs(many - 10)).toBeLessThan(Math.abs(conditionalExpectedSpend(GG, 2, 10) - 10));
    expect(() => conditionalExpectedSpend({ p: 1, q: 0.9, gamma: 1 }, 1, 1)).toThrow(RangeError);
  });
});
