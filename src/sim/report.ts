import type { Plan } from './plan';
import { residualValue, round2, seasonScore, type Score } from './scoring';
import { hashState } from './hash';
import { seasonNews, type NewsItem } from './news';
import { COMPLAINT_KINDS, type ComplaintKindId } from './complaints';
import type { SimState } from './state';
import { Flag } from './state';
import { lapsedByRecords } from './retention';
import { recommendScore } from './attitude';
import { npsCounts, npsOf, toAnswer, type SurveyResult } from './survey';
import type { WeekStats } from './week-stats';
export type { Visitor, WeekStats } from './week-stats';
import { COST_KEYS, seasonProfit, type CostKey } from './tally';
import { CAUSE_IDS, CHURN_IDS, ChurnReason, Stage, STAGE_IDS, type CauseId, type ChurnId, type StageId, isActive } from './types';

// The season report: what a student needs to answer the course's questions about the season, as plain data.
// Fields under `truth` are hidden from the player during the game and revealed in the debrief.

export interface Driver {
  cause: CauseId;
  satisfaction: number;
  loyalty: number;
  count: number;
}

export interface SeasonReport {
  season: number;
  firstWeek: number;
  weeks: number;
  hash: string;
  score: Score;
  customers: {
    byStage: Record<StageId, number>;
    flows: { from: StageId; to: StageId; count: number }[];
    active: number;
    acquired: number;
    acquiredBy: { campaign: number; walkIn: number; referral: number; winBack: number };
    churned: number;
    churnByReason: Record<Exclude<ChurnId, 'none'>, number>;
    /**
     * The course's kinds of churn: real (真性流失, this season's leavers), apparent (假性流失, customers the till's
     * records show lapsed who have not left), malicious (恶意流失, leavers who came for a deal and took more than they
     * brought), and how many the records show lapsed in all (left or not) — what a win-back list is drawn from.
     */
    churnKinds: { real: number; apparent: number; malicious: number; lapsed: number };
    byTier: number[];
    bySegment: { segment: string; active: number; satisfaction: number }[];
  };
  satisfaction: {
    /** The survey the team paid for (survey.ts); null without one. The only satisfaction figure seen in play. */
    measured: SurveyResult | null;
    truth: {
      /** Mean satisfaction, 0–100, of every customer served this season (those who left during it included). */
      mean: number;
      nps: number;
      promoters: number;
      passives: number;
      detractors: number;
      byTier: number[];
      /** Mean perceived quality of this season's visits, 0–100 (the ACSI driver of satisfaction). */
      perceivedQuality: number;
    };
  };
  loyalty: {
    trueLoyal: number;
    inertia: number;
    none: number;
    meanAttitudinal: number;
    repeatRate: number;
    /** The course's kinds of loyalty among active repeat customers, one kind each (loyaltyKind). */
    kinds: Record<LoyaltyKind, number>;
  };
  complaints: {
    filed: number;
    recovered: number;
    unresolved: number;
    avgDays: number;
    silentFailures: number;
    /** Detractors of the last survey called back at the season's start (survey.followUp). */
    followUps: number;
    /** Filed and recovered by what the complaint was about (complaints.ts COMPLAINT_KINDS). */
    byKind: Record<ComplaintKindId, { filed: number; recovered: number }>;
  };
  care: { contacts: number; fatigued: number; optOuts: number };
  tiers: { promotions: number; demotions: number; rewards: number };
  retention: {
    winBackAttempts: number;
    wonBack: number;
    /** Attempts and successes by why the customer had left. */
    byReason: Record<Exclude<ChurnId, 'none'>, { attempts: number; won: number }>;
    /** Approaches to leavers whose cause the store has put right since, and how many came back. */
    causeFixed: { attempts: number; won: number };
    /** Letters to customers the records showed lapsed who had not left (假性流失). */
    apparent: number;
  };
  economics: {
    revenue: number;
    grossMargin: number;
    costs: Record<CostKey, number>;
    totalCosts: number;
    profit: number;
    budget: number;
  };
  store: { reputation: number; trust: number; staffSkill: number; staffSat: number; dataQuality: number; incidents: number };
  drivers: Driver[];
  featured: number[];
  /** Every scenario event and incident of the season, in the week it happened (news.ts). */
  news: NewsItem[];
  weekly: WeekStats[];
}

/**
 * 忠诚的类型 (unit 8), for an active customer who has come back at least once: true loyalty (attached and satisfied);
 * false loyalty (keeps buying while dissatisfied, and leaves when a rival offers a way out); monopoly loyalty (the
 * same customer while no rival is there to go to); benefit-driven (held by a level's benefits or points, not by
 * attachment); inertia (habit: satisfied enough, nothing binding, no attachment).
 */
export const LOYALTY_KINDS = ['true', 'benefit', 'inertia', 'monopoly', 'false'] as const;
export type LoyaltyKind = (typeof LOYALTY_KINDS)[number];

/** Below this satisfaction a repeat customer is buying while dissatisfied. */
const DISSATISFIED = 0.45;

function loyaltyKind(s: SimState, plan: Plan, i: number): number {
  const c = s.c;
  if (c.loyalty[i] >= 0.5 && c.sat[i] >= 0.6) return 0;
  if (c.sat[i] < DISSATISFIED) return s.store.competitor > 0 ? 4 : 3;
  const bound = plan.levelPerks[c.tier[i]] || (s.store.pointValue > 0 && c.points[i] > 0);
  return bound ? 1 : 2;
}

/** What one walk over the customers at season end counts; a separate function, so the engine optimises a small loop. */
interface Census {
  stageCounts: number[];
  flowCounts: Int32Array;
  tierCount: number[];
  tierSat: number[];
  segCount: number[];
  segSat: number[];
  active: number;
  satSum: number;
  loySum: number;
  trueLoyal: number;
  inertia: number;
  repeat: number;
  kinds: number[];
  /** Customers who left during the season: their satisfaction and loyalty when they left count in the means. */
  left: number;
  churnKinds: SeasonReport['customers']['churnKinds'];
  /** The same sums weighted by each customer's worth (expected spend a week, hidden truth): the score's means. */
  value: { weight: number; sat: number; loyalty: number; trueLoyal: number; inertia: number; lost: number };
  truthAnswers: number[];
}

function census(s: SimState, plan: Plan, firstWeek: number): Census {
  const c = s.c;
  const t = s.tally;
  const stageCounts = [0, 0, 0, 0, 0, 0];
  const flowCounts = new Int32Array(36);
  const tierCount = new Array<number>(plan.thresholds.length).fill(0);
  const tierSat = new Array<number>(plan.thresholds.length).fill(0);
  const segCount = s.scenario.segments.map(() => 0);
  const segSat = s.scenario.segments.map(() => 0);
  let active = 0;
  let satSum = 0;
  let loySum = 0;
  let trueLoyal = 0;
  let inertia = 0;
  let repeat = 0;
  const kinds = LOYALTY_KINDS.map(() => 0);
  let left = 0;
  const churnKinds = { real: 0, apparent: 0, malicious: 0, lapsed: 0 };
  const value = { weight: 0, sat: 0, loyalty: 0, trueLoyal: 0, inertia: 0, lost: 0 };
  const truthAnswers: number[] = [];
  for (let i = 0; i < s.n; i++) {
    const st = c.stage[i];
    stageCounts[st]++;
    const from = t.stageAtStart[i];
    flowCounts[from * 6 + st]++;
    if (st !== Stage.Prospect && lapsedByRecords(s, i)) {
      churnKinds.lapsed++;
      if (st !== Stage.Churned) churnKinds.apparent++;
    }
    if (!isActive(st)) {
      // Served this season and gone: losing an unhappy customer must not lift the season's means.
      if (st === Stage.Churned && c.churnWeek[i] >= firstWeek) {
        left++;
        if (c.contribution[i] < 0 && ((c.flags[i] & Flag.DealWon) !== 0 || c.churnReason[i] === ChurnReason.Bought)) churnKinds.malicious++;
        satSum += c.sat[i];
        loySum += c.loyalty[i];
        const w = c.lambda[i] * c.meanSpend[i];
        value.weight += w;
        value.sat += w * c.sat[i];
        value.loyalty += w * c.loyalty[i];
        // A customer the store chose to let go counts half, as in the churn rate.
        value.lost += c.churnReason[i] === ChurnReason.LetGo ? 0.5 * w : w;
      }
      continue;
    }
    active++;
    satSum += c.sat[i];
    loySum += c.loyalty[i];
    tierCount[c.tier[i]]++;
    tierSat[c.tier[i]] += c.sat[i];
    segCount[c.segment[i]]++;
    segSat[c.segment[i]] += c.sat[i];
    if (c.purchases[i] >= 2) {
      repeat++;
      kinds[loyaltyKind(s, plan, i)]++;
    }
    const w = c.lambda[i] * c.meanSpend[i];
    value.weight += w;
    value.sat += w * c.sat[i];
    value.loyalty += w * c.loyalty[i];
    if (c.loyalty[i] >= 0.5 && c.sat[i] >= 0.6) {
      trueLoyal++;
      value.trueLoyal += w;
    } else if (c.purchases[i] >= 2) {
      inertia++;
      value.inertia += w;
    }
    truthAnswers.push(toAnswer(recommendScore(c.sat[i], c.loyalty[i])));
  }
  return { stageCounts, flowCounts, tierCount, tierSat, segCount, segSat, active, satSum, loySum, trueLoyal, inertia, repeat, kinds, left, churnKinds, value, truthAnswers };
}

export function buildReport(s: SimState, plan: Plan, weekly: WeekStats[], measured: SurveyResult | null): SeasonReport {
  const t = s.tally;
  const { stageCounts, flowCounts, tierCount, tierSat, segCount, segSat, active, satSum, loySum, trueLoyal, inertia, repeat, kinds, left, churnKinds, value, truthAnswers } =
    census(s, plan, s.week - plan.weeks);
  const served = active + left;

  const byStage = Object.fromEntries(STAGE_IDS.map((id, k) => [id, stageCounts[k]])) as Record<StageId, number>;
  const flows: SeasonReport['customers']['flows'] = [];
  for (let a = 0; a < 6; a++) {
    for (let b = 0; b < 6; b++) {
      const n = flowCounts[a * 6 + b];
      if (n > 0 && a !== b) flows.push({ from: STAGE_IDS[a], to: STAGE_IDS[b], count: n });
    }
  }
  let churned = 0;
  const churnByReason = {} as Record<Exclude<ChurnId, 'none'>, number>;
  for (let r = 1; r < CHURN_IDS.length; r++) {
    churnByReason[CHURN_IDS[r] as Exclude<ChurnId, 'none'>] = t.churnByReason[r];
    churned += t.churnByReason[r];
  }
  const costs = Object.fromEntries(COST_KEYS.map((k) => [k, round2(t.costs[k])])) as Record<CostKey, number>;
  let totalCosts = 0;
  for (const k of COST_KEYS) totalCosts += t.costs[k];
  const profit = seasonProfit(t);
  const meanSat = served > 0 ? satSum / served : 0;
  // The share of the value the store could lose this season (every customer it served) that it lost: customers
  // weighted by their worth, as the other customer parts are, so losing a small customer costs less than losing
  // one who carries the store.
  const vw = value.weight;
  const score = seasonScore(s, {
    meanSat: vw > 0 ? value.sat / vw : 0,
    meanLoyalty: vw > 0 ? value.loyalty / vw : 0,
    trueShare: vw > 0 ? value.trueLoyal / vw : 0,
    inertiaShare: vw > 0 ? value.inertia / vw : 0,
    churnRate: vw > 0 ? value.lost / vw : 0,
    profit,
    revenue: t.revenue,
    residual: residualValue(s, plan),
  });
  const drivers: Driver[] = [];
  for (let k = 1; k < CAUSE_IDS.length; k++) {
    if (t.countByCause[k] === 0 && t.loyaltyByCause[k] === 0) continue;
    drivers.push({
      cause: CAUSE_IDS[k],
      satisfaction: round2(t.satByCause[k]),
      loyalty: round2(t.loyaltyByCause[k]),
      count: t.countByCause[k],
    });
  }
  drivers.sort((a, b) => Math.abs(b.satisfaction) + Math.abs(b.loyalty) - (Math.abs(a.satisfaction) + Math.abs(a.loyalty)));
  const resolved = t.complaintsRecovered + t.complaintsUnresolved;
  const st = s.store;
  return {
    season: s.season,
    firstWeek: s.week - plan.weeks,
    weeks: plan.weeks,
    hash: hashState(s),
    score,
    customers: {
      byStage,
      flows,
      active,
      acquired: t.acquired,
      acquiredBy: { ...t.acquiredBy },
      churned,
      churnByReason,
      // Real churn is the season's leavers: the churned total, counted once.
      churnKinds: { ...churnKinds, real: churned },
      byTier: tierCount,
      bySegment: s.scenario.segments.map((g, k) => ({
        segment: g.id,
        active: segCount[k],
        satisfaction: round2(segCount[k] > 0 ? (100 * segSat[k]) / segCount[k] : 0),
      })),
    },
    satisfaction: {
      measured,
      truth: {
        mean: round2(100 * meanSat),
        nps: npsOf(truthAnswers),
        ...npsCounts(truthAnswers),
        byTier: tierCount.map((n, k) => round2(n > 0 ? (100 * tierSat[k]) / n : 0)),
        perceivedQuality: round2(t.qualityCount > 0 ? (100 * t.qualitySum) / t.qualityCount : 0),
      },
    },
    loyalty: {
      trueLoyal,
      inertia,
      none: active - trueLoyal - inertia,
      meanAttitudinal: round2(served > 0 ? (100 * loySum) / served : 0),
      repeatRate: round2(active > 0 ? (100 * repeat) / active : 0),
      kinds: Object.fromEntries(LOYALTY_KINDS.map((k, j) => [k, kinds[j]])) as Record<LoyaltyKind, number>,
    },
    complaints: {
      filed: t.complaintsFiled,
      recovered: t.complaintsRecovered,
      unresolved: t.complaintsUnresolved,
      avgDays: round2(resolved > 0 ? t.complaintDays / resolved : 0),
      silentFailures: t.silentFailures,
      followUps: t.followUps,
      byKind: Object.fromEntries(COMPLAINT_KINDS.map((k, j) => [k, { filed: t.complaintsByKind[j], recovered: t.recoveredByKind[j] }])) as Record<
        ComplaintKindId,
        { filed: number; recovered: number }
      >,
    },
    care: { contacts: t.contacts, fatigued: t.fatigued, optOuts: t.optOuts },
    tiers: { promotions: t.promotions, demotions: t.demotions, rewards: t.rewards },
    retention: {
      winBackAttempts: t.winBackAttempts,
      wonBack: t.wonBack,
      byReason: winBackByReason(t.winBackTriedBy, t.winBackWonBy),
      causeFixed: { attempts: t.winBackFixedTried, won: t.winBackFixedWon },
      apparent: t.winBackApparent,
    },
    economics: {
      revenue: round2(t.revenue),
      grossMargin: round2(t.grossMargin),
      costs,
      totalCosts: round2(totalCosts),
      profit: round2(profit),
      budget: s.scenario.budgetPerSeason,
    },
    store: {
      reputation: round2(100 * st.reputation),
      trust: round2(100 * st.trust),
      staffSkill: round2(100 * st.staffSkill),
      staffSat: round2(100 * st.staffSat),
      dataQuality: round2(100 * st.dataQuality),
      incidents: st.incidents,
    },
    drivers,
    featured: s.featured.slice(),
    news: seasonNews(s, plan, weekly),
    weekly,
  };
}

function winBackByReason(tried: number[], won: number[]): SeasonReport['retention']['byReason'] {
  const out = {} as SeasonReport['retention']['byReason'];
  for (let r = 1; r < CHURN_IDS.length; r++) out[CHURN_IDS[r] as Exclude<ChurnId, 'none'>] = { attempts: tried[r], won: won[r] };
  return out;
}
