import { backToTitle } from '../store/actions';
import { getHost } from '../store/host-instance';
import { savePrefs } from '../store/autosave';
import { prefs, session, type Session } from '../store/session';
import { selectCustomer } from '../store/world-actions';
import { confirmDialog } from './dialog';
import { h } from './dom';
import { exportRun, importRun } from './files';
import { loadLang, pick, t, tWithReasons } from './i18n';
import { watch, watchLang } from './page';
import { openProfile } from './profile';
import { isClassRoute, ROUTES, routeAt, type AnyRoute } from './routes';

// The app around the pages: a header, the notice line, the world view and the panel, which holds the page of the
// current address (routes.ts). A change of address unmounts the page shown and mounts the next; the pages keep
// themselves up to date. The world view (Phaser) subscribes on its own.

export interface Layout {
  world: HTMLElement;
}

export function mountApp(root: HTMLElement): Layout {
  const header = h('header', { class: 'top' });
  const notice = h('div', { class: 'notice', role: 'alert', 'data-testid': 'notice' });
  const world = h('div', { class: 'world', id: 'world', role: 'img', 'aria-label': t('world.label') });
  const panel = h('main', { class: 'panel', id: 'panel' });
  root.append(header, notice, h('div', { class: 'stage' }, world, panel));

  let route = routeAt(location.pathname, location.hash);
  let unmount = route.page.mount(panel);

  const frame = () => {
    const s = session.getState();
    document.documentElement.lang = prefs.getState().lang;
    document.title = `${t('app.title')} · ${s.scenario ? pick(s.scenario.title) : t('app.subtitle')}`;
    world.setAttribute('aria-label', t('world.label'));
    renderHeader(header, s, route);
    notice.textContent = s.notice ? tWithReasons(s.notice) : '';
    notice.hidden = !s.notice;
    const game = route.id === 'game';
    world.hidden = s.phase === 'title' || !game;
    panel.classList.toggle('wide', s.phase === 'title' || s.phase === 'final' || !game);
  };
  window.addEventListener('hashchange', () => {
    const next = routeAt(location.pathname, location.hash);
    if (next !== route) {
      unmount();
      panel.replaceChildren();
      route = next;
      unmount = route.page.mount(panel);
    }
    frame();
  });
  watch(session, (s) => [s.phase, s.run, s.scenario, s.notice], frame);
  watchLang(frame);
  watch(
    session,
    (s) => s.selected,
    async (id) => {
      if (id === null) return;
      const p = await getHost().customer(id);
      selectCustomer(null);
      if (p) openProfile(p);
    },
  );
  frame();
  return { world };
}

function renderHeader(header: HTMLElement, s: Session, route: AnyRoute): void {
  const lang = prefs.getState().lang;
  const switchLang = h('button', { type: 'button', 'data-testid': 'lang', 'aria-label': t('lang.label'), lang: lang === 'zh-CN' ? 'en' : 'zh-CN' }, t('lang.switch'));
  switchLang.addEventListener('click', () => {
    const next = lang === 'zh-CN' ? 'en' : 'zh-CN';
    void loadLang(next).then(() => {
      prefs.setState({ lang: next });
      savePrefs(prefs.getState());
    });
  });
  const items: (HTMLElement | string)[] = [h('strong', { class: 'brand' }, t('app.title'))];
  // A class page stands alone (a room, a projector): the self-study pages are not offered there.
  for (const r of isClassRoute(route) ? [] : ROUTES) {
    if ('nav' in r && r !== route) items.push(h('a', { href: r.hash || '#', class: 'nav', 'data-testid': `nav-${r.id}` }, t(r.nav)));
  }
  if (route.id === 'game' && s.run && s.scenario && s.phase !== 'title') {
    const n = Math.min(s.run.seasons.length + (s.phase === 'plan' ? 1 : 0), s.scenario.seasons);
    items.push(
      h('span', { class: 'scenario-name', title: pick(s.scenario.title) }, pick(s.scenario.title)),
      h('span', {}, t('header.season', { n, total: s.scenario.seasons })),
      h('span', {}, t('header.team', { team: s.run.team })),
      h('span', { class: 'phase' }, t(`phase.${s.phase}`)),
      h('button', { type: 'button', 'data-testid': 'export', onclick: () => exportRun() }, t('header.export')),
      h('button', { type: 'button', 'data-testid': 'import-run', onclick: () => void importRun() }, t('header.import')),
      h('button', {
        type: 'button',
        'data-testid': 'new-game',
        // A new game ends this one and deletes its autosave (nothing is imported): the question says so.
        onclick: async () => {
          if (await confirmDialog(t('notice.newGameConfirm'))) backToTitle();
        },
      }, t('header.newGame')),
    );
  }
  items.push(switchLang);
  header.replaceChildren(...items);
}
