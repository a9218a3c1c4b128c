import { clamp, exp } from './detmath';
import { record } from './events';
import { changeLoyalty, changeSat, churn } from './effects';
import type { Plan } from './plan';
import { uniform } from './random';
import type { SimState } from './state';
import { Cause, ChurnReason, EventKind } from './types';

// 投诉管理: a complaint waits for the policy's response time (longer when staff are overloaded, shorter with
// frontline authority, an AI assistant or priority service), then is recovered or left unresolved. A recovered
// complaint answered promptly lifts satisfaction slightly above where it stood before the failure — the
// service-recovery paradox, kept modest (de Matos et al. 2007); one put right late makes up for less; an unresolved
// one is worse than the failure itself.

export const ComplaintOutcome = { Filed: 0, Recovered: 1, Unresolved: 2 } as const;

export function fileComplaint(s: SimState, plan: Plan, i: number, satBefore: number): void {
  const c = s.c;
  c.complaints[i]++;
  c.complaintWeek[i] = s.week;
  c.satBeforeFailure[i] = satBefore;
  c.complaintDue[i] = s.week + Math.floor(responseDays(s, plan, i) / 7);
  s.tally.complaintsFiled++;
  record(s.log, s.week, i, EventKind.Complaint, Cause['quality-shortfall'], ComplaintOutcome.Filed, 0);
}

function escalated(plan: Plan, tier: number): boolean {
  return plan.d.complaints.escalateTopTier && tier > 0 && tier === plan.thresholds.length - 1;
}

export function responseDays(s: SimState, plan: Plan, i: number): number {
  const d = plan.d.complaints;
  const tier = s.c.tier[i];
  if (d.aiAssistant && !escalated(plan, tier)) return 1;
  let days = d.responseDays * (1 + plan.season.overload) * (1 - 0.4 * d.empowerment);
  if (plan.levelManager[tier]) days *= 0.5;
  else if (plan.levelPriority[tier]) days *= 1 - 0.5 * plan.season.priorityEdge;
  return days;
}

export function recoveryChance(s: SimState, plan: Plan, i: number, days: number): number {
  const d = plan.d.complaints;
  const human = !d.aiAssistant || escalated(plan, s.c.tier[i]);
  // An ordinary store answering in two weeks satisfies about a fifth of complainants; fast answers by staff
  // with authority to fix things on the spot, trained in the LSCPA steps, satisfy most (TARP).
  let p = 0.3 + 0.3 * d.empowerment + (d.scriptTraining ? 0.1 : 0);
  // Compensation helps with diminishing returns: half a usual basket does most of what it can (+0.19), ten baskets
  // hardly more than one.
  p += 0.3 * (1 - exp(-2 * (d.compensation / s.c.meanSpend[i])));
  p += 0.1 * s.store.staffSkill;
  p -= 0.01 * days;
  if (!human) p -= 0.12;
  if (plan.levelManager[s.c.tier[i]]) p += 0.1;
  return clamp(p, 0.02, 0.95);
}

/**
 * Staff time a complaint takes, in yuan: a quarter of an hour to log and answer it, plus the time a quick answer
 * needs — keeping a desk ready to answer within the target — 1.5 hours over the target in days (3 h for a one-day
 * target, 6 minutes for two weeks). The assistant answers for a tenth of the time. An hour is a fortieth of a
 * staff-week's wage.
 */
export function handlingCost(s: SimState, plan: Plan, i: number): number {
  const d = plan.d.complaints;
  const hour = s.scenario.costs.staffWeek / 40;
  const human = !d.aiAssistant || escalated(plan, s.c.tier[i]);
  const hours = 0.25 + 1.5 / d.responseDays;
  return (human ? hours : 0.1 * hours) * hour;
}

/**
 * What a remedy worth `value` at shelf prices costs the store: compensation is given in goods or store credit (a
 * replacement, a voucher), which cost the store what the goods cost it, not what the customer would pay.
 */
export function goodsCost(s: SimState, value: number): number {
  return value * (1 - s.scenario.store.margin);
}

/** Resolves this customer's complaint if it is due this week. */
export function resolveDue(s: SimState, plan: Plan, i: number): void {
  const c = s.c;
  if (c.complaintDue[i] < 0) return;
  if (c.complaintDue[i] > s.week) {
    const waited = s.week - c.complaintWeek[i];
    // A complainant left waiting grows angrier week by week, so a slow answer costs during the wait too; after
    // four weeks without an answer they take the complaint as unresolved, so an answer put off past the end of
    // the game hides neither the wait nor the customers it loses.
    if (waited >= GIVE_UP_WEEKS) {
      c.complaintDue[i] = -1;
      s.tally.complaintDays += waited * 7;
      unresolved(s, i, waited * 7);
      return;
    }
    if (waited > 0) changeSat(s, i, -0.01, Cause['complaint-waiting']);
    return;
  }
  const days = Math.max(1, (s.week - c.complaintWeek[i]) * 7 + 3);
  const chance = recoveryChance(s, plan, i, responseDays(s, plan, i));
  settle(s, plan, i, uniform(s.keys.complaint, i, s.week, 2) < chance, days, Cause['complaint-recovered']);
}

/** Outcome of a complaint: recovered or not, after `days`. */
export function settle(s: SimState, plan: Plan, i: number, recovered: boolean, days: number, cause: number): void {
  const c = s.c;
  const t = s.tally;
  const d = plan.d.complaints;
  c.complaintDue[i] = -1;
  t.complaintDays += days;
  // What the customer receives (compensation, and what staff with authority give to fix things on the spot)
  // counts against their contribution; the desk's staff time is the store's overhead, so a quick answer never
  // makes a complainant look unprofitable.
  let given = goodsCost(s, d.compensation);
  if (recovered) given += goodsCost(s, 0.3 * d.empowerment * s.c.meanSpend[i]);
  t.costs.complaints += given + handlingCost(s, plan, i);
  c.contribution[i] -= given;
  if (recovered) {
    t.complaintsRecovered++;
    // Promptness is part of a good recovery (Smith, Bolton & Wagner 1999; TARP): put right within days, the customer
    // ends a little above where they stood before the failure; put right after a month of waiting, the remedy no
    // longer makes up for the wait and the customer ends below it, with no new attachment.
    const prompt = clamp(1 - (days - 3) / 28, 0, 1);
    const lift = c.satBeforeFailure[i] + 0.03 * prompt - 0.08 * (1 - prompt) - c.sat[i];
    changeSat(s, i, lift > 0 ? lift : 0.01 * prompt, cause);
    if (prompt > 0) changeLoyalty(s, i, 0.03 * prompt, cause);
    t.positiveWom += 0.5 * c.womP[i];
    record(s.log, s.week, i, EventKind.Complaint, cause, ComplaintOutcome.Recovered, 0);
    return;
  }
  unresolved(s, i, days);
}

/** Weeks a complainant waits for an answer before taking the complaint as unresolved. */
export const GIVE_UP_WEEKS = 4;

/** A complaint left unresolved: worse than the failure itself, told to others, and the customer may leave. */
function unresolved(s: SimState, i: number, days: number): void {
  const c = s.c;
  const t = s.tally;
  t.complaintsUnresolved++;
  changeSat(s, i, -0.15, Cause['complaint-unresolved']);
  changeLoyalty(s, i, -0.05, Cause['complaint-unresolved']);
  t.negativeWom += 2 * c.womP[i];
  record(s.log, s.week, i, EventKind.Complaint, Cause['complaint-unresolved'], ComplaintOutcome.Unresolved, 0);
  // The longer the customer waited for nothing, the likelier they are gone (poor response to failure, Keaveney 1995).
  const leave = Math.min(0.7, 0.3 + 0.01 * days) * (1 - 0.5 * c.loyalty[i]);
  if (uniform(s.keys.complaint, i, s.week, 3) < leave) {
    churn(s, i, ChurnReason.Own, Cause['complaint-unresolved']);
  }
}
