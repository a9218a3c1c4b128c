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

/** 投诉的类型 (unit 6): what the complaint is about. */
export const COMPLAINT_KINDS = ['product', 'attitude', 'waiting', 'price', 'billing'] as const;
export type ComplaintKindId = (typeof COMPLAINT_KINDS)[number];
export const ComplaintKind = { Product: 0, Attitude: 1, Waiting: 2, Price: 3, Billing: 4 } as const;

/**
 * How much each part of the policy does for each kind of complaint, as multipliers on its share of the recovery
 * chance: a faulty product is put right by a replacement or a refund (compensation, authority to give it); rude
 * staff by an apology that listens (the LSCPA training) far more than by money; a long wait by a quick answer; a
 * price complaint by money back; a billing error by staff who can correct it on the spot, quickly.
 */
export const REMEDY: readonly { compensation: number; authority: number; script: number; speed: number }[] = [
  { compensation: 1.3, authority: 1, script: 0.5, speed: 1 },
  { compensation: 0.4, authority: 0.5, script: 2, speed: 1 },
  { compensation: 0.7, authority: 0.7, script: 1, speed: 2 },
  { compensation: 1.2, authority: 0.8, script: 0.5, speed: 0.5 },
  { compensation: 0.6, authority: 1.5, script: 0.5, speed: 1.5 },
];

/** Share of complaints about a billing error, whatever the visit was like. */
export const BILLING_SHARE = 0.08;

/**
 * What a complaint is about, from what went wrong on the visit (the failure's dominant cause): a wait, staff's
 * attitude, or else the product — which a price-sensitive customer (price sensitivity 0.6 or more) puts as the
 * price in a quarter of cases; a few complaints are billing errors.
 */
function kindOf(s: SimState, i: number, cause: number): number {
  if (uniform(s.keys.complaint, i, s.week, 4) < BILLING_SHARE) return ComplaintKind.Billing;
  if (cause === Cause.waiting) return ComplaintKind.Waiting;
  if (cause === Cause.disrespect) return ComplaintKind.Attitude;
  if (s.c.priceSens[i] >= 0.6 && uniform(s.keys.complaint, i, s.week, 5) < 0.25) return ComplaintKind.Price;
  return ComplaintKind.Product;
}

/** A failure this far below expectation makes a serious complaint (an outage, a ruined order, a rude scene). */
export const SEVERE_SHORTFALL = 0.25;

export function fileComplaint(s: SimState, plan: Plan, i: number, satBefore: number, shortfall: number, cause: number): void {
  const c = s.c;
  const kind = kindOf(s, i, cause);
  c.complaintKind[i] = kind;
  s.tally.complaintsByKind[kind]++;
  c.complaints[i]++;
  c.complaintWeek[i] = s.week;
  c.satBeforeFailure[i] = satBefore;
  c.complaintSevere[i] = shortfall >= SEVERE_SHORTFALL ? 1 : 0;
  c.complaintDue[i] = s.week + Math.floor(responseDays(s, plan, i) / 7);
  s.tally.complaintsFiled++;
  record(s.log, s.week, i, EventKind.Complaint, Cause['quality-shortfall'], ComplaintOutcome.Filed, 0);
}

/**
 * 科技向善: whether a person answers this customer's complaint. Without the assistant staff answer everything; with
 * it, the hand-over rule sends to a person the complaints the assistant handles worst — serious failures, a
 * customer complaining again, the groups the plan names (older customers who want a person) and top-level members.
 */
export function answeredByPerson(s: SimState, plan: Plan, i: number): boolean {
  const d = plan.d.complaints;
  if (!d.aiAssistant) return true;
  const c = s.c;
  const tier = c.tier[i];
  if (d.escalateTopTier && tier > 0 && tier === plan.thresholds.length - 1) return true;
  if (d.handOverSevere && c.complaintSevere[i]) return true;
  if (d.handOverRepeat && c.complaints[i] > 1) return true;
  return plan.handOverSegment[c.segment[i]];
}

/**
 * How much worse the assistant recovers this complaint than a person would: a little for a simple case, much more
 * for a serious failure, a customer who already complained once, or a customer who wants to talk to a person.
 */
export function assistantShortfall(s: SimState, i: number): number {
  const c = s.c;
  const wantsPerson = s.scenario.segments[c.segment[i]].prefersPerson;
  return 0.05 + 0.25 * c.complaintSevere[i] + (c.complaints[i] > 1 ? 0.15 : 0) + 0.25 * wantsPerson;
}

export function responseDays(s: SimState, plan: Plan, i: number): number {
  const d = plan.d.complaints;
  const tier = s.c.tier[i];
  if (!answeredByPerson(s, plan, i)) return 1;
  let days = d.responseDays * (1 + plan.season.overload) * (1 - 0.4 * d.empowerment);
  if (plan.levelManager[tier]) days *= 0.5;
  else if (plan.levelPriority[tier]) days *= 1 - 0.5 * plan.season.priorityEdge;
  return days;
}

export function recoveryChance(s: SimState, plan: Plan, i: number, days: number): number {
  const d = plan.d.complaints;
  // An ordinary store answering in two weeks satisfies about a fifth of complainants; fast answers by staff
  // with authority to fix things on the spot, trained in the LSCPA steps, satisfy most (TARP).
  // Each part weighs as the complaint's kind says (REMEDY).
  const r = REMEDY[s.c.complaintKind[i]];
  let p = 0.3 + 0.3 * r.authority * d.empowerment + (d.scriptTraining ? 0.1 * r.script : 0);
  // Compensation helps with diminishing returns: half a usual basket does most of what it can (+0.19), ten baskets
  // hardly more than one.
  p += 0.3 * r.compensation * (1 - exp(-2 * (d.compensation / s.c.meanSpend[i])));
  p += 0.1 * s.store.staffSkill;
  p -= 0.01 * r.speed * days;
  if (!answeredByPerson(s, plan, i)) p -= assistantShortfall(s, i);
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
  const human = answeredByPerson(s, plan, i);
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
    t.recoveredByKind[c.complaintKind[i]]++;
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
