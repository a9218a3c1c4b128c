import { checkPlan } from '../../sim';
import { session } from '../../store/session';
import { download, h } from '../dom';
import { list, t } from '../i18n';
import { LEVERS, leverLabel } from '../levers';
import { api } from './api';
import { roomStore, submitPlan, withdrawPlan } from './room-store';
import type { DraftSync } from './room-sync';
import { countdown, seasonName, seasonShown, statusText } from './season-words';
import { linkLine } from './widgets';

// The bar above the student room: the team and its members, the season with its time left, where the team's plan
// stands (a draft, or submitted by whom) with submit and withdraw, who changed the plan last and what, the
// connection, and the switch between the plan and the latest report.

/** A field of the plan by its dotted path, as the plan form names it. */
export function fieldName(path: string): string {
  const lever = LEVERS.find((l) => path === l.path || path.startsWith(`${l.path}.`) || l.path.startsWith(`${path}.`));
  if (lever) return leverLabel(lever.path);
  if (path.startsWith('tiers.levels')) return t('lever.tiers.levels');
  if (path.startsWith('featured')) return t('class.room.cases');
  return path;
}

/** The problems of the plan in the form (none until the form is ready for the draft's season). */
function planIssues() {
  const { draft, planFor } = roomStore.getState();
  const s = session.getState();
  return draft && planFor === draft.season && s.scenario ? checkPlan(s.scenario, s.draft, s.featured) : [];
}

/** Whether the plan in the form can be submitted now: ready, open (or reopened), not submitted, no problems. */
export function canSubmit(): boolean {
  const r = roomStore.getState();
  const d = r.draft;
  const status = r.view?.season?.status;
  if (!d || r.busy || d.submitted || r.planFor !== d.season) return false;
  return (status === 'open' || status === 'paused' || d.reopened) && planIssues().length === 0;
}

export function roomBar(sync: DraftSync): HTMLElement {
  const r = roomStore.getState();
  const v = r.view!;
  const total = v.session.scenario.seasons;
  const teammates = (v.team?.members ?? []).filter((m) => m.active && m.id !== v.me?.id).map((m) => m.name);
  const d = r.draft;
  const bar = h('section', { class: 'card class-bar', 'data-testid': 'room-bar' });
  bar.append(
    h(
      'div',
      { class: 'row between' },
      h('h2', {}, h('span', { 'data-testid': 'room-team' }, v.team?.name ?? ''), ' · ', v.session.title),
      linkLine(r.link),
    ),
    h('p', {}, t('class.room.me', { name: v.me?.name ?? '' }), teammates.length ? ` · ${t('class.room.teammates', { names: list(teammates) })}` : ''),
  );
  const season = seasonShown(v.season, v.seasons);
  bar.append(
    h(
      'p',
      { class: 'class-status', 'data-testid': 'room-season', 'data-status': season?.status ?? 'none' },
      season ? `${seasonName(season.season, total)} · ${statusText(season)} ` : statusText(null),
      season ? countdown(season, r.receivedAt, 'countdown big-clock') : '',
    ),
  );
  if (d) {
    const issues = planIssues();
    const state = d.submitted
      ? h('strong', { 'data-testid': 'room-plan-state', 'data-state': 'submitted' }, `✓ ${t('class.room.submitted', { name: d.submitted.by })}`)
      : h('strong', { 'data-testid': 'room-plan-state', 'data-state': 'draft' }, `✎ ${t('class.room.draft', { version: d.version })}`);
    const submit = h(
      'button',
      { type: 'button', class: 'primary big', 'data-testid': 'room-submit', disabled: !canSubmit(), onclick: () => void submitPlan(sync) },
      t('class.room.submit'),
    );
    const withdraw = h('button', { type: 'button', 'data-testid': 'room-withdraw', disabled: r.busy || season?.status === 'closing', onclick: () => void withdrawPlan(sync) }, t('class.room.withdraw'));
    bar.append(h('div', { class: 'row' }, state, d.submitted ? withdraw : submit));
    if (!d.submitted && issues.length > 0) bar.append(h('p', { class: 'hint' }, t('class.room.fixFirst')));
  }
  const edit = d?.lastEdit;
  bar.append(
    h(
      'p',
      { class: 'hint', 'aria-live': 'polite', 'data-testid': 'room-last-edit' },
      edit ? t('class.room.lastEdit', { name: edit.memberId === v.me?.id ? t('class.room.you') : edit.member, fields: list([...new Set(edit.paths.map(fieldName))]), time: new Date(edit.at).toLocaleTimeString() }) : '',
    ),
  );
  if (r.error) bar.append(h('p', { class: 'class-error', role: 'alert', 'data-testid': 'class-error' }, `⚠ ${r.error}`));
  const views = h('div', { class: 'row', role: 'group', 'aria-label': t('class.room.views') });
  if (d) views.append(h('button', { type: 'button', 'aria-pressed': String(r.showing === 'plan'), 'data-testid': 'room-show-plan', onclick: () => roomStore.setState({ showing: 'plan' }) }, t('class.room.showPlan', { season: seasonName(d.season, total) })));
  if (r.report) views.append(h('button', { type: 'button', 'aria-pressed': String(r.showing === 'report'), 'data-testid': 'room-show-report', onclick: () => roomStore.setState({ showing: 'report' }) }, t('class.room.showReport', { season: seasonName(r.report.result.season, total) })));
  if (v.results.some((x) => x.season >= 1)) {
    views.append(
      h('button', {
        type: 'button',
        'data-testid': 'room-run',
        onclick: async () => {
          const run = await api<unknown>('GET', '/api/team/run', { token: r.token });
          download(`${v.session.code}-${v.team?.name ?? 'team'}.run.json`, JSON.stringify(run, null, 2));
        },
      }, t('class.room.exportRun')),
    );
  }
  bar.append(views);
  return bar;
}
