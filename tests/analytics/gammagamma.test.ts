import { describe, expect, it } from 'vitest';
import { fitBgNbd } from '../../src/analytics/bgnbd';
import { fitGammaGamma, gammaGammaLogLikelihood } from '../../src/analytics/gammagamma';
import { lnGamma } from '../../src/analytics/special';

describe('Gamma-Gamma likelihood and fit', () => {
  it('equals the Fader–Hardie (2013) formula and ignores one-time buyers and non-positive spends', () => {
    const params = { p: 6.25, q: 3.74, gamma: 15.44 };
    const rows = [
      { frequency: 2, monetary: 22.35 },
      { frequency: 5, monetary: 40 },
      { frequency: 0, monetary: 0 },
      { frequency: 3, monetary: 0 },
    ];
    const one = (x: number, z: number) => {
      const { p, q, gamma } = params;
      return (
        lnGamma(p * x + q) - lnGamma(p * x) - lnGamma(q) + q * Math.log(gamma) + (p * x - 1) * Math.log(z) + p * x * Math.log(x) - (p * x + q) * Math.log(gamma + x * z)
      );
    };
    expect(gammaGammaLogLikelihood(params, rows)).toBeCloseTo(one(2, 22.35) + one(5, 40), 10);
    expect(() => fitGammaGamma([{ frequency: 1, monetary: 5 }, { frequency: 0, monetary: 0 }])).toThrow(RangeError);
  });

  it('ends quickly when customers hardly differ in mean spend (q, γ run off together)', () => {
    // Every customer's mean spend is 20 ± a little within-customer noise.
    const rows = Array.from({ length: 3000 }, (_, i) => ({ frequency: 1 + (i % 6), monetary: 20 + ((i * 7919) % 101) / 100 - 0.5 }));
    const fit = fitGammaGamma(rows);
    expect(fit.converged).toBe(true);
    expect(fit.evaluations).toBeLessThan(3000);
    const { p, q, gamma } = fit.params;
    expect(q).toBeGreaterThan(100);
    expect((p * gamma) / (q - 1)).toBeCloseTo(20, 0);
  });

  it('BG/NBD ends quickly when customers share one purchase rate (r, α run off together)', () => {
    // Everyone buys every 3 weeks and never leaves.
    const rows = Array.from({ length: 3000 }, (_, i) => {
      const T = 30 + (i % 10);
      const x = Math.floor(T / 3);
      return { frequency: x, recency: 3 * x, T };
    });
    const fit = fitBgNbd(rows);
    expect(fit.evaluations).toBeLessThan(5000);
    expect(fit.params.r / fit.params.alpha).toBeCloseTo(1 / 3, 1);
  });
});
