// Unit 3 (客户识别与开发): sales objections answered with LSCPA, and MAN screening on Money, Authority and Need.
import { describe, expect, it } from 'vitest';
import {
  conversion,
  courseScript,
  OBJECTION_KINDS,
  objectionStepQuality,
  pushyScript,
  scriptQuality,
} from '../../src/sim';
import { objectionQualities } from '../../src/sim/objections';
import { decisions, playGame, smallBubbleTea, tiny, tinyInput } from './helpers';
import { Scenario } from '../../src/scenario/schema';

const campaign = { budget: 600, channel: 'social' as const };

describe('sales objections (LSCPA)', () => {
  it('the course script is the best answer at every step of every objection, the hard sell far below it', () => {
    for (const [kind, id] of OBJECTION_KINDS.entries()) {
      const best = courseScript()[id];
      for (let step = 0; step < 5; step++) {
        for (let option = 0; option < 4; option++) expect(objectionStepQuality(kind, step, option)).toBeLessThanOrEqual(objectionStepQuality(kind, step, best[step]));
      }
      expect(scriptQuality(kind, best)).toBe(1);
      expect(scriptQuality(kind, pushyScript()[id])).toBeLessThan(0.1);
    }
    // The present step's best answer differs by objection: one answer does not fit every objection.
    expect(new Set(OBJECTION_KINDS.map((id) => courseScript()[id][3])).size).toBeGreaterThan(1);
  });

  it('staff without a script improvise as well as their skill allows; a written script replaces that', () => {
    const q = objectionQualities({ price: courseScript().price }, 0.6);
    expect(q[0]).toBe(1);
    expect(q[1]).toBeCloseTo(0.35 * 0.6, 12);
    expect(conversion(1)).toBeGreaterThan(conversion(q[1]));
    expect(conversion(q[1])).toBeGreaterThan(conversion(-0.3));
  });

  it('the course script turns more of the prospects a campaign reaches into customers than a hard sell, same seed', () => {
    const sc = smallBubbleTea(1500);
    const play = (objections: object) =>
      playGame(sc, 'objections', [decisions({ acquisition: { ...campaign, objections } })]).reports[0].customers.acquiredBy.campaign;
    const course = play(courseScript());
    const none = play({});
    const pushy = play(pushyScript());
    expect(course).toBeGreaterThan(none);
    expect(none).toBeGreaterThan(pushy);
  });
});

describe('MAN screening', () => {
  // Two groups who fit the store equally: one can pay and decides alone, the other cannot pay and must ask.
  const market = (money: number, authority: number) => {
    const input = tinyInput();
    input.segments[1] = { ...input.segments[1], acquisitionChannel: 'social', money, authority };
    return Scenario.parse({ ...input, population: { ...input.population, size: 1500 } });
  };
  const campaignWon = (sc: Scenario, screening: boolean) =>
    playGame(sc, 'man', [decisions({ acquisition: { ...campaign, screening } })]).reports[0].customers.acquiredBy.campaign;

  it('a campaign reaching leads who cannot pay or must ask someone converts fewer of them', () => {
    expect(campaignWon(market(0.3, 0.3), false)).toBeLessThan(campaignWon(market(1, 1), false));
  });

  it('screening on Money and Authority brings more customers for the same money where groups differ in them', () => {
    const differ = market(0.3, 0.3);
    expect(campaignWon(differ, true)).toBeGreaterThan(campaignWon(differ, false));
  });

  it('where every group pays and decides alone, screening checks Need only', () => {
    const same = tiny();
    expect(same.segments.every((g) => g.money === 1 && g.authority === 1)).toBe(true);
    const fits = Scenario.parse({ ...tinyInput(), store: { positioning: 0.5 } });
    for (const g of fits.segments) expect(g.positioning).toBe(0.5);
    // Every lead fits (fit 1 ≥ 0.6): screening passes over no one, so the campaign brings the same customers.
    expect(campaignWon(fits, true)).toBe(campaignWon(fits, false));
  });
});
