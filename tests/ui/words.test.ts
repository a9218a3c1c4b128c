// Words by the player's language: counts that change the noun (Intl.PluralRules), lists with the language's own
// separators (Intl.ListFormat), and weeks named one way everywhere (the season and the week within it).
import { describe, expect, it } from 'vitest';
import { prefs } from '../../src/store/session';
import { format, list, signed, t, weekName } from '../../src/ui/i18n';
import { en } from '../../src/ui/locales/en';
import { zhCN } from '../../src/ui/locales/zh-CN';

describe('plurals', () => {
  it('chooses the English form by the count and keeps the Chinese one', () => {
    const text = '{n, plural, one {# customer} other {# customers}} of {all}';
    expect(format(text, 'en', { n: 1, all: 3 })).toBe('1 customer of 3');
    expect(format(text, 'en', { n: 0, all: 3 })).toBe('0 customers of 3');
    expect(format(text, 'en', { n: 1200, all: 3 })).toBe('1,200 customers of 3');
    expect(format('{n, plural, =0 {none} one {# left} other {# left}}', 'en', { n: 0 })).toBe('none');
    expect(format('{n} 位客户', 'zh-CN', { n: 1 })).toBe('1 位客户');
  });

  it('lets a branch hold places of its own', () => {
    expect(format('{n, plural, one {# case from {who}} other {# cases from {who}}}', 'en', { n: 1, who: 'A' })).toBe('1 case from A');
  });

  it('has no English message that would read "1 customers"', () => {
    prefs.setState({ lang: 'en' });
    for (const [key, text] of Object.entries(en)) {
      if (!text.includes('plural,')) continue;
      const name = /\{(\w+), plural,/.exec(text)![1];
      expect(format(text, 'en', { [name]: 1 }), key).not.toMatch(/\b1 \w+s\b/);
    }
    // A count written straight before a plural noun would read "1 customers": every such place chooses its form.
    const NOUNS = 'customers|complaints|visits|answers|seasons|weeks|months|members|contacts|detractors|promoters|passives|purchases|points|rows|files|settings|times|problems|dates';
    const bare = Object.entries(en).filter(([, v]) => new RegExp(`\\{\\w+\\} (${NOUNS})\\b`).test(v.replace(/\{\w+, plural,[^]*?\}\}/g, '')));
    expect(bare.map(([k]) => k)).toEqual([]);
    expect(t('profile.complaints', { n: 1 })).toBe('1 complaint');
    expect(t('profile.complaints', { n: 2 })).toBe('2 complaints');
  });
});

describe('lists', () => {
  it('separates with commas in English and 、 in Chinese', () => {
    prefs.setState({ lang: 'en' });
    expect(list(['2', '6', '7'])).toBe('2, 6, 7');
    expect(list(['a', 'b'], 'or')).toBe('a or b');
    prefs.setState({ lang: 'zh-CN' });
    expect(list(['2', '6', '7'])).toBe('2、6、7');
    expect(list(['甲', '乙'], 'and')).toBe('甲和乙');
  });

  it('leaves no Chinese list separator in the English locale file', () => {
    expect(Object.entries(en).filter(([, v]) => /[、，；：。（）]/.test(v)).map(([k]) => k)).toEqual([]);
  });
});

describe('weeks', () => {
  it('names a week of the game by its season and its week within it, in both languages', () => {
    prefs.setState({ lang: 'en' });
    expect(weekName(0, 13)).toBe('Season 1, week 1');
    expect(weekName(39, 13)).toBe('Season 4, week 1');
    expect(weekName(39, 13, true)).toBe('season 4, week 1');
    prefs.setState({ lang: 'zh-CN' });
    expect(weekName(15, 13)).toBe('第 2 季第 3 周');
    expect(zhCN['when.week']).toContain('{season}');
  });

  it('writes a fall with a true minus sign', () => {
    prefs.setState({ lang: 'en' });
    expect(signed(-3, 0)).toBe('−3');
    expect(signed(2.5)).toBe('+2.5');
    expect(signed(0)).toBe('0');
  });
});
