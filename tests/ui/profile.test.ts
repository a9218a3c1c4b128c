// The customer file tells one story: why the customer left says what set it off as the history records it, no
// mood is shown for someone who has left, a visit's cause agrees with the way satisfaction moved, weeks are
// named by season, and counts read right in English ("1 complaint").
import './fake-dom';
import { describe, expect, it } from 'vitest';
import { byTestId, type FakeElement } from './fake-dom';
import type { CustomerProfile } from '../../src/sim';
import { prefs } from '../../src/store/session';
import { en } from '../../src/ui/locales/en';
import { zhCN } from '../../src/ui/locales/zh-CN';
import { bubbleTea } from '../sim/helpers';

const { profileCard } = await import('../../src/ui/profile');
const { causeLabel, driverLine } = await import('../../src/ui/causes');

const sc = bubbleTea().scenario;

function leaver(): CustomerProfile {
  return {
    id: 7, segment: sc.segments[0].id, stage: 'churned', mood: 3, tier: 0, growth: 0, points: 0, purchases: 1, spendTotal: 20,
    firstWeek: 2, lastWeek: 16, complaints: 1, birthdayKnown: true, preferencesKnown: true, consented: true, optedOut: false,
    wonBack: false, churnReason: 'own', churnWeek: 16, contribution: 5,
    history: [
      { week: 8, kind: 1, cause: 'exceeded-expectation', value: 0.8, delta: -0.03 },
      { week: 16, kind: 1, cause: 'data-incident', value: 0.7, delta: -0.1 },
      { week: 16, kind: 3, cause: 'data-incident', value: 5, delta: 0 },
      { week: 16, kind: 0, cause: 'data-incident', value: 5, delta: 0 },
    ],
    truth: { satisfaction: 80, loyalty: 10, purchaseRate: 0.2, dropout: 0.1, priceSensitivity: 0.3, fit: 0.9, meanSpend: 20, valueAfter: 0 },
  };
}

const text = (el: HTMLElement) => (el as unknown as FakeElement).textContent;

describe('the customer file', () => {
  it('says what set off a leaving and shows no mood after it', () => {
    prefs.setState({ lang: 'en' });
    const card = profileCard(leaver(), true, sc);
    const churn = byTestId(card as unknown as FakeElement, 'profile-churn')!.textContent;
    expect(churn).toContain(en['churn.own']);
    expect(churn).toContain(en['cause.data-incident']);
    expect(churn).toContain('season 2, week 4');
    expect(text(card)).not.toContain(en['mood.3']);
    expect(text(card)).toContain(en['profile.moodGone']);
    expect(text(card)).toContain('1 complaint');
    expect(text(card)).not.toContain('1 complaints');
    expect(text(card)).toContain('1 purchase,');
    expect(text(card)).not.toContain('、');
  });

  it('never puts "Exceeded expectations" beside a fall without saying why', () => {
    prefs.setState({ lang: 'en' });
    const card = text(profileCard(leaver(), true, sc));
    expect(card).toContain('Season 1, week 9');
    expect(card).not.toMatch(new RegExp(`${en['cause.exceeded-expectation']} \\(−`));
    expect(card).toContain('(−3)');
    expect(causeLabel('exceeded-expectation', -0.03)).toContain(en['cause.exceeded-expectation']);
    expect(causeLabel('exceeded-expectation', -0.03)).not.toBe(en['cause.exceeded-expectation']);
    expect(causeLabel('exceeded-expectation', 0.03)).toBe(en['cause.exceeded-expectation']);
    expect(causeLabel('quality-shortfall', 0.02)).not.toBe(en['cause.quality-shortfall']);
    expect(causeLabel('data-incident', -0.1)).toBe(en['cause.data-incident']);
  });

  it('speaks Chinese on the Chinese page', () => {
    prefs.setState({ lang: 'zh-CN' });
    const card = profileCard(leaver(), true, sc);
    const churn = byTestId(card as unknown as FakeElement, 'profile-churn')!.textContent;
    expect(churn).toContain(zhCN['cause.data-incident']);
    expect(churn).toContain('第 2 季第 4 周');
  });
});

describe('drivers', () => {
  it('show only what a cause moved, and no count of changes it never made', () => {
    prefs.setState({ lang: 'en' });
    const repeat = driverLine('repeat-purchase', 0, 50.71, 0);
    expect(repeat).toBe(`${en['cause.repeat-purchase']}: loyalty +50.71`);
    expect(driverLine('care-contact', 1.5, 2, 1)).toBe(`${en['cause.care-contact']}: satisfaction +1.5 over 1 change, loyalty +2`);
    expect(driverLine('exceeded-expectation', -3, 0, 40)).not.toMatch(/^Exceeded expectations: /);
    prefs.setState({ lang: 'zh-CN' });
    expect(driverLine('repeat-purchase', 0, 50.71, 0)).toBe(`${zhCN['cause.repeat-purchase']}：忠诚度 +50.71`);
  });
});
