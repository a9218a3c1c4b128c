// Determinism: a game is a pure function of (scenario, seed, decisions). Same inputs give the same reports and
// hashes; any seed text works; a snapshot taken mid-game continues exactly as the original; and the state hash
// notices a change to any single field of any one customer.
import { describe, expect, it } from 'vitest';
import { newGame } from '../../src/sim/game';
import { hashState } from '../../src/sim/hash';
import { cloneState, CUSTOMER_FIELDS, STORE_KEYS, type SimState } from '../../src/sim/state';
import { botSeasons, decisions, smallBubbleTea, playGame, playStep } from './helpers';

const sc = smallBubbleTea(400);
const textbook = botSeasons('textbook', sc);

/** The next representable double above x (x finite). */
function nextUp(x: number): number {
  const v = new DataView(new ArrayBuffer(8));
  v.setFloat64(0, x);
  const b = v.getBigInt64(0);
  v.setBigInt64(0, x >= 0 ? b + 1n : b - 1n);
  return v.getFloat64(0);
}

describe('same inputs, same game', () => {
  it('gives identical reports, hashes and final score when played twice', () => {
    const a = playGame(sc, 'det-1', textbook);
    const b = playGame(sc, 'det-1', textbook);
    expect(b.reports).toEqual(a.reports);
    expect(b.final).toEqual(a.final);
    expect(hashState(b.state)).toBe(hashState(a.state));
    expect(a.reports).toHaveLength(sc.seasons);
  });

  it('does not depend on other games played in between (no hidden module state)', () => {
    const alone = playGame(sc, 'det-2', textbook).reports.map((r) => r.hash);
    const g1 = newGame(sc, 'det-2');
    const g2 = newGame(sc, 'other');
    const interleaved: string[] = [];
    for (const d of textbook) {
      playStep(g2, botSeasons('spam', sc)[0]);
      interleaved.push(playStep(g1, d).hash);
    }
    expect(interleaved).toEqual(alone);
  });

  it('reports the hash of the state it leaves', () => {
    const s = newGame(sc, 'det-3');
    const r = playStep(s, textbook[0]);
    expect(r.hash).toMatch(/^[0-9a-f]{8}$/);
    expect(hashState(s)).toBe(r.hash);
  });
});

describe('seeds', () => {
  const seeds = [
    'a',
    '',
    ' ',
    '\u200b', // zero-width space
    '\u3000', // ideographic space
    '\u0000',
    '🧋🎉',
    '🧋',
    '\ud83e', // lone surrogate
    '客户四季',
    'e\u0301', // e + combining acute
    '\u00e9', // é precomposed: different text, different seed
    'x'.repeat(100_000),
    'x'.repeat(100_001),
  ];

  it('any text works as a seed and every one deals a different game', () => {
    const hashes = seeds.map((seed) => {
      const s = newGame(sc, seed);
      const r = playStep(s, decisions());
      expect(Number.isFinite(r.score.total), JSON.stringify(seed.slice(0, 10))).toBe(true);
      return r.hash;
    });
    expect(new Set(hashes).size).toBe(seeds.length);
  });

  it('the same unusual seed deals the same game twice', () => {
    for (const seed of ['🧋🎉', '\u200b', 'x'.repeat(100_000)]) {
      expect(playGame(sc, seed, textbook.slice(0, 2)).reports.map((r) => r.hash)).toEqual(
        playGame(sc, seed, textbook.slice(0, 2)).reports.map((r) => r.hash),
      );
    }
  });

  it('different seeds give different hashes in every season', () => {
    const a = playGame(sc, 'seed-a', textbook).reports.map((r) => r.hash);
    const b = playGame(sc, 'seed-b', textbook).reports.map((r) => r.hash);
    a.forEach((h, k) => expect(b[k]).not.toBe(h));
  });
});

describe('snapshots', () => {
  it('a clone taken after season 1 continues exactly like the original and like a straight game', () => {
    const straight = playGame(sc, 'snap', textbook).reports;
    const original = newGame(sc, 'snap');
    playStep(original, textbook[0]);
    const snapshot = cloneState(original);
    expect(hashState(snapshot)).toBe(hashState(original));
    const fromClone = textbook.slice(1).map((d) => playStep(snapshot, d));
    expect(fromClone.map((r) => r.hash)).toEqual(straight.slice(1).map((r) => r.hash));
    expect(fromClone).toEqual(straight.slice(1));
    // Playing the clone on did not touch the original: it continues the same way too.
    expect(original.season).toBe(1);
    expect(hashState(original)).toBe(straight[0].hash);
    const fromOriginal = textbook.slice(1).map((d) => playStep(original, d));
    expect(fromOriginal.map((r) => r.hash)).toEqual(straight.slice(1).map((r) => r.hash));
  });

  it('a fork plays a different season without disturbing its parent', () => {
    const parent = newGame(sc, 'fork');
    playStep(parent, textbook[0]);
    const before = hashState(parent);
    const fork = cloneState(parent);
    const forkReport = playStep(fork, botSeasons('discount-all', sc)[1]);
    expect(hashState(parent)).toBe(before);
    const parentReport = playStep(parent, textbook[1]);
    expect(forkReport.hash).not.toBe(parentReport.hash);
  });

  it('a clone shares no customer arrays, store object or log buffers with its source', () => {
    const s = newGame(sc, 'share');
    playStep(s, textbook[0]);
    const c = cloneState(s);
    for (const f of CUSTOMER_FIELDS) expect(c.c[f], f).not.toBe(s.c[f]);
    expect(c.store).not.toBe(s.store);
    expect(c.log.week).not.toBe(s.log.week);
    expect(c.featured).not.toBe(s.featured);
    expect(c.tally.costs).not.toBe(s.tally.costs);
  });
});

describe('state hash', () => {
  const base = newGame(sc, 'hash');
  playStep(base, textbook[0]);
  const h0 = hashState(base);

  /** Applies a change to a clone and returns its hash; the base state is untouched. */
  function hashAfter(change: (s: SimState) => void): string {
    const s = cloneState(base);
    change(s);
    return hashState(s);
  }

  it('changes when any single field of one customer changes, by the smallest step', () => {
    const i = 123;
    for (const f of CUSTOMER_FIELDS) {
      const h = hashAfter((s) => {
        const a = s.c[f];
        if (a instanceof Float64Array) a[i] = nextUp(a[i]);
        else a[i] = a[i] + 1;
      });
      expect(h, f).not.toBe(h0);
    }
  });

  it('changes for the last customer and for swapped values between two customers', () => {
    expect(hashAfter((s) => (s.c.sat[s.n - 1] = nextUp(s.c.sat[s.n - 1])))).not.toBe(h0);
    const swapped = hashAfter((s) => {
      const t = s.c.lambda[1];
      s.c.lambda[1] = s.c.lambda[2];
      s.c.lambda[2] = t;
    });
    expect(swapped).not.toBe(h0);
  });

  it('changes with the store figures, the clock, the log length and the featured cases', () => {
    for (const k of STORE_KEYS) expect(hashAfter((s) => (s.store[k] = nextUp(s.store[k]))), k).not.toBe(h0);
    expect(hashAfter((s) => s.week++)).not.toBe(h0);
    expect(hashAfter((s) => s.season++)).not.toBe(h0);
    expect(hashAfter((s) => s.log.length--)).not.toBe(h0);
    expect(hashAfter((s) => s.featured.push(5))).not.toBe(h0);
  });

  it('is the same for a state and its copy, and does not change by being computed', () => {
    expect(hashState(cloneState(base))).toBe(h0);
    expect(hashState(base)).toBe(h0);
  });
});
