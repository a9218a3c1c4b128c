import { describe, expect, it } from 'vitest';
import { summarize, type Transaction } from '../../src/analytics/summary';
import { churnWarnings, isLongAbsence, repeatBuyerMedianInterval, usualInterval } from '../../src/analytics/warning';

function buys(id: string, days: number[], amount = 10): Transaction[] {
  return days.map((day) => ({ customerId: id, day, amount }));
}

describe('churn early warning', () => {
  const end = 200;
  const tx = [
    // a: weekly for ten weeks, then silent for 130 days.
    ...buys('a', [0, 7, 14, 21, 28, 35, 42, 49, 56, 63, 70]),
    // b: steady monthly buyer, seen recently.
    ...buys('b', [0, 30, 60, 90, 120, 150, 180, 195]),
    // c: weekly until day 105, then only twice in the last 13 weeks.
    ...buys('c', [0, 7, 14, 21, 28, 35, 42, 49, 56, 63, 70, 77, 84, 91, 98, 105, 150, 190]),
    // d: one purchase long ago.
    ...buys('d', [10]),
  ];
  const summaries = summarize(tx, { calibrationEnd: end });
  const pAlive: Record<string, number> = { a: 0.2, b: 0.95, c: 0.8, d: 1 };
  const warnings = churnWarnings(summaries.map((s) => ({ summary: s, pAlive: pAlive[s.id], abc: s.id === 'a' ? 'A' : 'B' })));

  it('flags each at-risk customer with its reasons', () => {
    const byId = Object.fromEntries(warnings.map((w) => [w.id, w.reasons]));
    expect(byId).toEqual({
      a: ['high-value-slipping', 'low-p-alive', 'long-absence', 'falling-frequency'],
      c: ['falling-frequency'],
      d: ['long-absence'],
    });
  });

  it('orders by spend × (1 − P(alive)), then input order', () => {
    expect(warnings.map((w) => w.id)).toEqual(['a', 'c', 'd']);
    expect(warnings[0].valueAtRisk).toBeCloseTo(110 * 0.8, 12);
    expect(warnings[1].valueAtRisk).toBeCloseTo(180 * 0.2, 12);
  });

  it('measures one-time buyers against the median interval of repeat buyers', () => {
    const d = warnings.find((w) => w.id === 'd')!;
    // Intervals: a 10/10 = 1 week, b (195/7)/7, c (190/7)/17 → median is c's.
    expect(d.usualIntervalWeeks).toBeCloseTo(190 / 7 / 17, 12);
    expect(d.gapWeeks).toBeCloseTo(190 / 7, 12);
  });

  it('flags nobody when thresholds are relaxed', () => {
    const none = churnWarnings(
      summaries.map((s) => ({ summary: s, pAlive: pAlive[s.id] })),
      { absenceFactor: 100, lowPAlive: 0.1, fallingRatio: 0 },
    );
    expect(none).toEqual([]);
  });
});

// The model-free part of the rule, shared with the simulation's targeting (src/sim/segments.ts).
describe('the long-absence rule', () => {
  it('is strictly more than three usual intervals away', () => {
    expect(isLongAbsence(12, 4)).toBe(false);
    expect(isLongAbsence(12.5, 4)).toBe(true);
    expect(isLongAbsence(9, 2, 4)).toBe(true);
    expect(isLongAbsence(100, null)).toBe(false);
    expect(isLongAbsence(100, 0)).toBe(false);
  });

  it('uses the repeat buyers\' median interval for one-time buyers', () => {
    const median = repeatBuyerMedianInterval([
      { frequency: 2, recency: 8 },
      { frequency: 0, recency: 0 },
      { frequency: 1, recency: 10 },
      { frequency: 4, recency: 4 },
      { frequency: 3, recency: 9 },
    ]);
    // Intervals 4, 10, 1, 3 → median (3 + 4) / 2.
    expect(median).toBe(3.5);
    expect(usualInterval(0, 0, median)).toBe(3.5);
    expect(usualInterval(2, 8, median)).toBe(4);
    expect(repeatBuyerMedianInterval([{ frequency: 0, recency: 0 }])).toBeNull();
  });
});
