import type { Scenario } from '../scenario/schema';
import { ACQ_CHANNELS, CONTACT_CHANNELS } from '../scenario/schema';
import { clamp01, ln } from './detmath';
import { Dice, betaMean, beta, gamma, uniform } from './random';
import type { SimState } from './state';
import { type Customers, emptyState, Flag } from './state';
import { Stage } from './types';

// The market: a fixed population per seed. Traits come from each person's own 'traits' dice, so the people
// are the same for every team and never depend on any decision.
//
// Ids are given in arrival order: the store's present customers first, then prospects by the exposure they need
// before they try the store, so those likely to arrive early get low ids. The weekly pass touches only the
// customers in the store, and with them gathered in a band of ids it reads far fewer cache lines than with them
// scattered over the whole market. A person is drawn by their draw index; their id only addresses their dice
// from week 0 on, so the ordering is part of the market, fixed by the seed and the scenario like everything else.

const HISTORY_WEEKS = 26;
/** Weekly hazard of moving away (Keaveney's involuntary switching). */
const MOVE_AWAY_PER_WEEK = 0.001;

/**
 * The seed's market at week 0, in fresh arrays or in the zeroed `customers` given (shared ones, state.ts).
 * `fill` fills the customers in, given each id's draw index (arrivalOrder); a host with threads may split the
 * ids among them (each customer's traits and history come from their own dice only).
 */
export function createPopulation(
  scenario: Scenario,
  seed: string,
  customers?: Customers,
  fill: (s: SimState, order: Int32Array) => void = (s, order) => fillCustomers(s, order, 0, s.n),
): SimState {
  const s = emptyState(scenario, seed, customers);
  fill(s, arrivalOrder(s));
  return s;
}

/**
 * Draw index of the person at each id: present customers first, then prospects by acquisition threshold, lowest
 * first — in buckets of the threshold's uniform (one bucket per person), in draw order within a bucket, which
 * orders the market as closely as locality needs without a comparison sort.
 */
export function arrivalOrder(s: SimState): Int32Array {
  const n = s.n;
  const bucket = new Int32Array(n);
  const starts = new Int32Array(n + 2);
  for (let j = 0; j < n; j++) {
    // Bucket 0: present customers. A higher uniform is a lower threshold (−ln u), so an earlier bucket.
    const b = existing(s, j) ? 0 : 1 + Math.min(n - 1, Math.floor((1 - thresholdUniform(s, j)) * n));
    bucket[j] = b;
    starts[b + 1]++;
  }
  for (let b = 1; b < starts.length; b++) starts[b] += starts[b - 1];
  const order = new Int32Array(n);
  for (let j = 0; j < n; j++) order[starts[bucket[j]]++] = j;
  return order;
}

const traitDice = new Dice(0, 0, 0, 0);

/** Draws the customers with ids in [from, to): their hidden traits, and a history for those already customers. */
export function fillCustomers(s: SimState, order: Int32Array, from: number, to: number): void {
  const { c, keys, scenario } = s;
  const segs = scenario.segments;
  let shareSum = 0;
  for (const g of segs) shareSum += g.share;
  const storePos = scenario.store.positioning;

  for (let i = from; i < to; i++) {
    const j = order[i];
    const d = traitDice.at(keys.traits, j, 0, 0);
    let pick = d.next() * shareSum;
    let g = 0;
    while (g < segs.length - 1 && pick >= segs[g].share) {
      pick -= segs[g].share;
      g++;
    }
    const seg = segs[g];
    c.segment[i] = g;
    c.lambda[i] = gamma(d, seg.purchase.r, seg.purchase.alpha);
    c.dropP[i] = beta(d, seg.dropout.a, seg.dropout.b);
    c.spendNu[i] = gamma(d, seg.spend.q, seg.spend.gamma);
    c.priceSens[i] = betaMean(d, seg.priceSensitivity, 6);
    c.expectBase[i] = betaMean(d, seg.expectation, 24);
    c.complainP[i] = betaMean(d, seg.complaintPropensity, 6);
    c.womP[i] = betaMean(d, seg.wordOfMouth, 6);
    const wants = betaMean(d, seg.positioning, 14);
    c.fit[i] = 1 - Math.abs(wants - storePos);
    c.tolerance[i] = seg.contactTolerance > 0 ? gamma(d, 4, 4 / seg.contactTolerance) : 0;
    c.birthWeek[i] = Math.floor(d.next() * 52);
    c.acqChannel[i] = ACQ_CHANNELS.indexOf(seg.acquisitionChannel);
    const own = CONTACT_CHANNELS.indexOf(seg.contactChannel);
    c.contactChannel[i] = d.next() < 0.7 ? own : Math.floor(d.next() * CONTACT_CHANNELS.length);
    c.acqThreshold[i] = -ln(thresholdUniform(s, j));
    c.moveWeek[i] = Math.min(1 << 30, Math.floor(-ln(d.next()) / MOVE_AWAY_PER_WEEK));
    c.meanSpend[i] = seg.spend.p / c.spendNu[i];
    c.buyClock[i] = -ln(d.next());
    c.expect[i] = c.expectBase[i];
    c.sat[i] = 0.5;
    c.stage[i] = Stage.Prospect;
    seedExisting(s, i, j);
  }
}

/** Whether person j is one of the store's customers at the start. */
function existing(s: SimState, j: number): boolean {
  return uniform(s.keys.traits, j, 0, 1) < s.scenario.population.initialCustomers;
}

/** The uniform behind person j's acquisition threshold (an Exp(1) draw, −ln u). */
function thresholdUniform(s: SimState, j: number): number {
  return uniform(s.keys.traits, j, 0, 4);
}

/** For customer i (person j) already a customer at the start: a plausible half-year history. */
function seedExisting(s: SimState, i: number, j: number): void {
  const { c, keys } = s;
  if (!existing(s, j)) return;
  const u = uniform(keys.traits, j, 0, 2);
  const v = uniform(keys.traits, j, 0, 3);
  const purchases = 1 + Math.floor(u * (1 + c.lambda[i] * HISTORY_WEEKS));
  c.purchases[i] = purchases;
  c.spendTotal[i] = purchases * c.meanSpend[i];
  c.growth[i] = c.spendTotal[i];
  c.firstWeek[i] = -HISTORY_WEEKS + Math.floor(v * 4);
  c.lastWeek[i] = -1 - Math.floor(v * Math.min(HISTORY_WEEKS - 5, 1 / (c.lambda[i] + 0.05)));
  c.stage[i] = purchases >= 4 ? Stage.Stability : purchases >= 2 ? Stage.Formation : Stage.Exploration;
  c.sat[i] = clamp01(0.5 + 0.1 * (u - 0.5) + 0.04 * (c.stage[i] - 1));
  c.loyalty[i] = 0.15 + 0.1 * (c.stage[i] - 1);
  c.contribution[i] = c.spendTotal[i] * s.scenario.store.margin;
  c.flags[i] |= v < 0.2 ? Flag.BirthdayKnown : 0;
}
