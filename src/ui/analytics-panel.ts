import { rfmGridTable } from './rfm-grid';
import { AT_RISK_BIT } from '../sim';
import { getHost } from '../store/host-instance';
import type { StoreAnalytics } from '../host/store-analytics';
import { selectCustomer } from '../store/world-actions';
import { h } from './dom';
import { list, num, t } from './i18n';

// The store's own analytics after each season (units 2, 5, 9): the RFM grid, the course's four RFM groups,
// ABC classes and the customer pyramid, the CLV distribution (discounted margin, its margin, horizon and rate
// stated) and the churn early-warning list. Computed in the simulation's worker on the store's database, never on
// hidden traits.

/** `last`: the report of the game's last season, after which no decision is left to target. */
export function analyticsSection(last = false): HTMLElement {
  const box = h('section', { class: 'card analytics', 'data-testid': 'store-analytics' }, h('h3', {}, t('analytics.heading')), h('p', { class: 'hint' }, t('notice.busy')));
  void getHost()
    .analytics()
    .then((a) => box.replaceChildren(h('h3', {}, t('analytics.heading')), ...content(a, last)));
  return box;
}

/** Customers on the early-warning list for long absence: the list a targeted decision can choose. */
function targetable(a: StoreAnalytics, last: boolean): HTMLElement {
  const n = a.segments.reduce((sum, cell) => sum + (cell.mark & AT_RISK_BIT ? cell.customers : 0), 0);
  return h('p', { class: 'hint', 'data-testid': 'analytics-targets' }, t(last ? 'analytics.targetsLast' : 'analytics.targets', { n }));
}

export function content(a: StoreAnalytics, last = false): HTMLElement[] {
  if (!a.model) return [h('p', {}, t('analytics.tooFew'))];
  const grid = rfmGridTable(a.rfmGrid, t('analytics.rfm'), { 'aria-label': t('analytics.rfm') });
  const groups = h(
    'ul',
    { class: 'groups' },
    ...(['high-value', 'developing', 'keep', 'win-back'] as const).map((g) => h('li', {}, t(`rfm.group.${g}`, { n: a.groups[g] }))),
  );
  const groupsRule = h('p', { class: 'hint' }, t('analytics.groupsRule'));
  const abc = h(
    'table',
    { class: 'abc' },
    h('caption', {}, t('analytics.abc')),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('analytics.class')), h('th', { scope: 'col' }, t('analytics.customers')), h('th', { scope: 'col' }, t('analytics.revenueShare')))),
    h('tbody', {}, ...a.abc.map((l) => h('tr', {}, h('th', { scope: 'row' }, l.cls), h('td', {}, num(l.customers)), h('td', {}, `${num(100 * l.revenueShare, 1)}%`)))),
  );
  const clvMax = Math.max(1, ...a.clvBins.map((b) => b.count));
  const clv = h(
    'div',
    { class: 'clv', role: 'group', 'aria-label': t('analytics.clv') },
    h('h4', {}, t('analytics.clv')),
    h(
      'p',
      { class: 'hint', 'data-testid': 'analytics-clv-basis' },
      t('analytics.clvBasis', { months: a.clv.horizonMonths, margin: `${num(100 * a.clv.margin)}%`, rate: `${num(100 * a.clv.discountAnnual, 1)}%` }),
    ),
    h('p', {}, t('analytics.clvMean', { v: a.meanClv })),
    ...a.clvBins.map((b) =>
      h(
        'div',
        { class: 'bar-row' },
        h('span', { class: 'bar-label' }, `¥${num(b.from)}–${num(b.to)}`),
        h('span', { class: 'bar' }, h('span', { style: `width:${(100 * b.count) / clvMax}%;background:#009E73` })),
        h('span', { class: 'bar-value' }, num(b.count)),
      ),
    ),
  );
  const risk = h(
    'div',
    {},
    h('h4', {}, t('analytics.atRisk')),
    h(
      'ul',
      { class: 'at-risk' },
      ...a.atRisk.map((c) =>
        h(
          'li',
          {},
          h('button', { type: 'button', 'data-testid': `risk-${c.id}`, onclick: () => selectCustomer(c.id) }, `#${c.id}`),
          ' ',
          t('analytics.riskLine', { reasons: list(c.reasons.map((r) => t(`warning.${r}`))), p: num(100 * c.pAlive), gap: num(c.gapWeeks, 1) }),
        ),
      ),
    ),
  );
  return [
    h('p', {}, t('analytics.summary', { n: a.customers, top10: num(100 * a.top10), top20: num(100 * a.top20) })),
    h('div', { class: 'grid' }, h('div', {}, grid, groups, groupsRule), h('div', {}, abc, clv), risk),
    targetable(a, last),
  ];
}
