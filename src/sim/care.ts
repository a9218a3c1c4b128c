import { changeLoyalty, changeSat } from './effects';
import type { Plan } from './plan';
import { uniform } from './random';
import type { SimState } from './state';
import { Flag } from './state';
import { reaches } from './targeting';
import { Cause } from './types';
import type { WeekCtx } from './week-context';

// 客户关怀: routine contacts on a steady schedule, birthday and holiday greetings, after-sale follow-up and
// personalised recommendations. A contact beyond what the customer tolerates (about four weeks' worth) annoys
// and may make them opt out; recommendations need known preferences, greetings a known birthday.
// Routine contacts (with their recommendations) and holiday greetings are the store's own campaigns, so they
// go to the care audience when one is set; birthday greetings and after-sale follow-ups answer the customer's
// own occasion and go to everyone who has one.

/** Weeks a fitting recommendation stays on the customer's mind: the next basket in that time includes it. */
const RECOMMENDATION_WEEKS = 4;

/** Contacts in roughly the last four weeks decay by this factor a week. */
const LOAD_DECAY = 0.75;

export function care(s: SimState, plan: Plan, ctx: WeekCtx, i: number, boughtThisWeek: boolean): void {
  const c = s.c;
  c.contactLoad[i] *= LOAD_DECAY;
  if (c.flags[i] & Flag.OptedOut) return;
  const d = plan.d.care;
  const w = s.week;
  const cpm = d.contactsPerMonth;
  const reached = reaches(plan.season.careReach, i);
  if (cpm > 0 && c.tier[i] >= d.minTier && reached) {
    // A steady schedule with a per-customer phase (golden-ratio spread), so contacts spread over the weeks.
    const spread = i * 0.6180339887498949;
    // The fractional part (exactly what `% 1` gives for a non-negative number, without a call to fmod).
    const phase = spread - Math.floor(spread);
    const perWeek = (cpm * 12) / 52;
    const due = Math.floor((w + 1) * perWeek + phase) - Math.floor(w * perWeek + phase);
    for (let k = 0; k < due; k++) routineContact(s, plan, i, k);
  }
  if (d.birthday && c.flags[i] & Flag.BirthdayKnown && w % 52 === c.birthWeek[i]) birthday(s, plan, i);
  if (d.holiday && ctx.holidayStart && reached) {
    contact(s, plan, i);
    changeLoyalty(s, i, 0.01, Cause['holiday-greeting']);
  }
  // After-sale follow-up goes out after a purchase unless the customer heard from the store in the last few weeks:
  // the course's "about once a month at most" rule for after-sale messages.
  if (d.afterSale && boughtThisWeek && c.contactLoad[i] < 0.3) {
    contact(s, plan, i);
    changeSat(s, i, 0.01, Cause['after-sale-follow-up']);
  }
}

/** One contact: its cost, and fatigue when it pushes past the customer's tolerance. Returns false if it annoyed. */
function contact(s: SimState, plan: Plan, i: number): boolean {
  const c = s.c;
  const t = s.tally;
  t.contacts++;
  t.costs.care += plan.contactCost;
  c.contribution[i] -= plan.contactCost;
  c.contactLoad[i] += 1;
  const over = c.contactLoad[i] - c.tolerance[i];
  if (over <= 0) return true;
  t.fatigued++;
  changeSat(s, i, -Math.min(0.1, 0.03 * over), Cause['contact-fatigue']);
  changeLoyalty(s, i, -0.01, Cause['contact-fatigue']);
  t.negativeWom += 0.1 * c.womP[i];
  if (uniform(s.keys.contact, i, s.week, 7) < 0.15) {
    c.flags[i] |= Flag.OptedOut;
    t.optOuts++;
    changeSat(s, i, -0.02, Cause['opt-out']);
  }
  return false;
}

function routineContact(s: SimState, plan: Plan, i: number, k: number): void {
  const c = s.c;
  if (!contact(s, plan, i)) return;
  const match = plan.contactChannel === c.contactChannel[i] ? 1 : 0.5;
  const trust = s.store.trust;
  changeLoyalty(s, i, 0.02 * match * trust, Cause['care-contact']);
  changeSat(s, i, 0.01 * match, Cause['care-contact']);
  if (!plan.d.care.recommendations || !(c.flags[i] & Flag.PrefsKnown)) return;
  // A recommendation only helps when the profile is right; poor data quality sends the wrong suggestion.
  if (uniform(s.keys.contact, i, s.week, 1 + k) < s.store.dataQuality) {
    changeLoyalty(s, i, 0.03 * match, Cause.recommendation);
    changeSat(s, i, 0.02, Cause.recommendation);
    // Cross-selling: the suggested item joins the customer's next basket if they come within a month.
    c.recommendUntil[i] = s.week + RECOMMENDATION_WEEKS;
  } else {
    changeSat(s, i, -0.005, Cause.recommendation);
  }
}

function birthday(s: SimState, plan: Plan, i: number): void {
  const c = s.c;
  if (!contact(s, plan, i)) return;
  let lift = 0.05;
  if (plan.levelBirthdayGift[c.tier[i]]) {
    const gift = s.scenario.costs.birthdayGift;
    s.tally.costs.tierBenefits += gift;
    c.contribution[i] -= gift;
    lift += 0.03;
  }
  changeSat(s, i, lift, Cause['birthday-greeting']);
  changeLoyalty(s, i, lift, Cause['birthday-greeting']);
}
