import { abcClassify, churnWarnings, clvSettingsOf, customerPyramid, fitModels, RFM_GROUPS, scoreCustomers, topShare, WEEKS_PER_MONTH } from '../analytics';
import type { AbcClass, ClvSettings, CustomerSummary, RfmGroup, WarningReason } from '../analytics';
import { GROUP_BIT, type SimState, Stage } from '../sim';
import { segmentCells, type SegmentCell } from './segment-cells';

// What the store computes from its own customer database each season (客户数据库): purchase counts, spend and
// dates per customer — never the hidden traits. RFM, ABC and the pyramid, BG/NBD + Gamma-Gamma CLV, and the
// churn early-warning list, exactly as the analytics command computes them on any transactions file. CLV is the
// present value of the margin a customer is expected to bring (course unit 2): the scenario's gross margin on the
// expected spend, over the next 12 months, discounted at 10 % a year (CLV_DEFAULTS), and the report says so.

export interface StoreAnalytics {
  customers: number;
  rfmGrid: number[][];
  groups: Record<RfmGroup, number>;
  abc: { cls: AbcClass; customers: number; revenueShare: number }[];
  top10: number;
  top20: number;
  clvBins: { from: number; to: number; count: number }[];
  meanClv: number;
  /** How CLV was computed: the store's gross margin, horizon and discount rates. */
  clv: ClvSettings;
  atRisk: { id: number; reasons: WarningReason[]; pAlive: number; gapWeeks: number; valueAtRisk: number }[];
  model: { r: number; alpha: number; a: number; b: number } | null;
  /** The database by segment mark, as next season's targeted decisions will find it (src/sim/segments.ts). */
  segments: SegmentCell[];
}

/** Customers the store has served, as the database summaries the analytics expect (time in weeks). */
export function databaseSummaries(s: SimState): CustomerSummary[] {
  const c = s.c;
  const now = s.week;
  const out: CustomerSummary[] = [];
  for (let i = 0; i < s.n; i++) {
    if (c.stage[i] === Stage.Prospect || c.purchases[i] === 0) continue;
    const n = c.purchases[i];
    const first = c.firstWeek[i];
    const last = c.lastWeek[i];
    const x = n - 1;
    out.push({
      id: String(i),
      frequency: x,
      recency: last - first,
      T: now - first,
      monetary: x > 0 ? c.spendTotal[i] / n : 0,
      totalSpend: c.spendTotal[i],
      purchaseDays: n,
      firstDay: first * 7,
      lastDay: last * 7,
      days: [first * 7, last * 7],
    });
  }
  return out;
}

/** The report's CLV settings for this store: its gross margin, the default horizon and discount rate. */
export function storeClvSettings(s: SimState): ClvSettings {
  return clvSettingsOf({ margin: s.scenario.store.margin });
}

/**
 * Each customer's CLV as the store's own model estimates it (BG/NBD and Gamma-Gamma fitted on its database, the
 * present value of the margin over the report's horizon), by customer id; empty while the database is too thin to fit.
 */
export function storeClvById(s: SimState): Map<number, number> {
  const out = new Map<number, number>();
  const fitted = storeScores(s, databaseSummaries(s));
  fitted?.scores.forEach((x, k) => {
    if (Number.isFinite(x.clv)) out.set(Number(fitted.summaries[k].id), x.clv);
  });
  return out;
}

/** The store's models fitted on its database and every customer scored with them; null while too thin to fit. */
function storeScores(s: SimState, summaries: CustomerSummary[]): { summaries: CustomerSummary[]; models: ReturnType<typeof fitModels>; scores: ReturnType<typeof scoreCustomers> } | null {
  if (summaries.length < 10 || !summaries.some((x) => x.frequency > 0)) return null;
  const clv = storeClvSettings(s);
  const models = fitModels(summaries);
  return { summaries, models, scores: scoreCustomers(summaries, models, { clvMonths: clv.horizonMonths, discountMonthly: clv.discountMonthly, margin: clv.margin }) };
}

export function storeAnalytics(s: SimState): StoreAnalytics {
  const summaries = databaseSummaries(s);
  const segments = segmentCells(s);
  const clv = storeClvSettings(s);
  const empty: StoreAnalytics = {
    customers: summaries.length,
    rfmGrid: [0, 1, 2, 3, 4].map(() => [0, 0, 0, 0, 0]),
    groups: Object.fromEntries(RFM_GROUPS.map((g) => [g, 0])) as Record<RfmGroup, number>,
    abc: [],
    top10: 0,
    top20: 0,
    clvBins: [],
    meanClv: 0,
    clv,
    atRisk: [],
    model: null,
    segments,
  };
  // The four groups are counted from the same marks the simulation targets, so the report and the decisions
  // that read it can never disagree (the marks come from the same rfmGroup on the same scores).
  RFM_GROUPS.forEach((g, k) => {
    for (const cell of segments) if (cell.mark & GROUP_BIT[k]) empty.groups[g] += cell.customers;
  });
  const fitted = storeScores(s, summaries);
  if (!fitted) return empty;
  const { models, scores } = fitted;
  const revenue = summaries.map((x) => x.totalSpend);
  const classes = abcClassify(revenue);
  for (const sc of scores) {
    empty.rfmGrid[5 - sc.rfm.r][sc.rfm.f - 1]++;
  }
  empty.abc = customerPyramid(revenue, classes).map((l) => ({ cls: l.abc, customers: l.customers, revenueShare: l.revenueShare }));
  empty.top10 = topShare(revenue, 0.1);
  empty.top20 = topShare(revenue, 0.2);
  const clvs = scores.map((x) => x.clv).filter((v) => Number.isFinite(v));
  empty.meanClv = clvs.reduce((a, b) => a + b, 0) / Math.max(1, clvs.length);
  const max = Math.max(1, ...clvs);
  const width = niceStep(max / 8);
  for (let k = 0; k * width < max; k++) empty.clvBins.push({ from: k * width, to: (k + 1) * width, count: 0 });
  for (const v of clvs) empty.clvBins[Math.min(empty.clvBins.length - 1, Math.floor(v / width))].count++;
  const alive = summaries.map((sm, k) => ({ summary: sm, pAlive: scores[k].pAlive, abc: classes[k] }));
  // The store cannot see who has really gone, so its list may hold customers who already left (the debrief tells).
  empty.atRisk = churnWarnings(alive)
    .slice(0, 15)
    .map((w) => ({ id: Number(w.id), reasons: w.reasons, pAlive: w.pAlive, gapWeeks: w.gapWeeks, valueAtRisk: w.valueAtRisk }));
  const b = models.bgnbd;
  empty.model = { r: b.r, alpha: b.alpha, a: b.a, b: b.b };
  return empty;
}

function niceStep(x: number): number {
  const p = 10 ** Math.floor(Math.log10(Math.max(x, 1e-9)));
  const m = x / p;
  return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * p;
}

export interface ClvCheck {
  /** Season after which the store estimated CLV. */
  season: number;
  weeksAhead: number;
  points: { id: number; estimate: number; actual: number }[];
  totalEstimate: number;
  totalActual: number;
  correlation: number;
}

/**
 * The debrief's "estimate versus truth": the spend forecast behind CLV as the store made it after `early` (over
 * the weeks the game had left; before margin and without discounting, so it can be set against what each
 * customer really spent afterwards in `late`).
 */
export function clvCheck(early: SimState, late: SimState): ClvCheck {
  const weeksAhead = late.week - early.week;
  const summaries = databaseSummaries(early);
  const months = Math.max(1, Math.round(weeksAhead / WEEKS_PER_MONTH));
  const result: ClvCheck = { season: early.season, weeksAhead, points: [], totalEstimate: 0, totalActual: 0, correlation: 0 };
  if (summaries.length < 10 || !summaries.some((x) => x.frequency > 0)) return result;
  const scores = scoreCustomers(summaries, fitModels(summaries), { clvMonths: months, discountMonthly: 0, margin: 1 });
  for (let k = 0; k < summaries.length; k++) {
    const id = Number(summaries[k].id);
    const estimate = scores[k].clv;
    const actual = late.c.spendTotal[id] - early.c.spendTotal[id];
    result.totalEstimate += estimate;
    result.totalActual += actual;
    result.points.push({ id, estimate: Math.round(estimate * 100) / 100, actual: Math.round(actual * 100) / 100 });
  }
  result.correlation = pearson(result.points.map((p) => p.estimate), result.points.map((p) => p.actual));
  result.points.sort((a, b) => b.estimate - a.estimate || a.id - b.id);
  result.points = result.points.slice(0, 300);
  return result;
}

function pearson(x: readonly number[], y: readonly number[]): number {
  const n = x.length;
  const mx = x.reduce((a, b) => a + b, 0) / n;
  const my = y.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (x[i] - mx) * (y[i] - my);
    sxx += (x[i] - mx) ** 2;
    syy += (y[i] - my) ** 2;
  }
  return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : 0;
}
