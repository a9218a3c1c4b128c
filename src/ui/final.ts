import { backToTitle, forkCurrent } from '../store/actions';
import { getHost } from '../store/host-instance';
import { session } from '../store/session';
import { h } from './dom';
import { num, t } from './i18n';
import { chartCard, reportView, scoreBlock, scoreText, signed, surveysCard } from './report';
import { scoreMovesCard } from './score-moves-card';
import { driverLine } from './causes';
import { confirmDialog } from './dialog';
import type { CauseId, SeasonReport } from '../sim';
import { profileCard } from './profile';
import { exportRun } from './files';
import type { RunFile } from '../run/runfile';
import { decisionChanges } from './decision-labels';
import { studyRun } from './replay-store';
import { setCompareFile } from './compare-store';
import { goTo, stopAll, watch, watchLang, type Page } from './page';

// The final debrief: the score and its formula, what drove it across the seasons, three customer stories and the
// hidden truth revealed beside what the store could see.

export const finalView: Page = {
  mount(root) {
    const draw = () => renderFinal(root);
    const stops = [watch(session, (s) => [s.run, s.reports], draw), watchLang(draw)];
    draw();
    return stopAll(stops);
  },
};

function weightsAsPercent(w: Record<'satisfaction' | 'loyalty' | 'churn' | 'profit' | 'residual', number>): Record<string, string> {
  const sum = w.satisfaction + w.loyalty + w.churn + w.profit + w.residual || 1;
  const pct = (x: number) => `${num((100 * x) / sum)}%`;
  return { satisfaction: pct(w.satisfaction), loyalty: pct(w.loyalty), churn: pct(w.churn), profit: pct(w.profit), residual: pct(w.residual) };
}

/** The seasons after which the total rose most and fell most, with what the team had changed for them. */
function decisionsCard(run: RunFile): HTMLElement {
  const box = h('section', { class: 'card', 'data-testid': 'best-worst' }, h('h3', {}, t('final.decisions')));
  const seasons = run.seasons;
  if (seasons.length < 2) return box;
  const moves = seasons.slice(1).map((x, k) => ({
    season: k + 2,
    delta: x.score.total - seasons[k].score.total,
    changes: decisionChanges({ ...seasons[k].decisions, featured: [] }, { ...x.decisions, featured: [] }, run.scenario.data),
  }));
  const sorted = [...moves].sort((a, b) => b.delta - a.delta);
  const describe = (m: (typeof moves)[number], key: 'final.best' | 'final.worst') =>
    h(
      'div',
      {},
      h('p', {}, h('strong', {}, t(key, { n: m.season, delta: signed(m.delta) }))),
      h(
        'ul',
        {},
        ...(m.changes.length
          ? m.changes.slice(0, 5).map((c) => h('li', {}, t('final.change', c)))
          : [h('li', {}, t('final.noChange'))]),
      ),
    );
  box.append(describe(sorted[0], 'final.best'), describe(sorted[sorted.length - 1], 'final.worst'), h('p', { class: 'hint' }, t('final.decisionsNote')));
  return box;
}

/** Any season's report as it was, and a what-if from any season: keep the seasons before it, replan from there. */
function seasonViewer(reports: readonly SeasonReport[], run: RunFile): HTMLElement {
  const box = h('section', { class: 'card', 'data-testid': 'season-viewer' }, h('h3', {}, t('final.viewer')));
  const pick_ = h('select', { id: 'view-season', 'aria-label': t('final.viewer') }, ...reports.map((r) => h('option', { value: r.season }, t('final.seasonLine', { n: r.season }))));
  const view = h('div', {});
  const show_ = () => {
    const k = Number(pick_.value);
    // After the game: every figure, the truth beside what the surveys said.
    const why = scoreMovesCard(reports[k - 1], reports, { decisions: run.seasons.map((x) => x.decisions), baseline: getHost().baseline() }, run.scenario.data, true);
    view.replaceChildren(reportView(reports[k - 1], reports.slice(0, k), true, run.scenario.data, why));
  };
  pick_.addEventListener('change', show_);
  const fork = h('button', { type: 'button', 'data-testid': 'fork' }, t('final.fork'));
  fork.addEventListener('click', async () => {
    const k = Number(pick_.value);
    if (await confirmDialog(t('final.forkConfirm', { n: k }))) await forkCurrent(k - 1);
  });
  box.append(h('div', { class: 'row' }, h('label', { for: 'view-season' }, t('final.viewerPick')), pick_, fork), h('p', { class: 'hint' }, t('final.forkHint', { team: run.team })), view);
  pick_.value = String(reports.length);
  show_();
  return box;
}

export function renderFinal(root: HTMLElement): void {
  const s = session.getState();
  const run = s.run;
  if (!run || !run.final) return;
  const w = run.scenario.data.scoring;
  const totals = new Map<CauseId, { sat: number; loy: number }>();
  for (const r of s.reports) {
    for (const d of r.drivers) {
      const x = totals.get(d.cause) ?? { sat: 0, loy: 0 };
      x.sat += d.satisfaction;
      x.loy += d.loyalty;
      totals.set(d.cause, x);
    }
  }
  const drivers = [...totals.entries()].sort((a, b) => Math.abs(b[1].sat) + Math.abs(b[1].loy) - Math.abs(a[1].sat) - Math.abs(a[1].loy)).slice(0, 8);
  const stories = h('div', { class: 'stories', 'data-testid': 'stories' });
  const clv = h('section', { class: 'card', 'data-testid': 'clv-check' }, h('h3', {}, t('final.clv')));
  const score = run.final.score;
  root.replaceChildren(
    h('h2', {}, t('final.heading')),
    h('p', { class: 'big-score', 'data-testid': 'final-score' }, t('final.score', { total: scoreText(score.total) })),
    // A store that lost money over the game scores at most its (negative) profit part: say so where the total is.
    score.profit < 0 ? h('p', { class: 'notice', role: 'note', 'data-testid': 'final-capped' }, t('final.capped', { profit: scoreText(score.profit) })) : '',
    h('p', {}, t('final.formula', weightsAsPercent(w))),
    h(
      'div',
      { class: 'grid' },
      scoreBlock(score, true),
      chartCard(t('final.seasons'), t('final.score', { total: scoreText(score.total) }), (c, el) => c.trendChart(el, s.reports, true)),
      h(
        'section',
        { class: 'card' },
        h('h3', {}, t('final.drivers')),
        h('ul', {}, ...drivers.map(([cause, v]) => h('li', {}, driverLine(cause, v.sat, v.loy)))),
      ),
    ),
    surveysCard(s.reports),
    decisionsCard(run),
    seasonViewer(s.reports, run),
    clv,
    h('h3', {}, t('final.stories'), ' · ', t('final.truth')),
    stories,
    h(
      'div',
      { class: 'row' },
      h('button', { type: 'button', class: 'primary', onclick: () => exportRun() }, t('final.export')),
      // The viewer and the comparison get a copy of the run: this game stays as it is.
      h('button', { type: 'button', 'data-testid': 'final-study', onclick: () => void studyRun(`${run.team}.run.json`, JSON.stringify(run)) }, t('final.study')),
      h('button', {
        type: 'button',
        'data-testid': 'final-compare',
        onclick: () => {
          setCompareFile('a', { name: `${run.team}.run.json`, text: JSON.stringify(run) });
          goTo('#/compare');
        },
      }, t('final.compare')),
      h('button', { type: 'button', onclick: () => backToTitle() }, t('final.newGame')),
    ),
  );
  void getHost()
    .clvCheck()
    .then((c) => {
      if (c.points.length === 0) return clv.append(h('p', {}, t('analytics.tooFew')));
      const chart = h('div', { class: 'chart', role: 'img', 'aria-label': t('final.clv') });
      clv.append(
        h('p', { class: 'reading' }, t('final.clvReading', { season: c.season, weeks: c.weeksAhead, estimate: c.totalEstimate, actual: c.totalActual, r: num(c.correlation, 2) })),
        chart,
      );
      void import('./charts').then((m) => m.clvScatter(chart, c.points, t('final.clvEstimate'), t('final.clvActual')));
    });
  void getHost()
    .stories(3)
    .then((list) => {
      for (const p of list) stories.append(h('section', { class: 'card' }, h('h4', {}, t('profile.heading', { id: p.id })), profileCard(p, true)));
    });
}
