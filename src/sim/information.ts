import { clamp01 } from './detmath';
import { changeLoyalty, changeSat, churn } from './effects';
import type { Plan } from './plan';
import { infoActivities } from './economics';
import { securityLevel, underProtected } from './security';
import { uniform } from './random';
import type { SimState } from './state';
import { Flag } from './state';
import { Cause, ChurnReason, isActive } from './types';

// 客户信息管理: activities fill the profile of customers who visit. With explicit consent only those who agree are
// recorded and trust grows; implied consent or none records everyone but erodes trust and raises the risk of a
// data incident, which security spending lowers (个人信息保护法: data power is data responsibility). Profiles
// recorded without explicit consent are unlawful to hold: while the store holds any, the regulator may act — a fine
// scaled to the store's turnover, an order to delete every such profile, and a public notice that costs trust and
// reputation — and a data incident among them brings the regulator for certain. Asking for consent again with
// explicit consent makes a profile lawful (or, refused, deletes it). Collecting with less protection than the law
// asks (security.ts) is a breach of its own: an inspection, or a leak, brings an order to correct with a fine.

const STANCE_RISK = { explicit: 1, implied: 2.5, none: 6 } as const;

export function collect(s: SimState, plan: Plan, i: number): void {
  const info = plan.d.information;
  const c = s.c;
  const stance = info.consent;
  if (stance === 'explicit' && c.flags[i] & Flag.NoConsent) {
    // Asked again, properly: agreed, the profile becomes lawful; refused, it is deleted.
    if (uniform(s.keys.info, i, s.week, 5) < 0.6 * s.store.trust) c.flags[i] &= ~Flag.NoConsent;
    else deleteProfile(c, i);
    return;
  }
  if (!(c.flags[i] & Flag.Consented)) {
    if (stance !== 'explicit') c.flags[i] |= Flag.Consented | Flag.NoConsent;
    // Asked at the till with a reason to agree (a birthday treat, better suggestions), most customers who trust
    // the store say yes sooner or later: about half of those asked on a visit when trust is high.
    else if (uniform(s.keys.info, i, s.week, 0) < 0.6 * s.store.trust) c.flags[i] |= Flag.Consented;
    else return;
  }
  const u = uniform(s.keys.info, i, s.week, 1);
  if (info.birthdayRegistration && u < 0.35) c.flags[i] |= Flag.BirthdayKnown;
  if (info.profileSurvey && uniform(s.keys.info, i, s.week, 2) < 0.25) c.flags[i] |= Flag.PrefsKnown;
  if (info.checkIn) {
    changeLoyalty(s, i, 0.004, Cause['care-contact']);
    if (uniform(s.keys.info, i, s.week, 3) < 0.1) c.flags[i] |= Flag.PrefsKnown;
  }
  if (info.votes) {
    changeLoyalty(s, i, 0.004, Cause['care-contact']);
    if (uniform(s.keys.info, i, s.week, 4) < 0.08) c.flags[i] |= Flag.PrefsKnown;
  }
}

export function collecting(plan: Plan): boolean {
  const info = plan.d.information;
  return info.birthdayRegistration || info.profileSurvey || info.checkIn || info.votes;
}

function deleteProfile(c: SimState['c'], i: number): void {
  c.flags[i] &= ~(Flag.Consented | Flag.NoConsent | Flag.BirthdayKnown | Flag.PrefsKnown);
}

/** Weekly chance that the regulator acts while the store holds profiles collected without explicit consent. */
export const INSPECTION_CHANCE = { implied: 0.06, none: 0.12 } as const;

/** Customers whose profile holds data recorded without explicit consent. */
export function unlawfulProfiles(s: SimState): number {
  const c = s.c;
  let held = 0;
  for (let i = 0; i < s.n; i++) if (c.flags[i] & Flag.NoConsent && c.flags[i] & (Flag.BirthdayKnown | Flag.PrefsKnown)) held++;
  return held;
}

/**
 * The fine for holding personal information without consent (PIPL art. 66, an order to correct with a fine; the
 * law allows up to 5% of a year's turnover for serious cases): 2% of the season's turnover so far taken to a year,
 * and never less than half a season's CRM budget.
 */
export function regulatorFine(s: SimState, plan: Plan): number {
  const weeksPlayed = s.week - s.season * plan.weeks + 1;
  const yearTurnover = (s.tally.revenue / weeksPlayed) * 52;
  return Math.max(0.5 * s.scenario.budgetPerSeason, 0.02 * yearTurnover);
}

function regulatorAction(s: SimState, plan: Plan): void {
  const st = s.store;
  const c = s.c;
  st.regulatorActions++;
  s.tally.costs.fines += regulatorFine(s, plan);
  st.trust = clamp01(st.trust - 0.15);
  st.reputation = clamp01(st.reputation - 0.05);
  for (let i = 0; i < s.n; i++) if (c.flags[i] & Flag.NoConsent) deleteProfile(c, i);
}

/** Weekly chance that an inspection finds a store collecting personal information without adequate security. */
export const SECURITY_INSPECTION_CHANCE = 0.03;

/**
 * An order to correct inadequate security (PIPL art. 51 and 66): half the consent fine and a public notice. At most
 * once a season, since a season's plan cannot be corrected before the next.
 */
function securityOrder(s: SimState, plan: Plan): void {
  if (s.tally.securityFine > 0) return;
  const fine = 0.5 * regulatorFine(s, plan);
  s.tally.securityFine += fine;
  s.tally.costs.fines += fine;
  s.store.regulatorActions++;
  s.store.trust = clamp01(s.store.trust - 0.1);
  s.store.reputation = clamp01(s.store.reputation - 0.03);
}

/** Store-level weekly update of data quality, trust, the incident draw and the regulator. */
export function informationWeek(s: SimState, plan: Plan): void {
  regulatorWeek(s, plan);
  const info = plan.d.information;
  const st = s.store;
  const activities = infoActivities(info);
  const security = securityLevel(s.scenario, info);
  const cleaning = activities * (info.consent === 'explicit' ? 0.012 : 0.007) + 0.01 * security;
  st.dataQuality = clamp01(st.dataQuality + cleaning - 0.004 * (st.dataQuality - 0.3));
  if (info.consent === 'explicit') st.trust = clamp01(st.trust + 0.003 * (1 - st.trust));
  else if (activities > 0) st.trust = clamp01(st.trust - (info.consent === 'none' ? 0.006 : 0.002));
  if (activities === 0 && info.securitySpend === 0) return;
  const risk = 0.0015 * activities * STANCE_RISK[info.consent] * (1 - 0.9 * security);
  if (uniform(s.keys.store, 0, s.week, 0) < risk) dataIncident(s, plan);
}

function regulatorWeek(s: SimState, plan: Plan): void {
  if (underProtected(s.scenario, plan.d.information) && uniform(s.keys.store, 0, s.week, 2) < SECURITY_INSPECTION_CHANCE) securityOrder(s, plan);
  const stance = plan.d.information.consent;
  if (unlawfulProfiles(s) === 0) return;
  const chance = INSPECTION_CHANCE[stance === 'none' ? 'none' : 'implied'];
  if (uniform(s.keys.store, 0, s.week, 1) < chance) regulatorAction(s, plan);
}

function dataIncident(s: SimState, plan: Plan): void {
  const st = s.store;
  const c = s.c;
  st.incidents++;
  st.trust = clamp01(st.trust - 0.3);
  st.reputation = clamp01(st.reputation - 0.1);
  for (let i = 0; i < s.n; i++) {
    if (!isActive(c.stage[i]) || !(c.flags[i] & (Flag.BirthdayKnown | Flag.PrefsKnown))) continue;
    changeSat(s, i, -0.12, Cause['data-incident']);
    changeLoyalty(s, i, -0.05, Cause['data-incident']);
    s.tally.negativeWom += c.womP[i];
    if (uniform(s.keys.info, i, s.week, 9) < 0.1) churn(s, i, ChurnReason.Own, Cause['data-incident']);
  }
  // A leak is reported, and the regulator acts on data held without consent and on inadequate security.
  if (unlawfulProfiles(s) > 0) regulatorAction(s, plan);
  if (underProtected(s.scenario, plan.d.information)) securityOrder(s, plan);
}
