// Unit 9 (客户流失管理): the course's churn kinds, win-back that depends on whether the cause was put right, and
// 被吸引 driven by a rival's whole offer.
import { describe, expect, it } from 'vitest';
import { fixFactor } from '../../src/sim/churn-causes';
import { rivalAdvantage } from '../../src/sim/competition';
import { churn } from '../../src/sim/effects';
import { newGame } from '../../src/sim/game';
import { resolvePlan } from '../../src/sim/plan';
import { absenceLimit } from '../../src/sim/lifecycle';
import { lapsedByRecords } from '../../src/sim/retention';
import { cloneState, Flag } from '../../src/sim/state';
import { Cause, ChurnReason, Stage, isActive } from '../../src/sim/types';
import { weekContext } from '../../src/sim/week-context';
import { decisions, playGame, smallBubbleTea, tiny } from './helpers';

function activeCustomer(s: ReturnType<typeof newGame>): number {
  for (let i = 0; i < s.n; i++) if (isActive(s.c.stage[i])) return i;
  throw new Error('no active customer');
}

describe('win-back depends on whether the cause was put right', () => {
  const s = newGame(smallBubbleTea(400), 'fix-1');
  const i = activeCustomer(s);

  it('records what drove the customer away and the store’s standing on it as they left', () => {
    const t = cloneState(s);
    t.store.quality = 0.55;
    churn(t, i, ChurnReason.Own, Cause['low-satisfaction']);
    expect(t.c.churnCause[i]).toBe(Cause['low-satisfaction']);
    expect(t.c.churnStanding[i]).toBe(0.55);
  });

  it('a service cause put right since raises the chance up to 1.6 times; unchanged is the base; worse lowers it', () => {
    const t = cloneState(s);
    t.store.quality = 0.55;
    churn(t, i, ChurnReason.Own, Cause['low-satisfaction']);
    expect(fixFactor(t, i)).toBe(1);
    t.store.quality = 0.6;
    expect(fixFactor(t, i)).toBeCloseTo(1.3, 12);
    t.store.quality = 0.9;
    expect(fixFactor(t, i)).toBe(1.6);
    t.store.quality = 0.4;
    expect(fixFactor(t, i)).toBe(0.5);
  });

  it('an unresolved complaint is put right by better complaint handling, not by better service', () => {
    const t = cloneState(s);
    t.store.recovery = 0.3;
    churn(t, i, ChurnReason.Own, Cause['complaint-unresolved']);
    t.store.quality += 0.2;
    expect(fixFactor(t, i)).toBe(1);
    t.store.recovery = 0.6;
    expect(fixFactor(t, i)).toBeCloseTo(1.6, 12);
  });

  it('a customer bought away is approached in vain while the rival’s promotion runs; moving away and misfit are not fixed', () => {
    const sc = smallBubbleTea(400, { events: [{ week: 1, kind: 'competitor-promo', weeks: 3, strength: 0.7 }] });
    const t = newGame(sc, 'fix-2');
    const k = activeCustomer(t);
    churn(t, k, ChurnReason.Bought, Cause['competitor-promo']);
    expect(fixFactor(t, k)).toBe(0.5);
    t.week = 10;
    expect(fixFactor(t, k)).toBe(1);
    const u = cloneState(s);
    churn(u, i, ChurnReason.Forced, Cause['moved-away']);
    expect(fixFactor(u, i)).toBe(1);
    const v = cloneState(s);
    churn(v, i, ChurnReason.Own, Cause['ill-fit']);
    expect(fixFactor(v, i)).toBeLessThan(1);
  });

  it('in play, approaches to leavers whose cause was put right succeed more often than the rest', () => {
    const sc = smallBubbleTea(3000);
    // A poor first season (thin service, slow complaints), then a good one, then a win-back campaign.
    const poor = decisions({ tiers: { baseService: 0.3 }, complaints: { responseDays: 30, empowerment: 0 } });
    const good = decisions({ tiers: { baseService: 0.8 }, complaints: { responseDays: 2, empowerment: 1 }, staff: { training: 2000 } });
    const ask = decisions({ ...good, retention: { winBackBudget: 3000, winBackTarget: 'service' } });
    const reports = playGame(sc, 'fix-3', [poor, good, ask]).reports;
    const r = reports[2].retention;
    expect(r.causeFixed.attempts).toBeGreaterThan(20);
    const notFixed = { attempts: r.winBackAttempts - r.apparent - r.causeFixed.attempts, won: r.wonBack - r.causeFixed.won };
    expect(notFixed.attempts).toBeGreaterThan(20);
    expect(r.causeFixed.won / r.causeFixed.attempts).toBeGreaterThan(notFixed.won / notFixed.attempts);
  });
});

describe('churn kinds: real, apparent and malicious', () => {
  it('the win-back list is who the till’s records show lapsed: leavers and customers who only look gone (假性流失)', () => {
    const sc = smallBubbleTea(1500);
    const g = playGame(sc, 'kinds-1', [decisions(), decisions()]);
    const s = g.state;
    let apparent = 0;
    let real = 0;
    for (let i = 0; i < s.n; i++) {
      if (s.c.stage[i] === Stage.Prospect || !lapsedByRecords(s, i)) continue;
      expect(s.week - s.c.lastWeek[i]).toBeGreaterThan(absenceLimit(s, i));
      if (s.c.stage[i] === Stage.Churned) real++;
      else apparent++;
    }
    expect(apparent).toBeGreaterThan(0);
    expect(real).toBeGreaterThan(0);
    const kinds = g.reports[1].customers.churnKinds;
    expect(kinds).toMatchObject({ apparent, lapsed: apparent + real });
    expect(kinds.real).toBe(g.reports[1].customers.churned);

    // A letter to a customer who had not left costs an attempt and wins no one back.
    const asked = playGame(sc, 'kinds-1', [decisions(), decisions(), decisions({ retention: { winBackBudget: 9000 } })]).reports[2].retention;
    expect(asked.apparent).toBeGreaterThan(0);
    expect(asked.winBackAttempts).toBeGreaterThan(asked.apparent);
  });

  it('malicious churn counts the deal-won who left having taken more than they brought', () => {
    const sc = smallBubbleTea(1500, { events: [{ week: 8, kind: 'competitor-promo', weeks: 4, strength: 1 }] });
    const deal = decisions({ pricing: { discount: 0.3 }, acquisition: { budget: 2000, channel: 'social' } });
    const g = playGame(sc, 'kinds-2', [deal]);
    const s = g.state;
    let malicious = 0;
    for (let i = 0; i < s.n; i++) {
      if (s.c.stage[i] !== Stage.Churned || s.c.contribution[i] >= 0) continue;
      if (s.c.flags[i] & Flag.DealWon || s.c.churnReason[i] === ChurnReason.Bought) malicious++;
    }
    expect(malicious).toBeGreaterThan(0);
    expect(g.reports[0].customers.churnKinds.malicious).toBe(malicious);
  });
});

describe('被吸引: a rival’s whole offer', () => {
  const rival = (offer: { price: number; quality: number; service: number }) =>
    tiny({ events: [{ week: 1, kind: 'competitor-entry', strength: 1, offer }] });

  it('weighs price by the customer’s price sensitivity, and product and service against what the store gives', () => {
    const sc = rival({ price: 0.1, quality: 0.7, service: 0.5 });
    const s = newGame(sc, 'offer-1');
    const plan = resolvePlan(sc, decisions({ tiers: { baseService: 0.5 } }));
    const ctx = weekContext(s, plan, 0);
    const i = activeCustomer(s);
    s.c.priceSens[i] = 0.5;
    const adv = rivalAdvantage(s, plan, ctx, i, 0);
    expect(adv).toBeCloseTo(2 * 0.5 * 0.1 + 0.5 * (0.7 - sc.store.productQuality) + 0, 12);
    // Better service at the store turns the same rival into a worse offer for this customer.
    const served = resolvePlan(sc, decisions({ tiers: { baseService: 0.9 } }));
    expect(rivalAdvantage(s, served, ctx, i, 0)).toBeLessThan(adv);
  });

  it('a cheaper rival with poor product and service lures fewer customers than one as good as the store', () => {
    const lured = (offer: { price: number; quality: number; service: number }) =>
      playGame(rival(offer), 'offer-2', [decisions(), decisions()]).reports.reduce((a, r) => a + r.customers.churnByReason.lured, 0);
    const cheapPoor = lured({ price: 0.1, quality: 0.3, service: 0.2 });
    const cheapGood = lured({ price: 0.1, quality: 0.8, service: 0.8 });
    expect(cheapGood).toBeGreaterThan(cheapPoor);
  });
});
