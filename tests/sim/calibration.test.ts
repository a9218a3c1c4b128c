// Calibration: the simulation's purchase core is the BG/NBD model. 20,000 fresh customers of one segment, traits
// drawn by the simulation's own samplers (λ ~ Gamma(r, α), p ~ Beta(a, b)), are followed from their first purchase
// with every lever neutral — every multiplier on λ and p exactly 1 — through the same clock and dropout functions
// the weekly tick uses (src/sim/purchase.ts). The histogram of repeat purchases X(t) must match Fader, Hardie & Lee's
// P(X(t) = x) for the segment's (r, α, a, b), computed independently in src/analytics/bgnbd.ts.
//
// Consistency with the store's view: the store records at most one purchase-day a week, but the hidden process
// counts every purchase event and tosses the dropout coin after each, exactly as BG/NBD does; the histogram here
// counts events (what the model counts), not purchase-days.
import { describe, expect, it } from 'vitest';
import { expectedPurchases, probPurchases, type BgNbdParams } from '../../src/analytics/bgnbd';
import { Scenario } from '../../src/scenario/schema';
import { createPopulation } from '../../src/sim/population';
import { clockOut, dropoutAfter, purchaseEvents } from '../../src/sim/purchase';
import { uniform } from '../../src/sim/random';
import { tinyInput } from './helpers';

const N = 20000;

function simulate(params: BgNbdParams, weeks: number, seed: string): number[] {
  const input = tinyInput();
  const segment = { ...input.segments[0], share: 1, purchase: { r: params.r, alpha: params.alpha }, dropout: { a: params.a, b: params.b } };
  const sc = Scenario.parse({ ...input, population: { size: N, initialCustomers: 0, walkInRate: 0 }, segments: [segment] });
  const s = createPopulation(sc, seed);
  const counts: number[] = [];
  for (let i = 0; i < N; i++) {
    let clock = s.c.buyClock[i];
    let x = 0;
    for (let w = 0; w < weeks; w++) {
      const events = purchaseEvents(clock, s.c.lambda[i], s.keys.buy, i, w);
      clock = clockOut.clock;
      if (events === 0) continue;
      const dropAt = dropoutAfter(s.c.dropP[i], events, uniform(s.keys.dropout, i, w, 0));
      x += dropAt > 0 ? dropAt : events;
      if (dropAt > 0) break;
    }
    counts.push(x);
  }
  return counts;
}

/** Pearson chi-square of the simulated counts against P(X(t)=x), bins 0..top−1 and a pooled tail ≥ top. */
function chiSquare(counts: number[], params: BgNbdParams, t: number, top: number): { stat: number; df: number; rows: string[] } {
  const observed = new Array(top + 1).fill(0);
  for (const x of counts) observed[Math.min(x, top)]++;
  let stat = 0;
  let cumulative = 0;
  const rows: string[] = [];
  for (let x = 0; x <= top; x++) {
    const p = x < top ? probPurchases(params, t, x) : 1 - cumulative;
    cumulative += p;
    const expected = p * counts.length;
    stat += ((observed[x] - expected) * (observed[x] - expected)) / expected;
    rows.push(`${x}${x === top ? '+' : ''}: observed ${observed[x]}, expected ${expected.toFixed(1)}`);
  }
  return { stat, df: top, rows };
}

// Upper 0.1% points of the chi-square distribution.
const CHI2_999: Record<number, number> = { 8: 26.12, 10: 29.59, 12: 32.91 };

describe('BG/NBD calibration of the purchase core', () => {
  const cases: { name: string; params: BgNbdParams; weeks: number; top: number }[] = [
    // The bundled bubble-tea scenario's students segment over one season and over a year.
    { name: 'bubble-tea students, 13 weeks', params: { r: 2, alpha: 6, a: 1, b: 12 }, weeks: 13, top: 10 },
    { name: 'bubble-tea students, 52 weeks', params: { r: 2, alpha: 6, a: 1, b: 12 }, weeks: 52, top: 12 },
    // The published CDNOW fit (weekly), a sparse buyer base.
    { name: 'CDNOW (FHL 2005), 39 weeks', params: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, weeks: 39, top: 8 },
  ];
  for (const c of cases) {
    it(`${c.name}: the repeat-purchase histogram matches P(X(t)=x)`, () => {
      const counts = simulate(c.params, c.weeks, `calibration-${c.name}`);
      const { stat, df, rows } = chiSquare(counts, c.params, c.weeks, c.top);
      expect(stat, rows.join('\n')).toBeLessThan(CHI2_999[df]);
      const mean = counts.reduce((a, b) => a + b, 0) / counts.length;
      const model = expectedPurchases(c.params, c.weeks);
      // The mean within four standard errors (the count's sd is at most ~2.5× its mean for these parameters).
      expect(Math.abs(mean - model)).toBeLessThan(4 * Math.sqrt((2.5 * model * 2.5 * model + model) / counts.length));
    });
  }
});
