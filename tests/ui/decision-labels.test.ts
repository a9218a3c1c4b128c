// Decisions in the course's words: every leaf of a full plan has a label from the locale files (never its
// dotted path), in both languages, and values read as the plan form shows them.
import { describe, expect, it } from 'vitest';
import { leaves } from '../../src/run/leaves';
import { Decisions } from '../../src/scenario/decisions';
import { audienceValue, leverName, leverValue } from '../../src/ui/decision-labels';
import { en } from '../../src/ui/locales/en';
import { zhCN } from '../../src/ui/locales/zh-CN';
import { prefs } from '../../src/store/session';
import { bubbleTea } from '../sim/helpers';

const full = Decisions.parse({
  acquisition: { budget: 1000, target: 'students' },
  tiers: { levels: [{ threshold: 100, discount: 0.05 }, { threshold: 500 }] },
  featured: [{ customer: 3, choices: [0, 1, 2, 3, 0] }],
  care: { audience: { groups: ['high-value', 'keep'], abc: ['A'], atRisk: true } },
  retention: { offerAudience: { atRisk: true }, winBackAudience: { abc: ['A', 'B'] } },
});

describe('decision labels', () => {
  for (const lang of ['zh-CN', 'en'] as const) {
    it(`names every decision leaf in ${lang}`, () => {
      prefs.setState({ lang });
      const raw = [...leaves(full).keys()].filter((p) => leverName(p) === p || leverName(p).includes('lever.'));
      expect(raw).toEqual([]);
    });
  }

  it('shows percentages, options, segments and switches as the form does', () => {
    prefs.setState({ lang: 'en' });
    const sc = bubbleTea().scenario;
    expect(leverValue('pricing.discount', 0.1, sc)).toBe('10%');
    expect(leverValue('tiers.levels.0.discount', 0.05, sc)).toBe('5%');
    expect(leverValue('care.channel', 'sms', sc)).toBe(en['option.sms']);
    expect(leverValue('care.birthday', true, sc)).toBe(en['option.on']);
    expect(leverValue('acquisition.target', sc.segments[0].id, sc)).toBe(sc.segments[0].name.en);
    expect(leverValue('acquisition.budget', 2500, sc)).toBe('2,500');
    expect(leverValue('tiers.levels', '[]', sc)).toBe(en['decisions.noLevels']);
  });

  it('names audiences and their leaves as the target chooser does', () => {
    prefs.setState({ lang: 'en' });
    const sc = bubbleTea().scenario;
    expect(leverName('care.audience.groups.1')).toBe(en['lever.care.audience']);
    expect(leverValue('care.audience.groups.1', 'keep', sc)).toBe(en['audience.group.keep']);
    expect(leverValue('retention.winBackAudience.abc.0', 'A', sc)).toBe(en['audience.abc.A']);
    expect(leverValue('retention.offerAudience.groups', '[]', sc)).toBe('—');
    expect(audienceValue(undefined)).toBe(en['audience.none']);
    expect(audienceValue(full.care.audience)).toBe(
      `${en['audience.group.high-value']}, ${en['audience.group.keep']} + ${en['audience.abc.A']} + ${en['audience.atRisk']}`,
    );
    expect(audienceValue({ groups: [], abc: [], atRisk: false })).toBe(en['audience.none']);
  });

  it('has the complaint outcomes the comparison shows in both languages', () => {
    for (const k of ['filed', 'recovered', 'unresolved']) {
      expect(zhCN).toHaveProperty(`compare.complaint.${k}`);
      expect(en).toHaveProperty(`compare.complaint.${k}`);
    }
  });
});
