import { clamp01 } from './detmath';
import type { SimState } from './state';
import type { WeekCtx } from './week-context';

// 口碑: promoters talk, disappointed customers talk more. The week's word of mouth, relative to the size of the
// customer base, moves the store's reputation, which in turn draws prospects (acquisition.ts).

export function reputationWeek(s: SimState, ctx: WeekCtx, pos: number, neg: number): void {
  const amplify = 1 + 3 * ctx.viral;
  const net = (pos - 2 * neg) * amplify;
  const st = s.store;
  st.reputation = clamp01(st.reputation + (0.5 * net) / (ctx.activeCount + 100) - 0.01 * (st.reputation - 0.5));
}
