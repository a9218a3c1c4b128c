// Decisions in the course's words: every leaf of a full plan has a label from the locale files (never its
// dotted path), in both languages, and values read as the plan form shows them.
import { describe, expect, it } from 'vitest';
import { leaves } from '../../src/run/leaves';
import { Decisions } from '../../src/scenario/decisions';
import { audienceValue, decisionChanges, leverName, leverValue } from '../../src/ui/decision-labels';
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
    expect(audienceValue({ groups: [], abc: [], atRisk: false, stages: [] })).toBe(en['audience.none']);
  });

  it('has the complaint outcomes the comparison shows in both languages', () => {
    for (const k of ['filed', 'recovered', 'unresolved']) {
      expect(zhCN).toHaveProperty(`compare.complaint.${k}`);
      expect(en).toHaveProperty(`compare.complaint.${k}`);
    }
  });

  it('lists a changed audience, an added tier level and the featured cases as one line each, never "— → —"', () => {
    const sc = bubbleTea().scenario;
    const before = Decisions.parse({ care: { audience: { groups: [], abc: [], atRisk: false } }, tiers: { levels: [{ threshold: 100 }] } });
    const after = Decisions.parse({
      care: { contactsPerMonth: 2, audience: { groups: ['high-value'], abc: [], atRisk: false } },
      tiers: { levels: [{ threshold: 200 }, { threshold: 500, discount: 0.05 }] },
      featured: [{ customer: 3, choices: [0, 1, 2, 3, 0] }],
    });
    for (const lang of ['zh-CN', 'en'] as const) {
      prefs.setState({ lang });
      const changes = decisionChanges(before, after, sc);
      expect(changes.filter((c) => c.from === c.to || (c.from === '—' && c.to === '—'))).toEqual([]);
      expect(changes.map((c) => c.path).sort()).toEqual(['care.audience', 'care.contactsPerMonth', 'featured', 'tiers.levels.0.threshold', 'tiers.levels.1'].sort());
      const care = changes.find((c) => c.path === 'care.audience')!;
      const words = lang === 'en' ? en : zhCN;
      expect(care).toMatchObject({ what: words['lever.care.audience'], from: words['audience.none'], to: words['audience.group.high-value'] });
      const level = changes.find((c) => c.path === 'tiers.levels.1')!;
      expect(level.from).toBe(words['decisions.noLevel']);
      expect(level.to).toContain('500');
      expect(level.to).toContain('5%');
      expect(changes.find((c) => c.path === 'featured')!.to).toBe('#3');
    }
    // The same in reverse: a level removed, an audience cleared.
    prefs.setState({ lang: 'en' });
    const back = decisionChanges(after, before, sc);
    expect(back.find((c) => c.path === 'tiers.levels.1')!.to).toBe(en['decisions.noLevel']);
    expect(back.find((c) => c.path === 'care.audience')!.to).toBe(en['audience.none']);
  });

  it('names a list of groups with the language\'s own separators', () => {
    const a = { groups: ['high-value', 'keep', 'developing'] as const, abc: [], atRisk: false, stages: [] };
    prefs.setState({ lang: 'en' });
    expect(audienceValue({ ...a, groups: [...a.groups] })).not.toContain('、');
    prefs.setState({ lang: 'zh-CN' });
    expect(audienceValue({ ...a, groups: [...a.groups] })).toBe(`${zhCN['audience.group.high-value']}、${zhCN['audience.group.keep']}、${zhCN['audience.group.developing']}`);
  });
});
