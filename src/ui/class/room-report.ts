import type { Decisions } from '../../scenario/decisions';
import type { Scenario } from '../../scenario/schema';
import type { Score, SeasonReport } from '../../sim';
import { getHost } from '../../store/host-instance';
import { analyticsSection } from '../analytics-panel';
import { download, h } from '../dom';
import { t } from '../i18n';
import { reportView } from '../report';
import { scoreMovesCard } from '../score-moves-card';
import type { Result, ServerReport } from './api';
import type { HashCheck } from './room-preview';
import { seasonName } from './season-words';

// The season's report in the student room: the game's own report view on the report the server sent, as during
// self-study play (only what the store could know). While the teacher hides scores the server sends none, and the
// score card and the score trend give way to a line saying so. Above it, whether this computer's re-simulation of
// the season reached the server's state hash. Once it has, this computer's engine holds the store as the server
// left it after the season, so the store's own analytics and its customer files come from it, as in self-study.

const NO_SCORE: Score = { total: 0, satisfaction: 0, loyalty: 0, churn: 0, profit: 0, residual: 0 };

export function hashNotice(c: HashCheck | null, result: Result): HTMLElement {
  if (!c || c.season !== result.season) return h('p', { class: 'hint', role: 'status', 'data-testid': 'room-hash', 'data-state': 'checking' }, `⏳ ${t('class.hash.checking')}`);
  const short = (x: string | null) => (x ?? '—').slice(0, 12);
  if (c.state === 'same') return h('p', { class: 'hint', role: 'status', 'data-testid': 'room-hash', 'data-state': 'same' }, `✓ ${t('class.hash.same', { hash: short(c.server) })}`);
  if (c.state === 'unchecked') return h('p', { class: 'hint', role: 'status', 'data-testid': 'room-hash', 'data-state': 'unchecked' }, t('class.hash.unchecked'));
  if (c.state === 'failed') return h('p', { class: 'class-error', role: 'alert', 'data-testid': 'room-hash', 'data-state': 'failed' }, `⚠ ${t('class.hash.failed')}`);
  return h('p', { class: 'class-error big', role: 'alert', 'data-testid': 'room-hash', 'data-state': 'differs' }, `⚠ ${t('class.hash.differs', { server: short(c.server), local: short(c.local) })}`);
}

/**
 * The report of `result`'s season. `history` is this computer's reports of the seasons so far (when its check
 * matched the server), for the score's trend and why it moved; `decisions` the plans the team played in them.
 */
export function classReport(
  got: { result: Result; report: ServerReport },
  check: HashCheck | null,
  scenario: Scenario,
  history: SeasonReport[] | null,
  decisions: readonly Decisions[],
  total: number,
): HTMLElement {
  const { result, report } = got;
  const hidden = report.score === null;
  const r: SeasonReport = { ...report, score: report.score ?? NO_SCORE };
  const practice = result.season === 0;
  const past = !hidden && !practice && history ? history.filter((x) => x.season <= r.season) : [r];
  const lead =
    !hidden && !practice && history && decisions.length >= r.season
      ? scoreMovesCard(r, past, { decisions, baseline: getHost().baseline() }, scenario, false)
      : '';
  const view = reportView(r, past, false, scenario, lead);
  if (hidden) {
    // No score reached this page: its card and its trend are taken out, and the page says why.
    view.querySelector('[data-testid="score-block"]')?.remove();
    for (const card of Array.from(view.querySelectorAll('section.card'))) if (card.querySelector('h3')?.textContent === t('report.trend')) card.remove();
    view.prepend(h('p', { class: 'class-note', 'data-testid': 'room-scores-hidden' }, `🙈 ${t('class.room.scoresHidden')}`));
  }
  const played = h('p', { 'data-testid': 'room-played' }, t(`class.played.${result.played}`), result.note ? ` — ${result.note}` : '');
  const same = check?.state === 'same' && check.season === result.season && !practice;
  const exportDb = async (which: 'customers' | 'transactions') => {
    const db = await getHost().exportDatabase();
    download(`${scenario.id}-s${result.season}-${which}.csv`, db[which], 'text/csv;charset=utf-8');
  };
  const files = same
    ? h(
        'section',
        { class: 'card' },
        h('h3', {}, t('report.export')),
        h('p', { class: 'hint' }, t('report.exportHint', { quality: r.store.dataQuality })),
        h(
          'div',
          { class: 'row' },
          h('button', { type: 'button', 'data-testid': 'export-customers', onclick: () => void exportDb('customers') }, t('report.exportCustomers')),
          h('button', { type: 'button', 'data-testid': 'export-transactions', onclick: () => void exportDb('transactions') }, t('report.exportTransactions')),
        ),
      )
    : '';
  return h(
    'div',
    { class: 'class-report', 'data-testid': 'room-report', 'data-season': result.season },
    h('h2', {}, t('class.room.reportHeading', { season: seasonName(result.season, total) })),
    hashNotice(check, result),
    played,
    view,
    same ? analyticsSection(result.season >= total) : '',
    files,
  );
}
