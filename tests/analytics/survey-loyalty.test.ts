import { describe, expect, it } from 'vitest';
import { activeCustomers, averageShareOfWallet, repeatPurchaseRate, retentionRate, shareOfWallet } from '../../src/analytics/loyalty';
import { netPromoterScore, satisfactionIndex } from '../../src/analytics/satisfaction';

describe('NPS', () => {
  it('is % promoters minus % detractors with passives in the denominator', () => {
    expect(netPromoterScore([10, 9, 8, 7, 6, 0, 10, 3, 9, 5])).toEqual({ respondents: 10, promoters: 4, passives: 2, detractors: 4, nps: 0 });
    expect(netPromoterScore([10, 10, 9, 8, 2]).nps).toBe(40);
    expect(netPromoterScore([7, 8, 8]).nps).toBe(0);
    expect(netPromoterScore([6, 6, 9]).nps).toBeCloseTo(-100 / 3, 12);
    expect(netPromoterScore([]).nps).toBe(0);
  });

  it('rejects answers that are not integers 0–10', () => {
    expect(() => netPromoterScore([11])).toThrow(RangeError);
    expect(() => netPromoterScore([7.5])).toThrow(RangeError);
    expect(() => netPromoterScore([-1])).toThrow(RangeError);
  });
});

describe('satisfaction index', () => {
  it('rescales answers to 0–100 and averages respondents', () => {
    expect(satisfactionIndex([[5, 5, 5], [1, 1, 1]])).toBe(50);
    expect(satisfactionIndex([[4, 4]])).toBe(75);
    expect(satisfactionIndex([[7]], { min: 1, max: 7 })).toBe(100);
  });

  it('weights items and skips unanswered ones', () => {
    // (2 · 0.75 + 1 · 0.25) / 3 · 100
    expect(satisfactionIndex([[4, null, 2]], { weights: [2, 1, 1] })).toBeCloseTo(175 / 3, 12);
    expect(satisfactionIndex([[null, null]])).toBeNull();
    expect(() => satisfactionIndex([[6]])).toThrow(RangeError);
  });
});

describe('loyalty', () => {
  it('repeat-purchase rate is the share of customers with a repeat purchase-day', () => {
    expect(repeatPurchaseRate([{ frequency: 0 }, { frequency: 2 }, { frequency: 1 }, { frequency: 0 }])).toBe(0.5);
    expect(repeatPurchaseRate([])).toBe(0);
  });

  it('retention rate is the share of earlier-period customers active again later', () => {
    const tx = [
      { customerId: 'a', day: 1, amount: 1 },
      { customerId: 'b', day: 2, amount: 1 },
      { customerId: 'c', day: 3, amount: 1 },
      { customerId: 'd', day: 4, amount: 1 },
      { customerId: 'a', day: 40, amount: 1 },
      { customerId: 'c', day: 41, amount: 1 },
      { customerId: 'e', day: 42, amount: 1 },
    ];
    const q1 = activeCustomers(tx, 0, 30);
    const q2 = activeCustomers(tx, 31, 60);
    expect(retentionRate(q1, q2)).toBe(0.5);
    expect(retentionRate([], q2)).toBeNull();
  });

  it('share of wallet is known only with a positive category total', () => {
    expect(shareOfWallet(30, 120)).toBe(0.25);
    expect(shareOfWallet(30, 20)).toBe(1);
    expect(shareOfWallet(30, null)).toBeNull();
    expect(shareOfWallet(30, 0)).toBeNull();
    expect(averageShareOfWallet([{ ourSpend: 30, categorySpend: 120 }, { ourSpend: 10, categorySpend: undefined }, { ourSpend: 50, categorySpend: 100 }])).toBe(0.375);
  });
});
