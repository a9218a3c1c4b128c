import { openModal } from '../dialog';
import { h } from '../dom';
import { t } from '../i18n';
import { scoreText } from '../report';
import type { SessionView, Team } from './api';
import { latestClosed, type ScheduleInputs } from './teacher-schedule';
import { sessionAction, teacherConsoleStore } from './teacher-store';

// The roster in the teacher console: each team with its members and where its plan stands (submitted, being
// edited, or the plan the server played), and what the teacher can do: add a team, deal the class into teams,
// rename, deactivate an absent member or an empty team, and reopen the latest closed season for a late team, then
// close it for that team alone. The standings follow, every figure shown to the teacher whatever students see.

/** Where a team's plan stands, as words with a symbol (never by colour alone). */
function planState(v: SessionView, team: Team): { text: string; state: string } {
  if (v.season) {
    const d = v.drafts.find((x) => x.teamId === team.id);
    if (d?.submitted) return { text: `✓ ${t('class.roster.submitted', { name: d.submitted.by })}`, state: 'submitted' };
    if (d && d.version > 0) return { text: `✎ ${t('class.roster.editing', { name: d.lastEdit?.member ?? '', version: d.version })}`, state: 'editing' };
    return { text: `… ${t('class.roster.notStarted')}`, state: 'waiting' };
  }
  const closed = latestClosed(v);
  if (closed === null) return { text: '—', state: 'none' };
  const r = v.results.find((x) => x.teamId === team.id && x.season === closed);
  if (!r) return { text: `⟲ ${t('class.roster.reopened')}`, state: 'reopened' };
  return { text: `■ ${t(`class.played.${r.played}`)}${r.note ? ` (${r.note})` : ''}`, state: r.played };
}

function rename(kind: 'team' | 'member', current: string, save: (name: string) => void): void {
  const input = h('input', { id: 'cs-rename', value: current, maxlength: 40, required: true });
  const form = h('form', { class: 'row' }, h('label', { for: 'cs-rename' }, t('class.roster.newName')), input, h('button', { type: 'submit', class: 'primary' }, t('class.roster.save')));
  const close = openModal(t(kind === 'team' ? 'class.roster.renameTeam' : 'class.roster.renameMember', { name: current }), form);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    if (input.value.trim()) save(input.value.trim());
    close();
  });
  input.focus();
  input.select();
}

function teamRow(v: SessionView, team: Team): HTMLElement {
  const { busy } = teacherConsoleStore.getState();
  const state = planState(v, team);
  const closed = latestClosed(v);
  const members = h('ul', { class: 'class-members' });
  for (const m of team.members) {
    members.append(
      h(
        'li',
        { class: m.active ? '' : 'inactive' },
        h('span', {}, m.name),
        m.active ? '' : ` (${t('class.roster.inactive')})`,
        ' ',
        h('button', { type: 'button', class: 'small', disabled: busy, 'aria-label': t('class.roster.renameMember', { name: m.name }), onclick: () => rename('member', m.name, (name) => void sessionAction('PATCH', `/members/${m.id}`, { name })) }, '✎'),
        h(
          'button',
          { type: 'button', class: 'small', disabled: busy, onclick: () => void sessionAction('PATCH', `/members/${m.id}`, { active: !m.active }) },
          m.active ? t('class.roster.deactivate') : t('class.roster.activate'),
        ),
      ),
    );
  }
  const actions = h(
    'div',
    { class: 'row' },
    h('button', { type: 'button', disabled: busy, onclick: () => rename('team', team.name, (name) => void sessionAction('PATCH', `/teams/${team.id}`, { name })) }, t('class.roster.rename')),
    h('button', { type: 'button', disabled: busy, onclick: () => void sessionAction('PATCH', `/teams/${team.id}`, { active: !team.active }) }, team.active ? t('class.roster.deactivate') : t('class.roster.activate')),
  );
  if (!v.season && closed !== null && team.active) {
    actions.append(
      state.state === 'reopened'
        ? h('button', { type: 'button', class: 'primary', disabled: busy, 'data-testid': `cs-close-team-${team.id}`, onclick: () => void sessionAction('POST', `/seasons/${closed}/teams/${team.id}/close`) }, t('class.roster.closeTeam'))
        : h('button', { type: 'button', disabled: busy, 'data-testid': `cs-reopen-${team.id}`, onclick: () => void sessionAction('POST', `/seasons/${closed}/teams/${team.id}/reopen`) }, t('class.roster.reopen')),
    );
  }
  return h(
    'tr',
    { class: team.active ? '' : 'inactive', 'data-testid': `cs-team-${team.id}`, 'data-state': state.state },
    h('th', { scope: 'row' }, team.name, team.active ? '' : ` (${t('class.roster.inactive')})`),
    h('td', {}, members),
    h('td', { 'data-testid': 'cs-team-state' }, state.text),
    h('td', {}, actions),
  );
}

export function rosterCard(inputs: ScheduleInputs): HTMLElement {
  const { view, busy } = teacherConsoleStore.getState();
  const v = view!;
  const add = h('form', { class: 'row' }, h('label', { for: 'cs-team-name' }, t('class.roster.addTeam')), inputs.teamName, h('button', { type: 'submit', disabled: busy, 'data-testid': 'cs-add-team' }, t('class.roster.add')));
  add.addEventListener('submit', (e) => {
    e.preventDefault();
    const name = inputs.teamName.value.trim();
    if (!name) return;
    void sessionAction('POST', '/teams', { name }).then((ok) => {
      if (ok) inputs.teamName.value = '';
    });
  });
  const deal = h(
    'div',
    { class: 'row' },
    h('label', { for: 'cs-deal' }, t('class.roster.dealInto')),
    inputs.dealInto,
    h('button', { type: 'button', disabled: busy, 'data-testid': 'cs-deal-go', onclick: () => void sessionAction('POST', '/auto-assign', { teams: Math.max(1, Math.min(100, Number(inputs.dealInto.value) || 1)) }) }, t('class.roster.deal')),
  );
  const joined = v.teams.reduce((n, x) => n + x.members.filter((m) => m.active).length, 0);
  return h(
    'section',
    { class: 'card', 'data-testid': 'cs-roster' },
    h('h3', {}, t('class.roster.heading', { teams: v.teams.filter((x) => x.active).length, members: joined })),
    v.teams.length === 0
      ? h('p', {}, t('class.roster.empty'))
      : h(
          'div',
          { class: 'board-scroll' },
          h(
            'table',
            { class: 'board class-roster' },
            h('thead', {}, h('tr', {}, ...(['class.roster.team', 'class.roster.members', 'class.roster.plan', 'class.roster.actions'] as const).map((k) => h('th', { scope: 'col' }, t(k))))),
            h('tbody', {}, ...v.teams.map((x) => teamRow(v, x))),
          ),
        ),
    add,
    deal,
  );
}

export function standingsCard(): HTMLElement {
  const v = teacherConsoleStore.getState().view!;
  const box = h('section', { class: 'card', 'data-testid': 'cs-standings' }, h('h3', {}, t('class.standings.heading')));
  const rows = v.standings ?? [];
  if (!rows.some((r) => r.final !== null)) {
    box.append(h('p', {}, t('class.standings.none')));
    return box;
  }
  const n = v.session.scenario.seasons;
  box.append(
    h(
      'div',
      { class: 'board-scroll' },
      h(
        'table',
        { class: 'board' },
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            h('th', { scope: 'col' }, t('class.standings.rank')),
            h('th', { scope: 'col' }, t('class.roster.team')),
            ...Array.from({ length: n }, (_, k) => h('th', { scope: 'col' }, t('class.standings.season', { n: k + 1 }))),
            h('th', { scope: 'col' }, t('class.standings.final')),
          ),
        ),
        h(
          'tbody',
          {},
          ...rows.map((r) =>
            h(
              'tr',
              {},
              h('td', {}, r.rank === null ? '—' : String(r.rank)),
              h('th', { scope: 'row' }, r.team),
              ...r.seasons.map((x) => h('td', { class: 'num' }, x === null ? '—' : scoreText(x))),
              h('td', { class: 'num' }, r.final === null ? '—' : scoreText(r.final)),
            ),
          ),
        ),
      ),
    ),
  );
  return box;
}
