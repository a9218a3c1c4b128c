import { clamp01 } from './detmath';
import type { Plan } from './plan';
import type { SimState } from './state';

// 内部客户: staff skill grows with training (with diminishing returns) and fades slowly without it; staff
// satisfaction rises with training and frontline authority and falls when the store is overloaded. Both feed
// perceived quality in experience.ts.

export function staffSeason(s: SimState, plan: Plan, visitsPerWeek: number): void {
  const st = s.store;
  const train = plan.d.staff.training;
  const gain = train > 0 ? (0.25 * train) / (train + 5000) : 0;
  st.staffSkill = clamp01(st.staffSkill + gain * (1 - st.staffSkill) - 0.02 * st.staffSkill);
  const load = visitsPerWeek / plan.capacity;
  st.staffSat = clamp01(
    0.55 + 0.25 * (train / (train + 5000)) + 0.2 * plan.d.complaints.empowerment - 0.3 * Math.max(0, load - 1),
  );
}
