// The season's news in words: every kind of news reads in both languages, every figure filled in.
import { afterAll, describe, expect, it } from 'vitest';
import { EVENT_KINDS } from '../../src/scenario/schema';
import type { NewsItem } from '../../src/sim';
import { prefs } from '../../src/store/session';
import { newsText } from '../../src/ui/news';

const FACTS = { strength: 0.5, weeks: 2, lured: 12, bought: 7, shortfalls: 30, acquired: 9, visits: 150, usual: 120, security: 500, adequate: 1200, protection: 34, fine: 6000, activities: 2, explicitConsent: 0, affected: 80, peak: 35, extraStaff: 0, staffCost: 11700, rivalPrice: 10, rivalQuality: 60, rivalService: 45, ownQuality: 65 };
const kinds: NewsItem['kind'][] = [...EVENT_KINDS, 'data-incident', 'regulator', 'security-order', 'overload'];

describe('news in words', () => {
  afterAll(() => prefs.setState({ lang: 'zh-CN' }));
  for (const lang of ['zh-CN', 'en'] as const) {
    it(`every kind reads in ${lang}, named or not, with every figure filled in`, () => {
      prefs.setState({ lang });
      for (const kind of kinds) {
        const plain = newsText({ week: 3, kind, facts: FACTS });
        const named = newsText({ week: 3, kind, name: { zh: '元旦', en: 'New Year' }, facts: FACTS });
        expect(plain, kind).not.toMatch(/\{\w+\}/);
        // Scenario events carry the scenario's name; incidents are the store's own and have none.
        if ((EVENT_KINDS as readonly string[]).includes(kind)) expect(named, kind).toContain(lang === 'en' ? 'New Year' : '元旦');
      }
      const leak = newsText({ week: 3, kind: 'data-incident', facts: FACTS });
      expect(leak).toContain('500');
      expect(leak).toContain(lang === 'en' ? 'without explicit consent' : '未经明确同意');
      expect(newsText({ week: 3, kind: 'data-incident', facts: { ...FACTS, explicitConsent: 1 } })).not.toContain(lang === 'en' ? 'without explicit consent' : '未经明确同意');
      // An order to correct names the spend, the protection it bought, what the law asks and the fine.
      const order = newsText({ week: 3, kind: 'security-order', facts: FACTS });
      for (const figure of ['500', '34%', '1,200', '6,000']) expect(order).toContain(figure);
    });
  }
});
