import { setStage } from './effects';
import type { SimState } from './state';
import { Cause, Stage } from './types';

// 客户生命周期: 考察期 exploration → 形成期 formation → 稳定期 stability, → 退化期 decline when a customer stays
// away far longer than their own usual interval or is clearly dissatisfied, back to formation/stability when a
// declining customer returns content. 流失期 churned is entered only through effects.churn, with a reason.

export function lifecycle(s: SimState, i: number, boughtThisWeek: boolean): void {
  const c = s.c;
  const st = c.stage[i];
  if (st === Stage.Prospect || st === Stage.Churned) return;
  const sat = c.sat[i];
  if (st === Stage.Decline) {
    if (boughtThisWeek && sat >= 0.45) {
      setStage(s, i, c.loyalty[i] >= 0.45 && c.purchases[i] >= 4 ? Stage.Stability : Stage.Formation, Cause.returned);
    }
    return;
  }
  if (sat < 0.3) {
    setStage(s, i, Stage.Decline, Cause['low-satisfaction']);
    return;
  }
  if (s.week - c.lastWeek[i] > absenceLimit(s, i)) {
    setStage(s, i, Stage.Decline, Cause['long-absence']);
    return;
  }
  if (st === Stage.Exploration && c.purchases[i] >= 2 && sat >= 0.45) setStage(s, i, Stage.Formation, Cause['repeat-purchase']);
  else if (st === Stage.Formation && c.purchases[i] >= 4 && c.loyalty[i] >= 0.3 && sat >= 0.5) {
    setStage(s, i, Stage.Stability, Cause['loyal-habit']);
  }
}

/** Weeks of absence that count as decline: three of the customer's own observed intervals, at least six. */
export function absenceLimit(s: SimState, i: number): number {
  const c = s.c;
  const n = c.purchases[i];
  const interval = n >= 2 ? (c.lastWeek[i] - c.firstWeek[i]) / (n - 1) : 8;
  const limit = 3 * interval;
  return limit < 6 ? 6 : limit > 26 ? 26 : limit;
}
