import type { SimState } from './state';
import { eventOn } from './week-context';
import { Cause } from './types';

// 挽回 (unit 9): analyse the cause, remedy it, then ask the customer back. What drove a customer away is recorded
// with the store's standing on it as they left; an approach works when the store has put that right since, and
// hardly at all when it has not (Kumar, Bhagwat & Zhang 2015: the reason for leaving and the firm's changes since
// drive regain success). What the store cannot change — moving away, needs ended, a store that never suited
// them — is no better for a letter.

/**
 * What the store would have to put right for a customer who left over a cause: nothing it can (None); perceived
 * quality — service, staff, queues, respect, keeping promises, and what a rival's offer is measured against
 * (Service); complaint handling, the share of complaints put right (Recovery); a rival's price promotion, over once
 * it ends (RivalPromo); a store that does not suit them, 门当户对, which no letter changes (Misfit).
 */
const Fix = { None: 0, Service: 1, Recovery: 2, RivalPromo: 3, Misfit: 4 } as const;
type Fix = (typeof Fix)[keyof typeof Fix];

function fixOf(cause: number): Fix {
  switch (cause) {
    case Cause['complaint-unresolved']:
    case Cause['complaint-waiting']:
      return Fix.Recovery;
    case Cause['low-satisfaction']:
    case Cause['silent-failure']:
    case Cause['quality-shortfall']:
    case Cause.waiting:
    case Cause.disrespect:
    case Cause['over-promise']:
    case Cause['competitor-lure']:
    case Cause['data-incident']:
      return Fix.Service;
    case Cause['competitor-promo']:
      return Fix.RivalPromo;
    case Cause['ill-fit']:
      return Fix.Misfit;
    default:
      return Fix.None;
  }
}

/** The store's standing, as a customer leaves over `cause`, on what drove them away (read when they are approached). */
export function causeStanding(s: SimState, cause: number): number {
  const fix = fixOf(cause);
  if (fix === Fix.Recovery) return s.store.recovery;
  if (fix === Fix.Service) return s.store.quality;
  return 0;
}

/** Whether a rival's price promotion is running in `week`. */
function rivalPromoOn(s: SimState, week: number): boolean {
  return s.scenario.events.some((e) => e.kind === 'competitor-promo' && eventOn(e, week));
}

/**
 * How much likelier a win-back approach succeeds than its base rate, given what the store has changed since this
 * customer left: up to 1.6 times as likely when the cause is put right (perceived quality up 0.1, or the share of
 * complaints put right up 0.3), down to half when it got worse; a customer bought away on price is approached in
 * vain while the rival's promotion runs (half) and at the base rate once it is over — the store has fixed nothing;
 * an ill-fitting customer less often (0.7).
 */
export function fixFactor(s: SimState, i: number): number {
  const c = s.c;
  const fix = fixOf(c.churnCause[i]);
  if (fix === Fix.Service) return clampFactor(1 + 6 * (s.store.quality - c.churnStanding[i]));
  if (fix === Fix.Recovery) return clampFactor(1 + 2 * (s.store.recovery - c.churnStanding[i]));
  if (fix === Fix.RivalPromo) return rivalPromoOn(s, s.week) ? 0.5 : 1;
  if (fix === Fix.Misfit) return 0.7;
  return 1;
}

function clampFactor(f: number): number {
  return f < 0.5 ? 0.5 : f > 1.6 ? 1.6 : f;
}
