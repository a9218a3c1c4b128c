import { fixFactor } from './churn-causes';
import { exp } from './detmath';
import { absenceLimit } from './lifecycle';
import { changeLoyalty, changeSat, churn, setStage } from './effects';
import type { Plan } from './plan';
import { uniform } from './random';
import type { SimState } from './state';
import { Flag } from './state';
import { reaches } from './targeting';
import { Cause, ChurnReason, Stage, isActive } from './types';

// 客户保持与挽回, run at the start of each season: let unprofitable customers go, offer customers in decline a
// coupon, and approach lost customers. Win-back works best soon after leaving, for customers with a strong first
// relationship, and for those who left over something the store has put right since (churn-causes.ts); customers
// bought away on price rarely return for a letter (Kumar, Bhagwat & Zhang 2015). Aimed at the store's segments,
// the coupon can go to the early-warning list or the valuable instead of the declining, and win-back can be limited
// to, say, lapsed high-value customers (保持客户) — tiering the effort and letting the rest go, as unit 9 teaches.

const WIN_BACK_BASE: Record<number, number> = {
  [ChurnReason.Own]: 0.4,
  [ChurnReason.Natural]: 0.1,
  [ChurnReason.Lured]: 0.1,
  [ChurnReason.Bought]: 0.08,
  [ChurnReason.Forced]: 0.02,
  [ChurnReason.LetGo]: 0,
};

export function seasonRetention(s: SimState, plan: Plan): void {
  const r = plan.d.retention;
  const c = s.c;
  for (let i = 0; i < s.n; i++) {
    if (!isActive(c.stage[i])) continue;
    // Let go: a customer who has cost more than they brought after two months — but not one the store has just put
    // right after a complaint, whose remedy is what made them look unprofitable.
    const recentComplaint = c.complaintWeek[i] >= 0 && s.week - c.complaintWeek[i] < s.scenario.weeksPerSeason;
    if (r.letGoUnprofitable && c.contribution[i] < -20 && s.week - c.firstWeek[i] >= 8 && !recentComplaint) {
      churn(s, i, ChurnReason.LetGo, Cause['let-go']);
      continue;
    }
    // Untargeted, the coupon goes to customers in decline; targeted, to the offer audience instead.
    const offered = plan.season.offerReach.length === 0 ? c.stage[i] === Stage.Decline : plan.season.offerReach[i] === 1;
    if (r.atRiskOffer > 0 && offered) {
      // A coupon acts through its value: the gesture pleases in proportion to what it is worth against the
      // customer's usual basket, and sending it costs a message whether or not it is redeemed.
      c.couponUntil[i] = s.week + 6;
      s.tally.costs.retention += plan.contactCost;
      c.contribution[i] -= plan.contactCost;
      changeSat(s, i, 0.02 * Math.min(1, r.atRiskOffer / c.meanSpend[i]), Cause['retention-offer']);
    }
  }
  if (r.winBackBudget > 0) winBack(s, plan);
}

/**
 * Whether the store's own records show this customer as lapsed — absent longer than three of their own usual
 * intervals between purchases (6 to 26 weeks, the long-absence rule of lifecycle.ts), within the last year — and
 * so on the win-back campaign's list; never one the store let go itself. Some of them have not left at all: they
 * buy less often now, or were away (假性流失, apparent churn), and a letter to them is money the store could have
 * spent on those who did leave.
 */
export function lapsedByRecords(s: SimState, i: number): boolean {
  const c = s.c;
  if (c.lastWeek[i] < 0 || c.churnReason[i] === ChurnReason.LetGo) return false;
  const since = s.week - c.lastWeek[i];
  return since > absenceLimit(s, i) && since <= 52;
}

function winBack(s: SimState, plan: Plan): void {
  const c = s.c;
  const r = plan.d.retention;
  const cost = s.scenario.costs.winBackAttempt;
  let attempts = cost > 0 ? Math.floor(r.winBackBudget / cost) : s.n;
  const lost: number[] = [];
  for (let i = 0; i < s.n; i++) {
    if (c.stage[i] === Stage.Prospect || !lapsedByRecords(s, i)) continue;
    if (reaches(plan.season.winBackReach, i)) lost.push(i);
  }
  // The store orders the list by what it knows: how long since the last purchase, and why a leaver said they left.
  const priority = (i: number): number => {
    const since = s.week - c.lastWeek[i];
    const reason = c.churnReason[i];
    if (r.winBackTarget === 'service') return (reason === ChurnReason.Own ? 0 : 1000) + since;
    if (r.winBackTarget === 'price') return (reason === ChurnReason.Bought || reason === ChurnReason.Lured ? 0 : 1000) + since;
    if (r.winBackTarget === 'value') return -c.spendTotal[i];
    return since;
  };
  // Each priority computed once (a comparator calling it would compute it some thirty times per customer).
  const key = new Float64Array(lost.length);
  for (let k = 0; k < lost.length; k++) key[k] = priority(lost[k]);
  const order = Array.from(lost, (_, k) => k).sort((x, y) => key[x] - key[y] || lost[x] - lost[y]);
  for (const k of order) {
    const i = lost[k];
    if (attempts-- <= 0) break;
    s.tally.winBackAttempts++;
    if (c.stage[i] !== Stage.Churned) {
      // Apparent churn: the customer had not left; the letter is a contact like any other.
      s.tally.winBackApparent++;
      changeSat(s, i, 0.01, Cause['win-back']);
      continue;
    }
    s.tally.winBackTriedBy[c.churnReason[i]]++;
    const fixed = fixFactor(s, i);
    if (fixed > 1) s.tally.winBackFixedTried++;
    const since = s.week - c.churnWeek[i];
    const bond = 1 + 0.5 * Math.min(1, c.purchases[i] / 10);
    const p = WIN_BACK_BASE[c.churnReason[i]] * fixed * exp(-since / 26) * bond * (0.6 + 0.8 * s.store.staffSkill);
    if (uniform(s.keys.winback, i, s.week, 0) >= p) continue;
    s.tally.wonBack++;
    s.tally.winBackWonBy[c.churnReason[i]]++;
    if (fixed > 1) s.tally.winBackFixedWon++;
    s.tally.acquiredBy.winBack++;
    c.flags[i] |= Flag.WonBack;
    c.churnReason[i] = ChurnReason.None;
    c.churnWeek[i] = -1;
    c.lastWeek[i] = s.week;
    c.sat[i] = 0.5;
    c.loyalty[i] *= 0.6;
    setStage(s, i, Stage.Formation, Cause['win-back']);
    changeLoyalty(s, i, 0.02, Cause['win-back']);
  }
  s.tally.costs.retention += s.tally.winBackAttempts * cost;
}
