import { h } from '../dom';
import { pick, t } from '../i18n';
import { createSession, teacherConsoleStore } from './teacher-store';

// The form that creates a class session: a title, the class seed, a shipped scenario or a scenario file the
// teacher uploads (checked by the server as `npm run validate` checks it), a practice season or not, and the
// teams to start with (one name a line; more can be added, or the class dealt into teams, later).

export function createForm(): HTMLElement {
  const { shipped } = teacherConsoleStore.getState();
  const title = h('input', { id: 'cs-title', required: true, maxlength: 80, 'data-testid': 'cs-title', value: t('class.create.defaultTitle') });
  const seed = h('input', { id: 'cs-seed', required: true, maxlength: 200, 'data-testid': 'cs-seed', value: `class-${new Date().toISOString().slice(0, 10)}` });
  const scenario = h(
    'select',
    { id: 'cs-scenario', 'data-testid': 'cs-scenario' },
    ...shipped.map((s) => h('option', { value: s.file }, `${pick(s.name)} (${t('class.create.seasons', { n: s.seasons })})`)),
    h('option', { value: '' }, t('class.create.upload')),
  );
  const file = h('input', { id: 'cs-file', type: 'file', accept: '.yaml,.yml,.json,text/yaml,application/json', 'data-testid': 'cs-file', disabled: shipped.length > 0 });
  scenario.addEventListener('change', () => (file.disabled = scenario.value !== ''));
  const practice = h('input', { id: 'cs-practice', type: 'checkbox', 'data-testid': 'cs-practice' });
  const teams = h('textarea', { id: 'cs-teams', rows: 4, 'data-testid': 'cs-teams', 'aria-describedby': 'cs-teams-hint' });
  const submit = h('button', { type: 'submit', class: 'primary', 'data-testid': 'cs-create' }, t('class.create.submit'));
  const form = h(
    'form',
    { class: 'form' },
    h('label', { for: 'cs-title' }, t('class.create.title')),
    title,
    h('label', { for: 'cs-seed' }, t('class.create.seed')),
    seed,
    h('label', { for: 'cs-scenario' }, t('class.create.scenario')),
    scenario,
    h('label', { for: 'cs-file' }, t('class.create.file')),
    file,
    h('label', { for: 'cs-practice' }, t('class.create.practice')),
    h('span', {}, practice),
    h('label', { for: 'cs-teams' }, t('class.create.teams')),
    h('div', {}, teams, h('p', { class: 'hint', id: 'cs-teams-hint' }, t('class.create.teamsHint'))),
    h('span'),
    submit,
  );
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    let choice: { file: string } | { yaml: string };
    if (scenario.value) choice = { file: scenario.value };
    else {
      const f = file.files?.[0];
      if (!f) {
        teacherConsoleStore.setState({ error: t('class.create.noFile') });
        file.focus();
        return;
      }
      choice = { yaml: await f.text() };
    }
    const names = [...new Set(teams.value.split('\n').map((x) => x.trim()).filter(Boolean))];
    submit.disabled = true;
    const ok = await createSession({ title: title.value, seed: seed.value, scenario: choice, practice: practice.checked, teams: names });
    submit.disabled = false;
    if (ok) form.closest('details')?.removeAttribute('open');
  });
  return form;
}
