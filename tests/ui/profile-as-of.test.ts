// While a season plays back, a customer's file is the customer as of the week on screen: no event after it, the
// stage, purchases and churn as they were then, no end-of-season estimate; and the store view never draws a
// customer who left for good that week among the week's named visitors.
import './fake-dom';
import { describe, expect, it } from 'vitest';
import { byTestId, type FakeElement } from './fake-dom';
import type { CustomerProfile, SeasonReport, WeekStats } from '../../src/sim';
import { prefs, session } from '../../src/store/session';
import { en } from '../../src/ui/locales/en';
import { bubbleTea } from '../sim/helpers';
import { leftThisWeek, shownWeek } from '../../src/game/visitors';

const { fileAsOfWeek, profileCard, weekOnScreen } = await import('../../src/ui/profile');

const sc = bubbleTea().scenario;

/** A customer who joined in week 2, bought in weeks 2, 5 and 11, complained in week 9 and left in week 12. */
function laterFile(): CustomerProfile & { clv: number } {
  return {
    id: 42, segment: sc.segments[0].id, stage: 'churned', mood: 0, tier: 0, growth: 30, points: 12, purchases: 3, spendTotal: 60,
    firstWeek: 2, lastWeek: 11, complaints: 1, birthdayKnown: false, preferencesKnown: false, consented: false, optedOut: false,
    wonBack: false, churnReason: 'own', churnWeek: 12, contribution: 18, clv: 250,
    history: [
      { week: 2, kind: 0, cause: 'acquisition', value: 1, delta: 1 },
      { week: 2, kind: 6, cause: 'first-purchase', value: 20, delta: 0 },
      { week: 5, kind: 6, cause: 'repeat-purchase', value: 20, delta: 0 },
      { week: 6, kind: 0, cause: 'repeat-purchase', value: 2, delta: 1 },
      { week: 9, kind: 4, cause: 'none', value: 0, delta: 0 },
      { week: 9, kind: 1, cause: 'complaint-unresolved', value: 0.4, delta: -0.2 },
      { week: 11, kind: 6, cause: 'repeat-purchase', value: 20, delta: 0 },
      { week: 12, kind: 3, cause: 'complaint-unresolved', value: 5, delta: 0 },
      { week: 12, kind: 0, cause: 'complaint-unresolved', value: 5, delta: 3 },
    ],
    truth: { satisfaction: 30, loyalty: 10, purchaseRate: 0.2, dropout: 0.1, priceSensitivity: 0.3, fit: 0.5, meanSpend: 20, valueAfter: 0 },
  } as CustomerProfile & { clv: number };
}

/** A week's figures; only the fields the store view reads are set. */
const week = (w: number, visitors: WeekStats['visitors'] = []): WeekStats =>
  ({ week: w, visits: 100, acquired: 0, churned: 0, complaints: 0, dataIncident: false, load: 0.5, byStage: [0, 0, 0, 0, 0, 0], visitors }) as WeekStats;

describe('a customer file as of the week on screen', () => {
  it('holds no event after that week, and the stage, purchases and complaints of then', () => {
    const p = fileAsOfWeek(laterFile(), 7);
    expect(p.history.every((e) => e.week <= 7)).toBe(true);
    expect(p.history).toHaveLength(4);
    expect(p.stage).toBe('formation');
    expect(p.purchases).toBe(2);
    expect(p.spendTotal).toBe(40);
    expect(p.complaints).toBe(0);
    expect(p.churnReason).toBe('none');
    expect(p.churnWeek).toBe(-1);
    // The store model's CLV is an end-of-season estimate: not in a file of an earlier week.
    expect('clv' in p).toBe(false);
  });

  it('the week of leaving is in the file once that week is on screen', () => {
    const p = fileAsOfWeek(laterFile(), 12);
    expect(p.stage).toBe('churned');
    expect(p.churnReason).toBe('own');
    expect(p.history.at(-1)?.week).toBe(12);
  });

  it('is the week playing, clamped to the season; none outside a playback', () => {
    const reports = [{ weekly: [week(13), week(14), week(15)] }] as unknown as SeasonReport[];
    session.setState({ phase: 'play', reports, playWeek: 1 });
    expect(weekOnScreen()).toBe(14);
    session.setState({ playWeek: 3 });
    expect(weekOnScreen()).toBe(15);
    session.setState({ phase: 'report' });
    expect(weekOnScreen()).toBeNull();
  });

  it('the card says the week and shows no figure it could not rewind', () => {
    prefs.setState({ lang: 'en' });
    const card = profileCard(fileAsOfWeek(laterFile(), 7), false, sc, 7) as unknown as FakeElement;
    expect(byTestId(card, 'profile-as-of')?.textContent).toContain('season 1, week 8');
    expect(byTestId(card, 'profile-contribution')).toBeUndefined();
    expect(byTestId(card, 'profile-clv')).toBeUndefined();
    expect(byTestId(card, 'profile-churn')).toBeUndefined();
    expect(card.textContent).toContain(en['profile.asOfHidden']);
    // The end-of-season card still has them.
    const whole = profileCard(laterFile(), false, sc) as unknown as FakeElement;
    expect(byTestId(whole, 'profile-as-of')).toBeUndefined();
    expect(byTestId(whole, 'profile-contribution')).toBeDefined();
    expect(byTestId(whole, 'profile-churn')).toBeDefined();
  });
});

describe("the week's named visitors", () => {
  it('leave out those who left the store for good that week, and count them', () => {
    const w = week(5, [
      { id: 1, stage: 3, mood: 2, complained: false },
      { id: 2, stage: 5, mood: 0, complained: true },
      { id: 3, stage: 4, mood: 1, complained: false },
    ]);
    expect(shownWeek(w).visitors.map((v) => v.id)).toEqual([1, 3]);
    expect(shownWeek(w).visits).toBe(100);
    expect(leftThisWeek(w)).toBe(1);
    // A week with nobody leaving is passed through as it is.
    const stay = week(6, [{ id: 1, stage: 3, mood: 2, complained: false }]);
    expect(shownWeek(stay)).toBe(stay);
    expect(leftThisWeek(stay)).toBe(0);
  });
});
