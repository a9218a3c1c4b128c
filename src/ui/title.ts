import type { LoadedScenario } from '../scenario/scenario';
import { resume, startGame } from '../store/actions';
import { clearDamaged, damagedSave, loadSaved } from '../store/autosave';
import { bundledScenarios } from '../store/scenarios';
import { download, h } from './dom';
import { importRun, importScenario } from './files';
import { pick, t, tWithReasons } from './i18n';
import { chooseRunToStudy } from './replay-viewer';

// Title screen: choose a bundled scenario or import one, name the team, set the class seed, start — or resume.

let chosen: LoadedScenario | null = null;
let imported: LoadedScenario | null = null;

export function renderTitle(root: HTMLElement): void {
  const list = bundledScenarios();
  const all = imported ? [...list, imported] : list;
  chosen ??= all[0] ?? null;
  const team = h('input', { id: 'team', value: t('title.defaultTeam'), maxlength: 80, 'data-testid': 'team' });
  const seed = h('input', { id: 'seed', value: 'class-1', maxlength: 200, 'data-testid': 'seed' });
  const cards = h('div', { class: 'scenario-list', role: 'radiogroup', 'aria-label': t('title.choose') });
  for (const sc of all) {
    const id = `sc-${sc.scenario.id}`;
    const radio = h('input', { type: 'radio', name: 'scenario', id, value: sc.scenario.id, 'data-testid': id });
    radio.checked = chosen?.hash === sc.hash;
    radio.addEventListener('change', () => {
      chosen = sc;
      renderTitle(root);
      root.querySelector<HTMLInputElement>(`#${id}`)?.focus();
    });
    const s = sc.scenario;
    cards.append(
      h(
        'label',
        { for: id, class: `scenario-card ${radio.checked ? 'chosen' : ''}` },
        radio,
        h('strong', {}, pick(s.title)),
        h('span', { class: 'hint' }, t('title.seasons', { seasons: s.seasons, weeks: s.weeksPerSeason, budget: s.budgetPerSeason })),
        s.units.length ? h('span', { class: 'hint' }, t('title.units', { units: s.units.join('、') })) : '',
      ),
    );
  }
  const start = h('button', { type: 'button', class: 'primary big', 'data-testid': 'start', disabled: !chosen }, t('title.start'));
  start.addEventListener('click', () => {
    const seedText = seed.value.trim() || 'class-1';
    if (chosen) void startGame(chosen, seedText, team.value.trim() || t('title.defaultTeam'));
  });
  const saved = loadSaved();
  // A save that could not be read whole is kept as it was: say so, and offer it for download.
  const damaged = damagedSave();
  const damagedNote = damaged
    ? h(
        'div',
        { class: 'notice', role: 'alert', 'data-testid': 'save-damaged' },
        tWithReasons({ key: saved ? 'title.saveRecovered' : 'title.saveDamaged', reasons: damaged.problems }),
        ' ',
        h('button', { type: 'button', 'data-testid': 'save-damaged-download', onclick: () => download('damaged-save.json', damaged.text) }, t('title.saveDownload')),
        ' ',
        h('button', { type: 'button', onclick: () => (clearDamaged(), renderTitle(root)) }, t('title.saveDismiss')),
      )
    : '';
  const detail = chosen
    ? h(
        'div',
        { class: 'card' },
        h('h3', {}, pick(chosen.scenario.title)),
        h('p', { class: 'story' }, pick(chosen.scenario.story)),
        chosen.scenario.goals.length ? h('h4', {}, t('title.goals')) : '',
        h('ul', {}, ...chosen.scenario.goals.map((g) => h('li', {}, pick(g)))),
      )
    : '';
  root.replaceChildren(
    h('div', { class: 'title-screen' },
      h('h1', {}, t('app.title'), h('small', {}, t('app.subtitle'))),
      damagedNote,
      saved ? h('button', { type: 'button', class: 'primary', 'data-testid': 'resume', onclick: () => void resume() }, t('title.resume')) : '',
      h('h2', {}, t('title.choose')),
      cards,
      h('div', { class: 'row' },
        h('button', {
          type: 'button',
          'data-testid': 'import-scenario',
          onclick: async () => {
            const sc = await importScenario();
            if (sc) {
              imported = sc;
              chosen = sc;
              renderTitle(root);
            }
          },
        }, t('title.import')),
        h('button', { type: 'button', onclick: () => void importRun() }, t('title.openRun')),
        h('button', { type: 'button', 'data-testid': 'title-study', onclick: () => void chooseRunToStudy() }, t('title.study')),
        h('button', { type: 'button', 'data-testid': 'title-compare', onclick: () => (location.hash = '#/compare') }, t('title.compare')),
      ),
      detail,
      h('div', { class: 'form' },
        h('label', { for: 'team' }, t('title.team')), team,
        h('label', { for: 'seed' }, t('title.seed')), seed,
      ),
      start,
    ),
  );
}
