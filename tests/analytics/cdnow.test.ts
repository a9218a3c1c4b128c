// Validation on the CDNOW sample against the summary file and the published fits
// (Fader, Hardie & Lee 2005; Fader & Hardie 2013; the lifetimes test-suite).
import { describe, expect, it } from 'vitest';
import {
  bgnbdLogLikelihood,
  conditionalExpectedPurchases,
  expectedPurchases,
  fitBgNbd,
  fitGammaGamma,
  parseDay,
  summarize,
} from '../../src/analytics/index';
import { CDNOW_CALIBRATION_END, readRaw, readSummary, summaryHistories } from './cdnow';

const PUBLISHED_BGNBD = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
const sig3 = (v: number) => Number(v.toPrecision(3));

describe('CDNOW summary from the raw transactions', () => {
  const raw = readRaw();
  const summaries = summarize(
    raw.map((row) => ({ customerId: row.sampleId, day: parseDay(row.date)!, amount: Number(row.dollars) })),
    { calibrationEnd: parseDay(CDNOW_CALIBRATION_END)! },
  );
  const byId = new Map(summaries.map((s) => [s.id, s]));
  const reference = readSummary();

  it('reads all 6,919 purchase records and 2,357 customers', () => {
    expect(raw).toHaveLength(6919);
    expect(reference).toHaveLength(2357);
    expect(summaries).toHaveLength(2357);
    expect(new Set(reference.map((r) => r.id))).toEqual(new Set(summaries.map((s) => s.id)));
  });

  it('reproduces x, t_x and T of every customer exactly', () => {
    const mismatches = reference.filter((ref) => {
      const s = byId.get(ref.id)!;
      return String(s.frequency) !== ref.x || s.recency.toFixed(2) !== ref.t_x || s.T.toFixed(2) !== ref.T;
    });
    expect(mismatches).toEqual([]);
  });

  it('reproduces zbar (mean repeat spend, same-day rows merged) rounded half-up to cents', () => {
    const mismatches = reference.filter((ref) => {
      const s = byId.get(ref.id)!;
      if (s.frequency === 0) return s.monetary !== 0 || ref.zbar !== '0.00';
      // Spend is in whole cents, so the repeat total is an integer number of cents; round cents / x half-up.
      const cents = Math.round(s.monetary * s.frequency * 100);
      const rounded = Math.floor((2 * cents + s.frequency) / (2 * s.frequency));
      return (rounded / 100).toFixed(2) !== ref.zbar;
    });
    expect(mismatches).toEqual([]);
  });

  it('merges several records on one day into one purchase-day', () => {
    // Customer 1 bought on 1997-01-01, 01-18 and 08-02: two repeats, last one 213 days after the first.
    const c1 = byId.get('1')!;
    expect(c1.frequency).toBe(2);
    expect(c1.recency).toBeCloseTo(213 / 7, 12);
    const sameDay = new Map<string, number>();
    for (const row of raw) sameDay.set(`${row.sampleId}|${row.date}`, (sameDay.get(`${row.sampleId}|${row.date}`) ?? 0) + 1);
    expect([...sameDay.values()].some((n) => n > 1)).toBe(true);
  });
});

describe('BG/NBD on the CDNOW summary', () => {
  const histories = summaryHistories();
  const fit = fitBgNbd(histories);

  it('reproduces the published parameters to 3 significant digits', () => {
    expect(fit.converged).toBe(true);
    for (const key of ['r', 'alpha', 'a', 'b'] as const) {
      expect(sig3(fit.params[key]), key).toBe(sig3(PUBLISHED_BGNBD[key]));
      expect(Math.abs(fit.params[key] - PUBLISHED_BGNBD[key]), key).toBeLessThan(1e-3);
    }
  });

  it('reaches the published log-likelihood −9582.4, and the published point is not better', () => {
    expect(fit.logLikelihood).toBeCloseTo(-9582.4, 1);
    expect(bgnbdLogLikelihood(PUBLISHED_BGNBD, histories)).toBeLessThanOrEqual(fit.logLikelihood);
    expect(bgnbdLogLikelihood({ ...fit.params, r: fit.params.r * 1.01 }, histories)).toBeLessThan(fit.logLikelihood);
  });

  it("matches Hardie's spreadsheet predictions", () => {
    expect(Math.abs(conditionalExpectedPurchases(fit.params, 39, 2, 30.43, 38.86) - 1.226)).toBeLessThan(1e-3);
    const times = [0.1429, 1.0, 3.0, 31.8571, 32.0, 78.0];
    const expected = [0.0078, 0.0532, 0.1506, 1.0405, 1.0437, 1.8576];
    times.forEach((t, i) => expect(Math.abs(expectedPurchases(fit.params, t) - expected[i]), `t=${t}`).toBeLessThan(1e-3));
  });

  it('gives the same fit on the summary derived from the raw file', () => {
    const raw = readRaw();
    const derived = summarize(
      raw.map((row) => ({ customerId: row.sampleId, day: parseDay(row.date)!, amount: Number(row.dollars) })),
      { calibrationEnd: parseDay(CDNOW_CALIBRATION_END)! },
    );
    const p = fitBgNbd(derived).params;
    for (const key of ['r', 'alpha', 'a', 'b'] as const) expect(sig3(p[key]), key).toBe(sig3(PUBLISHED_BGNBD[key]));
  });
});

describe('Gamma-Gamma on the CDNOW repeat buyers', () => {
  const fit = fitGammaGamma(summaryHistories());

  it('uses the 946 repeat buyers and reproduces p = 6.25, q = 3.74, gamma = 15.44 to 3 significant digits', () => {
    expect(fit.customers).toBe(946);
    expect(fit.converged).toBe(true);
    expect(sig3(fit.params.p)).toBe(6.25);
    expect(sig3(fit.params.q)).toBe(3.74);
    expect(sig3(fit.params.gamma)).toBe(sig3(15.44));
    expect(Math.abs(fit.params.gamma - 15.44)).toBeLessThan(0.01);
  });
});
