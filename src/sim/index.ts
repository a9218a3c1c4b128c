// The engine's public API. Everything outside src/sim reaches the simulation through this file: a game is
// `fold(scenario, seed, decisions)`, a season is one `step` that checks its decisions against the scenario's rules
// and returns the report or the reasons for refusal. The rest is the data the engine hands out (reports, scores,
// customer files, enumerations) and what hosts need to run the weekly pass on threads.

// Playing
export { ENGINE_VERSION, fold, newGame, step, type FoldOptions, type Folded, type StepResult } from './game';
export { checkPlan, infoActivities, plannedSpend, type PlanIssue, type PlannedSpend } from './economics';
export { adequateSecurity, securityLevel } from './security';
export { basicVisitCost } from './service-cost';
export { answerQuality, featuredChance, PRESENT_STEP, stepQuality, STEP_QUALITY } from './featured';
export {
  conversion,
  courseScript,
  improvisedQuality,
  OBJECTION_KINDS,
  OBJECTION_PRESENT_STEP,
  objectionStepQuality,
  pushyScript,
  scriptQuality,
  type ObjectionKindId,
} from './objections';

// What a season and a game leave
export type { Driver, LoyaltyKind, SeasonReport } from './report';
export { LOYALTY_KINDS } from './report';
export { COMPLAINT_KINDS, type ComplaintKindId } from './complaints';
export type { NewsItem, NewsKind } from './news';
export type { Visitor, WeekStats } from './week-stats';
export { finalScore, SCORE_PARTS, type Score } from './scoring';
export { customerProfile, type CustomerProfile } from './profile';
export { COST_KEYS, type CostKey } from './tally';
export { moodOf, recommendScore } from './attitude';
export { SURVEY_REACH } from './survey';
export { CAUSE_IDS, Cause, CHURN_IDS, ChurnReason, EventKind, isActive, Stage, STAGE_IDS, type CauseId, type ChurnId, type StageId } from './types';

// The store's own database as the engine segments it (targeting reads the same marks)
export { ABC_BIT, AT_RISK_BIT, GROUP_BIT, STAGE_BIT, inDatabase, storeSegments } from './segments';
export { audienceMask, isTargeted, matches, type AudienceMask } from './targeting';

// State, for hosts that keep, copy or share it
export { allocCustomers, cloneState, copyStart, CUSTOMER_FIELDS, emptyState, Flag, STORE_KEYS, type Customers, type SimState, type StoreState } from './state';
export { createPopulation, fillCustomers } from './population';

// Running the weekly pass's blocks on threads (outcomes do not depend on the runner)
export { useWeekRunner, type OnWeek } from './season';
export { BLOCK_SIZE, passBlock, sequentialRunner, type BlockResult, type WeekRunner } from './customer-pass';
export type { Plan } from './plan';
export type { WeekCtx } from './week-context';
