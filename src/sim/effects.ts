import { causeStanding } from './churn-causes';
import { clamp01 } from './detmath';
import { record } from './events';
import type { SimState } from './state';
import { Cause, ChurnReason, EventKind, Stage } from './types';

// The only ways a customer's satisfaction, loyalty, stage or status change. Each takes a cause, adds to the
// season's driver totals and writes the event log, so any change can be explained afterwards.

/** Changes smaller than this are counted in the season's driver totals but not logged one by one. */
const LOG_THRESHOLD = 0.01;

/** Moves one 0–1 quantity of a customer, books the change to its cause and logs it if it is large enough. */
function change(s: SimState, values: Float64Array, byCause: Float64Array, kind: EventKind, i: number, delta: number, cause: number): void {
  const old = values[i];
  const v = clamp01(old + delta);
  values[i] = v;
  const d = v - old;
  byCause[cause] += d;
  if (d >= LOG_THRESHOLD || d <= -LOG_THRESHOLD) record(s.log, s.week, i, kind, cause, v, d);
}

export function changeSat(s: SimState, i: number, delta: number, cause: number): void {
  s.tally.countByCause[cause]++;
  change(s, s.c.sat, s.tally.satByCause, EventKind.Satisfaction, i, delta, cause);
}

export function changeLoyalty(s: SimState, i: number, delta: number, cause: number): void {
  change(s, s.c.loyalty, s.tally.loyaltyByCause, EventKind.Loyalty, i, delta, cause);
}

export function setStage(s: SimState, i: number, stage: Stage, cause: number): void {
  const old = s.c.stage[i];
  if (old === stage) return;
  s.c.stage[i] = stage;
  record(s.log, s.week, i, EventKind.Stage, cause, stage, stage - old);
}

export function churn(s: SimState, i: number, reason: ChurnReason, cause: number): void {
  const c = s.c;
  c.churnReason[i] = reason;
  c.churnWeek[i] = s.week;
  c.churnCause[i] = cause;
  c.churnStanding[i] = causeStanding(s, cause);
  c.complaintDue[i] = -1;
  c.couponUntil[i] = -1;
  // The balance of a leaving customer lapses (breakage): what was booked for it as a liability is released.
  if (c.points[i] > 0) {
    const released = c.points[i] * s.store.pointValue;
    s.tally.costs.points -= released;
    c.contribution[i] += released;
    c.points[i] = 0;
  }
  s.tally.churnByReason[reason]++;
  record(s.log, s.week, i, EventKind.Churn, cause, reason, 0);
  setStage(s, i, Stage.Churned, cause);
}

export { Cause, ChurnReason };
