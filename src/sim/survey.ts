import { recommendScore } from './attitude';
import { goodsCost, recoveryChance } from './complaints';
import { clamp01 } from './detmath';
import { changeLoyalty, changeSat } from './effects';
import type { Plan } from './plan';
import { Dice, normal, uniform } from './random';
import { Cause, isActive } from './types';
import type { SimState } from './state';

// 满意度调查: the only way a team sees how its customers feel before the debrief. At the end of a season about
// `sample` active customers answer two questions — the NPS question (0–10, "how likely are you to recommend us",
// Reichheld 2003) and an overall satisfaction item (1–10, in the ACSI/CCSI sense: performance against what they
// expected) — each with answer noise. The report gets the counts a student can recompute NPS from, the
// satisfaction index with its sampling error, the index by segment (which group is falling), and the store learns
// who answered as a detractor: next season it may call them back (`survey.followUp`) and put right what went wrong
// (closing the loop, as NPS programmes do; TARP: most dissatisfied customers never complain, so asking is how the
// store hears them).

export interface SurveyResult {
  /** Customers who answered. */
  sample: number;
  promoters: number;
  passives: number;
  detractors: number;
  /** %promoters − %detractors, −100…100. */
  nps: number;
  /** Half-width of the 95% interval of the NPS, in points. */
  npsMargin: number;
  /** Mean satisfaction answer ×10: 10–100. */
  satisfaction: number;
  /** Half-width of the 95% interval of the satisfaction index. */
  satisfactionMargin: number;
  bySegment: { segment: string; answers: number; satisfaction: number }[];
}

export const toAnswer = (x: number): number => Math.max(0, Math.min(10, Math.round(x)));

const round2 = (x: number): number => Math.round(x * 100) / 100;

/**
 * At most this share of the active customers answers a season's survey, however many are asked: customer surveys
 * get answers from a minority (response rates of a tenth to a third are usual), so a store cannot hear from, nor
 * call back, every unhappy customer — listening scales with the customers who will talk.
 */
export const SURVEY_REACH = 0.3;

/** Promoters (9–10), passives (7–8) and detractors (0–6) among 0–10 answers. */
export function npsCounts(answers: readonly number[]): { promoters: number; passives: number; detractors: number } {
  let promoters = 0;
  let detractors = 0;
  for (const a of answers) {
    if (a >= 9) promoters++;
    else if (a <= 6) detractors++;
  }
  return { promoters, passives: answers.length - promoters - detractors, detractors };
}

/** NPS of a list of 0–10 answers: %9–10 − %0–6. */
export function npsOf(answers: readonly number[]): number {
  if (answers.length === 0) return 0;
  const k = npsCounts(answers);
  return round2((100 * (k.promoters - k.detractors)) / answers.length);
}

/**
 * Season end: a survey answered by about `plan.d.survey.sample` active customers, at most SURVEY_REACH of them; the
 * store pays for the answers it gets. Marks the detractors who answered (Customers.detractorWeek = this week), so
 * the next season's follow-up can reach them. Null when nobody answers.
 */
export function runSurvey(s: SimState, plan: Plan): SurveyResult | null {
  const sample = plan.d.survey.sample;
  if (sample <= 0) return null;
  const c = s.c;
  let active = 0;
  for (let i = 0; i < s.n; i++) if (isActive(c.stage[i])) active++;
  if (active === 0) return null;
  const share = Math.min(SURVEY_REACH, sample / active);
  const segs = s.scenario.segments.map(() => ({ n: 0, sum: 0 }));
  let n = 0;
  let pro = 0;
  let det = 0;
  let satSum = 0;
  let satSq = 0;
  for (let i = 0; i < s.n; i++) {
    if (!isActive(c.stage[i])) continue;
    const d = new Dice(s.keys.survey, i, s.week, 0);
    if (d.next() >= share) continue;
    const nps = toAnswer(recommendScore(c.sat[i], c.loyalty[i]) + normal(d));
    const sat = Math.max(1, toAnswer(10 * c.sat[i] + normal(d)));
    n++;
    if (nps >= 9) pro++;
    else if (nps <= 6) {
      det++;
      c.detractorWeek[i] = s.week;
    }
    satSum += sat;
    satSq += sat * sat;
    const g = segs[c.segment[i]];
    g.n++;
    g.sum += sat;
  }
  s.tally.costs.survey += n * s.scenario.costs.surveyResponse;
  if (n === 0) return null;
  const pPro = pro / n;
  const pDet = det / n;
  // Variance of the NPS as a difference of two shares of one multinomial sample.
  const npsVar = (pPro + pDet - (pPro - pDet) * (pPro - pDet)) / n;
  const mean = satSum / n;
  const satVar = n > 1 ? (satSq - n * mean * mean) / (n - 1) / n : 0;
  return {
    sample: n,
    promoters: pro,
    passives: n - pro - det,
    detractors: det,
    nps: round2(100 * (pPro - pDet)),
    npsMargin: round2(100 * 1.96 * Math.sqrt(Math.max(0, npsVar))),
    satisfaction: round2(10 * mean),
    satisfactionMargin: round2(10 * 1.96 * Math.sqrt(Math.max(0, satVar))),
    bySegment: s.scenario.segments.map((g, k) => ({
      segment: g.id,
      answers: segs[k].n,
      satisfaction: round2(segs[k].n > 0 ? (10 * segs[k].sum) / segs[k].n : 0),
    })),
  };
}

/**
 * Season start: with `survey.followUp`, a person calls back every active customer who answered the last survey as
 * a detractor ("closing the loop"). The call costs a phone contact and a quarter of an hour of staff time; it
 * succeeds — the customer names what went wrong and the store puts it right, with the complaint policy's
 * compensation — about as often as the policy recovers a complaint answered within a day, a little more since the
 * store reached out first. A call that does not succeed changes nothing but its cost: the customer had not
 * complained.
 */
export function followUpDetractors(s: SimState, plan: Plan): void {
  if (!plan.d.survey.followUp) return;
  const c = s.c;
  const call = s.scenario.costs.contact.phone + s.scenario.costs.staffWeek / 160;
  const compensation = goodsCost(s, plan.d.complaints.compensation);
  for (let i = 0; i < s.n; i++) {
    if (c.detractorWeek[i] !== s.week || !isActive(c.stage[i])) continue;
    let cost = call;
    s.tally.followUps++;
    if (uniform(s.keys.survey, i, s.week, 7) < Math.min(0.95, recoveryChance(s, plan, i, 1) + 0.1)) {
      cost += compensation;
      // Put right, the problem stops weighing: the customer is content again (a detractor answers 6 or less, about
      // satisfaction 0.55 or below; after the call at least 0.7), and a store that asked first and listened earns
      // some attachment.
      changeSat(s, i, Math.max(0.12, 0.7 - c.sat[i]), Cause['survey-follow-up']);
      changeLoyalty(s, i, 0.08, Cause['survey-follow-up']);
    }
    s.tally.costs.survey += cost;
    c.contribution[i] -= cost;
  }
  closeOuterLoop(s);
}

/** Share of the store's customers called back that gives the team the whole of what closing the loop teaches. */
const LOOP_SHARE = 0.03;

/**
 * The outer loop (Reichheld & Markey 2011): what the callbacks hear is taken back to the team, and staff learn
 * from the store's own failures — up to 0.04 of the remaining skill a season, in proportion to the share of the
 * store's customers who were heard (all of it from LOOP_SHARE up). A handful of calls teaches little.
 */
function closeOuterLoop(s: SimState): void {
  const heard = s.tally.followUps / Math.max(1, s.store.activeCount);
  const st = s.store;
  st.staffSkill = clamp01(st.staffSkill + 0.04 * Math.min(1, heard / LOOP_SHARE) * (1 - st.staffSkill));
}
