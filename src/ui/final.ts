import { backToTitle } from '../store/actions';
import { getHost } from '../store/host-instance';
import { session } from '../store/session';
import { h } from './dom';
import { num, t, type MessageKey } from './i18n';
import { chartCard, scoreBlock, signed } from './report';
import { profileCard } from './profile';
import { exportRun } from './files';

// The final debrief: the score and its formula, what drove it across the seasons, three customer stories and the
// hidden truth revealed beside what the store could see.

function weightsAsPercent(w: Record<'satisfaction' | 'loyalty' | 'churn' | 'profit' | 'residual', number>): Record<string, string> {
  const sum = w.satisfaction + w.loyalty + w.churn + w.profit + w.residual || 1;
  const pct = (x: number) => `${num((100 * x) / sum)}%`;
  return { satisfaction: pct(w.satisfaction), loyalty: pct(w.loyalty), churn: pct(w.churn), profit: pct(w.profit), residual: pct(w.residual) };
}

export function renderFinal(root: HTMLElement): void {
  const s = session.getState();
  const run = s.run;
  if (!run || !run.final) return;
  const w = run.scenario.data.scoring;
  const totals = new Map<string, { sat: number; loy: number }>();
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
  root.replaceChildren(
    h('h2', {}, t('final.heading')),
    h('p', { class: 'big-score', 'data-testid': 'final-score' }, t('final.score', { total: num(run.final.score.total, 1) })),
    h('p', {}, t('final.formula', weightsAsPercent(w))),
    h(
      'div',
      { class: 'grid' },
      scoreBlock(run.final.score),
      chartCard(t('final.seasons'), t('final.score', { total: num(run.final.score.total, 1) }), (c, el) => c.trendChart(el, s.reports)),
      h(
        'section',
        { class: 'card' },
        h('h3', {}, t('final.drivers')),
        h('ul', {}, ...drivers.map(([cause, v]) => h('li', {}, t('final.driver', { cause: t(`cause.${cause}` as MessageKey), sat: signed(v.sat), loy: signed(v.loy) })))),
      ),
    ),
    h('h3', {}, t('final.stories'), ' · ', t('final.truth')),
    stories,
    h(
      'div',
      { class: 'row' },
      h('button', { type: 'button', class: 'primary', onclick: () => exportRun() }, t('final.export')),
      h('button', { type: 'button', onclick: () => backToTitle() }, t('final.newGame')),
    ),
  );
  void getHost()
    .stories(3)
    .then((list) => {
      for (const p of list) stories.append(h('section', { class: 'card' }, h('h4', {}, t('profile.heading', { id: p.id })), profileCard(p, true)));
    });
}
