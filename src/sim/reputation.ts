import { clamp01 } from './detmath';
import type { SimState } from './state';
import type { WeekCtx } from './week-context';

// 口碑: promoters talk, disappointed customers talk more. The week's word of mouth, relative to the size of the
// customer base, moves the store's reputation, which in turn draws prospects (acquisition.ts). A store that answers
// bad reviews in public — promptly, sincerely, with what it did about them — takes the sting out of a third of what
// unhappy customers say: readers weigh the answer with the complaint (Proserpio & Zervas 2017).

/** Share of bad word of mouth that a public reply to bad reviews takes the sting out of. */
export const PUBLIC_REPLY_SOFTENS = 0.3;

export function reputationWeek(s: SimState, ctx: WeekCtx, pos: number, neg: number, publicReply: boolean): void {
  const amplify = 1 + 3 * ctx.viral;
  const net = (pos - 2 * neg * (publicReply ? 1 - PUBLIC_REPLY_SOFTENS : 1)) * amplify;
  const st = s.store;
  st.reputation = clamp01(st.reputation + (0.5 * net) / (ctx.activeCount + 100) - 0.01 * (st.reputation - 0.5));
}
