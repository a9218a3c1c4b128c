import type { Audience } from '../scenario/decisions';
import { storeSegments, type SimState, Flag, audienceMask, isTargeted, matches, ChurnReason, Stage } from '../sim';

// The store's database counted by segment mark (RFM group, ABC class, early-warning flag): what the season report
// shows as next season's targets, and what the plan screen's target chooser counts. Kept apart from the
// analytics module so the plan screen does not load the model fitting.

/** Customers sharing one segment mark (RFM group, ABC class, early-warning flag), by what an action can reach. */
export interface SegmentCell {
  mark: number;
  /** Everyone in the database with this mark, lost customers included. */
  customers: number;
  /** Still buying (any stage from exploration to decline). */
  active: number;
  /** Active and not opted out of contacts: who routine care can reach. */
  contactable: number;
  /** Lost within the last 52 weeks and not let go: who win-back can approach. */
  lost: number;
}

/** Groups the database by segment mark, marks in ascending order. */
export function segmentCells(s: SimState): SegmentCell[] {
  const marks = storeSegments(s);
  const cells = new Map<number, SegmentCell>();
  const c = s.c;
  for (let i = 0; i < s.n; i++) {
    const mark = marks[i];
    if (mark === 0) continue;
    let cell = cells.get(mark);
    if (!cell) cells.set(mark, (cell = { mark, customers: 0, active: 0, contactable: 0, lost: 0 }));
    cell.customers++;
    if (c.stage[i] !== Stage.Churned) {
      cell.active++;
      if (!(c.flags[i] & Flag.OptedOut)) cell.contactable++;
    } else if (c.churnReason[i] !== ChurnReason.LetGo && s.week - c.churnWeek[i] <= 52) {
      cell.lost++;
    }
  }
  return [...cells.values()].sort((p, q) => p.mark - q.mark);
}

/** How many customers of each kind an audience covers; an untargeted audience covers the whole database. */
export function audienceCoverage(
  cells: readonly SegmentCell[],
  audience: Audience | undefined,
): { customers: number; active: number; contactable: number; lost: number } {
  const m = audienceMask(audience);
  const out = { customers: 0, active: 0, contactable: 0, lost: 0 };
  for (const cell of cells) {
    if (isTargeted(m) && !matches(cell.mark, m)) continue;
    out.customers += cell.customers;
    out.active += cell.active;
    out.contactable += cell.contactable;
    out.lost += cell.lost;
  }
  return out;
}
