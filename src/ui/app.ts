import { backToTitle } from '../store/actions';
import { getHost } from '../store/host-instance';
import { savePrefs } from '../store/autosave';
import { prefs, session, type Session } from '../store/session';
import { selectCustomer } from '../store/world-actions';
import { confirmDialog } from './dialog';
import { h } from './dom';
import { exportRun, importRun } from './files';
import { pick, t, tWithReasons, type MessageKey } from './i18n';
import { renderFinal } from './final';
import { renderPlan } from './plan';
import { renderPlay } from './play';
import { openProfile } from './profile';
import { renderReport } from './report';
import { renderTitle } from './title';
import { renderTeacher } from './teacher';
import { renderLab } from './lab';
import { renderReplay } from './replay-viewer';
import { renderCompare } from './compare-view';

// The page: a header, the world view, and the panel for the current phase. Panels re-render from the session;
// the world view (Phaser) subscribes on its own.

export interface Layout {
  world: HTMLElement;
}

export function mountApp(root: HTMLElement): Layout {
  const header = h('header', { class: 'top' });
  const notice = h('div', { class: 'notice', role: 'alert', 'data-testid': 'notice' });
  const world = h('div', { class: 'world', id: 'world', role: 'img', 'aria-label': t('world.label') });
  const panel = h('main', { class: 'panel', id: 'panel' });
  root.append(header, notice, h('div', { class: 'stage' }, world, panel));

  const render = () => {
    const s = session.getState();
    document.documentElement.lang = prefs.getState().lang;
    document.title = `${t('app.title')} · ${s.scenario ? pick(s.scenario.title) : t('app.subtitle')}`;
    world.setAttribute('aria-label', t('world.label'));
    renderHeader(header, s);
    notice.textContent = s.notice ? tWithReasons(s.notice) : '';
    notice.hidden = !s.notice;
    const page = currentPage();
    world.hidden = s.phase === 'title' || page !== 'game';
    panel.classList.toggle('wide', s.phase === 'title' || s.phase === 'final' || page !== 'game');
    if (page === 'teacher') renderTeacher(panel);
    else if (page === 'lab') renderLab(panel);
    else if (page === 'replay') renderReplay(panel);
    else if (page === 'compare') renderCompare(panel);
    else if (s.phase === 'title') renderTitle(panel);
    else if (s.phase === 'plan') renderPlan(panel);
    else if (s.phase === 'play') renderPlay(panel);
    else if (s.phase === 'report') renderReport(panel);
    else renderFinal(panel);
  };
  session.subscribe(
    (s) => [s.phase, s.draft, s.busy, s.notice, s.reports.length, s.featured, s.playWeek, s.paused, s.run],
    render,
    { equalityFn: (a, b) => a.every((x, k) => x === b[k]) },
  );
  prefs.subscribe((p) => p.lang, render);
  window.addEventListener('hashchange', render);
  session.subscribe(
    (s) => s.selected,
    async (id) => {
      if (id === null) return;
      const p = await getHost().customer(id);
      selectCustomer(null);
      if (p) openProfile(p);
    },
  );
  render();
  return { world };
}

/** Pages besides the game itself, addressed by the URL hash so a teacher can bookmark them. */
export type Page = 'game' | 'teacher' | 'lab' | 'replay' | 'compare';

const PAGES: readonly Exclude<Page, 'game'>[] = ['teacher', 'lab', 'replay', 'compare'];

export function currentPage(): Page {
  const hash = typeof location !== 'undefined' ? location.hash : '';
  return PAGES.find((p) => hash.startsWith(`#/${p}`)) ?? 'game';
}

function renderHeader(header: HTMLElement, s: Session): void {
  const lang = prefs.getState().lang;
  const switchLang = h('button', { type: 'button', 'data-testid': 'lang', 'aria-label': t('lang.label'), lang: lang === 'zh-CN' ? 'en' : 'zh-CN' }, t('lang.switch'));
  switchLang.addEventListener('click', () => {
    prefs.setState({ lang: lang === 'zh-CN' ? 'en' : 'zh-CN' });
    savePrefs(prefs.getState());
  });
  const items: (HTMLElement | string)[] = [h('strong', { class: 'brand' }, t('app.title'))];
  const page = currentPage();
  if (page !== 'game') items.push(h('a', { href: '#', class: 'nav', 'data-testid': 'nav-game' }, t('nav.game')));
  if (page !== 'teacher') items.push(h('a', { href: '#/teacher', class: 'nav', 'data-testid': 'nav-teacher' }, t('nav.teacher')));
  if (page !== 'lab') items.push(h('a', { href: '#/lab', class: 'nav', 'data-testid': 'nav-lab' }, t('nav.lab')));
  if (page === 'game' && s.run && s.scenario && s.phase !== 'title') {
    const n = Math.min(s.run.seasons.length + (s.phase === 'plan' ? 1 : 0), s.scenario.seasons);
    items.push(
      h('span', {}, pick(s.scenario.title)),
      h('span', {}, t('header.season', { n, total: s.scenario.seasons })),
      h('span', {}, t('header.team', { team: s.run.team })),
      h('span', { class: 'phase' }, t(`phase.${s.phase}` as MessageKey)),
      h('button', { type: 'button', 'data-testid': 'export', onclick: () => exportRun() }, t('header.export')),
      h('button', { type: 'button', 'data-testid': 'import-run', onclick: () => void importRun() }, t('header.import')),
      h('button', {
        type: 'button',
        onclick: async () => {
          if (await confirmDialog(t('notice.importConfirm'))) backToTitle();
        },
      }, t('header.newGame')),
    );
  }
  items.push(switchLang);
  header.replaceChildren(...items);
}
