import { ABC_CLASSES } from '../analytics/abc';
import { RFM_GROUPS } from '../analytics/rfm';
import type { Audience } from '../scenario/decisions';
import type { Plan } from './plan';
import { RECORDED_STAGES } from '../analytics/lifecycle';
import { ABC_BIT, AT_RISK_BIT, GROUP_BIT, STAGE_BIT, storeSegments } from './segments';
import type { SimState } from './state';

// Decisions aimed at the store's segments (course unit 2: spend care on the valuable, develop the developing,
// keep the lapsing valuable, win back or let go the rest; unit 9: retain the customers on the early-warning
// list). An audience is resolved once, at the start of the season, into a reach list: who the action may touch
// this season. Customers who first buy during the season are not in the database the team segmented, so a
// targeted action skips them until the next season's scoring.

/** An audience as three bit masks over segment marks; 0 = that criterion is not set. */
export interface AudienceMask {
  groups: number;
  abc: number;
  atRisk: number;
  stages: number;
}

export function audienceMask(a: Audience | undefined): AudienceMask {
  let groups = 0;
  let abc = 0;
  for (const g of a?.groups ?? []) groups |= GROUP_BIT[RFM_GROUPS.indexOf(g)];
  for (const k of a?.abc ?? []) abc |= ABC_BIT[ABC_CLASSES.indexOf(k)];
  let stages = 0;
  for (const j of a?.stages ?? []) stages |= STAGE_BIT[RECORDED_STAGES.indexOf(j)];
  return { groups, abc, atRisk: a?.atRisk ? AT_RISK_BIT : 0, stages };
}

/** An audience with no criterion leaves its action untargeted. */
export function isTargeted(m: AudienceMask): boolean {
  return (m.groups | m.abc | m.atRisk | m.stages) !== 0;
}

/** Whether a segment mark matches every criterion set (0, outside the database, never matches a targeted one). */
export function matches(mark: number, m: AudienceMask): boolean {
  if (mark === 0) return false;
  if (m.groups !== 0 && (mark & m.groups) === 0) return false;
  if (m.abc !== 0 && (mark & m.abc) === 0) return false;
  if (m.stages !== 0 && (mark & m.stages) === 0) return false;
  return (mark & m.atRisk) === m.atRisk;
}

function reach(marks: Uint16Array, m: AudienceMask): Uint8Array {
  const out = new Uint8Array(marks.length);
  for (let i = 0; i < marks.length; i++) out[i] = matches(marks[i], m) ? 1 : 0;
  return out;
}

/**
 * Season start: resolves the plan's audiences into reach lists (1 = may be reached). An untargeted action keeps
 * an empty list, and the store is scored only when some action is targeted, so plans without targeting run
 * exactly as they always have.
 */
export function resolveAudiences(s: SimState, plan: Plan): void {
  const care = audienceMask(plan.d.care.audience);
  const offer = audienceMask(plan.d.retention.offerAudience);
  const winBack = audienceMask(plan.d.retention.winBackAudience);
  if (!isTargeted(care) && !isTargeted(offer) && !isTargeted(winBack)) return;
  const marks = storeSegments(s);
  if (isTargeted(care)) plan.season.careReach = reach(marks, care);
  if (isTargeted(offer)) plan.season.offerReach = reach(marks, offer);
  if (isTargeted(winBack)) plan.season.winBackReach = reach(marks, winBack);
}

/** Whether a targetable action may reach customer i: always when untargeted (empty list). */
export function reaches(list: Uint8Array, i: number): boolean {
  return list.length === 0 || list[i] === 1;
}
