import { Flag, ChurnReason } from '../sim';
import type { Replayed } from '../run/replay';

// What the lessons compare about one game: figures from the season reports plus a few read off the final
// state's hidden truth (which customers were valuable, who was won during the game and why they left).

export interface GameMetrics {
  total: number;
  satisfaction: number;
  loyalty: number;
  profitScore: number;
  residualScore: number;
  /** Visits (purchase-days) in the first season. */
  visitsSeason1: number;
  /** Mean perceived quality over the seasons, 0–100. */
  quality: number;
  /** Customers active at the end. */
  activeEnd: number;
  /** Customers lost over the game (all reasons except being let go) per customer exposed. */
  churnRate: number;
  /** Customers lost after an unresolved complaint, poor service or disrespect (churn reason "own"). */
  ownChurn: number;
  profit: number;
  /** Complaint-handling spending over the game, and complaints filed. */
  complaintCost: number;
  complaintsFiled: number;
  complaintsSettled: number;
  acquired: number;
  /** New customers the campaign brought in over the game. */
  acquiredCampaign: number;
  /** New customers the campaign brought in the first season. */
  acquiredSeason1: number;
  churnScore: number;
  reputationEnd: number;
  trustEnd: number;
  /**
   * High-value customers at the end: people in the market's top fifth by expected spend per week (hidden truth,
   * the same people for every strategy on a seed) who are active customers at the end.
   */
  highValueKept: number;
  /** Share of the customers the campaign brought in who were lost again by the end (any reason but being let go). */
  campaignChurnRate: number;
  /** Lost to competitors (bought or lured) per customer won during the game, and per customer the store had. */
  competitorChurnWon: number;
  competitorChurnHad: number;
  /** Win-back attempts and successes by why the customer left: service (own) and price (bought, lured). */
  winBackService: { attempts: number; won: number };
  winBackPrice: { attempts: number; won: number };
  /** Win-back approaches to customers whose needs ended (自然流失), and successes. */
  winBackNatural: { attempts: number; won: number };
  /** Satisfaction and loyalty change from greetings and recommendations, the care that needs a profile. */
  targetedCare: number;
  /** Care spending over the game: contacts, greetings and birthday gifts. */
  careCost: number;
}

export function gameMetrics(g: Replayed): GameMetrics {
  const { state, reports, final } = g;
  const c = state.c;
  const n = reports.length;
  const mean = (f: (k: number) => number) => {
    let x = 0;
    for (let k = 0; k < n; k++) x += f(k);
    return n > 0 ? x / n : 0;
  };
  let churned = 0;
  let letGo = 0;
  let ownChurn = 0;
  let acquired = 0;
  let acquiredCampaign = 0;
  let profit = 0;
  let complaintCost = 0;
  let complaintsFiled = 0;
  let complaintsSettled = 0;
  let targetedCare = 0;
  let careCost = 0;
  const service = { attempts: 0, won: 0 };
  const price = { attempts: 0, won: 0 };
  const natural = { attempts: 0, won: 0 };
  for (const r of reports) {
    churned += r.customers.churned;
    letGo += r.customers.churnByReason['let-go'];
    ownChurn += r.customers.churnByReason.own;
    acquired += r.customers.acquired;
    acquiredCampaign += r.customers.acquiredBy.campaign;
    profit += r.economics.profit;
    complaintCost += r.economics.costs.complaints;
    careCost += r.economics.costs.care;
    complaintsFiled += r.complaints.filed;
    complaintsSettled += r.complaints.recovered + r.complaints.unresolved;
    const b = r.retention.byReason;
    service.attempts += b.own.attempts;
    service.won += b.own.won;
    price.attempts += b.bought.attempts + b.lured.attempts;
    price.won += b.bought.won + b.lured.won;
    natural.attempts += b.natural.attempts;
    natural.won += b.natural.won;
    for (const d of r.drivers) {
      if (d.cause === 'birthday-greeting' || d.cause === 'recommendation') targetedCare += d.satisfaction + d.loyalty;
    }
  }
  const first = reports[0];
  const activeStart = first ? first.customers.active + first.customers.churned - first.customers.acquired - first.customers.acquiredBy.winBack : 0;

  const had: number[] = [];
  for (let i = 0; i < state.n; i++) if (c.firstWeek[i] < 0 && c.purchases[i] > 0) had.push(i);
  const value = (i: number) => c.lambda[i] * c.meanSpend[i];
  const ranked = Array.from({ length: state.n }, (_, i) => i).sort((a, b) => value(b) - value(a) || a - b);
  let highValueKept = 0;
  const top = Math.ceil(state.n / 5);
  for (let k = 0; k < top; k++) {
    const st = c.stage[ranked[k]];
    if (st !== 0 && st !== 5) highValueKept++;
  }
  let won = 0;
  let campaignWon = 0;
  let campaignGone = 0;
  let wonLost = 0;
  let hadLost = 0;
  const lostToCompetitor = (i: number) => c.churnReason[i] === ChurnReason.Bought || c.churnReason[i] === ChurnReason.Lured;
  for (let i = 0; i < state.n; i++) {
    if (c.firstWeek[i] >= 0) {
      won++;
      if (c.flags[i] & Flag.CampaignWon) {
        campaignWon++;
        if (c.stage[i] === 5 && c.churnReason[i] !== ChurnReason.LetGo) campaignGone++;
      }
      if (lostToCompetitor(i)) wonLost++;
    } else if (c.purchases[i] > 0 && lostToCompetitor(i)) hadLost++;
  }
  const last = reports[n - 1];
  return {
    total: final.total,
    satisfaction: final.satisfaction,
    loyalty: final.loyalty,
    profitScore: final.profit,
    residualScore: final.residual,
    visitsSeason1: first ? first.weekly.reduce((a, w) => a + w.visits, 0) : 0,
    quality: mean((k) => reports[k].satisfaction.truth.perceivedQuality),
    activeEnd: last ? last.customers.active : 0,
    churnRate: (churned - letGo) / Math.max(1, activeStart + acquired),
    ownChurn,
    profit,
    complaintCost,
    complaintsFiled,
    complaintsSettled,
    acquired,
    acquiredCampaign,
    acquiredSeason1: first ? first.customers.acquiredBy.campaign : 0,
    churnScore: final.churn,
    reputationEnd: last ? last.store.reputation : 0,
    trustEnd: last ? last.store.trust : 0,
    highValueKept,
    campaignChurnRate: campaignGone / Math.max(1, campaignWon),
    competitorChurnWon: wonLost / Math.max(1, won),
    competitorChurnHad: hadLost / Math.max(1, had.length),
    winBackService: service,
    winBackPrice: price,
    winBackNatural: natural,
    targetedCare,
    careCost,
  };
}
