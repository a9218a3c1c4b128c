import { createStore } from 'zustand/vanilla';
import { newsBanner } from './news';
import { showReport } from '../store/actions';
import { prefs, session } from '../store/session';
import { h } from './dom';
import { t, weekName } from './i18n';
import { savePrefs } from '../store/autosave';
import { selectCustomer } from '../store/world-actions';
import { MOOD_FACE, STAGE_ORDER, STAGE_STYLE } from './badges';
import { CROWD_CAP, roster } from '../store/crowd-roster';
import { redrawKeepingFocus, stopAll, watch, watchLang, type Page } from './page';
import { leftThisWeek, shownWeek } from '../game/visitors';
import { tillsOpen } from '../game/paths';

// Playback controls for the season being watched: week, play/pause, a week back or on, speed, skip. The world view
// advances the weeks; these only steer it. Drawn again every week; the control in use keeps the focus. Every
// control is a native button, select or slider, so the keyboard operates all of them.

/** At ×1 a week lasts 1.6 s (src/game/StoreScene.ts), a season about 21 s; ×¼ gives 6.4 s a week to read it. */
const SPEEDS = [0.25, 0.5, 1, 2, 4];
/** Visitors listed before "show all", so the list does not push the controls off a small screen. */
const LISTED = 12;
/** Whether the whole sample is listed; kept across the weekly redraws while the player reads it. */
const playStore = createStore<{ listAll: boolean }>()(() => ({ listAll: false }));

export const playView: Page = {
  mount(root) {
    // The panel scrolls on its own beside the store: a weekly redraw keeps where the player has scrolled it to
    // (emptying it and focusing the control in use would otherwise move it).
    const draw = () => {
      const top = root.scrollTop;
      redrawKeepingFocus(root, () => renderPlay(root));
      root.scrollTop = top;
    };
    const stops = [
      watch(session, (s) => [s.playWeek, s.paused, s.reports], draw),
      watch(prefs, (p) => p.speed, draw),
      watch(playStore, (p) => p.listAll, draw),
      watchLang(draw),
    ];
    draw();
    return stopAll(stops);
  },
};

function renderPlay(root: HTMLElement): void {
  const s = session.getState();
  const { listAll } = playStore.getState();
  const r = s.reports[s.reports.length - 1];
  if (!r) return;
  const k = Math.min(s.playWeek, r.weekly.length - 1);
  const week = r.weekly[k];
  // The named visitors the store view draws: none who left the store for good this week (src/game/visitors.ts).
  const w = shownWeek(week);
  const left = leftThisWeek(week);
  const done = s.playWeek >= r.weekly.length;
  const pause = h('button', { type: 'button', 'data-testid': 'pause', 'aria-pressed': String(s.paused) }, s.paused ? `▶ ${t('play.resume')}` : `⏸ ${t('play.pause')}`);
  pause.addEventListener('click', () => session.setState({ paused: !s.paused }));
  const speed = h(
    'select',
    { id: 'speed', title: t('play.speedLabel') },
    ...SPEEDS.map((v) => h('option', { value: v, selected: v === prefs.getState().speed }, t('play.speed', { speed: v }))),
  );
  speed.addEventListener('change', () => {
    prefs.setState({ speed: Number(speed.value) });
    savePrefs(prefs.getState());
  });
  const weekSlider = h('input', {
    type: 'range',
    id: 'week-slider',
    min: 0,
    max: r.weekly.length,
    value: s.playWeek,
    'aria-label': weekName(w.week, s.scenario?.weeksPerSeason),
  });
  weekSlider.addEventListener('input', () => session.setState({ playWeek: Number(weekSlider.value), paused: true }));
  // A week back or on, paused there: a student can stop on a week and read it.
  const stepTo = (to: number) => session.setState({ playWeek: Math.max(0, Math.min(r.weekly.length - 1, to)), paused: true });
  const back = h('button', { type: 'button', 'data-testid': 'week-back', disabled: k <= 0, onclick: () => stepTo(k - 1) }, `⏮ ${t('play.weekBack')}`);
  const on = h('button', { type: 'button', 'data-testid': 'week-on', disabled: k >= r.weekly.length - 1, onclick: () => stepTo(k + 1) }, `${t('play.weekOn')} ⏭`);
  const skip = h('button', { type: 'button', class: done ? 'primary big' : '', 'data-testid': 'to-report', onclick: () => showReport() }, t('play.skip'));
  // The same visitors the world view shows, as buttons: keyboard and screen-reader users can open their files too.
  const listed = listAll ? w.visitors : w.visitors.slice(0, LISTED);
  const visitors = h(
    'ul',
    { class: 'visitors', id: 'visitor-list', 'aria-label': t('play.visitorsLabel') },
    ...listed.map((v) =>
      h(
        'li',
        {},
        h(
          'button',
          { type: 'button', 'data-testid': `visitor-${v.id}`, onclick: () => selectCustomer(v.id) },
          `${STAGE_STYLE[STAGE_ORDER[v.stage]].shape} #${v.id} ${MOOD_FACE[v.mood]}${v.complained ? ' ❗' : ''}`,
        ),
      ),
    ),
  );
  const more =
    w.visitors.length > LISTED
      ? h(
          'button',
          {
            type: 'button',
            'aria-expanded': String(listAll),
            'aria-controls': 'visitor-list',
            'data-testid': 'visitors-all',
            onclick: () => playStore.setState({ listAll: !listAll }),
          },
          listAll ? t('play.listFewer') : t('play.listAll', { n: w.visitors.length }),
        )
      : null;
  // Says what the crowd on screen is: which figures are real sampled customers and which stand for other visits.
  const crowd = roster(w);
  const caption = h(
    'p',
    { class: 'hint', 'data-testid': 'crowd-caption' },
    t('crowd.caption', { shown: crowd.shown, visits: crowd.visits, marked: crowd.marked }),
    crowd.shown < crowd.visits ? ` ${t('crowd.capped', { cap: CROWD_CAP, hidden: crowd.visits - crowd.shown })}` : '',
  );
  root.replaceChildren(
    h('h2', {}, t('play.heading', { n: r.season })),
    h('p', { class: 'week', 'aria-live': 'polite', 'data-testid': 'play-week', 'data-week': k, 'data-game-week': w.week }, h('strong', {}, weekName(w.week, s.scenario?.weeksPerSeason)), ' · ', t('play.visits', { visits: w.visits, acquired: w.acquired, churned: w.churned, complaints: w.complaints })),
    newsBanner(r, w.week),
    h('div', { class: 'row play-controls' }, pause, back, on, h('label', { class: 'visually-hidden', for: 'speed' }, t('play.speedLabel')), speed, weekSlider),
    h('p', { class: 'hint' }, t('play.speedHint')),
    // The tills' load in words: the store view shows it as the queue's length and a ⌛ over the staff.
    h('p', { 'data-testid': 'play-load', 'data-over': String(w.load > 1) }, t(w.load > 1 ? 'play.loadOver' : 'play.load', { load: Math.round(w.load * 100), staff: tillsOpen(s.run?.seasons[s.run.seasons.length - 1]?.decisions.staff.extraStaff ?? 0) })),
    caption,
    left > 0 ? h('p', { class: 'hint', 'data-testid': 'play-left' }, t('play.leftSample', { n: left })) : '',
    h('h3', {}, t('play.visitorsLabel')),
    visitors,
    h('div', { class: 'row' }, ...(more ? [more] : []), skip),
  );
}
