import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  cutoffProblem,
  quintileCutoffs,
  quintileScores,
  rfmGroup,
  rfmImportance,
  rfmQuintileCuts,
  rfmScores,
  rfmSegment,
  scoresWithCutoffs,
  RFM_SEGMENTS,
} from '../../src/analytics/rfm';

describe('RFM scores', () => {
  // Ten customers c1..c10 with ties in frequency and monetary.
  const customers = [
    { recencyGap: 1, frequency: 1, monetary: 50 },
    { recencyGap: 2, frequency: 1, monetary: 400 },
    { recencyGap: 3, frequency: 1, monetary: 20 },
    { recencyGap: 4, frequency: 1, monetary: 90 },
    { recencyGap: 5, frequency: 2, monetary: 90 },
    { recencyGap: 6, frequency: 2, monetary: 10 },
    { recencyGap: 7, frequency: 3, monetary: 300 },
    { recencyGap: 8, frequency: 5, monetary: 700 },
    { recencyGap: 9, frequency: 8, monetary: 1200 },
    { recencyGap: 10, frequency: 1, monetary: 60 },
  ];

  it('scores quintiles by rank, most recent = 5, equal values sharing the score of the first of them', () => {
    const scores = rfmScores(customers);
    // F: the five one-time buyers all score 1; both F = 2 customers score 3 (they beat 5 of 10); M = 90 twice: 3.
    expect(scores.map((s) => `${s.r}${s.f}${s.m}`)).toEqual(['512', '514', '411', '413', '333', '331', '244', '255', '155', '112']);
  });

  it('maps them to the ten segments, the four course groups (R × F) and 重要 / 一般 (M)', () => {
    const scores = rfmScores(customers);
    expect(scores.map((s) => rfmSegment(s.r, s.f))).toEqual([
      'new',
      'new',
      'promising',
      'promising',
      'need-attention',
      'need-attention',
      'at-risk',
      'cant-lose',
      'cant-lose',
      'hibernating',
    ]);
    expect(scores.map(rfmGroup)).toEqual([
      'developing',
      'developing',
      'developing',
      'developing',
      'high-value',
      'high-value',
      'keep',
      'keep',
      'keep',
      'win-back',
    ]);
    expect(scores.map(rfmImportance)).toEqual([
      'general',
      'important',
      'general',
      'important',
      'important',
      'general',
      'important',
      'important',
      'important',
      'general',
    ]);
  });

  it('gives equal values equal scores, whatever their order in the input', () => {
    expect(quintileScores([7, 7, 7, 7, 7, 7, 7, 7, 7, 7], true)).toEqual([1, 1, 1, 1, 1, 1, 1, 1, 1, 1]);
    expect(quintileScores([7, 7, 7, 7, 7, 7, 7, 7, 7, 7], false)).toEqual([1, 1, 1, 1, 1, 1, 1, 1, 1, 1]);
    expect(quintileScores([3, 1, 2], true)).toEqual([4, 1, 2]);
    expect(quintileScores([], true)).toEqual([]);
    expect(quintileScores([5], false)).toEqual([1]);
    // The same cents added in another order are the same spend.
    expect(quintileScores([0.1 + 0.2, 0.3, 1, 2, 3], true)).toEqual([1, 1, 3, 4, 5]);
  });

  it('keeps customers last seen the same number of weeks ago on one side of the R ≥ 3 line', () => {
    // 200 customers: 61 last seen exactly 5 weeks ago sit where rank order used to cut between R = 2 and R = 3.
    const gaps: number[] = [];
    for (let i = 0; i < 200; i++) gaps.push(i < 61 ? 5 : i < 120 ? 1 + (i % 4) : 6 + (i % 20));
    // Interleave so that ids do not follow the value.
    const shuffled = gaps.map((g, i) => ({ g, k: (i * 37) % 200 })).sort((a, b) => a.k - b.k).map((x) => x.g);
    const r = quintileScores(shuffled, false);
    const atFive = new Set(r.filter((_, i) => shuffled[i] === 5));
    expect(atFive.size).toBe(1);
    const groups = new Set(
      shuffled.map((g, i) => (g === 5 ? rfmGroup({ r: r[i], f: 3, m: 3 }) : null)).filter((x) => x !== null),
    );
    expect(groups.size).toBe(1);
  });

  it('is monotone, ties equal, and balanced without ties (random inputs)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 12 }), { minLength: 1, maxLength: 80 }), fc.boolean(), (values, higher) => {
        const s = quintileScores(values, higher);
        for (let i = 0; i < values.length; i++) {
          for (let j = 0; j < values.length; j++) {
            if (values[i] === values[j]) expect(s[i]).toBe(s[j]);
            const better = higher ? values[i] > values[j] : values[i] < values[j];
            if (better) expect(s[i]).toBeGreaterThanOrEqual(s[j]);
          }
        }
        // The worst value scores 1; the scores are the same when read through the cut-offs they amount to.
        expect(Math.min(...s)).toBe(1);
        expect(scoresWithCutoffs(values, quintileCutoffs(values, higher), higher)).toEqual(s);
      }),
      { numRuns: 200 },
    );
    const distinct = Array.from({ length: 50 }, (_, i) => (i * 17) % 50);
    const counts = [1, 2, 3, 4, 5].map((q) => quintileScores(distinct, true).filter((x) => x === q).length);
    expect(counts).toEqual([10, 10, 10, 10, 10]);
  });
});

describe('RFM cut-offs', () => {
  const customers = [
    { recencyGap: 1, frequency: 1, monetary: 50 },
    { recencyGap: 2, frequency: 1, monetary: 400 },
    { recencyGap: 3, frequency: 1, monetary: 20 },
    { recencyGap: 4, frequency: 1, monetary: 90 },
    { recencyGap: 5, frequency: 2, monetary: 90 },
    { recencyGap: 6, frequency: 2, monetary: 10 },
    { recencyGap: 7, frequency: 3, monetary: 300 },
    { recencyGap: 8, frequency: 5, monetary: 700 },
    { recencyGap: 9, frequency: 8, monetary: 1200 },
    { recencyGap: 10, frequency: 1, monetary: 60 },
  ];

  it('gives the cut-offs the quintile scores amount to: the worst value that still earns each score', () => {
    const cuts = rfmQuintileCuts(customers);
    expect(cuts).toEqual({ r: [8, 6, 4, 2], f: [2, 2, 3, 5], m: [50, 90, 300, 700] });
    expect(rfmScores(customers, cuts)).toEqual(rfmScores(customers));
    // Nobody beats anybody: nobody earns more than 1.
    expect(quintileCutoffs([4, 4, 4], true)).toEqual([null, null, null, null]);
  });

  it('scores with a class\'s own cut-offs: F ≥ 2, 3, 5, 8 and R ≤ 8, 6, 4, 2 weeks', () => {
    const scores = rfmScores(customers, { r: [8, 6, 4, 2], f: [2, 3, 5, 8], m: [30, 60, 100, 500] });
    expect(scores.map((s) => `${s.r}${s.f}${s.m}`)).toEqual(['512', '514', '411', '413', '323', '321', '234', '245', '155', '113']);
    expect(scoresWithCutoffs([1, 2, 9], [2, 2, null, null], true)).toEqual([1, 3, 3]);
  });

  it('names the first cut-off out of order', () => {
    expect(cutoffProblem([2, 3, 5, 8], true)).toBe(-1);
    expect(cutoffProblem([2, 2, 5, 8], true)).toBe(-1);
    expect(cutoffProblem([2, 5, 3, 8], true)).toBe(2);
    expect(cutoffProblem([8, 6, 4, 2], false)).toBe(-1);
    expect(cutoffProblem([8, 6, 7, 2], false)).toBe(2);
    expect(cutoffProblem([2, null, 5, null], true)).toBe(2);
    expect(cutoffProblem([2, NaN, 5, 8], true)).toBe(1);
    expect(cutoffProblem([2, 3], true)).toBe(2);
    expect(() => scoresWithCutoffs([1], [3, 2, 1, 0], true)).toThrow(RangeError);
  });
});

describe('segment map', () => {
  // Rows R = 5..1, columns F = 1..5.
  const table: Record<number, string[]> = {
    5: ['new', 'potential-loyalists', 'potential-loyalists', 'champions', 'champions'],
    4: ['promising', 'potential-loyalists', 'potential-loyalists', 'loyal', 'loyal'],
    3: ['about-to-sleep', 'about-to-sleep', 'need-attention', 'loyal', 'loyal'],
    2: ['hibernating', 'hibernating', 'at-risk', 'at-risk', 'cant-lose'],
    1: ['hibernating', 'hibernating', 'at-risk', 'at-risk', 'cant-lose'],
  };

  it('maps all 25 R×F cells, each to exactly the expected segment, using all ten segments', () => {
    const used = new Set<string>();
    for (let r = 1; r <= 5; r++) {
      for (let f = 1; f <= 5; f++) {
        const s = rfmSegment(r, f);
        expect(s, `R${r}F${f}`).toBe(table[r][f - 1]);
        used.add(s);
      }
    }
    expect([...used].sort()).toEqual([...RFM_SEGMENTS].sort());
  });

  it('rejects scores outside 1–5', () => {
    expect(() => rfmSegment(0, 3)).toThrow(RangeError);
    expect(() => rfmSegment(3, 6)).toThrow(RangeError);
    expect(() => rfmGroup({ r: 3, f: 3, m: 2.5 })).toThrow(RangeError);
  });

  it('puts the group boundary at R ≥ 3 and F ≥ 3; M decides 重要 / 一般 only', () => {
    expect(rfmGroup({ r: 3, f: 3, m: 1 })).toBe('high-value');
    // Recent, seldom, big spender: 重要发展客户, a developing customer (the old (F + M) / 2 rule said high-value).
    expect(rfmGroup({ r: 3, f: 1, m: 5 })).toBe('developing');
    expect(rfmImportance({ r: 3, f: 1, m: 5 })).toBe('important');
    expect(rfmGroup({ r: 2, f: 5, m: 1 })).toBe('keep');
    expect(rfmImportance({ r: 2, f: 5, m: 1 })).toBe('general');
    expect(rfmGroup({ r: 2, f: 2, m: 5 })).toBe('win-back');
    expect(rfmImportance({ r: 1, f: 1, m: 3 })).toBe('important');
  });
});
