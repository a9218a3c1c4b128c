import { h } from '../dom';
import { pick, t } from '../i18n';
import { stopAll, watch, watchLang, type Page } from '../page';
import { createForm } from './teacher-create';
import { mountSessionPanel } from './teacher-session';
import { followLive, forgetToken, openConsole, selectSession, takeToken, teacherConsoleStore } from './teacher-store';
import { linkLine, serverNeeded } from './widgets';
import './class.css';

// The teacher console (/teacher): the token from the printed link, the class sessions on this server, a form to
// create one, and the selected session's panel (teacher-session.ts). The frame is drawn when the token, the list
// of sessions or the language changes; the panel keeps itself up to date.

export const teacherConsole: Page = {
  mount(root) {
    const frame = h('div', { class: 'class-page' });
    // The creation form is drawn anew only for another language or list of scenarios: what the teacher typed
    // stays while the rest of the console updates.
    const create = h('div');
    const panel = h('div');
    root.replaceChildren(frame, create, panel);
    const drawCreate = () => {
      const s = teacherConsoleStore.getState();
      // What the teacher has typed carries over into the new drawing (another language, the scenarios arriving).
      const typed = new Map<string, { value: string; checked: boolean }>();
      create.querySelectorAll<HTMLInputElement>('input:not([type=file]), select, textarea').forEach((el) => typed.set(el.id, { value: el.value, checked: el.checked }));
      const open = create.querySelector('details')?.open;
      create.replaceChildren(
        s.server && s.token
          ? h('details', { class: 'card', open: s.sessions.length === 0 }, h('summary', { 'data-testid': 'class-new-session' }, t('class.create.heading')), createForm())
          : '',
      );
      create.querySelectorAll<HTMLInputElement>('input:not([type=file]), select, textarea').forEach((el) => {
        const was = typed.get(el.id);
        if (!was) return;
        // A scenario the list no longer offers is not chosen again.
        if (el instanceof HTMLSelectElement && !Array.from(el.options).some((o) => o.value === was.value)) return;
        el.value = was.value;
        el.checked = was.checked;
      });
      const details = create.querySelector('details');
      if (details && open !== undefined) details.open = open;
    };
    let unmountPanel: (() => void) | null = null;
    let unfollow: (() => void) | null = null;
    const follow = (token: string | null, server: boolean | null) => {
      unfollow?.();
      unfollow = token && server ? followLive(token) : null;
    };
    const draw = () => {
      const s = teacherConsoleStore.getState();
      frame.replaceChildren(...renderFrame());
      if (Boolean(s.server && s.token) !== (create.childElementCount > 0 && create.firstElementChild?.tagName === 'DETAILS')) drawCreate();
      const showPanel = Boolean(s.server && s.token && s.selected);
      if (showPanel && !unmountPanel) unmountPanel = mountSessionPanel(panel);
      if (!showPanel && unmountPanel) {
        unmountPanel();
        unmountPanel = null;
        panel.replaceChildren();
      }
    };
    const stops = [
      watch(teacherConsoleStore, (s) => [s.server, s.token, s.sessions, s.selected, s.shipped, s.error, s.link], draw),
      watch(teacherConsoleStore, (s) => [s.token, s.server] as const, ([token, server]) => follow(token, server)),
      watch(teacherConsoleStore, (s) => s.shipped, drawCreate),
      watchLang(() => {
        draw();
        drawCreate();
      }),
    ];
    const token = takeToken();
    draw();
    void openConsole(token);
    return () => {
      stopAll(stops)();
      unfollow?.();
      unmountPanel?.();
    };
  },
};

function renderFrame(): HTMLElement[] {
  const s = teacherConsoleStore.getState();
  const heading = h('h2', {}, t('class.teacher.heading'));
  if (s.server === null) return [heading, h('p', { class: 'hint', role: 'status' }, t('class.loading'))];
  if (!s.server) return [heading, serverNeeded()];
  const error = h('p', { class: 'class-error', role: 'alert', 'data-testid': 'class-error', hidden: !s.error }, s.error ? `⚠ ${s.error}` : '');
  if (!s.token) return [heading, error, tokenForm()];
  const chooser = h('select', { id: 'class-session', 'data-testid': 'class-session' }, h('option', { value: '' }, t('class.teacher.noneChosen')));
  for (const x of s.sessions) {
    chooser.append(h('option', { value: x.id, selected: x.id === s.selected }, `${x.title} · ${x.code} · ${pick(x.scenario.name)}`));
  }
  chooser.addEventListener('change', () => void selectSession(chooser.value || null));
  const leave = h('button', { type: 'button', onclick: () => forgetToken() }, t('class.teacher.signOut'));
  return [
    h('div', { class: 'row between' }, heading, h('div', { class: 'row' }, linkLine(s.link), leave)),
    error,
    h('div', { class: 'row' }, h('label', { for: 'class-session' }, t('class.teacher.session')), chooser),
  ];
}

function tokenForm(): HTMLElement {
  const input = h('input', { id: 'class-token', type: 'password', autocomplete: 'off', required: true, 'data-testid': 'class-token' });
  const form = h(
    'form',
    { class: 'form' },
    h('label', { for: 'class-token' }, t('class.teacher.token')),
    input,
    h('span'),
    h('button', { type: 'submit', class: 'primary' }, t('class.teacher.signIn')),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    // The whole printed link may be pasted: its fragment holds the token.
    const text = input.value.trim();
    const token = /token=([^&\s]+)/.exec(text)?.[1] ?? text;
    if (!token) return;
    try {
      sessionStorage.setItem('customer-seasons/class/teacher-token', decodeURIComponent(token));
    } catch {
      /* kept for this page only */
    }
    void openConsole(decodeURIComponent(token));
  });
  return h('section', { class: 'card' }, h('p', {}, t('class.teacher.tokenHint')), form);
}
