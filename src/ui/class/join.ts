import { h } from '../dom';
import { pick, t } from '../i18n';
import { stopAll, watchLang, type Page } from '../page';
import { api, ApiError, classServerHere, type Joined, type JoinInfo } from './api';
import { saveMembership } from './membership';
import { serverNeeded } from './widgets';
import './class.css';

// Joining a class session. /join asks for the code (prefilled from ?code=…) and opens the room; the room
// (/room/CODE) without a membership on this computer asks for a team — one of the session's, a new one, or
// "any" (the smallest) — and the student's name, then keeps the token it gets (membership.ts).

const CODE = /^[A-Za-z2-9]{6}$/;

export const joinPage: Page = {
  mount(root) {
    const draw = () => {
      const prefill = new URLSearchParams(location.search).get('code') ?? '';
      const input = h('input', { id: 'class-code', required: true, maxlength: 6, autocomplete: 'off', autocapitalize: 'characters', value: prefill.toUpperCase(), 'data-testid': 'class-code-input', 'aria-describedby': 'class-code-hint' });
      const error = h('p', { class: 'class-error', role: 'alert', hidden: true });
      const form = h(
        'form',
        { class: 'form' },
        h('label', { for: 'class-code' }, t('class.join.code')),
        input,
        h('span'),
        h('p', { class: 'hint', id: 'class-code-hint' }, t('class.join.codeHint')),
        h('span'),
        h('button', { type: 'submit', class: 'primary big', 'data-testid': 'class-code-go' }, t('class.join.next')),
      );
      form.addEventListener('submit', (e) => {
        e.preventDefault();
        const code = input.value.trim().toUpperCase();
        if (!CODE.test(code)) {
          error.hidden = false;
          error.textContent = `⚠ ${t('class.join.badCode')}`;
          input.focus();
          return;
        }
        location.assign(`/room/${code}`);
      });
      root.replaceChildren(h('div', { class: 'class-page class-narrow' }, h('h2', {}, t('class.join.heading')), error, form));
    };
    draw();
    void classServerHere().then((ok) => {
      if (!ok) root.replaceChildren(h('div', { class: 'class-page' }, h('h2', {}, t('class.join.heading')), serverNeeded()));
    });
    return stopAll([watchLang(draw)]);
  },
};

/**
 * The room's join form for `code`: the session's teams to pick from (or start one, or let the server choose),
 * and the student's name. Calls `joined` once the server has made the membership (and it has been kept).
 */
export function joinForm(root: HTMLElement, code: string, joined: (j: Joined) => void): void {
  root.replaceChildren(h('p', { class: 'hint', role: 'status' }, t('class.loading')));
  api<JoinInfo>('GET', `/api/join/${encodeURIComponent(code)}`).then(
    (info) => drawForm(root, code, info, joined),
    (err: ApiError) => {
      root.replaceChildren(
        h('h2', {}, t('class.join.heading')),
        h('p', { class: 'class-error', role: 'alert', 'data-testid': 'class-error' }, `⚠ ${err.status === 404 ? t('class.join.noSession', { code }) : err.message}`),
        h('p', {}, h('a', { href: '/join' }, t('class.join.other'))),
      );
    },
  );
}

function drawForm(root: HTMLElement, code: string, info: JoinInfo, joined: (j: Joined) => void): void {
  const name = h('input', { id: 'class-name', required: true, maxlength: 40, autocomplete: 'name', 'data-testid': 'class-name' });
  const newTeam = h('input', { id: 'class-new-team', maxlength: 40, 'data-testid': 'class-new-team', 'aria-label': t('class.join.newTeamName') });
  const choices = h('fieldset', { class: 'class-teams' }, h('legend', {}, t('class.join.team')));
  const radio = (value: string, label: string, extra?: HTMLElement) => {
    const id = `class-team-${value}`;
    const r = h('input', { type: 'radio', name: 'class-team', id, value, 'data-testid': id });
    r.addEventListener('change', () => (newTeam.disabled = value !== 'new'));
    return h('div', { class: 'row' }, r, h('label', { for: id }, label), extra ?? '');
  };
  choices.append(radio('any', t('class.join.any')));
  for (const team of info.teams) choices.append(radio(String(team.id), `${team.name} · ${t('class.join.members', { n: team.members })}`));
  choices.append(radio('new', t('class.join.newTeam'), newTeam));
  (choices.querySelector('input[type=radio]') as HTMLInputElement).checked = true;
  newTeam.disabled = true;
  const error = h('p', { class: 'class-error', role: 'alert', 'data-testid': 'class-error', hidden: true });
  const go = h('button', { type: 'submit', class: 'primary big', 'data-testid': 'class-join' }, t('class.join.submit'));
  const form = h('form', { class: 'class-join-form' }, choices, h('div', { class: 'row' }, h('label', { for: 'class-name' }, t('class.join.name')), name), error, go);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const pickTeam = (form.querySelector('input[name=class-team]:checked') as HTMLInputElement | null)?.value ?? 'any';
    const body: Record<string, unknown> = { name: name.value };
    if (pickTeam === 'new') {
      if (!newTeam.value.trim()) {
        newTeam.focus();
        return;
      }
      body.newTeam = newTeam.value;
    } else if (pickTeam !== 'any') body.teamId = Number(pickTeam);
    go.disabled = true;
    try {
      const j = await api<Joined>('POST', `/api/join/${encodeURIComponent(code)}`, { body });
      saveMembership(j.session.code, { token: j.token, memberId: j.member.id });
      joined(j);
    } catch (err) {
      error.hidden = false;
      error.textContent = `⚠ ${err instanceof Error ? err.message : String(err)}`;
      go.disabled = false;
    }
  });
  const s = info.session;
  root.replaceChildren(
    h('h2', {}, t('class.join.heading')),
    h('p', {}, h('strong', {}, s.title), ` · ${pick(s.scenario.name)} · ${t('class.create.seasons', { n: s.scenario.seasons })}`),
    form,
  );
  name.focus();
}
