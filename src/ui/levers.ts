import type { Decisions, TierLevel } from '../scenario/decisions';
import type { ACQ_CHANNELS, CONTACT_CHANNELS, LeverArea, Scenario } from '../scenario/schema';
import type { SeasonReport } from '../sim';
import { t } from './i18n';

// The plan form, described as data: each lever's place in the decisions, its kind and range, and the course
// area it belongs to. The form, its labels and one-line help all come from this list.

export type LeverKind =
  | { kind: 'number'; min: number; max: number; step: number }
  | { kind: 'percent'; max: number; step: number }
  | { kind: 'toggle' }
  | { kind: 'select'; options: readonly SelectOption[] }
  | { kind: 'segment' }
  /** Any number of the scenario's customer groups, ticked (handover.ts). */
  | { kind: 'segments' }
  /** Whom a targetable action reaches: RFM groups, ABC classes, the early-warning list (audience.ts). */
  | { kind: 'audience'; use: 'care' | 'offer' | 'winBack' };

/** The choices of the form's select levers: the decisions' channels, consent and win-back targets. */
export type SelectOption =
  | (typeof ACQ_CHANNELS)[number]
  | (typeof CONTACT_CHANNELS)[number]
  | Decisions['information']['consent']
  | Decisions['retention']['winBackTarget'];

export interface Lever {
  path: LeverPath;
  area: LeverArea;
  spec: LeverKind;
}

export const TABS = ['acquisition', 'information', 'tiers', 'care', 'complaints', 'retention', 'staff'] as const;
export type Tab = (typeof TABS)[number];

/** Which course areas each tab gathers. */
export const TAB_AREAS: Record<Tab, readonly LeverArea[]> = {
  acquisition: ['acquisition', 'pricing'],
  information: ['information', 'survey'],
  tiers: ['tiers', 'points'],
  care: ['care'],
  complaints: ['complaints'],
  retention: ['retention'],
  staff: ['staff'],
};

const num = (min: number, max: number, step: number): LeverKind => ({ kind: 'number', min, max, step });
const pct = (max: number, step = 0.05): LeverKind => ({ kind: 'percent', max, step });
const toggle: LeverKind = { kind: 'toggle' };
const select = (...options: SelectOption[]): LeverKind => ({ kind: 'select', options });

const LEVER_LIST = [
  { path: 'acquisition.budget', area: 'acquisition', spec: num(0, 1e6, 500) },
  { path: 'acquisition.channel', area: 'acquisition', spec: select('social', 'flyers', 'search', 'referral') },
  { path: 'acquisition.target', area: 'acquisition', spec: { kind: 'segment' } },
  { path: 'acquisition.claim', area: 'acquisition', spec: pct(1, 0.1) },
  { path: 'acquisition.screening', area: 'acquisition', spec: toggle },
  { path: 'acquisition.referralReward', area: 'acquisition', spec: num(0, 200, 1) },
  { path: 'pricing.discount', area: 'pricing', spec: pct(0.5) },
  { path: 'information.birthdayRegistration', area: 'information', spec: toggle },
  { path: 'information.profileSurvey', area: 'information', spec: toggle },
  { path: 'information.checkIn', area: 'information', spec: toggle },
  { path: 'information.votes', area: 'information', spec: toggle },
  { path: 'information.consent', area: 'information', spec: select('explicit', 'implied', 'none') },
  { path: 'information.securitySpend', area: 'information', spec: num(0, 1e6, 100) },
  { path: 'survey.sample', area: 'survey', spec: num(0, 5000, 10) },
  { path: 'survey.followUp', area: 'survey', spec: toggle },
  { path: 'tiers.baseService', area: 'tiers', spec: pct(1) },
  { path: 'tiers.yearlyDecay', area: 'tiers', spec: num(0, 1e5, 50) },
  { path: 'points.earnPer10', area: 'points', spec: num(0, 20, 0.5) },
  { path: 'points.pointValue', area: 'points', spec: num(0, 10, 0.05) },
  { path: 'points.redeemAt', area: 'points', spec: num(1, 1e5, 10) },
  { path: 'care.contactsPerMonth', area: 'care', spec: num(0, 30, 1) },
  { path: 'care.channel', area: 'care', spec: select('sms', 'email', 'app', 'phone') },
  { path: 'care.minTier', area: 'care', spec: num(0, 5, 1) },
  { path: 'care.audience', area: 'care', spec: { kind: 'audience', use: 'care' } },
  { path: 'care.birthday', area: 'care', spec: toggle },
  { path: 'care.holiday', area: 'care', spec: toggle },
  { path: 'care.afterSale', area: 'care', spec: toggle },
  { path: 'care.recommendations', area: 'care', spec: toggle },
  { path: 'complaints.responseDays', area: 'complaints', spec: num(1, 60, 1) },
  { path: 'complaints.empowerment', area: 'complaints', spec: pct(1, 0.1) },
  { path: 'complaints.compensation', area: 'complaints', spec: num(0, 1000, 5) },
  { path: 'complaints.scriptTraining', area: 'complaints', spec: toggle },
  { path: 'complaints.aiAssistant', area: 'complaints', spec: toggle },
  { path: 'complaints.escalateTopTier', area: 'complaints', spec: toggle },
  { path: 'complaints.publicReply', area: 'complaints', spec: toggle },
  { path: 'complaints.handOverSevere', area: 'complaints', spec: toggle },
  { path: 'complaints.handOverRepeat', area: 'complaints', spec: toggle },
  { path: 'complaints.handOverSegments', area: 'complaints', spec: { kind: 'segments' } },
  { path: 'retention.atRiskOffer', area: 'retention', spec: num(0, 500, 1) },
  { path: 'retention.offerAudience', area: 'retention', spec: { kind: 'audience', use: 'offer' } },
  { path: 'retention.winBackBudget', area: 'retention', spec: num(0, 1e6, 100) },
  { path: 'retention.winBackTarget', area: 'retention', spec: select('recent', 'service', 'price', 'value') },
  { path: 'retention.winBackAudience', area: 'retention', spec: { kind: 'audience', use: 'winBack' } },
  { path: 'retention.letGoUnprofitable', area: 'retention', spec: toggle },
  { path: 'staff.training', area: 'staff', spec: num(0, 1e6, 500) },
  { path: 'staff.extraStaff', area: 'staff', spec: num(0, 50, 1) },
] as const;

/** Every lever's place in the decisions: its label and help are the locale keys lever.<path> and lever.<path>.help. */
export type LeverPath = (typeof LEVER_LIST)[number]['path'];

export const LEVERS: readonly Lever[] = LEVER_LIST;

/** The lever at a decision path, if one is there (a path read from a run file can be anything). */
export function leverAt(path: string): Lever | undefined {
  return LEVERS.find((l) => l.path === path);
}

export function leverLabel(path: LeverPath): string {
  return t(`lever.${path}`);
}

/** The fields of a member level, in the plan form's (and the schema's) order, with how the form edits them. */
export const TIER_FIELDS: readonly { key: keyof TierLevel; kind: 'number' | 'percent' | 'toggle'; max: number; step: number }[] = [
  { key: 'threshold', kind: 'number', max: 1e7, step: 50 },
  { key: 'discount', kind: 'percent', max: 0.5, step: 0.01 },
  { key: 'service', kind: 'percent', max: 1, step: 0.05 },
  { key: 'birthdayGift', kind: 'toggle', max: 1, step: 1 },
  { key: 'giftPack', kind: 'number', max: 1000, step: 1 },
  { key: 'priority', kind: 'toggle', max: 1, step: 1 },
  { key: 'manager', kind: 'toggle', max: 1, step: 1 },
];

/** The member-level field named `key`, if it is one (a path read from a run file can be anything). */
export function tierField(key: string): keyof TierLevel | undefined {
  return TIER_FIELDS.find((f) => f.key === key)?.key;
}

export function tierFieldLabel(key: keyof TierLevel): string {
  return t(`lever.tier.${key}`);
}

/**
 * A lever's one-line help as the plan form shows it. The survey's levers also say what they cost with this plan:
 * the sample times the scenario's price of an answer, and a phone call for each detractor of the last survey.
 */
export function leverHelp(lever: Lever, d: Decisions, sc: Scenario, last?: SeasonReport): string {
  const phone = sc.costs.contact.phone;
  if (lever.path === 'survey.sample') {
    const per = sc.costs.surveyResponse;
    return `${t(`lever.${lever.path}.help`)} ${t('lever.survey.sample.cost', { per, cost: d.survey.sample * per })}`;
  }
  if (lever.path === 'survey.followUp') {
    const m = last?.satisfaction.measured;
    const note = m ? t('lever.survey.followUp.last', { n: m.detractors, cost: m.detractors * phone }) : t('lever.survey.followUp.noSurvey');
    return `${t(`lever.${lever.path}.help`, { phone })} ${note}`;
  }
  return t(`lever.${lever.path}.help`);
}
