import type { Scenario } from '../scenario/schema';
import type { EventLog } from './events';
import { cloneLog, createLog } from './events';
import type { StreamKeys } from './random';
import { streamKeys } from './random';
import { cloneTally, newTally, type Tally } from './tally';
import { DOUBLE_ZERO } from './hot-loop';

/** Per-customer state as a structure of arrays indexed by customer id. */
export interface Customers {
  // Hidden traits, fixed per seed: who exists and what they are like never depends on decisions.
  segment: Uint8Array;
  lambda: Float64Array;
  dropP: Float64Array;
  spendNu: Float64Array;
  priceSens: Float64Array;
  expectBase: Float64Array;
  complainP: Float64Array;
  womP: Float64Array;
  fit: Float64Array;
  tolerance: Float64Array;
  birthWeek: Uint8Array;
  acqChannel: Uint8Array;
  contactChannel: Uint8Array;
  /** Exposure (Exp(1) draw) a prospect needs before trying the store: more exposure, earlier arrival. */
  acqThreshold: Float64Array;
  /** Week the customer moves away (involuntary churn), drawn once: a geometric clock. */
  moveWeek: Int32Array;
  /** Mean spend per purchase, p/ν of the Gamma-Gamma model. */
  meanSpend: Float64Array;
  // Relationship state.
  /** Purchase hazard still to accumulate before the next purchase (Poisson process as an Exp(1) clock). */
  buyClock: Float64Array;
  acqExposure: Float64Array;
  stage: Uint8Array;
  sat: Float64Array;
  expect: Float64Array;
  loyalty: Float64Array;
  purchases: Int32Array;
  spendTotal: Float64Array;
  firstWeek: Int32Array;
  lastWeek: Int32Array;
  growth: Float64Array;
  tier: Uint8Array;
  points: Float64Array;
  rewardWeek: Int32Array;
  contactLoad: Float64Array;
  complaintDue: Int32Array;
  complaintWeek: Int32Array;
  satBeforeFailure: Float64Array;
  /** 1 while the customer's open or last complaint is about a serious failure (complaints.ts SEVERE_SHORTFALL). */
  complaintSevere: Uint8Array;
  /** Kind of the customer's open or last complaint (ComplaintKind, complaints.ts). */
  complaintKind: Uint8Array;
  complaints: Int32Array;
  churnReason: Uint8Array;
  churnWeek: Int32Array;
  /** Cause of the customer's leaving (Cause), and the store's standing on it then (retention.ts, causeStanding). */
  churnCause: Uint8Array;
  churnStanding: Float64Array;
  /** Bit flags, see Flag. */
  flags: Uint16Array;
  couponUntil: Int32Array;
  /** What the store can observe of this customer's value: margin earned minus cost to serve. */
  contribution: Float64Array;
  /** Margin earned after the last decision point, for the debrief's "what they really brought". */
  valueAfter: Float64Array;
  /** Last week in which a fitting recommendation still adds its item to the next basket (-1: none). */
  recommendUntil: Int32Array;
  /** Week of the store's last survey in which this customer answered as a detractor (0–6), −1: never. */
  detractorWeek: Int32Array;
}

export const Flag = {
  BirthdayKnown: 1,
  PrefsKnown: 2,
  Consented: 4,
  OptedOut: 8,
  WonBack: 16,
  Contacted: 32,
  /** Won while a blanket price discount was running: came for the deal (Lewis 2006). */
  DealWon: 64,
  /** Brought in by the acquisition campaign (not a walk-in or a referral). */
  CampaignWon: 128,
  /** Profile data recorded without the customer's explicit consent (implied or none): unlawful to keep (PIPL). */
  NoConsent: 256,
} as const;

export interface StoreState {
  reputation: number;
  trust: number;
  staffSkill: number;
  staffSat: number;
  dataQuality: number;
  /** Competitor attraction, 0–1, from scenario events. */
  competitor: number;
  incidents: number;
  /** Regulator's actions against the store for profiles held without consent (information.ts). */
  regulatorActions: number;
  cumulativeProfit: number;
  /**
   * The season's mean perceived quality and share of settled complaints put right, as of the last week's end (the
   * last season's until this season has some): what a customer who leaves holds against the store (retention.ts).
   */
  quality: number;
  recovery: number;
  /**
   * Yuan value of one point at which the customers' balances are booked as a liability (points.ts): the plan's
   * value while a points programme runs, so a change of value re-books every balance.
   */
  pointValue: number;
  /** Yuan of points value a customer earned per 10 yuan spent under last season's plan (points.ts's pointsCut). */
  pointsRate: number;
  /** Expected one-year margin of the customer base at the start, the yardstick of residual value. */
  baseResidual: number;
  /** What the store earned per season when the team took over (π₀, scoring.ts's seasonEarnings). */
  baseEarnings: number;
  visitsLastWeek: number;
  /** Counts taken during the last weekly pass, read by the next week's rates. */
  prospects: number;
  prospectWeight: number;
  promoterVoice: number;
  activeCount: number;
}

export const STORE_KEYS: readonly (keyof StoreState)[] = [
  'reputation',
  'trust',
  'staffSkill',
  'staffSat',
  'dataQuality',
  'competitor',
  'incidents',
  'regulatorActions',
  'cumulativeProfit',
  'quality',
  'recovery',
  'pointValue',
  'pointsRate',
  'baseResidual',
  'baseEarnings',
  'visitsLastWeek',
  'prospects',
  'prospectWeight',
  'promoterVoice',
  'activeCount',
];

export interface SimState {
  scenario: Scenario;
  seed: string;
  keys: StreamKeys;
  n: number;
  /** Next week to simulate, counted from 0 over the whole game. */
  week: number;
  /** Seasons completed. */
  season: number;
  c: Customers;
  store: StoreState;
  log: EventLog;
  tally: Tally;
  /** Customers whose complaint waits for the manager's personal handling next season (featured cases). */
  featured: number[];
}

/**
 * Zeroed customer arrays. `shared` puts them in SharedArrayBuffers, so threads running blocks of the weekly
 * pass (customer-pass.ts) work on the same customers.
 */
export function allocCustomers(n: number, shared = false): Customers {
  const buffer = (bytes: number): ArrayBuffer => (shared ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes)) as ArrayBuffer;
  const f = () => new Float64Array(buffer(8 * n));
  const i32 = (fill = 0) => new Int32Array(buffer(4 * n)).fill(fill);
  const u8 = () => new Uint8Array(buffer(n));
  const u16 = () => new Uint16Array(buffer(2 * n));
  return {
    segment: u8(),
    lambda: f(),
    dropP: f(),
    spendNu: f(),
    priceSens: f(),
    expectBase: f(),
    complainP: f(),
    womP: f(),
    fit: f(),
    tolerance: f(),
    birthWeek: u8(),
    acqChannel: u8(),
    contactChannel: u8(),
    acqThreshold: f(),
    moveWeek: i32(),
    meanSpend: f(),
    buyClock: f(),
    acqExposure: f(),
    stage: u8(),
    sat: f(),
    expect: f(),
    loyalty: f(),
    purchases: i32(),
    spendTotal: f(),
    firstWeek: i32(-1),
    lastWeek: i32(-1),
    growth: f(),
    tier: u8(),
    points: f(),
    rewardWeek: i32(-1000),
    contactLoad: f(),
    complaintDue: i32(-1),
    complaintWeek: i32(-1),
    satBeforeFailure: f(),
    complaintSevere: u8(),
    complaintKind: u8(),
    complaints: i32(),
    churnReason: u8(),
    churnWeek: i32(-1),
    churnCause: u8(),
    churnStanding: f(),
    flags: u16(),
    couponUntil: i32(-1),
    contribution: f(),
    valueAfter: f(),
    recommendUntil: i32(-1),
    detractorWeek: i32(-1),
  };
}

/** Field order of Customers, fixed: the state hash and snapshots walk it in this order. */
export const CUSTOMER_FIELDS = Object.keys(allocCustomers(0)) as (keyof Customers)[];

/**
 * The store at week 0. The figures that take fractional values are made doubles before they get their starting
 * value (hot-loop.ts).
 */
function newStore(scenario: Scenario): StoreState {
  const store: StoreState = {
    reputation: DOUBLE_ZERO,
    trust: DOUBLE_ZERO,
    staffSkill: DOUBLE_ZERO,
    staffSat: DOUBLE_ZERO,
    dataQuality: DOUBLE_ZERO,
    competitor: DOUBLE_ZERO,
    incidents: 0,
    regulatorActions: 0,
    cumulativeProfit: DOUBLE_ZERO,
    quality: DOUBLE_ZERO,
    recovery: DOUBLE_ZERO,
    pointValue: DOUBLE_ZERO,
    pointsRate: DOUBLE_ZERO,
    baseResidual: DOUBLE_ZERO,
    baseEarnings: DOUBLE_ZERO,
    visitsLastWeek: 0,
    prospects: 0,
    prospectWeight: DOUBLE_ZERO,
    promoterVoice: DOUBLE_ZERO,
    activeCount: 0,
  };
  store.reputation = scenario.store.reputation;
  store.trust = 0.7;
  store.staffSkill = scenario.store.staffSkill;
  store.staffSat = 0.6;
  store.dataQuality = 0.3;
  store.competitor = 0;
  store.cumulativeProfit = 0;
  // What an ordinary customer perceived before the team took over (experience.ts's perceived quality at base
  // service 0.5), and an even chance of a complaint being put right.
  store.quality = 0.5 * scenario.store.productQuality + 0.15 + 0.2 * scenario.store.staffSkill + 0.08;
  store.recovery = 0.5;
  store.pointValue = 0;
  store.baseResidual = 0;
  store.baseEarnings = 0;
  store.prospectWeight = 0;
  store.promoterVoice = 0;
  return store;
}

export function emptyState(scenario: Scenario, seed: string, customers?: Customers): SimState {
  const n = scenario.population.size;
  const c = customers ?? allocCustomers(n);
  // Field by field rather than one literal: a literal run a second time (the next game in this process) takes
  // a prototype copy whose fields the engine treats as of any type, and throws away the optimised code of every
  // system that relied on the first game's state having its own shape.
  const s = {} as SimState;
  s.scenario = scenario;
  s.seed = seed;
  s.keys = streamKeys(seed);
  s.n = n;
  s.week = 0;
  s.season = 0;
  s.c = c;
  s.store = newStore(scenario);
  s.featured = [];
  s.log = createLog();
  s.tally = newTally(n, c.stage);
  return s;
}

/** A deep copy for forks and snapshots; the scenario is immutable and shared. */
export function cloneState(s: SimState): SimState {
  const c = {} as Customers;
  for (const k of CUSTOMER_FIELDS) (c as unknown as Record<string, unknown>)[k] = s.c[k].slice();
  return {
    ...s,
    c,
    store: { ...s.store },
    log: cloneLog(s.log),
    featured: s.featured.slice(),
    tally: cloneTally(s.tally),
  };
}

/**
 * A copy of a starting state built like a new one (emptyState's object shapes, then the arrays copied in),
 * rather than with cloneState's spread copies: the engine's hot loops run about three times faster on the
 * shapes they were compiled for. The starting state has no tally worth keeping (step resets it).
 */
export function copyStart(base: SimState): SimState {
  const s = emptyState(base.scenario, base.seed);
  for (const k of CUSTOMER_FIELDS) (s.c[k] as Float64Array).set(base.c[k] as Float64Array);
  Object.assign(s.store, base.store);
  s.week = base.week;
  s.season = base.season;
  s.log = cloneLog(base.log);
  s.featured = base.featured.slice();
  s.tally.stageAtStart.set(base.tally.stageAtStart);
  return s;
}
