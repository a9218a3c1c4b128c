import { rfmGridTable } from './rfm-grid';
import type { LabResult } from '../lab/lab-core';
import { sortCustomers, type SortKey } from '../lab/lab-table';
import { h } from './dom';
import { list, num, t, type MessageKey } from './i18n';
import { cutEditor, cutStatus, type CutEditor } from './lab-rfm';

// The Analytics Lab's results: model parameters, shares, the RFM grid and groups (with the class's own cut-offs
// if it sets them), ABC classes and pyramid, the CLV distribution (discounted margin, its settings stated), the
// churn early-warning list and a sortable table of customers — the look of the store's analytics panel, on any
// transactions file.

export const TOP_ROWS = 50;

export interface TableSort {
  key: SortKey;
  descending: boolean;
}

const pct = (v: number) => `${num(100 * v, 1)}%`;

/** A card with a chart drawn once the lab's chart module has loaded; the reading sentence is the chart's label. */
function chartCard(title: string, reading: string, draw: (m: typeof import('./lab-charts'), el: HTMLElement) => void, testid: string, extra?: HTMLElement): HTMLElement {
  const el = h('div', { class: 'chart', role: 'img', 'aria-label': `${title}: ${reading}` });
  void import('./lab-charts').then((m) => draw(m, el));
  return h('section', { class: 'card', 'data-testid': testid }, h('h3', {}, title), h('p', { class: 'reading' }, reading), el, extra);
}

function paramsCard(r: LabResult): HTMLElement {
  const { bgnbd, gammaGamma } = r.model;
  const row = (name: string, v: number) => h('tr', {}, h('th', { scope: 'row' }, name), h('td', {}, num(v, 4)));
  return h(
    'section',
    { class: 'card', 'data-testid': 'lab-model' },
    h('h3', {}, t('lab.model')),
    h(
      'table',
      { class: 'lab-params' },
      h('caption', {}, t('lab.model.bgnbd')),
      h('tbody', {}, row('r', bgnbd.r), row('α (alpha)', bgnbd.alpha), row('a', bgnbd.a), row('b', bgnbd.b)),
    ),
    h(
      'table',
      { class: 'lab-params' },
      h('caption', {}, t('lab.model.gg')),
      h('tbody', {}, row('p', gammaGamma.p), row('q', gammaGamma.q), row('γ (gamma)', gammaGamma.gamma)),
    ),
    h('p', { class: 'hint' }, t('lab.model.hint', { n: r.repeatBuyers })),
  );
}

function rfmCard(r: LabResult): HTMLElement {
  const grid = rfmGridTable(r.rfmGrid, t('lab.rfm.grid'), { 'data-testid': 'lab-rfm-grid' });
  const groups = h(
    'ul',
    { class: 'groups', 'data-testid': 'lab-groups' },
    ...(['high-value', 'developing', 'keep', 'win-back'] as const).map((g) =>
      h(
        'li',
        { 'data-testid': `lab-group-${g}` },
        t(`lab.group.${g}`, { n: num(r.groups[g]), share: pct(r.groups[g] / Math.max(1, r.customers.length)), important: num(r.important[g]) }),
      ),
    ),
  );
  return h(
    'section',
    { class: 'card', 'data-testid': 'lab-rfm' },
    h('h3', {}, t('lab.rfm')),
    h('p', { class: 'hint' }, t('lab.rfm.hint')),
    cutStatus(r),
    grid,
    h('h4', {}, t('lab.groups')),
    h('p', { class: 'hint' }, t('lab.groups.rule')),
    groups,
  );
}

function abcCard(r: LabResult): HTMLElement {
  const table = h(
    'table',
    { class: 'abc' },
    h('caption', {}, t('lab.abc.table')),
    h(
      'thead',
      {},
      h('tr', {}, h('th', { scope: 'col' }, t('lab.abc.class')), h('th', { scope: 'col' }, t('lab.abc.customers')), h('th', { scope: 'col' }, t('lab.abc.customerShare')), h('th', { scope: 'col' }, t('lab.abc.revenueShare'))),
    ),
    h('tbody', {}, ...r.pyramid.map((l) => h('tr', {}, h('th', { scope: 'row' }, l.abc), h('td', {}, num(l.customers)), h('td', {}, pct(l.customerShare)), h('td', {}, pct(l.revenueShare))))),
  );
  const a = r.pyramid[0];
  const levels = r.pyramid.map((l) => ({ name: l.abc, customers: l.customers, label: t('lab.abc.level', { n: num(l.customers), share: pct(l.revenueShare) }) }));
  return chartCard(t('lab.abc'), t('lab.abc.reading', { share: pct(a.customerShare), revenue: pct(a.revenueShare) }), (m, el) => m.abcPyramidChart(el, levels), 'lab-abc', h('div', { class: 'lab-scroll' }, table));
}

function clvCard(r: LabResult): HTMLElement {
  const labels = r.clvBins.map((b) => (b.open ? `≥${num(b.from)}` : `${num(b.from)}–${num(b.to)}`));
  const details = h(
    'details',
    {},
    h('summary', {}, t('lab.clv.table')),
    h(
      'table',
      { class: 'abc' },
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('lab.clv.band')), h('th', { scope: 'col' }, t('lab.abc.customers')))),
      h('tbody', {}, ...r.clvBins.map((b, k) => h('tr', {}, h('th', { scope: 'row' }, `${r.options.currency}${labels[k]}`), h('td', {}, num(b.count))))),
    ),
  );
  const c = r.options.clv;
  return chartCard(
    t('lab.clv', { months: c.horizonMonths }),
    t('lab.clv.reading', { cur: r.options.currency, mean: num(r.meanClv, 2), total: num(r.totalClv), margin: pct(c.margin), rate: pct(c.discountAnnual), monthly: `${num(100 * c.discountMonthly, 2)}%` }),
    (m, el) => m.clvChart(el, labels, r.clvBins.map((b) => b.count), t('lab.clv.x', { cur: r.options.currency }), t('lab.clv.y')),
    'lab-clv',
    details,
  );
}

function riskCard(r: LabResult): HTMLElement {
  return h(
    'section',
    { class: 'card', 'data-testid': 'lab-risk' },
    h('h3', {}, t('lab.risk')),
    h('p', { class: 'reading' }, r.atRiskCount > 0 ? t('lab.risk.reading', { n: num(r.atRiskCount), shown: num(r.atRisk.length) }) : t('lab.risk.none')),
    h(
      'ol',
      { class: 'lab-risk' },
      ...r.atRisk.map((c) =>
        h(
          'li',
          {},
          h('strong', {}, c.id),
          ' — ',
          t('lab.risk.line', {
            cur: r.options.currency,
            reasons: list(c.reasons.map((x) => t(`warning.${x}`))),
            p: num(100 * c.pAlive),
            gap: num(c.gapWeeks, 1),
            value: num(c.valueAtRisk, 2),
          }),
        ),
      ),
    ),
  );
}

const COLUMNS: { key: SortKey; label: MessageKey; numeric: boolean }[] = [
  { key: 'id', label: 'lab.col.id', numeric: false },
  { key: 'frequency', label: 'lab.col.frequency', numeric: true },
  { key: 'recency', label: 'lab.col.recency', numeric: true },
  { key: 'T', label: 'lab.col.T', numeric: true },
  { key: 'monetary', label: 'lab.col.monetary', numeric: true },
  { key: 'pAlive', label: 'lab.col.pAlive', numeric: true },
  { key: 'expectedPurchases', label: 'lab.col.expected', numeric: true },
  { key: 'clv', label: 'lab.col.clv', numeric: true },
  { key: 'rfm', label: 'lab.col.rfm', numeric: true },
  { key: 'abc', label: 'lab.col.abc', numeric: false },
];

/** The customers table: the top rows by the chosen column over all customers; header buttons sort. */
export function topTable(r: LabResult, sort: TableSort, onSort: (s: TableSort) => void): HTMLElement {
  const order = sortCustomers(r.customers, sort.key, sort.descending).slice(0, TOP_ROWS);
  const head = h(
    'tr',
    {},
    ...COLUMNS.map((c) => {
      const active = c.key === sort.key;
      const arrow = active ? (sort.descending ? ' ▼' : ' ▲') : '';
      return h(
        'th',
        { scope: 'col', 'aria-sort': active ? (sort.descending ? 'descending' : 'ascending') : 'none' },
        h(
          'button',
          {
            type: 'button',
            'data-testid': `lab-sort-${c.key}`,
            title: t('lab.sortBy', { column: t(c.label, { cur: r.options.currency }) }),
            onclick: () => onSort({ key: c.key, descending: active ? !sort.descending : c.numeric }),
          },
          t(c.label, { cur: r.options.currency }) + arrow,
        ),
      );
    }),
  );
  const rows = order.map((i) => {
    const c = r.customers[i];
    return h(
      'tr',
      {},
      h('td', {}, c.id),
      h('td', {}, num(c.frequency)),
      h('td', {}, num(c.recency, 1)),
      h('td', {}, num(c.T, 1)),
      h('td', {}, num(c.monetary, 2)),
      h('td', {}, `${num(100 * c.pAlive, 1)}%`),
      h('td', {}, num(c.expectedPurchases, 2)),
      h('td', {}, num(c.clv, 2)),
      h('td', { title: t(`rfm.${c.rfm.segment}`) }, `${c.rfm.r}${c.rfm.f}${c.rfm.m} · ${t(`rfm.${c.rfm.segment}`)}`),
      h('td', {}, c.abc),
    );
  });
  const col = COLUMNS.find((c) => c.key === sort.key)!;
  return h(
    'section',
    { class: 'card', 'data-testid': 'lab-top' },
    h('h3', { id: 'lab-top-h' }, t('lab.top', { n: Math.min(TOP_ROWS, r.customers.length) })),
    h('p', { class: 'reading', 'aria-live': 'polite' }, t(sort.descending ? 'lab.top.readingDesc' : 'lab.top.readingAsc', { column: t(col.label, { cur: r.options.currency }), total: num(r.customers.length) })),
    h('div', { class: 'lab-scroll', tabindex: 0, role: 'region', 'aria-labelledby': 'lab-top-h' }, h('table', { class: 'lab-top' }, h('thead', {}, head), h('tbody', {}, ...rows))),
    h('p', { class: 'hint' }, t('lab.top.hint', { weeks: r.options.horizonWeeks, months: r.options.clv.horizonMonths, margin: pct(r.options.clv.margin), rate: pct(r.options.clv.discountAnnual) })),
  );
}

export function resultsView(r: LabResult, file: string, sort: TableSort, onSort: (s: TableSort) => void, onExport: () => void, cuts: CutEditor): HTMLElement {
  const summary = h(
    'section',
    { class: 'card', 'data-testid': 'lab-summary' },
    h('h3', {}, t('lab.summary')),
    h('p', {}, t('lab.summary.file', { file, rows: num(r.rows), customers: num(r.customers.length), first: r.firstDate, last: r.lastDate, end: r.calibrationEnd })),
    h('p', { 'data-testid': 'lab-share' }, t('lab.summary.share', { top10: pct(r.top10), top20: pct(r.top20) })),
    h('p', {}, t('lab.summary.repeat', { n: num(r.repeatBuyers), share: pct(r.repeatBuyers / Math.max(1, r.customers.length)) })),
    r.repairedDates > 0 ? h('p', { 'data-testid': 'lab-repaired' }, t('lab.summary.repaired', { n: num(r.repairedDates) })) : null,
    h('button', { type: 'button', class: 'primary', 'data-testid': 'lab-export', onclick: onExport }, t('lab.export')),
    h('p', { class: 'hint' }, t('lab.export.hint')),
  );
  return h(
    'div',
    { class: 'lab-results', 'data-testid': 'lab-results' },
    h('h3', { tabindex: -1, id: 'lab-results-h' }, t('lab.results')),
    h('div', { class: 'grid' }, summary, paramsCard(r), rfmCard(r), abcCard(r), clvCard(r)),
    cutEditor(cuts, r.options.currency),
    riskCard(r),
    topTable(r, sort, onSort),
  );
}
