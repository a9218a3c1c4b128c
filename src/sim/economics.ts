import { closedAreaChange, type Decisions } from '../scenario/decisions';
import type { Scenario } from '../scenario/schema';
import { LEVER_AREAS, type LeverArea } from '../scenario/schema';

// Planned (fixed) spending of a season and the rules a plan must satisfy. Variable costs — contacts, gifts,
// discounts, compensation, coupons, points — are paid as they happen and come out of profit.

export interface PlannedSpend {
  acquisition: number;
  information: number;
  staff: number;
  retention: number;
  survey: number;
  complaints: number;
  total: number;
}

/** How many information-collection activities a plan runs (each costs a fixed amount a week). */
export function infoActivities(info: Decisions['information']): number {
  return +info.birthdayRegistration + +info.profileSurvey + +info.checkIn + +info.votes;
}

/** Share of a staff-week that answering reviews in public takes, every week. */
export const PUBLIC_REPLY_STAFF = 0.1;

export function plannedSpend(scenario: Scenario, d: Decisions): PlannedSpend {
  const weeks = scenario.weeksPerSeason;
  const c = scenario.costs;
  const info = d.information;
  const activities = infoActivities(info);
  const p = {
    acquisition: d.acquisition.budget,
    information: activities * c.infoActivityWeek * weeks + info.securitySpend,
    staff: d.staff.training + d.staff.extraStaff * c.staffWeek * weeks,
    retention: d.retention.winBackBudget,
    survey: d.survey.sample * c.surveyResponse,
    // Frontline authority needs training in using it: two staff-weeks of wages a season at full authority.
    // Answering reviews in public takes about four hours of a person's week.
    complaints:
      (d.complaints.aiAssistant ? c.aiAssistantWeek * weeks : 0) +
      d.complaints.empowerment * 2 * c.staffWeek +
      (d.complaints.publicReply ? PUBLIC_REPLY_STAFF * c.staffWeek * weeks : 0),
    total: 0,
  };
  p.total = p.acquisition + p.information + p.staff + p.retention + p.survey + p.complaints;
  return p;
}

export interface PlanIssue {
  /** Dotted path into the decisions, e.g. "tiers.levels.1.threshold". */
  path: string;
  code: 'over-budget' | 'thresholds-order' | 'unknown-segment' | 'min-tier' | 'lever-unavailable' | 'area-closed' | 'featured' | 'seasons';
  /** Numbers for the message, so UI and CLI can phrase it in either language. */
  params: Record<string, number | string>;
}

const NEUTRAL_CHECK: Record<LeverArea, (d: Decisions) => boolean> = {
  acquisition: (d) => d.acquisition.budget === 0 && d.acquisition.referralReward === 0 && d.acquisition.claim === 0,
  pricing: (d) => d.pricing.discount === 0,
  information: (d) =>
    !d.information.birthdayRegistration &&
    !d.information.profileSurvey &&
    !d.information.checkIn &&
    !d.information.votes &&
    d.information.securitySpend === 0,
  tiers: (d) => d.tiers.levels.length === 0 && d.tiers.baseService === 0.5,
  points: (d) => d.points.earnPer10 === 0,
  care: (d) =>
    d.care.contactsPerMonth === 0 &&
    !d.care.birthday &&
    !d.care.holiday &&
    !d.care.afterSale &&
    !d.care.recommendations &&
    d.care.audience === undefined,
  complaints: (d) =>
    d.complaints.responseDays === 14 &&
    d.complaints.empowerment === 0 &&
    d.complaints.compensation === 0 &&
    !d.complaints.scriptTraining &&
    !d.complaints.aiAssistant,
  retention: (d) =>
    d.retention.atRiskOffer === 0 &&
    d.retention.winBackBudget === 0 &&
    !d.retention.letGoUnprofitable &&
    d.retention.offerAudience === undefined &&
    d.retention.winBackAudience === undefined,
  staff: (d) => d.staff.training === 0 && d.staff.extraStaff === 0,
  survey: (d) => d.survey.sample === 0 && !d.survey.followUp,
};

/** Everything wrong with a plan, each with the place and the numbers; an empty list means it can be played. */
/**
 * What the scenario's rules refuse in a season's decisions. With `season` (from 1), also a change to an area the
 * scenario opens only in a later season (a staged scenario, scenario/areas.ts), so no file, class server or
 * command line plays a plan the form would not let a class make.
 */
export function checkPlan(scenario: Scenario, d: Decisions, featured: readonly number[] = [], season?: number): PlanIssue[] {
  const issues: PlanIssue[] = [];
  const spend = plannedSpend(scenario, d);
  if (spend.total > scenario.budgetPerSeason + 1e-9) {
    issues.push({ path: '', code: 'over-budget', params: { planned: spend.total, budget: scenario.budgetPerSeason } });
  }
  const t = d.tiers.levels.map((l) => l.threshold);
  for (let k = 1; k < t.length; k++) {
    if (!(t[k] > t[k - 1])) {
      issues.push({ path: `tiers.levels.${k}.threshold`, code: 'thresholds-order', params: { previous: t[k - 1], found: t[k] } });
    }
  }
  if (d.acquisition.target !== 'all' && !scenario.segments.some((g) => g.id === d.acquisition.target)) {
    issues.push({
      path: 'acquisition.target',
      code: 'unknown-segment',
      params: { found: d.acquisition.target, expected: ['all', ...scenario.segments.map((g) => g.id)].join(', ') },
    });
  }
  if (d.care.minTier > d.tiers.levels.length) {
    issues.push({ path: 'care.minTier', code: 'min-tier', params: { found: d.care.minTier, levels: d.tiers.levels.length } });
  }
  d.featured.forEach((f, k) => {
    if (!featured.includes(f.customer)) issues.push({ path: `featured.${k}.customer`, code: 'featured', params: { found: f.customer } });
  });
  for (const area of LEVER_AREAS) {
    if (!scenario.levers.includes(area) && !NEUTRAL_CHECK[area](d)) {
      issues.push({ path: area, code: 'lever-unavailable', params: { area } });
    }
  }
  const groups = scenario.segments.map((g) => g.id);
  d.complaints.handOverSegments.forEach((g, k) => {
    if (!groups.includes(g)) issues.push({ path: `complaints.handOverSegments.${k}`, code: 'unknown-segment', params: { found: g, expected: groups.join(', ') } });
  });
  const closed = season === undefined ? null : closedAreaChange(scenario, season, d);
  // An area never offered is the lever-unavailable issue above.
  if (closed && closed.opens !== null) issues.push({ path: closed.path, code: 'area-closed', params: { area: closed.area, opens: closed.opens, season: closed.season } });
  return issues;
}
