import type { Decisions, TierLevel } from '../scenario/decisions';
import type { AcqChannel, ContactChannel, Scenario } from '../scenario/schema';
import { adequateSecurity, infoActivities, plannedSpend, securityLevel } from '../sim';
import { t } from './i18n';
import type { MessageKey } from './locales/zh-CN';

// Each lever's unit and what it costs, as the plan form shows them where the lever is set. What a lever adds to the
// plan is always the engine's own planned spending of the plan with the lever moved, less the plan as it is
// (plannedSpend), so the form can never price a lever differently from the budget check. Costs that come out of
// profit as things happen are stated per unit, with the scenario's own price.

/** The unit shown beside a number field: `before` the number (¥) or after it (days, people, …). */
export interface Unit {
  key: MessageKey;
  before?: boolean;
}

const YUAN: Unit = { key: 'unit.yuan', before: true };

/** Units of the number levers (percent levers show % already). A lever not listed is a choice or a switch. */
const UNITS: Partial<Record<string, Unit>> = {
  'acquisition.budget': YUAN,
  'acquisition.referralReward': YUAN,
  'information.securitySpend': YUAN,
  'survey.sample': { key: 'unit.answers' },
  'tiers.yearlyDecay': YUAN,
  'points.earnPer10': { key: 'unit.pointsPer10' },
  'points.pointValue': YUAN,
  'points.redeemAt': { key: 'unit.points' },
  'care.contactsPerMonth': { key: 'unit.perMonth' },
  'care.minTier': { key: 'unit.level' },
  'complaints.responseDays': { key: 'unit.days' },
  'complaints.compensation': YUAN,
  'retention.atRiskOffer': YUAN,
  'retention.winBackBudget': YUAN,
  'staff.training': YUAN,
  'staff.extraStaff': { key: 'unit.people' },
};

const TIER_UNITS: Partial<Record<keyof TierLevel, Unit>> = {
  threshold: YUAN,
  giftPack: YUAN,
};

export function leverUnit(path: string): Unit | undefined {
  return UNITS[path];
}

export function tierFieldUnit(key: keyof TierLevel): Unit | undefined {
  return TIER_UNITS[key];
}

/** What the plan's total would be with one change applied to a copy of the decisions. */
function plannedWith(sc: Scenario, d: Decisions, change: (copy: Decisions) => void): number {
  const copy = structuredClone(d);
  change(copy);
  return plannedSpend(sc, copy).total;
}

const pct = (x: number) => Math.round(x * 1000) / 10;

/**
 * The cost line of a lever with this plan, or null for a lever that costs nothing by itself (a choice of whom to
 * target, say). Planned costs say what they add to the plan; costs paid from profit say so and give the price.
 */
export function leverCost(path: string, d: Decisions, sc: Scenario): string | null {
  const weeks = sc.weeksPerSeason;
  const c = sc.costs;
  const base = plannedSpend(sc, d).total;
  const channelName = (ch: AcqChannel | ContactChannel) => t(`option.${ch}`);
  const weekly = (on: (copy: Decisions) => void, off: (copy: Decisions) => void, week: number) =>
    t('leverCost.weekly', { week, weeks, cost: plannedWith(sc, d, on) - plannedWith(sc, d, off) });
  switch (path) {
    case 'acquisition.budget':
      return t('leverCost.acquisition', { per: c.acquisition[d.acquisition.channel], channel: channelName(d.acquisition.channel) });
    case 'acquisition.channel':
      return t('leverCost.perNewCustomer', { per: c.acquisition[d.acquisition.channel] });
    case 'acquisition.referralReward':
      return t('leverCost.referral', { value: d.acquisition.referralReward });
    case 'pricing.discount':
      return t('leverCost.discount', { pct: pct(d.pricing.discount) });
    case 'information.birthdayRegistration':
    case 'information.profileSurvey':
    case 'information.checkIn':
    case 'information.votes': {
      const key = path.split('.')[1] as 'birthdayRegistration' | 'profileSurvey' | 'checkIn' | 'votes';
      return weekly((x) => void (x.information[key] = true), (x) => void (x.information[key] = false), c.infoActivityWeek);
    }
    case 'information.securitySpend':
      return infoActivities(d.information) === 0
        ? t('leverCost.securityNone')
        : t('leverCost.security', { protection: Math.round(100 * securityLevel(sc, d.information)), adequate: adequateSecurity(sc, d.information) });
    case 'staff.training':
      return t('leverCost.planned');
    case 'tiers.baseService':
      return t('leverCost.service');
    case 'points.earnPer10':
    case 'points.pointValue':
    case 'points.redeemAt':
      return t('leverCost.points', { pct: pct((d.points.earnPer10 * d.points.pointValue) / 10), reward: d.points.redeemAt * d.points.pointValue });
    case 'care.contactsPerMonth':
      return t('leverCost.contactsMonth', { n: d.care.contactsPerMonth, per: c.contact[d.care.channel], cost: d.care.contactsPerMonth * c.contact[d.care.channel] });
    case 'care.channel':
      return t('leverCost.contact', { per: c.contact[d.care.channel], channel: channelName(d.care.channel) });
    case 'care.birthday':
    case 'care.holiday':
    case 'care.afterSale':
      // Recommendations ride on the routine contacts and cost nothing of their own.
      return t('leverCost.oneContact', { per: c.contact[d.care.channel] });
    case 'complaints.empowerment':
      return t('leverCost.empowerment', { per: plannedWith(sc, d, (x) => void (x.complaints.empowerment = Math.min(1, x.complaints.empowerment + 0.1))) - plannedWith(sc, d, (x) => void (x.complaints.empowerment = Math.min(0.9, x.complaints.empowerment))) });
    case 'complaints.compensation':
      return t('leverCost.compensation', { value: d.complaints.compensation });
    case 'complaints.aiAssistant':
      return weekly((x) => void (x.complaints.aiAssistant = true), (x) => void (x.complaints.aiAssistant = false), c.aiAssistantWeek);
    case 'retention.atRiskOffer':
      return t('leverCost.coupon', { value: d.retention.atRiskOffer });
    case 'retention.winBackBudget':
      return t('leverCost.winBack', { per: c.winBackAttempt, n: c.winBackAttempt > 0 ? Math.floor(d.retention.winBackBudget / c.winBackAttempt) : 0 });
    case 'staff.extraStaff':
      return t('leverCost.staff', { per: plannedWith(sc, d, (x) => void (x.staff.extraStaff += 1)) - base, week: c.staffWeek, weeks });
    default:
      return null;
  }
}

/** The cost line of a member level's field, or null. */
export function tierFieldCost(key: keyof TierLevel, level: TierLevel, sc: Scenario): string | null {
  const c = sc.costs;
  switch (key) {
    case 'discount':
      return t('leverCost.memberDiscount', { pct: pct(level.discount) });
    case 'service':
      return t('leverCost.service');
    case 'birthdayGift':
      return t('leverCost.birthdayGift', { per: c.birthdayGift });
    case 'giftPack':
      return t('leverCost.giftPack', { value: level.giftPack });
    case 'priority':
      return t('leverCost.perMemberWeek', { per: c.priorityWeek });
    case 'manager':
      return t('leverCost.perMemberWeek', { per: c.managerWeek });
    default:
      return null;
  }
}
