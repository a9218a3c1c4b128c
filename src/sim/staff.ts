import { clamp01 } from './detmath';
import type { Plan } from './plan';
import type { SimState } from './state';

// 内部客户: staff skill grows with training (with diminishing returns) and fades slowly without it; staff
// satisfaction rises with training and frontline authority and falls when the store is overloaded. Both feed
// perceived quality in experience.ts.

/** Training budget, in staff-weeks of wages, that buys half of the possible gain: the scale is the store's own pay. */
const HALF_GAIN_STAFF_WEEKS = 5;

/** Training a team can take in per season, in staff-weeks of wages. */
const ABSORBED_STAFF_WEEKS = 3;

export function staffSeason(s: SimState, plan: Plan, visitsPerWeek: number): void {
  const st = s.store;
  // A team can take in only so much training a season: beyond three staff-weeks of wages it is money without gain.
  const train = Math.min(plan.d.staff.training, ABSORBED_STAFF_WEEKS * s.scenario.costs.staffWeek);
  const half = HALF_GAIN_STAFF_WEEKS * s.scenario.costs.staffWeek + 1;
  const gain = train > 0 ? (0.25 * train) / (train + half) : 0;
  st.staffSkill = clamp01(st.staffSkill + gain * (1 - st.staffSkill) - 0.02 * st.staffSkill);
  const load = visitsPerWeek / plan.capacity;
  st.staffSat = clamp01(
    0.55 + 0.25 * (train / (train + half)) + 0.2 * plan.d.complaints.empowerment - 0.3 * Math.max(0, load - 1),
  );
}
