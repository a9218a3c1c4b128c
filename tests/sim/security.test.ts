// Data security (个人信息保护法 art. 51): protection grows with spending at a falling rate, what the law asks grows with
// the data collected, and a store that collects with less is ordered to correct, with a fine, at most once a season.
import { describe, expect, it } from 'vitest';
import { ADEQUATE_SECURITY, adequateSecurity, securityLevel, securityScale, underProtected } from '../../src/sim/security';
import { botSeasons, decisions, playGame, shippedScenario, smallBubbleTea } from './helpers';

const sc = smallBubbleTea(1500);
const info = (sources: number, securitySpend: number) =>
  decisions({
    information: { birthdayRegistration: sources >= 1, profileSurvey: sources >= 2, checkIn: sources >= 3, votes: sources >= 4, securitySpend },
  }).information;

describe('the share of protection security spending buys', () => {
  it('starts at nothing, rises at a falling rate and is never complete', () => {
    const levels = [0, 100, 200, 300, 400, 800, 5000].map((y) => securityLevel(sc, info(2, y)));
    expect(levels[0]).toBe(0);
    for (let k = 1; k < levels.length; k++) expect(levels[k]).toBeGreaterThan(levels[k - 1]);
    // Each hundred yuan adds less than the hundred before.
    for (let k = 2; k < 4; k++) expect(levels[k] - levels[k - 1]).toBeLessThan(levels[k - 1] - levels[k - 2]);
    expect(levels.at(-1)).toBeLessThan(1);
  });

  it('asks more of a store that collects more: the scale and the adequate spend grow with the sources', () => {
    expect(securityScale(sc, info(4, 0))).toBeCloseTo(2 * securityScale(sc, info(2, 0)), 9);
    expect(adequateSecurity(sc, info(4, 0))).toBeGreaterThan(adequateSecurity(sc, info(2, 0)));
    // The same yuan protect two sources' data better than four sources'.
    expect(securityLevel(sc, info(2, 300))).toBeGreaterThan(securityLevel(sc, info(4, 300)));
  });

  it('adequate is the least whole yuan that reaches the share the law asks', () => {
    for (const sources of [1, 2, 3, 4]) {
      const enough = adequateSecurity(sc, info(sources, 0));
      expect(securityLevel(sc, info(sources, enough))).toBeGreaterThanOrEqual(ADEQUATE_SECURITY);
      expect(securityLevel(sc, info(sources, enough - 1))).toBeLessThan(ADEQUATE_SECURITY);
      expect(underProtected(sc, info(sources, enough))).toBe(false);
      expect(underProtected(sc, info(sources, enough - 1))).toBe(true);
    }
  });

  it('asks nothing of a store that collects nothing', () => {
    expect(adequateSecurity(sc, info(0, 0))).toBe(0);
    expect(securityLevel(sc, info(0, 0))).toBe(1);
    expect(underProtected(sc, info(0, 0))).toBe(false);
  });
});

describe('collecting without adequate security', () => {
  // The textbook's plan collecting through check-ins and votes (the small copy's margin carries no source of its own),
  // paid for from the campaign's money.
  const textbook = botSeasons('textbook', sc);
  const withSecurity = (spend: (adequate: number) => number) =>
    textbook.map((d) => {
      const information = { ...d.information, checkIn: true, votes: true };
      return { ...d, acquisition: { ...d.acquisition, budget: 0 }, information: { ...information, securitySpend: spend(adequateSecurity(sc, information)) } };
    });
  const ordersOf = (g: ReturnType<typeof playGame>) => g.reports.map((r) => r.news.filter((n) => n.kind === 'security-order'));
  const seeds = ['sec-1', 'sec-2', 'sec-3', 'sec-4', 'sec-5', 'sec-6'];

  it('brings an order to correct with a fine, at most once a season, named with the spend against what the law asks', () => {
    const plan = withSecurity(() => 10);
    let ordered = 0;
    for (const seed of seeds) {
      const g = playGame(sc, seed, plan);
      for (const [k, orders] of ordersOf(g).entries()) {
        expect(orders.length).toBeLessThanOrEqual(1);
        for (const n of orders) {
          ordered++;
          expect(n.facts).toMatchObject({ security: 10, adequate: adequateSecurity(sc, plan[k].information) });
          expect(n.facts.protection).toBeLessThan(100 * ADEQUATE_SECURITY);
          // Half the consent fine, which is never less than half a season's budget.
          expect(n.facts.fine).toBeGreaterThanOrEqual(0.25 * sc.budgetPerSeason - 0.5);
          expect(g.reports[k].economics.costs.fines).toBeGreaterThanOrEqual(n.facts.fine - 0.5);
        }
      }
    }
    expect(ordered).toBeGreaterThan(0);
  });

  it('never comes to a store that protects what it collects as the law asks', () => {
    for (const seed of seeds) {
      const g = playGame(sc, seed, withSecurity((a) => a));
      expect(ordersOf(g).flat()).toEqual([]);
    }
  });

  // Found by the red-team search (engine 8, beauty shop): ¥10 of security beside every source, because protection
  // only began to count at a spend far beyond a season's budget.
  it('makes token security spending the worse plan on the mean of the seeds', () => {
    const mean = (plan: typeof textbook) => seeds.reduce((a, seed) => a + playGame(sc, seed, plan).final.total, 0) / seeds.length;
    expect(mean(withSecurity((a) => a))).toBeGreaterThan(mean(withSecurity(() => 10)));
  });
});

describe('the textbook plan', () => {
  it('protects what it collects as the law asks, to the next ten yuan, in every shipped scenario', () => {
    for (const id of ['beauty-webshop', 'bubble-tea', 'community-supermarket', 'gym-churn', 'service-centre-ai']) {
      const { scenario } = shippedScenario(id);
      for (const d of botSeasons('textbook', scenario)) {
        const adequate = adequateSecurity(scenario, d.information);
        expect(d.information.securitySpend, id).toBeGreaterThanOrEqual(adequate);
        expect(d.information.securitySpend, id).toBeLessThan(adequate + 10);
        expect(underProtected(scenario, d.information), id).toBe(false);
      }
    }
  });
});
