import { clamp01 } from './detmath';
import { record } from './events';
import type { SimState } from './state';
import { Cause, ChurnReason, EventKind, Stage } from './types';

// The only ways a customer's satisfaction, loyalty, stage or status change. Each takes a cause, adds to the
// season's driver totals and writes the event log, so any change can be explained afterwards.

/** Changes smaller than this are counted in the season's driver totals but not logged one by one. */
const LOG_THRESHOLD = 0.01;

export function changeSat(s: SimState, i: number, delta: number, cause: number): void {
  const c = s.c;
  const old = c.sat[i];
  const v = clamp01(old + delta);
  c.sat[i] = v;
  const d = v - old;
  s.tally.satByCause[cause] += d;
  s.tally.countByCause[cause]++;
  if (d >= LOG_THRESHOLD || d <= -LOG_THRESHOLD) record(s.log, s.week, i, EventKind.Satisfaction, cause, v, d);
}

export function changeLoyalty(s: SimState, i: number, delta: number, cause: number): void {
  const c = s.c;
  const old = c.loyalty[i];
  const v = clamp01(old + delta);
  c.loyalty[i] = v;
  const d = v - old;
  s.tally.loyaltyByCause[cause] += d;
  if (d >= LOG_THRESHOLD || d <= -LOG_THRESHOLD) record(s.log, s.week, i, EventKind.Loyalty, cause, v, d);
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
  c.complaintDue[i] = -1;
  c.couponUntil[i] = -1;
  s.tally.churnByReason[reason]++;
  record(s.log, s.week, i, EventKind.Churn, cause, reason, 0);
  setStage(s, i, Stage.Churned, cause);
}

export function isActive(stage: number): boolean {
  return stage !== Stage.Prospect && stage !== Stage.Churned;
}

export { Cause, ChurnReason };
