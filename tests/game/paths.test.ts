import { describe, expect, it } from 'vitest';
import { COUNTER_Y, Paths, W, WAYPOINTS, Where } from '../../src/game/paths';
import { CROWD_CAP, markedVisitor, roster } from '../../src/store/crowd-roster';

// The crowd's routes and who gets a figure: pure functions, checked without a browser.

describe('visitor paths', () => {
  it('run from off-scene, through the store, back off-scene, within the planned visit', () => {
    const p = new Paths(64);
    for (let i = 0; i < 64; i++) {
      const start = i / 64;
      const duration = 0.75 + (i % 5) * 0.05;
      p.plan(i, 1000 + i, start, duration, 1 + (i % 8));
      expect(p.at(i, start - 0.001)).toBe(Where.NotYet);
      expect(p.end(i)).toBeCloseTo(start + duration, 9);
      expect(p.at(i, p.end(i))).toBe(Where.Gone);
      const o = i * WAYPOINTS;
      expect(p.x[o] < 0 || p.x[o] > W).toBe(true);
      expect(p.x[o + WAYPOINTS - 1] < 0 || p.x[o + WAYPOINTS - 1] > W).toBe(true);
      // Buying happens at a till, in front of the counter.
      expect(p.y[o + 6]).toBe(COUNTER_Y + 60);
    }
  });

  it('walk, then stand while browsing, queueing and buying', () => {
    const p = new Paths(1);
    p.plan(0, 7, 0, 0.9, 2);
    const kinds = new Set<number>();
    let lastX = NaN;
    for (let t = 0; t < 0.9; t += 0.001) {
      const w = p.at(0, t);
      kinds.add(w);
      if (w === Where.Walking && !Number.isNaN(lastX)) expect(Math.abs(p.px - lastX)).toBeLessThan(20);
      lastX = p.px;
    }
    expect(kinds).toEqual(new Set([Where.Walking, Where.Standing]));
  });

  it('are the same on every replay and differ between figures', () => {
    const a = new Paths(2);
    const b = new Paths(2);
    a.plan(0, 42, 0.1, 0.8, 3);
    b.plan(0, 42, 0.1, 0.8, 3);
    a.plan(1, 43, 0.1, 0.8, 3);
    expect(Array.from(b.x.subarray(0, WAYPOINTS))).toEqual(Array.from(a.x.subarray(0, WAYPOINTS)));
    expect(Array.from(a.x.subarray(WAYPOINTS, 2 * WAYPOINTS))).not.toEqual(Array.from(a.x.subarray(0, WAYPOINTS)));
  });
});

describe('crowd roster', () => {
  const visitors = (n: number) => Array.from({ length: n }, (_, id) => ({ id, stage: 1, mood: 2, complained: false }));

  it('draws one figure per visit: the sample marked, the rest plain', () => {
    expect(roster({ visits: 150, visitors: visitors(48) })).toEqual({ visits: 150, shown: 150, marked: 48, anonymous: 102 });
  });

  it('caps a busy week and spreads the marked figures over the whole sample', () => {
    const r = roster({ visits: 900, visitors: visitors(900) });
    expect(r).toEqual({ visits: 900, shown: CROWD_CAP, marked: CROWD_CAP, anonymous: 0 });
    const picked = Array.from({ length: r.marked }, (_, j) => markedVisitor(j, r, 900));
    expect(new Set(picked).size).toBe(r.marked);
    expect(picked[r.marked - 1]).toBeGreaterThan(850);
  });
});
