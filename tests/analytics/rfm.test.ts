import { describe, expect, it } from 'vitest';
import { quintileScores, rfmGroup, rfmScores, rfmSegment, RFM_SEGMENTS } from '../../src/analytics/rfm';

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

  it('scores quintiles by rank order, most recent = 5, ties broken by customer order', () => {
    const scores = rfmScores(customers);
    expect(scores.map((s) => `${s.r}${s.f}${s.m}`)).toEqual(['512', '514', '421', '423', '333', '341', '244', '255', '155', '132']);
  });

  it('maps them to the ten segments and the four course groups', () => {
    const scores = rfmScores(customers);
    expect(scores.map((s) => rfmSegment(s.r, s.f))).toEqual([
      'new',
      'new',
      'potential-loyalists',
      'potential-loyalists',
      'need-attention',
      'loyal',
      'at-risk',
      'cant-lose',
      'cant-lose',
      'at-risk',
    ]);
    expect(scores.map(rfmGroup)).toEqual([
      'developing',
      'developing',
      'developing',
      'developing',
      'high-value',
      'developing',
      'keep',
      'keep',
      'keep',
      'win-back',
    ]);
  });

  it('gives each quintile n/5 customers even when all values tie', () => {
    expect(quintileScores([7, 7, 7, 7, 7, 7, 7, 7, 7, 7], true)).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
    expect(quintileScores([3, 1, 2], true)).toEqual([4, 1, 2]);
    expect(quintileScores([], true)).toEqual([]);
    expect(quintileScores([5], false)).toEqual([1]);
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

  it('puts the group boundary at R ≥ 3 and (F + M) / 2 ≥ 3', () => {
    expect(rfmGroup({ r: 3, f: 3, m: 3 })).toBe('high-value');
    expect(rfmGroup({ r: 3, f: 1, m: 4 })).toBe('developing');
    expect(rfmGroup({ r: 2, f: 5, m: 1 })).toBe('keep');
    expect(rfmGroup({ r: 2, f: 2, m: 3 })).toBe('win-back');
  });
});
