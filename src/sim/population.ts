import type { Scenario } from '../scenario/schema';
import { ACQ_CHANNELS, CONTACT_CHANNELS } from '../scenario/schema';
import { clamp01, ln } from './detmath';
import { Dice, betaMean, beta, gamma, uniform } from './random';
import type { SimState } from './state';
import { type Customers, emptyState, Flag } from './state';
import { Stage } from './types';

// The market: a fixed population per seed. Traits come from each customer's own 'traits' dice, so the people
// are the same for every team and never depend on any decision.

const HISTORY_WEEKS = 26;
/** Weekly hazard of moving away (Keaveney's involuntary switching). */
const MOVE_AWAY_PER_WEEK = 0.001;

/**
 * The seed's market at week 0, in fresh arrays or in the zeroed `customers` given (shared ones, state.ts).
 * `fill` fills the customers in; a host with threads may split the ids among them (each customer's traits and
 * history come from their own dice only).
 */
export function createPopulation(
  scenario: Scenario,
  seed: string,
  customers?: Customers,
  fill: (s: SimState) => void = (s) => fillCustomers(s, 0, s.n),
): SimState {
  const s = emptyState(scenario, seed, customers);
  fill(s);
  return s;
}

/** Draws the customers with ids in [from, to): their hidden traits, and a history for those already customers. */
export function fillCustomers(s: SimState, from: number, to: number): void {
  const { c, keys, scenario } = s;
  const segs = scenario.segments;
  let shareSum = 0;
  for (const g of segs) shareSum += g.share;
  const storePos = scenario.store.positioning;

  for (let i = from; i < to; i++) {
    const d = new Dice(keys.traits, i, 0, 0);
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
    c.acqThreshold[i] = -ln(d.next());
    c.moveWeek[i] = Math.min(1 << 30, Math.floor(-ln(d.next()) / MOVE_AWAY_PER_WEEK));
    c.meanSpend[i] = seg.spend.p / c.spendNu[i];
    c.buyClock[i] = -ln(d.next());
    c.expect[i] = c.expectBase[i];
    c.sat[i] = 0.5;
    c.stage[i] = Stage.Prospect;
    seedExisting(s, i);
  }
}

/** Whether customer i is one the store already has at the start, and if so a plausible half-year history. */
function seedExisting(s: SimState, i: number): void {
  const { c, keys, scenario } = s;
  if (uniform(keys.traits, i, 0, 1) >= scenario.population.initialCustomers) return;
  const u = uniform(keys.traits, i, 0, 2);
  const v = uniform(keys.traits, i, 0, 3);
  const purchases = 1 + Math.floor(u * (1 + c.lambda[i] * HISTORY_WEEKS));
  c.purchases[i] = purchases;
  c.spendTotal[i] = purchases * c.meanSpend[i];
  c.growth[i] = c.spendTotal[i];
  c.firstWeek[i] = -HISTORY_WEEKS + Math.floor(v * 4);
  c.lastWeek[i] = -1 - Math.floor(v * Math.min(HISTORY_WEEKS - 5, 1 / (c.lambda[i] + 0.05)));
  c.stage[i] = purchases >= 4 ? Stage.Stability : purchases >= 2 ? Stage.Formation : Stage.Exploration;
  c.sat[i] = clamp01(0.5 + 0.1 * (u - 0.5) + 0.04 * (c.stage[i] - 1));
  c.loyalty[i] = 0.15 + 0.1 * (c.stage[i] - 1);
  c.contribution[i] = c.spendTotal[i] * scenario.store.margin;
  c.flags[i] |= v < 0.2 ? Flag.BirthdayKnown : 0;
}
