// The market a seed deals: the same people for every team whatever they decide, different people on another
// seed, segment shares and the initial customer base as the scenario says.
import { describe, expect, it } from 'vitest';
import { arrivalOrder, createPopulation } from '../../src/sim/population';
import { newGame } from '../../src/sim/game';
import type { Customers } from '../../src/sim/state';
import { Stage } from '../../src/sim/types';
import { botSeasons, decisions, smallBubbleTea, tiny, playStep } from './helpers';

/** Hidden traits: fixed per seed, never touched by the game. */
const TRAITS = [
  'segment',
  'lambda',
  'dropP',
  'spendNu',
  'priceSens',
  'expectBase',
  'complainP',
  'womP',
  'fit',
  'tolerance',
  'birthWeek',
  'acqChannel',
  'contactChannel',
  'acqThreshold',
  'moveWeek',
  'meanSpend',
] as const satisfies readonly (keyof Customers)[];

describe('population', () => {
  const sc = smallBubbleTea(2000);

  it('is identical for the same seed, every trait and every starting relationship', () => {
    const a = createPopulation(sc, 'pop-1');
    const b = createPopulation(sc, 'pop-1');
    for (const f of Object.keys(a.c) as (keyof Customers)[]) expect(Array.from(b.c[f]), f).toEqual(Array.from(a.c[f]));
  });

  it('differs between seeds in every continuous trait', () => {
    const a = createPopulation(sc, 'pop-1');
    const b = createPopulation(sc, 'pop-2');
    for (const f of ['lambda', 'dropP', 'spendNu', 'priceSens', 'expectBase', 'fit', 'acqThreshold'] as const) {
      let same = 0;
      for (let i = 0; i < a.n; i++) if (a.c[f][i] === b.c[f][i]) same++;
      expect(same, f).toBeLessThan(a.n * 0.01);
    }
    let sameSegment = 0;
    for (let i = 0; i < a.n; i++) if (a.c.segment[i] === b.c.segment[i]) sameSegment++;
    expect(sameSegment).toBeLessThan(a.n * 0.7);
  });

  it('keeps hidden traits independent of decisions: two strategies, one season, same people', () => {
    const passive = newGame(sc, 'pop-3');
    const textbook = newGame(sc, 'pop-3');
    const before = TRAITS.map((f) => Array.from(passive.c[f]));
    const rp = playStep(passive, decisions());
    const rt = playStep(textbook, botSeasons('textbook', sc)[0]);
    // The relationships did diverge...
    expect(rt.hash).not.toBe(rp.hash);
    expect(Array.from(textbook.c.stage)).not.toEqual(Array.from(passive.c.stage));
    // ...the people did not.
    TRAITS.forEach((f, k) => {
      expect(Array.from(passive.c[f]), f).toEqual(before[k]);
      expect(Array.from(textbook.c[f]), f).toEqual(before[k]);
    });
  });

  it('holds the smaller market\'s people in a larger one: the same traits under their draw index', () => {
    const small = createPopulation(smallBubbleTea(300), 'pop-4');
    const large = createPopulation(smallBubbleTea(900), 'pop-4');
    const smallOrder = arrivalOrder(small);
    const idInLarge = new Map(Array.from(arrivalOrder(large), (j, i) => [j, i]));
    for (let i = 0; i < small.n; i++) {
      const k = idInLarge.get(smallOrder[i])!;
      for (const f of TRAITS) expect(large.c[f][k], `${f} of person ${smallOrder[i]}`).toBe(small.c[f][i]);
    }
  });

  it('gives ids in arrival order: the store\'s customers first, then prospects by acquisition threshold', () => {
    const s = createPopulation(sc, 'order');
    const order = arrivalOrder(s);
    expect([...order].sort((a, b) => a - b)).toEqual(Array.from({ length: s.n }, (_, j) => j));
    const present = Array.from(s.c.stage).filter((st) => st !== Stage.Prospect).length;
    expect(present).toBeGreaterThan(0);
    for (let i = 0; i < s.n; i++) expect(s.c.stage[i] !== Stage.Prospect, `id ${i}`).toBe(i < present);
    // Prospects are sorted up to the order's buckets (one per person): a threshold is never below one that comes
    // more than a few ids earlier.
    let worst = 0;
    for (let i = present + 8; i < s.n; i++) worst = Math.max(worst, s.c.acqThreshold[i - 8] - s.c.acqThreshold[i]);
    expect(worst).toBe(0);
  });

  it('splits the market by segment shares', () => {
    const big = smallBubbleTea(20000);
    const s = createPopulation(big, 'shares');
    const counts = big.segments.map(() => 0);
    for (let i = 0; i < s.n; i++) counts[s.c.segment[i]]++;
    const total = big.segments.reduce((a, g) => a + g.share, 0);
    big.segments.forEach((g, k) => {
      const p = g.share / total;
      const sd = Math.sqrt((p * (1 - p)) / s.n);
      expect(Math.abs(counts[k] / s.n - p), g.id).toBeLessThan(4 * sd);
    });
  });

  it('normalises shares that do not sum to 1', () => {
    const input = tiny();
    const sc2 = tiny({
      population: { ...input.population, size: 10000 },
      segments: input.segments.map((g, k) => ({ ...g, share: k === 0 ? 0.3 : 0.1 })),
    });
    const s = createPopulation(sc2, 'norm');
    let first = 0;
    for (let i = 0; i < s.n; i++) if (s.c.segment[i] === 0) first++;
    expect(Math.abs(first / s.n - 0.75)).toBeLessThan(0.02);
  });

  it('draws segment traits around the segment’s parameters', () => {
    const big = smallBubbleTea(20000);
    const s = createPopulation(big, 'traits');
    big.segments.forEach((g, k) => {
      let n = 0;
      let lambda = 0;
      let price = 0;
      for (let i = 0; i < s.n; i++) {
        if (s.c.segment[i] !== k) continue;
        n++;
        lambda += s.c.lambda[i];
        price += s.c.priceSens[i];
      }
      // λ ~ Gamma(r, α): mean r/α; price sensitivity ~ Beta with the segment's mean.
      expect(lambda / n / (g.purchase.r / g.purchase.alpha), g.id).toBeGreaterThan(0.93);
      expect(lambda / n / (g.purchase.r / g.purchase.alpha), g.id).toBeLessThan(1.07);
      expect(Math.abs(price / n - g.priceSensitivity), g.id).toBeLessThan(0.02);
    });
  });

  it('starts with the scenario’s share of existing customers, in plausible stages', () => {
    const big = smallBubbleTea(20000);
    const s = createPopulation(big, 'initial');
    const share = big.population.initialCustomers;
    let existing = 0;
    const bad: string[] = [];
    for (let i = 0; i < s.n; i++) {
      const st = s.c.stage[i];
      const c = s.c;
      if (st === Stage.Prospect) {
        if (c.purchases[i] !== 0) bad.push(`${i}: prospect with purchases`);
        continue;
      }
      existing++;
      if (st !== Stage.Exploration && st !== Stage.Formation && st !== Stage.Stability) bad.push(`${i}: stage ${st}`);
      if (c.purchases[i] < 1) bad.push(`${i}: no purchases`);
      if (!(c.lastWeek[i] < 0 && c.firstWeek[i] <= c.lastWeek[i])) bad.push(`${i}: weeks ${c.firstWeek[i]}..${c.lastWeek[i]}`);
      if (st === Stage.Stability && c.purchases[i] < 4) bad.push(`${i}: stable with ${c.purchases[i]} purchases`);
      if (!(c.sat[i] >= 0 && c.sat[i] <= 1 && c.loyalty[i] >= 0 && c.loyalty[i] <= 1)) bad.push(`${i}: sat/loyalty out of range`);
    }
    expect(bad.slice(0, 10)).toEqual([]);
    const sd = Math.sqrt((share * (1 - share)) / s.n);
    expect(Math.abs(existing / s.n - share)).toBeLessThan(4 * sd);
  });

  it('has no existing customers when the scenario says none, and everyone when it says all', () => {
    const input = tiny();
    const none = createPopulation(tiny({ population: { ...input.population, initialCustomers: 0 } }), 'x');
    const all = createPopulation(tiny({ population: { ...input.population, initialCustomers: 1 } }), 'x');
    expect(Array.from(none.c.stage).every((st) => st === Stage.Prospect)).toBe(true);
    expect(Array.from(all.c.stage).every((st) => st !== Stage.Prospect && st !== Stage.Churned)).toBe(true);
  });
});
