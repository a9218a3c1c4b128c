import { customerHistory, type CustomerEvent } from './events';
import { moodOf } from './attitude';
import { COMPLAINT_KINDS, type ComplaintKindId } from './complaints';
import type { SimState } from './state';
import { Flag } from './state';
import { CAUSE_IDS, CHURN_IDS, STAGE_IDS, type CauseId, type ChurnId, type StageId } from './types';

// A customer's file (客户档案) as the store keeps it — profile fields collected, purchases, tier, points,
// complaints, contacts — plus the cause history of every change, for the profile card and customer stories.
// `truth` holds hidden traits, shown only in the debrief.

export interface CustomerProfile {
  id: number;
  segment: string;
  stage: StageId;
  mood: number;
  tier: number;
  growth: number;
  points: number;
  purchases: number;
  spendTotal: number;
  firstWeek: number;
  lastWeek: number;
  complaints: number;
  /** What the customer's latest complaint is about; absent for a customer who never complained. */
  complaintKind?: ComplaintKindId;
  birthdayKnown: boolean;
  preferencesKnown: boolean;
  consented: boolean;
  optedOut: boolean;
  wonBack: boolean;
  churnReason: ChurnId;
  churnWeek: number;
  contribution: number;
  history: { week: number; kind: CustomerEvent['kind']; cause: CauseId; value: number; delta: number }[];
  truth: { satisfaction: number; loyalty: number; purchaseRate: number; dropout: number; priceSensitivity: number; fit: number; meanSpend: number; valueAfter: number };
}

const r2 = (x: number) => Math.round(x * 100) / 100;

export function customerProfile(s: SimState, id: number): CustomerProfile | null {
  if (!(id >= 0 && id < s.n)) return null;
  const c = s.c;
  const f = c.flags[id];
  return {
    id,
    segment: s.scenario.segments[c.segment[id]].id,
    stage: STAGE_IDS[c.stage[id]],
    mood: moodOf(c.sat[id]),
    tier: c.tier[id],
    growth: r2(c.growth[id]),
    points: r2(c.points[id]),
    purchases: c.purchases[id],
    spendTotal: r2(c.spendTotal[id]),
    firstWeek: c.firstWeek[id],
    lastWeek: c.lastWeek[id],
    complaints: c.complaints[id],
    ...(c.complaints[id] > 0 ? { complaintKind: COMPLAINT_KINDS[c.complaintKind[id]] } : {}),
    birthdayKnown: (f & Flag.BirthdayKnown) !== 0,
    preferencesKnown: (f & Flag.PrefsKnown) !== 0,
    consented: (f & Flag.Consented) !== 0,
    optedOut: (f & Flag.OptedOut) !== 0,
    wonBack: (f & Flag.WonBack) !== 0,
    churnReason: CHURN_IDS[c.churnReason[id]],
    churnWeek: c.churnWeek[id],
    contribution: r2(c.contribution[id]),
    history: customerHistory(s.log, id).map((e) => ({
      week: e.week,
      kind: e.kind,
      cause: CAUSE_IDS[e.cause],
      value: r2(e.value),
      delta: r2(e.delta),
    })),
    truth: {
      satisfaction: r2(100 * c.sat[id]),
      loyalty: r2(100 * c.loyalty[id]),
      purchaseRate: r2(c.lambda[id]),
      dropout: r2(c.dropP[id]),
      priceSensitivity: r2(c.priceSens[id]),
      fit: r2(c.fit[id]),
      meanSpend: r2(c.meanSpend[id]),
      valueAfter: r2(c.valueAfter[id]),
    },
  };
}
