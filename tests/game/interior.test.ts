import { describe, expect, it } from 'vitest';
import { DESK_X, DESK_Y, MAX_LANES, MAX_QUEUE, Paths, WAYPOINTS, queueDepth, tillsOpen } from '../../src/game/paths';
import { SIGN_GLYPH, SIGN_KINDS } from '../../src/game/palette';

// What the store's interior tells: the queues' length follows the week's load, a customer who complained stands at
// the complaint desk, one till a member of staff, and every notice-board sign its own glyph.

describe('the store interior', () => {
  it('queues lengthen with the load, from one place to the most drawn', () => {
    expect(queueDepth(0)).toBe(1);
    expect(queueDepth(Number.NaN)).toBe(1);
    let last = 0;
    for (let load = 0.05; load < 4; load += 0.05) {
      const d = queueDepth(load);
      expect(d).toBeGreaterThanOrEqual(last);
      expect(d).toBeLessThanOrEqual(MAX_QUEUE);
      last = d;
    }
    expect(queueDepth(0.5)).toBeLessThan(queueDepth(1.5));
    expect(queueDepth(10)).toBe(MAX_QUEUE);
  });

  it('a longer queue reaches further from the till', () => {
    const deepest = (depth: number) => {
      const p = new Paths(200);
      let y = 0;
      for (let i = 0; i < 200; i++) {
        p.plan(i, 31 * i + 5, 0, 0.9, 2, depth);
        y = Math.max(y, p.y[i * WAYPOINTS + 5]);
      }
      return y;
    };
    expect(deepest(MAX_QUEUE)).toBeGreaterThan(deepest(1));
  });

  it('a customer with a complaint stands at the complaint desk instead of the shelves', () => {
    const p = new Paths(50);
    for (let i = 0; i < 50; i++) {
      p.plan(i, 7 * i + 1, 0, 0.9, 3, 4, true);
      const o = i * WAYPOINTS;
      expect(Math.abs(p.x[o + 3] - DESK_X)).toBeLessThanOrEqual(12);
      expect(p.y[o + 3]).toBeGreaterThan(DESK_Y);
      expect(p.y[o + 3]).toBeLessThan(DESK_Y + 50);
    }
  });

  it('opens one till a member of staff, at least one and at most the counter holds', () => {
    expect(tillsOpen(0)).toBe(2);
    expect(tillsOpen(3)).toBe(5);
    expect(tillsOpen(-5)).toBe(1);
    expect(tillsOpen(40)).toBe(MAX_LANES);
  });

  it('gives every notice-board sign a glyph of its own', () => {
    const glyphs = SIGN_KINDS.map((k) => SIGN_GLYPH[k]);
    expect(new Set(glyphs).size).toBe(glyphs.length);
    expect(glyphs.every((g) => g.trim().length > 0)).toBe(true);
  });
});
