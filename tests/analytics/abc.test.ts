import { describe, expect, it } from 'vitest';
import { abcClassify, customerPyramid, topShare } from '../../src/analytics/abc';

const revenues = [500, 100, 50, 200, 0, 150];

describe('ABC classification', () => {
  it('uses 70/20/10 cumulative-share cuts by default', () => {
    // Order 500, 200, 150, 100, 50, 0; cumulative share before each: 0, .5, .7, .85, .95.
    expect(abcClassify(revenues)).toEqual(['A', 'B', 'C', 'A', 'C', 'B']);
  });

  it('accepts other cuts', () => {
    expect(abcClassify(revenues, { aShare: 0.5, bShare: 0.3 })).toEqual(['A', 'C', 'C', 'B', 'C', 'B']);
    expect(abcClassify(revenues, { aShare: 0.8, bShare: 0.2 })).toEqual(['A', 'B', 'B', 'A', 'C', 'A']);
  });

  it('keeps the customer who crosses a cut in the upper class, so a dominant customer is A alone', () => {
    // 900 alone reaches 0.9, so the next customer starts at the B/C cut and is C.
    expect(abcClassify([10, 900, 90])).toEqual(['C', 'A', 'C']);
    expect(abcClassify([10, 800, 190])).toEqual(['C', 'A', 'B']);
  });

  it('classes zero and negative revenue and an all-zero store as C', () => {
    expect(abcClassify([0, -5, 10])).toEqual(['C', 'C', 'A']);
    expect(abcClassify([0, 0])).toEqual(['C', 'C']);
    expect(() => abcClassify(revenues, { aShare: 0.8, bShare: 0.3 })).toThrow(RangeError);
  });
});

describe('customer pyramid', () => {
  it('counts customers and revenue per class', () => {
    const pyramid = customerPyramid(revenues, abcClassify(revenues));
    expect(pyramid).toEqual([
      { abc: 'A', customers: 2, customerShare: 2 / 6, revenue: 700, revenueShare: 0.7 },
      { abc: 'B', customers: 2, customerShare: 2 / 6, revenue: 250, revenueShare: 0.25 },
      { abc: 'C', customers: 2, customerShare: 2 / 6, revenue: 50, revenueShare: 0.05 },
    ]);
  });

  it('reports the revenue share of the top 10% and 20% of customers', () => {
    expect(topShare(revenues, 0.1)).toBe(0.5); // ⌈0.6⌉ = 1 customer
    expect(topShare(revenues, 0.2)).toBe(0.7); // ⌈1.2⌉ = 2 customers
    const tenEach = Array.from({ length: 10 }, (_, i) => i + 1); // total 55
    expect(topShare(tenEach, 0.2)).toBeCloseTo(19 / 55, 15);
    expect(topShare(tenEach, 1)).toBe(1);
    expect(topShare([], 0.2)).toBe(0);
  });
});
