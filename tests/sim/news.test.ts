// The season's news: every scenario event and every incident named in the week it happened, with its facts.
import { describe, expect, it } from 'vitest';
import { adequateSecurity } from '../../src/sim/security';
import { botSeasons, bubbleTea, decisions, playGame, smallBubbleTea } from './helpers';

describe('season news', () => {
  it("names each of the bubble-tea scenario's events in its week and season, with what it did", () => {
    const { scenario } = bubbleTea();
    const g = playGame(smallBubbleTea(2000), 'news', botSeasons('textbook', scenario));
    const all = g.reports.flatMap((r) => r.news.map((n) => ({ season: r.season, ...n })));
    const events = all.filter((n) => n.kind !== 'data-incident' && n.kind !== 'overload' && !n.continuing);
    expect(events.map((n) => [n.season, n.week, n.kind, n.name?.zh])).toEqual(
      scenario.events.map((e) => [Math.floor((e.week - 1) / scenario.weeksPerSeason) + 1, e.week - 1, e.kind, e.name?.zh]),
    );
    const shortage = events.find((n) => n.kind === 'supply-incident')!;
    expect(shortage.facts.shortfalls).toBeGreaterThan(0);
    const rival = events.find((n) => n.kind === 'competitor-entry')!;
    expect(rival.facts.lured).toBeGreaterThanOrEqual(0);
    // A rival that opened stays: later seasons carry it as continuing.
    expect(g.reports[3].news.some((n) => n.kind === 'competitor-entry' && n.continuing)).toBe(true);
  });

  it('a data leak is news in its week, with the security spent against what the law asks for the data', () => {
    const sc = smallBubbleTea(1500);
    const risky = decisions({ information: { birthdayRegistration: true, profileSurvey: true, checkIn: true, votes: true, consent: 'none' } });
    const g = playGame(sc, 'leak', [risky, risky, risky, risky]);
    const leaks = g.reports.flatMap((r) => r.news.filter((n) => n.kind === 'data-incident'));
    const incidents = g.reports.at(-1)!.store.incidents;
    expect(incidents).toBeGreaterThan(0);
    expect(leaks).toHaveLength(incidents);
    for (const n of leaks) {
      expect(n.facts).toMatchObject({ security: 0, protection: 0, activities: 4, explicitConsent: 0 });
      expect(n.facts.adequate).toBe(adequateSecurity(sc, risky.information));
      expect(g.reports.flatMap((r) => r.weekly).find((w) => w.week === n.week)?.dataIncident).toBe(true);
    }
  });

  it('queues beyond the staff are news, with the weeks, the peak and what one more staff member costs', () => {
    const sc = smallBubbleTea(3000, { store: { ...smallBubbleTea(10).store, capacityPerWeek: 60 } });
    const g = playGame(sc, 'queue', [decisions({ staff: { extraStaff: 0 } })]);
    const busy = g.reports[0].news.find((n) => n.kind === 'overload');
    expect(busy?.facts.weeks).toBeGreaterThan(0);
    expect(busy?.facts.peak).toBeGreaterThan(0);
    expect(busy?.facts.staffCost).toBe(sc.costs.staffWeek * sc.weeksPerSeason);
  });
});
