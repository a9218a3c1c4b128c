import { h } from '../dom';
import { pick, t } from '../i18n';
import { redrawKeepingFocus, stopAll, watch, watchLang } from '../page';
import { rosterCard, standingsCard } from './teacher-roster';
import { scheduleCard, type ScheduleInputs } from './teacher-schedule';
import { download, sessionAction, teacherConsoleStore } from './teacher-store';
import { drawWhenReleased } from './widgets';

// The selected session's panel: how students join (code, link, QR code, the projector's address), the season's
// schedule, the roster with each team's submission, the standings, and the files. The inputs the teacher types
// into (minutes, a new team's name) are drawn once per session and language; the rest is drawn again whenever the
// session's view changes, so live updates never wipe a field being typed in.

export function mountSessionPanel(root: HTMLElement): () => void {
  const head = h('div');
  const live = h('div', { class: 'class-live' });
  root.replaceChildren(head, live);
  let inputs: ScheduleInputs = makeInputs();
  const drawHead = () => {
    inputs = makeInputs();
    head.replaceChildren(joinCard());
  };
  const drawLiveNow = () => {
    const v = teacherConsoleStore.getState().view;
    if (!v) {
      live.replaceChildren(h('p', { class: 'hint', role: 'status' }, t('class.loading')));
      return;
    }
    // The same input elements move into the new drawing (their values stay); the focus goes back to the one used.
    redrawKeepingFocus(live, () => live.replaceChildren(scheduleCard(inputs), rosterCard(inputs), standingsCard(), filesCard()));
  };
  // Live updates arrive while the teacher clicks: one never replaces a button being pressed.
  const guarded = drawWhenReleased(drawLiveNow);
  const drawLive = guarded.draw;
  const stops = [
    watch(teacherConsoleStore, (s) => [s.view?.session.id, s.view?.session.title], () => {
      drawHead();
      drawLive();
    }),
    watch(teacherConsoleStore, (s) => [s.view, s.busy], drawLive),
    watchLang(() => {
      drawHead();
      drawLive();
    }),
  ];
  drawHead();
  drawLive();
  return stopAll([...stops, guarded.stop]);
}

function makeInputs(): ScheduleInputs {
  return {
    mode: h(
      'select',
      { id: 'cs-mode', 'data-testid': 'cs-mode' },
      h('option', { value: 'deadline' }, t('class.schedule.modeDeadline')),
      h('option', { value: 'all-submitted' }, t('class.schedule.modeAll')),
    ),
    minutes: h('input', { id: 'cs-minutes', type: 'number', min: 1, max: 1440, step: 1, value: 15, 'data-testid': 'cs-minutes' }),
    extend: h('input', { id: 'cs-extend', type: 'number', min: 1, max: 1440, step: 1, value: 5, 'data-testid': 'cs-extend' }),
    teamName: h('input', { id: 'cs-team-name', maxlength: 40, 'data-testid': 'cs-team-name' }),
    dealInto: h('input', { id: 'cs-deal', type: 'number', min: 1, max: 100, step: 1, value: 4, 'data-testid': 'cs-deal' }),
  };
}

function joinCard(): HTMLElement {
  const v = teacherConsoleStore.getState().view;
  if (!v) return h('div');
  const s = v.session;
  const room = `${location.origin}/room/${s.code}`;
  const screen = `${location.origin}/room/${s.code}/screen`;
  return h(
    'section',
    { class: 'card class-join-card', 'data-testid': 'class-join-card' },
    h(
      'div',
      {},
      h('h3', {}, s.title),
      h('p', {}, `${pick(s.scenario.name)} · ${t('class.create.seasons', { n: s.scenario.seasons })}${s.practice ? ` · ${t('class.season.practice')}` : ''}`),
      h('p', {}, t('class.teacher.seed', { seed: s.seed ?? '' })),
      h('p', {}, t('class.teacher.code'), ' ', h('strong', { class: 'class-code', 'data-testid': 'class-code' }, s.code)),
      h('p', {}, t('class.teacher.link'), ' ', h('a', { href: room, target: '_blank', rel: 'noopener', 'data-testid': 'class-room-link' }, room)),
      h('p', {}, t('class.teacher.screen'), ' ', h('a', { href: screen, target: '_blank', rel: 'noopener', 'data-testid': 'class-screen-link' }, screen)),
    ),
    // The server draws the QR code of the room's address (as the students' network sees the server).
    h('img', { class: 'class-qr', src: `/api/screen/${encodeURIComponent(s.code)}/qr.svg`, alt: t('class.teacher.qr', { link: room }), width: 180, height: 180 }),
  );
}

function filesCard(): HTMLElement {
  const v = teacherConsoleStore.getState().view!;
  const shown = h('input', { id: 'cs-scores', type: 'checkbox', 'data-testid': 'cs-scores' });
  shown.checked = v.session.scoresVisible;
  shown.addEventListener('change', () => void sessionAction('PATCH', '', { scoresVisible: shown.checked }));
  return h(
    'section',
    { class: 'card' },
    h('h3', {}, t('class.files.heading')),
    h(
      'p',
      { class: 'row' },
      shown,
      h('label', { for: 'cs-scores' }, t('class.files.scores')),
      h('span', { class: 'hint', 'data-testid': 'cs-scores-state' }, v.session.scoresVisible ? `👁 ${t('class.files.scoresShown')}` : `🙈 ${t('class.files.scoresHidden')}`),
    ),
    h(
      'div',
      { class: 'row' },
      h('button', { type: 'button', 'data-testid': 'cs-gradebook', onclick: () => void download('gradebook.csv') }, t('class.files.gradebook')),
      h('button', { type: 'button', 'data-testid': 'cs-runs', onclick: () => void download('runs.zip') }, t('class.files.runs')),
    ),
    h('p', { class: 'hint' }, t('class.files.hint')),
  );
}
