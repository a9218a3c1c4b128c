// Enumerations shared by the simulation, its reports and the UI. Numeric values are part of the run-file and
// hash contract: append new members, never renumber.

export const Stage = {
  Prospect: 0,
  Exploration: 1,
  Formation: 2,
  Stability: 3,
  Decline: 4,
  Churned: 5,
} as const;
export type Stage = (typeof Stage)[keyof typeof Stage];
/** Whether a customer in this stage is a customer of the store now (neither a prospect nor gone). */
export function isActive(stage: number): boolean {
  return stage !== Stage.Prospect && stage !== Stage.Churned;
}

export const STAGE_IDS = ['prospect', 'exploration', 'formation', 'stability', 'decline', 'churned'] as const;
export type StageId = (typeof STAGE_IDS)[number];

/** Why a customer left (Keaveney 1995 switching causes, grouped the way the course names churn types). */
export const ChurnReason = {
  None: 0,
  /** 主动放弃: the store let an unprofitable customer go. */
  LetGo: 1,
  /** 被迫离开: involuntary — moved away, life changed. */
  Forced: 2,
  /** 被收买: a competitor's price promotion bought them away. */
  Bought: 3,
  /** 被吸引: a competitor's offer lured a weakly loyal customer. */
  Lured: 4,
  /** 主动离开: left of their own accord after poor service, unresolved complaints, disrespect or pestering. */
  Own: 5,
  /** 自然流失: needs ended (the BG/NBD dropout). */
  Natural: 6,
} as const;
export type ChurnReason = (typeof ChurnReason)[keyof typeof ChurnReason];
export const CHURN_IDS = ['none', 'let-go', 'forced', 'bought', 'lured', 'own', 'natural'] as const;
export type ChurnId = (typeof CHURN_IDS)[number];

export const EventKind = {
  Stage: 0,
  Satisfaction: 1,
  Tier: 2,
  Churn: 3,
  Complaint: 4,
  Loyalty: 5,
  Purchase: 6,
} as const;
export type EventKind = (typeof EventKind)[keyof typeof EventKind];

/** Causes of changes. Each event and each season driver total names one. */
export const CAUSE_IDS = [
  'none',
  'first-purchase',
  'repeat-purchase',
  'loyal-habit',
  'long-absence',
  'low-satisfaction',
  'returned',
  'exceeded-expectation',
  'met-expectation',
  'quality-shortfall',
  'waiting',
  'supply-incident',
  'disrespect',
  'contact-fatigue',
  'care-contact',
  'birthday-greeting',
  'recommendation',
  'after-sale-follow-up',
  'complaint-recovered',
  'complaint-unresolved',
  'silent-failure',
  'tier-promotion',
  'tier-demotion',
  'points-reward',
  'competitor-lure',
  'competitor-promo',
  'natural-dropout',
  'moved-away',
  'let-go',
  'win-back',
  'retention-offer',
  'data-incident',
  'over-promise',
  'gift',
  'acquisition',
  'walk-in',
  'referral',
  'opt-out',
  'featured-case',
  'ill-fit',
  'holiday-greeting',
  'survey-follow-up',
  'complaint-waiting',
  'points-cut',
] as const;
export type CauseId = (typeof CAUSE_IDS)[number];
export const Cause = Object.fromEntries(CAUSE_IDS.map((c, i) => [c, i])) as { [K in CauseId]: number };
