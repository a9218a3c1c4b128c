import type { Decisions } from '../scenario/decisions';
import type { Scenario } from '../scenario/schema';
import { exp, ln } from './detmath';
import { infoActivities } from './economics';

// Data security (个人信息保护法 art. 51: a handler of personal information must take security measures — rules,
// access control, encryption, training, an incident plan). What protecting the data costs grows with the data
// collected: securing what one collecting activity gathers in a season costs about a quarter of running it. Each
// yuan buys less than the one before (the first measures close the widest holes), so security is a share of
// protection, 1 − e^(−spend / scale), never complete; below an adequate share a store that collects is in breach of
// art. 51, and an inspection orders it to correct, with a fine (art. 66; information.ts).

/** Securing one collecting activity's data for a season costs this share of running the activity. */
export const SECURITY_SHARE = 0.25;

/** The share of protection art. 51 asks of a store that collects personal information. */
export const ADEQUATE_SECURITY = 0.6;

/** Yuan of security spending that secures 1 − 1/e of the season's data (zero when nothing is collected). */
export function securityScale(scenario: Scenario, info: Decisions['information']): number {
  return SECURITY_SHARE * infoActivities(info) * scenario.costs.infoActivityWeek * scenario.weeksPerSeason;
}

/** The share of protection a season's security spending buys for the data its activities collect, 0–1. */
export function securityLevel(scenario: Scenario, info: Decisions['information']): number {
  const scale = securityScale(scenario, info);
  return scale > 0 ? 1 - exp(-info.securitySpend / scale) : 1;
}

/** The least security spending, in whole yuan, that is adequate for what the plan collects. */
export function adequateSecurity(scenario: Scenario, info: Decisions['information']): number {
  return Math.ceil(securityScale(scenario, info) * -ln(1 - ADEQUATE_SECURITY));
}

/** Whether the plan collects personal information without the protection art. 51 asks for. */
export function underProtected(scenario: Scenario, info: Decisions['information']): boolean {
  return infoActivities(info) > 0 && info.securitySpend < adequateSecurity(scenario, info);
}
