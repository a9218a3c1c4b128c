import type { EVENT_KINDS } from '../scenario/schema';
import { infoActivities } from './economics';
import type { Plan } from './plan';
import type { SimState } from './state';
import { adequateSecurity, securityLevel } from './security';
import { rivalOffer } from './week-context';
import { Cause, ChurnReason } from './types';
import type { WeekStats } from './week-stats';

// The season's news: every scenario event and every incident, named in the week it happened, with the facts that
// explain it and say what would have prevented or softened it. Plain data; the words are the interface's (both
// languages), built from `kind` and `facts`. A pure reading of the season just played.

export type NewsKind = (typeof EVENT_KINDS)[number] | 'data-incident' | 'regulator' | 'security-order' | 'overload';

export interface NewsItem {
  /** Game week it happened, counted from 0 over the whole game. */
  week: number;
  kind: NewsKind;
  /** The scenario's name for an event (absent for incidents). */
  name?: { zh: string; en: string };
  /** An event that began in an earlier season and still runs. */
  continuing?: boolean;
  /** Figures for the explanation (what it did this season, what the plan set against it). */
  facts: Record<string, number>;
}

export function seasonNews(s: SimState, plan: Plan, weekly: readonly WeekStats[]): NewsItem[] {
  const first = s.week - plan.weeks;
  const t = s.tally;
  const news: NewsItem[] = [];
  const visitsIn = (from: number, to: number): number[] => weekly.filter((w) => w.week >= from && w.week < to).map((w) => w.visits);
  const mean = (xs: number[]): number => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
  for (const e of s.scenario.events) {
    const start = e.week - 1;
    const end = e.kind === 'competitor-entry' ? Infinity : start + e.weeks;
    if (end <= first || start >= s.week) continue;
    const week = Math.max(start, first);
    const during = visitsIn(start, end);
    const outside = weekly.filter((w) => w.week < start || w.week >= end).map((w) => w.visits);
    const facts: Record<string, number> = { strength: e.strength, weeks: e.weeks };
    if (e.kind === 'competitor-entry') {
      // The rival's offer as a whole (被吸引), on the store's own 0–100 scales, beside the store's product.
      const offer = rivalOffer(s.scenario, e);
      facts.lured = t.churnByReason[ChurnReason.Lured];
      facts.rivalPrice = Math.round(100 * offer.price);
      facts.rivalQuality = Math.round(100 * offer.quality);
      facts.rivalService = Math.round(100 * offer.service);
      facts.ownQuality = Math.round(100 * s.scenario.store.productQuality);
    }
    else if (e.kind === 'competitor-promo') facts.bought = t.churnByReason[ChurnReason.Bought];
    else if (e.kind === 'supply-incident') facts.shortfalls = t.countByCause[Cause['quality-shortfall']];
    else if (e.kind === 'viral-review') facts.acquired = weekly.filter((w) => w.week >= start && w.week < end).reduce((a, w) => a + w.acquired, 0);
    if (e.kind === 'holiday' || e.kind === 'downturn' || e.kind === 'viral-review') {
      facts.visits = Math.round(mean(during));
      facts.usual = Math.round(mean(outside));
    }
    news.push({ week, kind: e.kind, ...(e.name ? { name: e.name } : {}), ...(start < first ? { continuing: true } : {}), facts });
  }
  const info = plan.d.information;
  // What the plan spent on security against what the law asks for the data it collects (security.ts).
  const security = {
    security: info.securitySpend,
    adequate: adequateSecurity(s.scenario, info),
    protection: Math.round(100 * securityLevel(s.scenario, info)),
    activities: infoActivities(info),
  };
  const incidents = weekly.filter((w) => w.dataIncident);
  for (const w of incidents) {
    news.push({
      week: w.week,
      kind: 'data-incident',
      facts: {
        ...security,
        explicitConsent: info.consent === 'explicit' ? 1 : 0,
        affected: Math.round(t.countByCause[Cause['data-incident']] / incidents.length),
      },
    });
  }
  for (const w of weekly.filter((x) => x.regulatorFine > 0)) {
    news.push({
      week: w.week,
      kind: 'regulator',
      facts: { fine: w.regulatorFine },
    });
  }
  for (const w of weekly.filter((x) => x.securityFine > 0)) news.push({ week: w.week, kind: 'security-order', facts: { fine: w.securityFine, ...security } });
  const busy = weekly.filter((w) => w.load > 1);
  if (busy.length > 0) {
    const peak = busy.reduce((a, w) => (w.load > a.load ? w : a));
    news.push({
      week: busy[0].week,
      kind: 'overload',
      facts: {
        weeks: busy.length,
        peak: Math.round(100 * (peak.load - 1)),
        extraStaff: plan.d.staff.extraStaff,
        staffCost: s.scenario.costs.staffWeek * plan.weeks,
      },
    });
  }
  return news.sort((a, b) => a.week - b.week);
}
