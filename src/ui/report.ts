import type { SeasonReport } from '../sim/report';
import { COST_KEYS } from '../sim/tally';
import { continueAfterReport } from '../store/actions';
import { session } from '../store/session';
import { getHost } from '../store/host-instance';
import { selectCustomer } from '../store/world-actions';
import { download, h } from './dom';
import { num, t, type MessageKey } from './i18n';
import { STAGE_STYLE } from './badges';
import { tierName } from './profile';
import { analyticsSection } from './analytics-panel';

// The season report: each section answers one of the course's questions, with a one-sentence plain reading.

export function bar(label: string, value: number, max: number, color = '#0072B2', suffix = ''): HTMLElement {
  const pctWidth = max > 0 ? Math.max(0, Math.min(100, (100 * value) / max)) : 0;
  return h(
    'div',
    { class: 'bar-row' },
    h('span', { class: 'bar-label' }, label),
    h('span', { class: 'bar', role: 'presentation' }, h('span', { style: `width:${pctWidth}%;background:${color}` })),
    h('span', { class: 'bar-value' }, `${num(value)}${suffix}`),
  );
}

export function scoreBlock(score: SeasonReport['score']): HTMLElement {
  const parts = ['satisfaction', 'loyalty', 'churn', 'profit', 'residual'] as const;
  return h(
    'section',
    { class: 'card', 'aria-labelledby': 'score-h' },
    h('h3', { id: 'score-h' }, `${t('report.score')}: ${num(score.total, 1)}`),
    ...parts.map((p) => bar(t(`report.part.${p}` as MessageKey), score[p], 100, '#009E73')),
  );
}

function readings(r: SeasonReport): string[] {
  const out = [t('report.reading.stages', { active: r.customers.active, stability: r.customers.byStage.stability })];
  const reasons = Object.entries(r.customers.churnByReason).sort((a, b) => b[1] - a[1]);
  if (r.customers.churned > 0 && reasons[0]) {
    out.push(t('report.reading.churn', { churned: r.customers.churned, reason: t(`churn.${reasons[0][0]}` as MessageKey), count: reasons[0][1] }));
  } else out.push(t('report.reading.noChurn'));
  if (r.complaints.filed > 0) {
    out.push(t('report.reading.complaints', { filed: r.complaints.filed, recovered: r.complaints.recovered, days: r.complaints.avgDays }));
  }
  const top = r.drivers.find((d) => d.satisfaction !== 0);
  if (top) out.push(t('report.reading.driver', { cause: t(`cause.${top.cause}` as MessageKey) }));
  return out;
}

type Charts = typeof import('./charts');

/** A report card whose chart is drawn once the chart module has loaded; the reading sentence comes first. */
export function chartCard(title: string, reading: string, draw: (m: Charts, el: HTMLElement) => void, testid?: string): HTMLElement {
  const el = h('div', { class: 'chart', role: 'img', 'aria-label': `${title}: ${reading}` });
  void import('./charts').then((m) => draw(m, el));
  return h('section', { class: 'card', 'data-testid': testid }, h('h3', {}, title), h('p', { class: 'reading' }, reading), el);
}

export function reportView(r: SeasonReport, history: readonly SeasonReport[] = [r]): HTMLElement {
  const top = [...r.customers.flows].filter((f) => f.from !== 'prospect').sort((a, b) => b.count - a.count)[0];
  const costs = COST_KEYS.filter((k) => r.economics.costs[k] > 0).sort((a, b) => r.economics.costs[b] - r.economics.costs[a]);
  const members = r.customers.byTier.slice(1).reduce((a, b) => a + b, 0);
  const prev = history.length > 1 ? history[history.length - 2].score.total : null;
  const reasons = Object.entries(r.customers.churnByReason).sort((a, b) => b[1] - a[1]);
  const m = r.satisfaction.measured;
  const sat = h(
    'section',
    { class: 'card' },
    h('h3', {}, t('report.satisfaction')),
    h('p', {}, m ? t('report.measured', { sample: m.sample, nps: m.nps, index: m.index }) : t('report.notMeasured')),
    h('h3', {}, t('report.loyalty')),
    h('p', {}, t('report.loyalty.true', { n: r.loyalty.trueLoyal }), ' · ', t('report.loyalty.inertia', { n: r.loyalty.inertia }), ' · ', t('report.loyalty.none', { n: r.loyalty.none })),
    h('p', {}, t('report.tiers', { up: r.tiers.promotions, down: r.tiers.demotions, rewards: r.tiers.rewards })),
    h('p', {}, t('report.care', r.care)),
    h('h3', {}, t('report.complaints')),
    h('p', {}, t('report.complaints.line', { ...r.complaints, days: r.complaints.avgDays, silent: r.complaints.silentFailures })),
  );
  const drivers = h(
    'section',
    { class: 'card' },
    h('h3', {}, t('report.drivers')),
    h(
      'ul',
      {},
      ...r.drivers.slice(0, 8).map((d) =>
        h('li', {}, t('report.driver', { cause: t(`cause.${d.cause}` as MessageKey), sat: signed(d.satisfaction), loy: signed(d.loyalty), count: d.count })),
      ),
    ),
  );
  return h(
    'div',
    { class: 'report', 'data-testid': 'season-report' },
    h('ul', { class: 'readings' }, ...readings(r).map((x) => h('li', {}, x))),
    h(
      'div',
      { class: 'grid' },
      scoreBlock(r.score),
      chartCard(
        t('report.trend'),
        prev === null ? t('report.reading.trendFirst', { total: r.score.total }) : t('report.reading.trend', { total: r.score.total, delta: signed(r.score.total - prev) }),
        (c, el) => c.trendChart(el, history),
      ),
      chartCard(t('report.stages'), t('report.reading.stages', { active: r.customers.active, stability: r.customers.byStage.stability }), (c, el) => c.stagesChart(el, r), 'report-stages'),
      chartCard(
        t('report.flows'),
        top ? t('report.reading.flow', { from: t(`stage.${top.from}` as MessageKey), to: t(`stage.${top.to}` as MessageKey), count: top.count }) : t('report.reading.noFlow'),
        (c, el) => c.flowsChart(el, r),
      ),
      chartCard(
        t('report.churn'),
        r.customers.churned > 0 ? t('report.reading.churn', { churned: r.customers.churned, reason: t(`churn.${reasons[0][0]}` as MessageKey), count: reasons[0][1] }) : t('report.reading.noChurn'),
        (c, el) => c.churnChart(el, r),
      ),
      chartCard(t('report.pyramid'), t('report.reading.pyramid', { members, ordinary: r.customers.byTier[0] ?? 0 }), (c, el) => c.pyramidChart(el, r, tierName)),
      chartCard(
        t('report.economics'),
        t('report.reading.costs', { revenue: r.economics.revenue, profit: r.economics.profit, name: costs[0] ? t(`cost.${costs[0]}` as MessageKey) : '—', v: costs[0] ? r.economics.costs[costs[0]] : 0 }),
        (c, el) => c.costsChart(el, r),
      ),
      sat,
      drivers,
      h('p', {}, t('report.acquired', { n: r.customers.acquired, ...r.customers.acquiredBy })),
    ),
  );
}

export function signed(x: number): string {
  return `${x > 0 ? '+' : ''}${num(x, 2)}`;
}

export function renderReport(root: HTMLElement): void {
  const s = session.getState();
  const r = s.reports[s.reports.length - 1];
  if (!r || !s.run) return;
  root.replaceChildren();
  const done = s.run.seasons.length >= s.run.scenario.data.seasons;
  const next = h('button', { type: 'button', class: 'primary big', 'data-testid': 'report-continue', onclick: () => continueAfterReport() }, done ? t('report.toFinal') : t('report.continue'));
  const files = h('section', { class: 'card' }, h('h3', {}, t('report.files')));
  const answered = s.run.seasons[s.run.seasons.length - 1]?.decisions.featured ?? [];
  const outcomes = h('ul', { class: 'outcomes', 'data-testid': 'featured-outcomes' });
  for (const f of answered) {
    void getHost()
      .customer(f.customer)
      .then((p) => {
        const e = p?.history.find((x) => x.kind === 4 && x.cause === 'featured-case' && x.week >= r.firstWeek);
        if (!e) return;
        outcomes.append(h('li', {}, e.value === 1 ? `✓ ${t('report.featured.recovered', { id: f.customer })}` : `✗ ${t('report.featured.unresolved', { id: f.customer })}`));
      });
  }
  if (answered.length) files.append(h('h4', {}, t('report.featured')), outcomes);
  const exportDb = async (which: 'customers' | 'transactions') => {
    const db = await getHost().exportDatabase();
    download(`${s.run?.scenario.id ?? 'store'}-s${r.season}-${which}.csv`, db[which], 'text/csv;charset=utf-8');
  };
  files.append(
    h('h4', {}, t('report.export')),
    h('p', { class: 'hint' }, t('report.exportHint', { quality: r.store.dataQuality })),
    h(
      'div',
      { class: 'row' },
      h('button', { type: 'button', 'data-testid': 'export-customers', onclick: () => void exportDb('customers') }, t('report.exportCustomers')),
      h('button', { type: 'button', 'data-testid': 'export-transactions', onclick: () => void exportDb('transactions') }, t('report.exportTransactions')),
    ),
  );
  root.append(h('div', { class: 'row between' }, h('h2', {}, t('report.heading', { n: r.season })), next), reportView(r, s.reports), analyticsSection(), files);
  void getHost()
    .stories(3)
    .then((list) => {
      for (const p of list) {
        files.append(
          h('button', { type: 'button', 'data-testid': `customer-${p.id}`, onclick: () => selectCustomer(p.id) }, `${STAGE_STYLE[p.stage].shape} #${p.id} · ${t(`stage.${p.stage}` as MessageKey)}`),
        );
      }
    });
}
