import { abcClassify, ABC_CLASSES } from '../analytics/abc';
import { quintileScores, rfmGroup, RFM_GROUPS } from '../analytics/rfm';
import { recordedStage, RECORDED_STAGES } from '../analytics/lifecycle';
import { isLongAbsence, repeatBuyerMedianInterval, usualInterval } from '../analytics/warning';
import type { SimState } from './state';
import { Stage } from './types';

// The store's segmentation of its own customer database (客户数据库), as the season report shows it: RFM quintile
// scores and the course's four groups, ABC classes, the early-warning list and the lifecycle stage. Only what the till records —
// first and last purchase week, purchase count, total spend — goes in, never a hidden trait. The scoring itself
// is src/analytics' (quintileScores, rfmGroup, abcClassify, the long-absence rule): one implementation for the
// report and for the decisions that target it. Those functions use comparisons, IEEE + − × ÷ and sorts with a
// total order (ties by customer id), so every engine gives the same marks.
//
// The early-warning list a decision can target is the model-free part of the rule: long absence. The P(alive)
// reasons come from a maximum-likelihood fit whose last bits may differ between engines, so a run file would not
// verify identically everywhere if decisions depended on them.

/**
 * One mark per customer: bit g (0–3) = RFM group g of RFM_GROUPS, bit 4 + k = ABC class k, bit 7 = at risk,
 * bit 8 + j = lifecycle stage j of RECORDED_STAGES as the records show it.
 */
export const GROUP_BIT = RFM_GROUPS.map((_, g) => 1 << g);
export const ABC_BIT = ABC_CLASSES.map((_, k) => 1 << (4 + k));
export const AT_RISK_BIT = 1 << 7;
export const STAGE_BIT = RECORDED_STAGES.map((_, j) => 1 << (8 + j));

/** Whether customer i is in the store's database: served at least once (prospects never are). */
export function inDatabase(s: SimState, i: number): boolean {
  return s.c.stage[i] !== Stage.Prospect && s.c.purchases[i] > 0;
}

/**
 * Marks of every customer at this moment (0 = not in the database). Called at the start of a season, it gives
 * exactly the groups of the report the team read after the season before: nothing has happened in between.
 * Database order is id order, which is also the order the report's analytics see. Customers with equal
 * recency, frequency or spend get equal R, F or M scores (quintileScores), whatever their ids.
 */
export function storeSegments(s: SimState): Uint16Array {
  const c = s.c;
  const ids: number[] = [];
  for (let i = 0; i < s.n; i++) if (inDatabase(s, i)) ids.push(i);
  const gap: number[] = [];
  const days: number[] = [];
  const spend: number[] = [];
  const repeat: { frequency: number; recency: number }[] = [];
  for (const i of ids) {
    gap.push(s.week - c.lastWeek[i]);
    days.push(c.purchases[i]);
    spend.push(c.spendTotal[i]);
    repeat.push({ frequency: c.purchases[i] - 1, recency: c.lastWeek[i] - c.firstWeek[i] });
  }
  // R: weeks since the last purchase (fewer is better); F: purchase-days; M: total spend.
  const r = quintileScores(gap, false);
  const f = quintileScores(days, true);
  const m = quintileScores(spend, true);
  const abc = abcClassify(spend);
  const median = repeatBuyerMedianInterval(repeat);
  const marks = new Uint16Array(s.n);
  ids.forEach((i, k) => {
    const group = RFM_GROUPS.indexOf(rfmGroup({ r: r[k], f: f[k], m: m[k] }));
    const usual = usualInterval(repeat[k].frequency, repeat[k].recency, median);
    let mark = GROUP_BIT[group] | ABC_BIT[ABC_CLASSES.indexOf(abc[k])];
    const absent = isLongAbsence(gap[k], usual);
    if (absent) mark |= AT_RISK_BIT;
    mark |= STAGE_BIT[RECORDED_STAGES.indexOf(recordedStage(days[k], absent))];
    marks[i] = mark;
  });
  return marks;
}
