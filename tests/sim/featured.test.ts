// Featured complaint cases: the present step's best remedy depends on what the complaint is about, product
// complaints score exactly as before the kinds were told apart, the chance of putting a case right follows the
// answers' quality, and the season scores a held case by its own kind.
import { describe, expect, it } from 'vitest';
import { COMPLAINT_KINDS, ComplaintKind } from '../../src/sim/complaints';
import { customerHistory } from '../../src/sim/events';
import {
  answerQuality,
  featuredChance,
  featuredSeason,
  pickFeatured,
  PRESENT_QUALITY,
  PRESENT_STEP,
  STEP_QUALITY,
  stepQuality,
} from '../../src/sim/featured';
import { newGame } from '../../src/sim/game';
import { resolvePlan } from '../../src/sim/plan';
import { customerProfile } from '../../src/sim/profile';
import { Cause, EventKind } from '../../src/sim/types';
import { decisions, tiny } from './helpers';

const best = (row: readonly number[]) => row.indexOf(Math.max(...row));

/** Every set of five answers, each step's four options. */
function* allChoices(): Generator<number[]> {
  for (let n = 0; n < 4 ** 5; n++) yield [0, 1, 2, 3, 4].map((k) => Math.floor(n / 4 ** k) % 4);
}

/** The quality before kinds: the mean of STEP_QUALITY over the five steps. */
const before = (choices: readonly number[]) => STEP_QUALITY.reduce((q, row, k) => q + (row[choices[k]] ?? 0), 0) / STEP_QUALITY.length;

describe('the present step by complaint kind', () => {
  it('has a best remedy that differs by kind', () => {
    expect(PRESENT_QUALITY).toHaveLength(COMPLAINT_KINDS.length);
    const bestAt = PRESENT_QUALITY.map(best);
    expect(new Set(bestAt).size).toBeGreaterThan(1);
    // The course's remedies: a replacement fitted to the fault; the manager's apology and a gesture; serving at
    // once; money back; a correction on the spot (the order of each kind's remedies in the script).
    expect(bestAt).toEqual([1, 2, 0, 3, 1]);
    for (const row of PRESENT_QUALITY) {
      expect(Math.max(...row)).toBe(1);
      expect(row.filter((q) => q === 1)).toHaveLength(1);
      expect(Math.min(...row)).toBeLessThan(0);
    }
    // The product's best remedy is not the best for an attitude or price complaint.
    const productBest = best(PRESENT_QUALITY[ComplaintKind.Product]);
    expect(stepQuality(PRESENT_STEP, productBest, ComplaintKind.Attitude)).toBeLessThan(1);
    expect(stepQuality(PRESENT_STEP, productBest, ComplaintKind.Price)).toBeLessThan(1);
  });

  it('scores every product answer as before, and by default as a product complaint', () => {
    expect(PRESENT_QUALITY[ComplaintKind.Product]).toEqual(STEP_QUALITY[PRESENT_STEP]);
    for (const c of allChoices()) {
      expect(answerQuality(c, ComplaintKind.Product)).toBe(before(c));
      expect(answerQuality(c)).toBe(before(c));
    }
    expect(answerQuality([1, 0, 2, 1, 0], ComplaintKind.Product)).toBe(1);
  });

  it('differs from the product score only at the present step', () => {
    for (let kind = 0; kind < COMPLAINT_KINDS.length; kind++) {
      const bestSet = STEP_QUALITY.map((row, k) => best(k === PRESENT_STEP ? PRESENT_QUALITY[kind] : row));
      expect(answerQuality(bestSet, kind)).toBe(1);
      for (const c of allChoices()) {
        const diff = (PRESENT_QUALITY[kind][c[PRESENT_STEP]] - STEP_QUALITY[PRESENT_STEP][c[PRESENT_STEP]]) / STEP_QUALITY.length;
        expect(answerQuality(c, kind)).toBeCloseTo(before(c) + diff, 12);
      }
    }
    // Missing answers count as 0, whatever the kind.
    expect(answerQuality([], ComplaintKind.Billing)).toBe(0);
  });

  it('gives a chance of 0.1 for any answer up to 0.95 for the best', () => {
    expect(featuredChance(-0.3)).toBeCloseTo(0.1, 15);
    expect(featuredChance(0)).toBeCloseTo(0.1, 15);
    expect(featuredChance(0.5)).toBeCloseTo(0.525, 15);
    expect(featuredChance(1)).toBeCloseTo(0.95, 15);
  });
});

describe('a held case in the season', () => {
  it('is scored by its own kind, and the customer file says the kind', () => {
    const sc = tiny();
    const s = newGame(sc, 'featured-kind');
    const i = 3;
    const c = s.c;
    c.complaints[i] = 1;
    c.complaintWeek[i] = s.week;
    c.complaintDue[i] = s.week + 1;
    c.complaintKind[i] = ComplaintKind.Attitude;
    c.spendTotal[i] = 1e6;
    pickFeatured(s);
    expect(s.featured).toContain(i);
    expect(customerProfile(s, i)?.complaintKind).toBe('attitude');
    // The product's best answers: right at every step but the remedy, which does little for rudeness.
    const choices = [1, 0, 2, 1, 0];
    featuredSeason(s, resolvePlan(sc, decisions({ featured: [{ customer: i, choices }] })));
    const e = customerHistory(s.log, i).find((x) => x.kind === EventKind.Complaint && x.cause === Cause['featured-case']);
    expect(e?.delta).toBeCloseTo(answerQuality(choices, ComplaintKind.Attitude), 6);
    expect(answerQuality(choices, ComplaintKind.Attitude)).toBeLessThan(1);
  });

  it('leaves the kind out of the file of a customer who never complained', () => {
    const s = newGame(tiny(), 'featured-kind');
    const i = [...Array(s.n).keys()].find((x) => s.c.complaints[x] === 0)!;
    expect(customerProfile(s, i)).not.toHaveProperty('complaintKind');
  });
});
