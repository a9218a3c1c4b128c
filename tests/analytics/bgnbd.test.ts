import { describe, expect, it } from 'vitest';
import {
  bgnbdLogLikelihood,
  conditionalExpectedPurchases,
  expectedPurchases,
  fitBgNbd,
  pAlive,
  probPurchases,
} from '../../src/analytics/bgnbd';
import { lnGamma } from '../../src/analytics/special';

// Published CDNOW parameters; reference values below computed with mpmath at 40 digits.
const P = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
const rel = (got: number, want: number) => Math.abs(got - want) / Math.abs(want);

describe('P(alive)', () => {
  it('is 1 without repeat purchases', () => {
    expect(pAlive(P, 0, 0, 38.86)).toBe(1);
  });

  it('matches known values', () => {
    const cases: [number, number, number, number][] = [
      [2, 30.43, 38.86, 0.72657857008067291],
      [5, 10, 38.86, 0.024804366168778527],
      [1, 0.5, 38.86, 0.16995791814767176],
      [20, 38, 38.86, 0.9473593281025885],
    ];
    for (const [x, tx, T, want] of cases) expect(rel(pAlive(P, x, tx, T), want), `x=${x}`).toBeLessThan(1e-12);
  });

  it('falls as the silence since the last purchase grows', () => {
    const values = [31, 35, 40, 60, 100].map((T) => pAlive(P, 3, 30, T));
    for (let i = 1; i < values.length; i++) expect(values[i]).toBeLessThan(values[i - 1]);
    expect(pAlive(P, 3, 30, 30)).toBeGreaterThan(0.5);
  });
});

describe('expected purchases', () => {
  it('conditional expectation matches known values', () => {
    const cases: [number, number, number, number, number][] = [
      [39, 2, 30.43, 38.86, 1.2260281747671444],
      [39, 0, 0, 38.86, 0.19509805201126264],
      [39, 10, 38, 38.86, 6.7058749528276383],
      [52, 30, 38.5, 38.86, 25.498395802606684],
      [4.345, 1, 5, 38.86, 0.03848508584392957],
    ];
    for (const [t, x, tx, T, want] of cases) expect(rel(conditionalExpectedPurchases(P, t, x, tx, T), want), `x=${x}`).toBeLessThan(1e-11);
    expect(conditionalExpectedPurchases(P, 0, 2, 30, 38)).toBe(0);
  });

  it('is continuous through a = 1, where the textbook formula is 0/0', () => {
    const at = (a: number) => conditionalExpectedPurchases({ ...P, a }, 39, 3, 30, 38.86);
    const mid = at(1);
    expect(Number.isFinite(mid)).toBe(true);
    expect(Math.abs(at(1 - 1e-6) - mid)).toBeLessThan(1e-5 * mid);
    expect(Math.abs(at(1 + 1e-6) - mid)).toBeLessThan(1e-5 * mid);
    expect(Number.isFinite(expectedPurchases({ ...P, a: 1 }, 39))).toBe(true);
  });

  it('stays finite and near the no-dropout (NBD) limit for huge a, b', () => {
    // With a, b → ∞ and a/(a+b) → 0 nobody drops out: E[Y(t) | x, T] → (r+x)/(α+T) · t.
    const q = { r: 0.5, alpha: 2, a: 1e-3, b: 1e4 };
    const v = conditionalExpectedPurchases(q, 10, 4, 20, 20);
    expect(Math.abs(v - (4.5 / 22) * 10)).toBeLessThan(1e-3 * v);
  });

  it('unconditional E[X(t)] matches known values', () => {
    expect(rel(expectedPurchases(P, 39), 1.1967231933208168)).toBeLessThan(1e-12);
    expect(rel(expectedPurchases(P, 78), 1.8605190579427685)).toBeLessThan(1e-12);
    expect(rel(expectedPurchases(P, 1000), 6.5803916137382322)).toBeLessThan(1e-12);
  });

  it('P(X(t) = x) matches known values, sums to 1 and has mean E[X(t)]', () => {
    const known: [number, number][] = [
      [0, 0.57378635209600941],
      [1, 0.19939528083591146],
      [5, 0.017965493866579044],
      [30, 7.0292799627704741e-5],
    ];
    for (const [x, want] of known) expect(rel(probPurchases(P, 39, x), want), `x=${x}`).toBeLessThan(1e-11);
    let total = 0;
    let mean = 0;
    for (let x = 0; x < 2000; x++) {
      const p = probPurchases(P, 39, x);
      total += p;
      mean += x * p;
    }
    expect(total).toBeCloseTo(1, 12);
    expect(rel(mean, expectedPurchases(P, 39))).toBeLessThan(1e-9);
    expect(probPurchases(P, 39, -1)).toBe(0);
  });
});

describe('log-likelihood and fit', () => {
  // Independent transcription of FHL 2005 eq. 6 with lnGamma only.
  function direct(p: typeof P, x: number, tx: number, T: number): number {
    const { r, alpha, a, b } = p;
    const lnB = (u: number, v: number) => lnGamma(u) + lnGamma(v) - lnGamma(u + v);
    const common = lnGamma(r + x) - lnGamma(r) + r * Math.log(alpha);
    const l1 = Math.exp(lnB(a, b + x) - lnB(a, b) + common - (r + x) * Math.log(alpha + T));
    const l2 = x > 0 ? Math.exp(lnB(a + 1, b + x - 1) - lnB(a, b) + common - (r + x) * Math.log(alpha + tx)) : 0;
    return Math.log(l1 + l2);
  }

  it('equals the paper formula summed over customers', () => {
    const rows = [
      { frequency: 0, recency: 0, T: 38.86 },
      { frequency: 2, recency: 30.43, T: 38.86 },
      { frequency: 2, recency: 30.43, T: 38.86 },
      { frequency: 7, recency: 12.5, T: 30 },
    ];
    const want = rows.reduce((s, c) => s + direct(P, c.frequency, c.recency, c.T), 0);
    expect(bgnbdLogLikelihood(P, rows)).toBeCloseTo(want, 10);
  });

  it('rejects impossible histories', () => {
    expect(() => bgnbdLogLikelihood(P, [{ frequency: 1, recency: 5, T: 4 }])).toThrow(RangeError);
    expect(() => bgnbdLogLikelihood(P, [{ frequency: 1.5, recency: 1, T: 4 }])).toThrow(RangeError);
  });

  it('stays inside the search box when nobody seems to drop out', () => {
    // Every customer buys exactly every 2 weeks up to the end: the likelihood keeps rising as a, b → ∞.
    const rows = Array.from({ length: 60 }, (_, i) => {
      const T = 10 + (i % 20) * 2;
      return { frequency: T / 2, recency: T, T };
    });
    const fit = fitBgNbd(rows);
    for (const v of Object.values(fit.params)) expect(v).toBeLessThanOrEqual(Math.exp(10) * 10);
    expect(pAlive(fit.params, 5, 10, 10)).toBeGreaterThan(0.99);
    expect(Number.isFinite(conditionalExpectedPurchases(fit.params, 39, 5, 10, 10))).toBe(true);
  });

  it('is deterministic: the same data give bit-identical parameters', () => {
    const rows = Array.from({ length: 300 }, (_, i) => {
      const x = i % 7;
      const T = 20 + (i % 13);
      return { frequency: x, recency: x === 0 ? 0 : (T * ((i * 37) % 100)) / 100, T };
    });
    expect(fitBgNbd(rows).params).toEqual(fitBgNbd(rows).params);
  });
});
