// Counter-based dice: pinned outputs (a change would silently re-deal every game ever played), the (0,1) range,
// address independence, and crude distribution checks of the samplers the population is drawn with.
import { describe, expect, it } from 'vitest';
import { beta, betaMean, Dice, gamma, normal, normalQuantile, STREAMS, streamKeys, uniform } from '../../src/sim/random';

describe('stream keys', () => {
  it('derive exactly these keys from "seed-1"', () => {
    expect(streamKeys('seed-1')).toEqual({
      traits: 2013209337,
      acquire: 3663883473,
      buy: 384710549,
      spend: 2386939866,
      experience: 3095672704,
      complaint: 1301113561,
      dropout: 510723894,
      competitor: 130414619,
      contact: 489605302,
      winback: 672460170,
      info: 1492705927,
      survey: 1106248996,
      life: 2407347630,
      store: 4069403113,
    });
  });

  it('are unsigned 32-bit integers, one per stream, all different, and differ between seeds', () => {
    const a = streamKeys('seed-1');
    const b = streamKeys('seed-2');
    expect(Object.keys(a)).toEqual([...STREAMS]);
    for (const v of Object.values(a)) {
      expect(Number.isInteger(v)).toBe(true);
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThan(2 ** 32);
    }
    expect(new Set(Object.values(a)).size).toBe(STREAMS.length);
    for (const name of STREAMS) expect(b[name], name).not.toBe(a[name]);
    expect(streamKeys('seed-1')).toEqual(a);
  });
});

describe('uniform', () => {
  it('gives exactly these values', () => {
    expect(uniform(0, 0, 0, 0)).toBe(0.2637160805752501);
    expect(uniform(123, 4, 5, 6)).toBe(0.15308371640276164);
    expect(uniform(0xffffffff, 99999, 1000, 3)).toBe(0.6140281517291442);
    const k = streamKeys('seed-1');
    expect(uniform(k.buy, 7, 3, 0)).toBe(0.9185845946194604);
    expect(uniform(k.traits, 0, 0, 0)).toBe(0.7305713578825817);
  });

  it('stays strictly inside (0, 1), also at extreme addresses', () => {
    let lo = 1;
    let hi = 0;
    const ids = [0, 1, -1, 2 ** 31 - 1, -(2 ** 31), 0x7fffffff, 200000];
    for (const key of [0, 1, 0xffffffff, 0x80000000]) {
      for (const id of ids) {
        for (let week = -2; week < 60; week++) {
          for (let slot = 0; slot < 10; slot++) {
            const u = uniform(key, id, week, slot);
            lo = Math.min(lo, u);
            hi = Math.max(hi, u);
          }
        }
      }
    }
    for (let k = 0; k < 200_000; k++) {
      const u = uniform(42, k, 0, 0);
      lo = Math.min(lo, u);
      hi = Math.max(hi, u);
    }
    expect(lo).toBeGreaterThan(0);
    expect(hi).toBeLessThan(1);
  });

  it('changes when any single argument changes, and does not confuse argument positions', () => {
    let same = 0;
    let swapped = 0;
    const n = 20_000;
    for (let k = 0; k < n; k++) {
      const key = (k * 2654435761) >>> 0;
      const id = k % 4000;
      const week = k % 52;
      const slot = k % 7;
      const u = uniform(key, id, week, slot);
      if (uniform(key + 1, id, week, slot) === u) same++;
      if (uniform(key, id + 1, week, slot) === u) same++;
      if (uniform(key, id, week + 1, slot) === u) same++;
      if (uniform(key, id, week, slot + 1) === u) same++;
      if (id !== week && uniform(key, week, id, slot) === u) swapped++;
      if (week !== slot && uniform(key, id, slot, week) === u) swapped++;
    }
    // A 32-bit value collides by chance about once in 4 billion: none expected in 120 000 comparisons.
    expect(same).toBe(0);
    expect(swapped).toBe(0);
  });

  it('neighbouring ids, weeks and slots are uncorrelated', () => {
    const n = 100_000;
    const corr = (f: (k: number) => number, g: (k: number) => number) => {
      let sx = 0;
      let sy = 0;
      let sxy = 0;
      let sxx = 0;
      let syy = 0;
      for (let k = 0; k < n; k++) {
        const x = f(k);
        const y = g(k);
        sx += x;
        sy += y;
        sxy += x * y;
        sxx += x * x;
        syy += y * y;
      }
      const cov = sxy / n - (sx / n) * (sy / n);
      return cov / Math.sqrt((sxx / n - (sx / n) ** 2) * (syy / n - (sy / n) ** 2));
    };
    const key = streamKeys('corr').buy;
    expect(Math.abs(corr((k) => uniform(key, k, 0, 0), (k) => uniform(key, k + 1, 0, 0)))).toBeLessThan(0.015);
    expect(Math.abs(corr((k) => uniform(key, 5, k, 0), (k) => uniform(key, 5, k + 1, 0)))).toBeLessThan(0.015);
    expect(Math.abs(corr((k) => uniform(key, k, 3, 0), (k) => uniform(key, k, 3, 1)))).toBeLessThan(0.015);
    const other = streamKeys('corr').spend;
    expect(Math.abs(corr((k) => uniform(key, k, 3, 0), (k) => uniform(other, k, 3, 0)))).toBeLessThan(0.015);
  });

  it('is uniform: mean ≈ 1/2, variance ≈ 1/12, and even deciles over 100 000 draws', () => {
    const n = 100_000;
    const key = streamKeys('dist').experience;
    const bins = new Array(10).fill(0);
    let sum = 0;
    let sq = 0;
    for (let k = 0; k < n; k++) {
      const u = uniform(key, k % 5000, Math.floor(k / 5000), 0);
      sum += u;
      sq += u * u;
      bins[Math.floor(u * 10)]++;
    }
    const mean = sum / n;
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.004);
    expect(Math.abs(sq / n - mean * mean - 1 / 12)).toBeLessThan(0.002);
    // χ² with 9 degrees of freedom: 27.9 is the 0.1% tail.
    const chi2 = bins.reduce((a, b) => a + (b - n / 10) ** 2 / (n / 10), 0);
    expect(chi2).toBeLessThan(27.9);
  });
});

describe('Dice', () => {
  it('gives exactly this sequence and restarts when re-addressed', () => {
    const k = streamKeys('seed-1');
    const d = new Dice(k.traits, 1, 2, 3);
    const seq = [d.next(), d.next(), d.next()];
    expect(seq).toEqual([0.6769595741061494, 0.6673123188083991, 0.035948400967754424]);
    d.at(k.buy, 9, 9, 9);
    const other = d.next();
    expect(other).not.toBe(seq[0]);
    expect(d.at(k.traits, 1, 2, 3).next()).toBe(seq[0]);
  });

  it('pins the samplers on fixed dice', () => {
    const k = streamKeys('seed-1');
    expect(gamma(new Dice(k.spend, 5, 0, 0), 2.5, 1.5)).toBe(2.866848112697339);
    expect(normal(new Dice(k.spend, 5, 0, 1))).toBe(-1.3148479628150689);
    expect(beta(new Dice(k.spend, 5, 0, 2), 2, 3)).toBe(0.4177040175037304);
  });
});

/** Sample mean and variance of n draws, each from its own dice address. */
function moments(n: number, draw: (d: Dice) => number): { mean: number; variance: number; min: number } {
  const key = streamKeys('moments').traits;
  const d = new Dice(0, 0, 0, 0);
  let s = 0;
  let sq = 0;
  let min = Infinity;
  for (let k = 0; k < n; k++) {
    const x = draw(d.at(key, k, 0, 0));
    s += x;
    sq += x * x;
    min = Math.min(min, x);
  }
  const mean = s / n;
  return { mean, variance: sq / n - mean * mean, min };
}

describe('samplers', () => {
  it.each([
    [0.5, 0],
    [0.975, 1.959963984540054],
    [0.025, -1.959963984540054],
    [0.8, 0.8416212335729143],
    [0.07, -1.4757910281791702],
    [0.999, 3.090232306167813],
    [1e-10, -6.361340902404056],
    [1 - 2 ** -32, 6.230260137989042],
    [1e-12, -7.034483825301132],
  ])('normal quantile of %s is %s to a few ulps, in every region of AS 241', (p, z) => {
    expect(Math.abs(normalQuantile(p) - z)).toBeLessThanOrEqual(4 * Number.EPSILON * Math.max(1, Math.abs(z)));
  });

  it('normal quantile is odd: Φ⁻¹(1 − p) = −Φ⁻¹(p)', () => {
    // Probabilities whose complement is exact, so only the algorithm is compared.
    for (const p of [0.25, 0.125, 2 ** -10, 2 ** -20, 2 ** -32]) expect(normalQuantile(1 - p)).toBe(-normalQuantile(p));
  });

  it('normal has mean 0 and variance 1', () => {
    const m = moments(50_000, normal);
    expect(Math.abs(m.mean)).toBeLessThan(0.02);
    expect(Math.abs(m.variance - 1)).toBeLessThan(0.03);
  });

  it.each([0.1, 0.3, 0.7, 1, 2.5, 9])('gamma(shape %s, rate 2) has mean shape/rate and variance shape/rate²', (shape) => {
    const n = 40_000;
    const rate = 2;
    const m = moments(n, (d) => gamma(d, shape, rate));
    expect(m.min).toBeGreaterThanOrEqual(0);
    const mean = shape / rate;
    const variance = shape / rate ** 2;
    // Four standard errors of each estimate (the variance's error grows with the gamma's kurtosis, 6/shape).
    expect(Math.abs(m.mean - mean)).toBeLessThan((4 * Math.sqrt(variance)) / Math.sqrt(n));
    expect(Math.abs(m.variance - variance) / variance).toBeLessThan(4 * Math.sqrt((6 / shape + 2) / n));
  });

  it.each([
    [2, 3],
    [0.5, 0.5],
    [5, 1],
    [1, 12],
  ])('beta(%s, %s) has mean a/(a+b) and stays in [0, 1]', (a, b) => {
    const n = 20_000;
    const m = moments(n, (d) => beta(d, a, b));
    const variance = (a * b) / ((a + b) ** 2 * (a + b + 1));
    expect(Math.abs(m.mean - a / (a + b))).toBeLessThan((4 * Math.sqrt(variance)) / Math.sqrt(n));
    expect(m.min).toBeGreaterThanOrEqual(0);
  });

  it('betaMean centres on the mean asked for, clamped to [0.01, 0.99]', () => {
    expect(Math.abs(moments(20_000, (d) => betaMean(d, 0.3, 6)).mean - 0.3)).toBeLessThan(0.006);
    expect(Math.abs(moments(20_000, (d) => betaMean(d, 0, 24)).mean - 0.01)).toBeLessThan(0.002);
    expect(Math.abs(moments(20_000, (d) => betaMean(d, 1, 24)).mean - 0.99)).toBeLessThan(0.002);
  });
});
