import { h } from '../dom';
import { t } from '../i18n';
import type { SessionView } from './api';
import { countdown, seasonName, statusText } from './season-words';
import { sessionAction, teacherConsoleStore } from './teacher-store';

// The season's schedule in the teacher console: the season under way with its time left and what the teacher can
// do with it (pause, resume, extend, close now), or the next season to open, with a deadline in minutes or "when
// every team has submitted". A practice season, when the session has one, comes first and never counts.

export interface ScheduleInputs {
  mode: HTMLSelectElement;
  minutes: HTMLInputElement;
  extend: HTMLInputElement;
  teamName: HTMLInputElement;
  dealInto: HTMLInputElement;
}

/** The next season the server will open, or null while one is under way or when every season has been played. */
export function nextSeason(v: SessionView): number | null {
  if (v.season) return null;
  const last = v.seasons.reduce((m, s) => Math.max(m, s.season), -1);
  const next = last >= 0 ? last + 1 : v.session.practice ? 0 : 1;
  return next > v.session.scenario.seasons ? null : next;
}

/** The latest closed season, or null before any has closed. */
export function latestClosed(v: SessionView): number | null {
  const closed = v.seasons.filter((s) => s.status === 'closed').map((s) => s.season);
  return closed.length ? Math.max(...closed) : null;
}

export function scheduleCard(inputs: ScheduleInputs): HTMLElement {
  const { view, receivedAt, busy } = teacherConsoleStore.getState();
  const v = view!;
  const total = v.session.scenario.seasons;
  const cur = v.season;
  const box = h('section', { class: 'card', 'data-testid': 'cs-schedule' }, h('h3', {}, t('class.schedule.heading')));
  const minutes = (input: HTMLInputElement) => Math.max(1, Math.min(1440, Number(input.value) || 1));
  if (cur) {
    const path = `/seasons/${cur.season}`;
    const submitted = v.drafts.filter((d) => d.submitted).length;
    const active = v.teams.filter((x) => x.active).length;
    box.append(
      h('p', { class: 'class-status', 'data-testid': 'cs-season-status', 'data-status': cur.status }, `${seasonName(cur.season, total)} · ${statusText(cur)} `, countdown(cur, receivedAt)),
      h('p', {}, t('class.schedule.submitted', { n: submitted, total: active })),
    );
    const buttons = h('div', { class: 'row' });
    if (cur.status === 'open') buttons.append(h('button', { type: 'button', disabled: busy, 'data-testid': 'cs-pause', onclick: () => void sessionAction('POST', `${path}/pause`) }, `⏸ ${t('class.schedule.pause')}`));
    if (cur.status === 'paused') buttons.append(h('button', { type: 'button', disabled: busy, 'data-testid': 'cs-resume', onclick: () => void sessionAction('POST', `${path}/resume`) }, `▶ ${t('class.schedule.resume')}`));
    if (cur.status !== 'closing') {
      buttons.append(
        h('label', { for: 'cs-extend' }, t('class.schedule.extendBy')),
        inputs.extend,
        h('button', { type: 'button', disabled: busy, 'data-testid': 'cs-extend-go', onclick: () => void sessionAction('POST', `${path}/extend`, { minutes: minutes(inputs.extend) }) }, t('class.schedule.extend')),
        h('button', { type: 'button', class: 'primary', disabled: busy, 'data-testid': 'cs-close', onclick: () => void sessionAction('POST', `${path}/close`) }, `■ ${t('class.schedule.close')}`),
      );
    } else buttons.append(h('span', { role: 'status' }, t('class.schedule.simulating')));
    box.append(buttons);
    return box;
  }
  const next = nextSeason(v);
  const closed = latestClosed(v);
  if (closed !== null) box.append(h('p', { 'data-testid': 'cs-season-status', 'data-status': 'closed' }, `${seasonName(closed, total)} · ${statusText({ ...v.seasons.find((s) => s.season === closed)! })}`));
  if (next === null) {
    box.append(h('p', {}, t('class.schedule.allPlayed')));
    return box;
  }
  const deadline = () => inputs.mode.value === 'deadline';
  const sync = () => (inputs.minutes.disabled = !deadline());
  inputs.mode.onchange = sync;
  sync();
  const open = h(
    'button',
    {
      type: 'button',
      class: 'primary',
      disabled: busy,
      'data-testid': 'cs-open',
      onclick: () => void sessionAction('POST', `/seasons/${next}/open`, deadline() ? { mode: 'deadline', minutes: minutes(inputs.minutes) } : { mode: 'all-submitted' }),
    },
    `▶ ${t('class.schedule.open', { season: seasonName(next, total) })}`,
  );
  box.append(
    h(
      'div',
      { class: 'row' },
      h('label', { for: 'cs-mode' }, t('class.schedule.mode')),
      inputs.mode,
      h('label', { for: 'cs-minutes' }, t('class.schedule.minutes')),
      inputs.minutes,
      open,
    ),
    next === 0 ? h('p', { class: 'hint' }, t('class.schedule.practiceHint')) : '',
  );
  return box;
}
