import type { NewsItem, SeasonReport } from '../sim';
import { h } from './dom';
import { pick, t, weekName, type MessageKey } from './i18n';

// The season's news in words: every scenario event and incident in the week it happened, what it did and what
// would have prevented or softened it. The engine gives the facts (src/sim/news.ts); the words are here.

const NAMELESS: Record<NewsItem['kind'], MessageKey> = {
  'competitor-entry': 'news.name.competitor-entry',
  'competitor-promo': 'news.name.competitor-promo',
  holiday: 'news.name.holiday',
  'supply-incident': 'news.name.supply-incident',
  'viral-review': 'news.name.viral-review',
  downturn: 'news.name.downturn',
  'data-incident': 'news.name.data-incident',
  regulator: 'news.name.regulator',
  'security-order': 'news.name.security-order',
  overload: 'news.name.overload',
};

export function newsText(n: NewsItem): string {
  const name = n.name ? pick(n.name) : t(NAMELESS[n.kind]);
  const consent = n.kind === 'data-incident' && !n.facts.explicitConsent ? t('news.data-incident.consent') : '';
  const text = t(`news.${n.kind}`, { ...n.facts, name, consent });
  return n.continuing ? `${text} ${t('news.continuing')}` : text;
}

/** The report's list of the season's news, by week. */
export function newsCard(r: SeasonReport): HTMLElement {
  // A report is one season's: its weeks are named within the season, as everywhere else.
  const wps = r.weeks;
  return h(
    'section',
    { class: 'card', 'data-testid': 'news' },
    h('h3', {}, t('news.title')),
    r.news.length === 0
      ? h('p', {}, t('news.none'))
      : h('ul', {}, ...r.news.map((n) => h('li', { 'data-kind': n.kind }, h('strong', {}, `${weekName(n.week, wps)} · `), newsText(n)))),
  );
}

/** This week's news as a banner during playback (nothing when the week had none). */
export function newsBanner(r: SeasonReport, week: number): HTMLElement | string {
  const items = r.news.filter((n) => n.week === week && !n.continuing);
  if (items.length === 0) return '';
  return h('div', { class: 'notice news-banner', role: 'status', 'data-testid': 'news-banner' }, ...items.map((n) => h('p', {}, `📰 ${newsText(n)}`)));
}
