import { describe, expect, it } from 'vitest';
import { hyp2f1, hyp2f1DeltaOverB, lnBeta, lnGamma, lnRising } from '../../src/analytics/special';

const rel = (got: number, want: number) => Math.abs(got - want) / Math.abs(want);

describe('lnGamma', () => {
  it('matches known values', () => {
    expect(lnGamma(1)).toBe(0);
    expect(Math.abs(lnGamma(2))).toBeLessThan(1e-15);
    expect(rel(lnGamma(0.5), Math.log(Math.sqrt(Math.PI)))).toBeLessThan(1e-14);
    expect(rel(lnGamma(10), Math.log(362880))).toBeLessThan(1e-14);
    expect(rel(lnGamma(100), 359.13420536957539878)).toBeLessThan(1e-14);
    expect(rel(lnGamma(0.001), 6.9071788853838536)).toBeLessThan(1e-14);
    expect(rel(lnGamma(1e5), 1051287.7089736568)).toBeLessThan(1e-14);
    // Reflection: |Γ(−0.5)| = 2√π.
    expect(rel(lnGamma(-0.5), Math.log(2 * Math.sqrt(Math.PI)))).toBeLessThan(1e-14);
    expect(lnGamma(0)).toBe(Infinity);
    expect(lnGamma(-3)).toBe(Infinity);
  });

  it('satisfies Γ(x+1) = xΓ(x) across the range', () => {
    for (const x of [0.013, 0.37, 1.5, 4.25, 17.9, 250.5, 9999.1]) {
      expect(Math.abs(lnGamma(x + 1) - lnGamma(x) - Math.log(x)), `x=${x}`).toBeLessThan(1e-12 * Math.max(1, lnGamma(x + 1)));
    }
  });

  it('lnRising and lnBeta agree with lnGamma', () => {
    expect(lnRising(0.243, 0)).toBe(0);
    expect(lnRising(0.243, 3)).toBeCloseTo(Math.log(0.243 * 1.243 * 2.243), 14);
    expect(lnRising(2.5, 100)).toBeCloseTo(lnGamma(102.5) - lnGamma(2.5), 9);
    expect(lnBeta(2, 3)).toBeCloseTo(Math.log(1 / 12), 14);
  });
});

describe('hyp2f1', () => {
  it('matches closed forms', () => {
    for (const z of [0.1, 0.5, 0.9, 0.999]) {
      expect(rel(hyp2f1(1, 1, 2, z), -Math.log(1 - z) / z), `z=${z}`).toBeLessThan(1e-12);
      expect(rel(hyp2f1(0.7, 2.3, 2.3, z), Math.pow(1 - z, -0.7)), `z=${z}`).toBeLessThan(1e-13);
    }
    const s = 0.5;
    expect(rel(hyp2f1(0.5, 0.5, 1.5, s * s), Math.asin(s) / s)).toBeLessThan(1e-14);
    // Negative z goes through the Pfaff transform: 2F1(1,1;2;−x) = ln(1+x)/x.
    expect(rel(hyp2f1(1, 1, 2, -3), Math.log(4) / 3)).toBeLessThan(1e-13);
    // A non-positive integer parameter makes a polynomial: 2F1(−3,2;4;z) = 1 − 3/2 z + 9/10 z² − 1/5 z³.
    expect(hyp2f1(-3, 2, 4, 0.7)).toBeCloseTo(1 - 1.5 * 0.7 + 0.9 * 0.49 - 0.2 * 0.343, 14);
  });

  it('matches high-precision values (mpmath, 40 digits)', () => {
    const cases: [number, number, number, number, number][] = [
      [2.243, 4.426, 4.219, 0.47, 4.493036934011621],
      [0.243, 2.426, 2.219, 0.9, 1.9476311698186014],
      [10.2, 12.4, 12.2, 0.95, 32772421029921.999],
      [0.3, -0.7, 1.2, 0.6, 0.88793894442616912],
      [1.5, 2.5, 3.2, -0.8, 0.4933282256224236],
      [50.243, 52.426, 52.219, 0.3, 65129123.670333097],
    ];
    for (const [a, b, c, z, want] of cases) expect(rel(hyp2f1(a, b, c, z), want), `${a},${b},${c},${z}`).toBeLessThan(1e-13);
  });

  it('converges for very large parameters (degenerate model fits)', () => {
    const v = hyp2f1(0.2829, 20833238647113.164, 25084710217550.92, 0.6);
    // b/c ≈ 0.8305, so the series is close to (1 − 0.8305 z)^(−a).
    expect(rel(v, Math.pow(1 - (20833238647113.164 / 25084710217550.92) * 0.6, -0.2829))).toBeLessThan(1e-9);
  });

  it('hyp2f1DeltaOverB is (2F1 − 1)/b and stays exact as b → 0', () => {
    for (const z of [0.2, 0.7, 0.95]) {
      expect(rel(hyp2f1DeltaOverB(1, 0, 1, z), -Math.log(1 - z)), `z=${z}`).toBeLessThan(1e-13);
      expect(rel(hyp2f1DeltaOverB(2.3, 0.8, 4.1, z), (hyp2f1(2.3, 0.8, 4.1, z) - 1) / 0.8), `z=${z}`).toBeLessThan(1e-12);
    }
    expect(hyp2f1DeltaOverB(2.3, 1e-300, 4.1, 0.5)).toBeGreaterThan(0);
    expect(hyp2f1DeltaOverB(2.3, 0.8, 4.1, 0)).toBe(0);
  });

  it('rejects arguments outside its domain', () => {
    expect(() => hyp2f1(1, 1, 2, 1)).toThrow(RangeError);
    expect(() => hyp2f1(1, 1, -2, 0.5)).toThrow(RangeError);
  });
});
