import { STAGE_ORDER, STAGE_STYLE, stageName } from '../badges';
import { mountChart } from '../chart-mount';
import { scoreAxis, seasonAxis } from '../charts';
import { h } from '../dom';
import { num, t } from '../i18n';
import { redrawKeepingFocus, stopAll, watch, watchLang, type Page } from '../page';
import { scoreText } from '../report';
import { createStore } from 'zustand/vanilla';
import { api, classServerHere, type ScreenView } from './api';
import { LiveLink, type LinkStatus } from './live';
import { countdown, seasonName, seasonShown, statusText } from './season-words';
import { linkLine, serverNeeded } from './widgets';
import './class.css';

// The projector view (/room/CODE/screen): read-only, opened with the join code alone. While a season is open it
// shows each team's submission and the time left; once seasons have closed and the teacher shows scores, the
// leaderboard and each team's score season by season; and the class's customers by lifecycle stage. Large type,
// readable from the back of a room with a dozen teams or more; every state is a word and a symbol, not a colour.

interface Screen {
  view: ScreenView | null;
  receivedAt: number;
  link: LinkStatus;
  missing: boolean;
}

const screenStore = createStore<Screen>()(() => ({ view: null, receivedAt: Date.now(), link: 'connecting', missing: false }));
const REREAD_MS = 250;

export const screenPage: Page = {
  mount(root) {
    const code = decodeURIComponent(/^\/room\/([^/]+)/.exec(location.pathname)?.[1] ?? '').toUpperCase();
    const page = h('div', { class: 'class-page class-screen', 'data-testid': 'class-screen' });
    root.replaceChildren(page);
    document.documentElement.classList.add('class-projector');
    let timer: ReturnType<typeof setTimeout> | null = null;
    const reread = () => {
      if (timer) return;
      timer = setTimeout(() => {
        timer = null;
        api<ScreenView>('GET', `/api/screen/${encodeURIComponent(code)}`).then(
          (view) => screenStore.setState({ view, receivedAt: Date.now(), missing: false }),
          () => screenStore.setState({ missing: true }),
        );
      }, REREAD_MS);
    };
    const link = new LiveLink(
      { screen: code },
      (m) => {
        if (m.type === 'welcome') screenStore.setState({ view: m.state as ScreenView, receivedAt: Date.now(), missing: false });
        else if (m.type === 'submissions') {
          const v = screenStore.getState().view;
          const ids = new Set(m.submitted as number[]);
          if (v && v.season?.season === m.season) screenStore.setState({ view: { ...v, teams: v.teams.map((x) => ({ ...x, submitted: ids.has(x.id) })) } });
        } else if (m.type === 'error') screenStore.setState({ missing: true });
        else if (m.type !== 'pong') reread();
      },
      (status) => screenStore.setState({ link: status }),
    );
    const draw = () => redrawKeepingFocus(page, () => page.replaceChildren(...renderScreen(code)));
    const stops = [watch(screenStore, (s) => [s.view, s.link, s.missing], draw), watchLang(draw)];
    draw();
    void classServerHere().then((ok) => {
      if (ok) link.start();
      else page.replaceChildren(serverNeeded());
    });
    return () => {
      stopAll(stops)();
      if (timer) clearTimeout(timer);
      link.stop();
      document.documentElement.classList.remove('class-projector');
    };
  },
};

function renderScreen(code: string): HTMLElement[] {
  const { view: v, receivedAt, link, missing } = screenStore.getState();
  if (missing && !v) return [h('p', { class: 'class-error', role: 'alert' }, `⚠ ${t('class.join.noSession', { code })}`)];
  if (!v) return [h('p', { role: 'status' }, t('class.loading'))];
  const total = v.session.scenario.seasons;
  const running = v.season && v.season.status !== 'closed';
  const shown = seasonShown(v.season, v.seasons);
  const head = h(
    'header',
    { class: 'screen-head' },
    h('div', {}, h('h1', {}, v.session.title), h('p', { class: 'screen-season', 'data-testid': 'screen-season' }, shown ? `${seasonName(shown.season, total)} · ${statusText(shown)}` : statusText(null))),
    running ? countdown(v.season, receivedAt, 'countdown screen-clock') : '',
    h(
      'div',
      { class: 'screen-join' },
      h('p', {}, t('class.screen.join', { host: location.host })),
      h('p', { class: 'class-code' }, v.session.code),
      h('img', { class: 'class-qr', src: `/api/screen/${encodeURIComponent(v.session.code)}/qr.svg`, alt: t('class.teacher.qr', { link: `${location.origin}/room/${v.session.code}` }), width: 200, height: 200 }),
    ),
  );
  const status = teamsCard(v);
  const board = v.standings && v.standings.some((r) => r.final !== null) ? leaderboard(v) : h('section', { class: 'card' }, h('h2', {}, t('class.screen.leaderboard')), h('p', {}, v.session.scoresVisible ? t('class.standings.none') : `🙈 ${t('class.screen.hidden')}`));
  const extra = [trajectories(v), stages(v)].filter((x): x is HTMLElement => x !== null);
  return [head, ...(running ? [status, board] : [board, status]), ...extra, h('p', { class: 'screen-foot' }, linkLine(link))];
}

function teamsCard(v: ScreenView): HTMLElement {
  const running = v.season && v.season.status !== 'closed';
  const done = v.teams.filter((x) => x.submitted).length;
  return h(
    'section',
    { class: 'card', 'data-testid': 'screen-teams' },
    h('h2', {}, running ? t('class.screen.submitted', { n: done, total: v.teams.length }) : t('class.screen.teams', { n: v.teams.length })),
    h(
      'ul',
      { class: 'screen-teams' },
      ...v.teams.map((x) =>
        h(
          'li',
          { class: running && x.submitted ? 'done' : '', 'data-testid': `screen-team-${x.id}`, 'data-submitted': String(x.submitted) },
          h('strong', {}, x.name),
          h('span', {}, running ? (x.submitted ? `✓ ${t('class.screen.teamSubmitted')}` : `… ${t('class.screen.teamPlanning')}`) : t('class.join.members', { n: x.members })),
        ),
      ),
    ),
  );
}

function leaderboard(v: ScreenView): HTMLElement {
  const rows = v.standings ?? [];
  return h(
    'section',
    { class: 'card', 'data-testid': 'screen-leaderboard' },
    h('h2', {}, t('class.screen.leaderboard')),
    h(
      'table',
      { class: 'board screen-board' },
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('class.standings.rank')), h('th', { scope: 'col' }, t('class.roster.team')), h('th', { scope: 'col' }, t('class.standings.final')))),
      h(
        'tbody',
        {},
        ...rows.map((r) =>
          h('tr', { 'data-rank': r.rank ?? '' }, h('td', {}, r.rank === null ? '—' : `${r.rank}`), h('th', { scope: 'row' }, r.team), h('td', { class: 'num' }, r.final === null ? '—' : scoreText(r.final))),
        ),
      ),
    ),
  );
}

function trajectories(v: ScreenView): HTMLElement | null {
  const teams = (v.trajectories ?? []).filter((x) => x.totals.length > 0);
  if (teams.length === 0) return null;
  const n = v.session.scenario.seasons;
  const el = h('div', { class: 'chart screen-chart', role: 'img', 'aria-label': t('class.screen.trajectories') });
  const symbols = ['circle', 'rect', 'triangle', 'diamond', 'pin', 'arrow', 'roundRect'];
  // Drawn once the card is on the page (mountChart draws only into an element in the document).
  requestAnimationFrame(() =>
    mountChart(el, {
      textStyle: { fontSize: 20 },
      grid: { left: 16, right: 24, top: 56, bottom: 16, containLabel: true },
      legend: { top: 0, type: 'scroll', textStyle: { fontSize: 20 } },
      xAxis: { ...seasonAxis(Array.from({ length: n }, (_, k) => t('class.standings.season', { n: k + 1 }))), axisLabel: { interval: 0, rotate: 0, hideOverlap: false, fontSize: 20 } },
      yAxis: { ...scoreAxis(teams.flatMap((x) => x.totals)), axisLabel: { fontSize: 20 } },
      series: teams.map((x, k) => ({ type: 'line', name: x.team, data: x.totals, symbol: symbols[k % symbols.length], symbolSize: 14, lineStyle: { width: 4 } })),
    }),
  );
  return h('section', { class: 'card', 'data-testid': 'screen-trajectories' }, h('h2', {}, t('class.screen.trajectories')), el);
}

function stages(v: ScreenView): HTMLElement | null {
  if (!v.stages) return null;
  const by = v.stages.byStage;
  const top = Math.max(1, ...STAGE_ORDER.filter((s) => s !== 'prospect').map((s) => by[s] ?? 0));
  return h(
    'section',
    { class: 'card', 'data-testid': 'screen-stages' },
    h('h2', {}, t('class.screen.stages', { season: seasonName(v.stages.season, v.session.scenario.seasons) })),
    h(
      'ul',
      { class: 'screen-stages' },
      ...STAGE_ORDER.filter((s) => s !== 'prospect').map((s) =>
        h(
          'li',
          {},
          h('span', { class: 'screen-stage-name' }, `${STAGE_STYLE[s].shape} ${stageName(s)}`),
          h('span', { class: 'screen-stage-bar', role: 'presentation' }, h('span', { style: `width:${(100 * (by[s] ?? 0)) / top}%;background:${STAGE_STYLE[s].color}` })),
          h('span', { class: 'num' }, num(by[s] ?? 0)),
        ),
      ),
    ),
  );
}
