import { continueAfterReport } from '../store/actions';
import { getHost } from '../store/host-instance';
import { session } from '../store/session';
import { selectCustomer } from '../store/world-actions';
import { analyticsSection } from './analytics-panel';
import { STAGE_STYLE, stageName } from './badges';
import { download, h } from './dom';
import { t } from './i18n';
import { stopAll, watch, watchLang, type Page } from './page';
import { reportView } from './report';
import { scoreMovesCard } from './score-moves-card';

// The season's report between two seasons: the report of the season just played (what the store could know),
// the store's own analytics, the featured cases' outcomes, the database export and three customers to look at.

export const reportPage: Page = {
  mount(root) {
    const draw = () => renderReport(root);
    const stops = [watch(session, (s) => [s.reports, s.run, s.scenario], draw), watchLang(draw)];
    draw();
    return stopAll(stops);
  },
};

function renderReport(root: HTMLElement): void {
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
  // The game is still on: the report shows only what the store could know (reveal false).
  // The report opens with why the score moved (what the store could know of it during the game).
  const why = scoreMovesCard(r, s.reports, { decisions: s.run.seasons.map((x) => x.decisions), baseline: getHost().baseline() }, s.run.scenario.data, false);
  const view = reportView(r, s.reports, false, s.scenario, why);
  root.append(h('div', { class: 'row between' }, h('h2', {}, t('report.heading', { n: r.season })), next), view, analyticsSection(done), files);
  void getHost()
    .stories(3)
    .then((list) => {
      for (const p of list) {
        files.append(
          h('button', { type: 'button', 'data-testid': `customer-${p.id}`, onclick: () => selectCustomer(p.id) }, `${STAGE_STYLE[p.stage].shape} #${p.id} · ${stageName(p.stage)}`),
        );
      }
    });
}
