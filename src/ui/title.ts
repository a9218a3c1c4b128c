import { createStore } from 'zustand/vanilla';
import type { LoadedScenario } from '../scenario/scenario';
import { resume, startGame } from '../store/actions';
import { clearDamaged, damagedSave, loadSaved } from '../store/autosave';
import { bundledScenarios } from '../store/scenarios';
import { session } from '../store/session';
import { download, h } from './dom';
import { importRun, importScenario } from './files';
import { list as listOf, pick, t, tWithReasons } from './i18n';
import { goTo, stopAll, watch, watchLang, type Page } from './page';
import { chooseRunToStudy } from './replay-store';
import './brief.css';

// Title screen: choose a bundled scenario or import one, name the team, set the class seed, start — or resume.
// The tutorial is offered first, on a row of its own above the other scenarios, marked for a new student.
// The choice and an imported scenario are kept while the app is open. While a game is being opened (started or
// resumed) the buttons that would open another wait; when that ends, the screen says again whether a save is left.

interface TitleState {
  chosen: LoadedScenario | null;
  imported: LoadedScenario | null;
  /** The saved game, if one can be resumed, and a save that could not be read whole (kept for download). */
  save: { saved: boolean; damaged: ReturnType<typeof damagedSave> };
}

const readSaves = (): TitleState['save'] => ({ saved: loadSaved() !== null, damaged: damagedSave() });

/** The id of the scenario a new student starts with. */
export const TUTORIAL_ID = 'tutorial';

/** The bundled tutorial, if there is one, and the other bundled scenarios in their order. */
export function splitTutorial<T extends LoadedScenario>(list: readonly T[]): { tutorial: T | null; rest: T[] } {
  return { tutorial: list.find((s) => s.scenario.id === TUTORIAL_ID) ?? null, rest: list.filter((s) => s.scenario.id !== TUTORIAL_ID) };
}

const titleStore = createStore<TitleState>()(() => ({ chosen: null, imported: null, save: { saved: false, damaged: null } }));

export const titleView: Page = {
  mount(root) {
    const draw = () => renderTitle(root);
    titleStore.setState({ save: readSaves() });
    const stops = [
      watch(titleStore, (s) => [s.chosen, s.imported, s.save], draw),
      // A game being opened, or no longer: the buttons wait or not, and whether a save is left may have changed.
      watch(session, (s) => s.busy, () => titleStore.setState({ save: readSaves() })),
      watchLang(draw),
    ];
    draw();
    return stopAll(stops);
  },
};

function renderTitle(root: HTMLElement): void {
  const { imported, save, ...state } = titleStore.getState();
  const { tutorial, rest: list } = splitTutorial(bundledScenarios());
  const all = imported ? [...list, imported] : list;
  const chosen = state.chosen ?? all[0] ?? tutorial;
  const busy = session.getState().busy;
  const team = h('input', { id: 'team', value: t('title.defaultTeam'), maxlength: 80, 'data-testid': 'team' });
  const seed = h('input', { id: 'seed', value: 'class-1', maxlength: 200, 'data-testid': 'seed' });
  const cards = h('div', { class: 'scenario-list', role: 'radiogroup', 'aria-label': t('title.choose') });
  for (const sc of tutorial ? [tutorial, ...all] : all) {
    const id = `sc-${sc.scenario.id}`;
    const isTutorial = sc === tutorial;
    const radio = h('input', { type: 'radio', name: 'scenario', id, value: sc.scenario.id, 'data-testid': id });
    radio.checked = chosen?.hash === sc.hash;
    radio.addEventListener('change', () => {
      titleStore.setState({ chosen: sc });
      root.querySelector<HTMLInputElement>(`#${id}`)?.focus();
    });
    const s = sc.scenario;
    cards.append(
      h(
        'label',
        { for: id, class: `scenario-card ${isTutorial ? 'tutorial-card' : ''} ${radio.checked ? 'chosen' : ''}` },
        radio,
        h('strong', {}, pick(s.title)),
        isTutorial ? h('span', { class: 'tutorial-badge', 'data-testid': 'tutorial-badge' }, `★ ${t('title.tutorial')}`) : '',
        h('span', { class: 'hint' }, t('title.seasons', { seasons: s.seasons, weeks: s.weeksPerSeason, budget: s.budgetPerSeason })),
        s.units.length ? h('span', { class: 'hint' }, t('title.units', { units: listOf(s.units.map((u) => String(u))) })) : '',
      ),
    );
  }
  const start = h('button', { type: 'button', class: 'primary big', 'data-testid': 'start', disabled: !chosen || busy }, t('title.start'));
  start.addEventListener('click', () => {
    const seedText = seed.value.trim() || 'class-1';
    if (chosen) void startGame(chosen, seedText, team.value.trim() || t('title.defaultTeam'));
  });
  const { saved, damaged } = save;
  // A save that could not be read whole is kept as it was: say so, and offer it for download.
  const damagedNote = damaged
    ? h(
        'div',
        { class: 'notice', role: 'alert', 'data-testid': 'save-damaged' },
        tWithReasons({ key: saved ? 'title.saveRecovered' : 'title.saveDamaged', reasons: damaged.problems }),
        ' ',
        h('button', { type: 'button', 'data-testid': 'save-damaged-download', onclick: () => download('damaged-save.json', damaged.text) }, t('title.saveDownload')),
        ' ',
        h('button', { type: 'button', onclick: () => (clearDamaged(), titleStore.setState({ save: readSaves() })) }, t('title.saveDismiss')),
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
      saved ? h('button', { type: 'button', class: 'primary', 'data-testid': 'resume', disabled: busy, onclick: () => void resume() }, t('title.resume')) : '',
      h('h2', {}, t('title.choose')),
      cards,
      // The chosen scenario, the team and seed and Start side by side under the cards: on a 1366×768 screen Start
      // is in view without scrolling. Opening files comes after.
      h('div', { class: 'title-start' },
        detail,
        h('div', { class: 'title-go' },
          h('div', { class: 'form' },
            h('label', { for: 'team' }, t('title.team')), team,
            h('label', { for: 'seed' }, t('title.seed')), seed,
          ),
          start,
        ),
      ),
      h('div', { class: 'row' },
        h('button', {
          type: 'button',
          'data-testid': 'import-scenario',
          onclick: async () => {
            const sc = await importScenario();
            if (sc) titleStore.setState({ imported: sc, chosen: sc });
          },
        }, t('title.import')),
        h('button', { type: 'button', onclick: () => void importRun() }, t('title.openRun')),
        h('button', { type: 'button', 'data-testid': 'title-study', onclick: () => void chooseRunToStudy() }, t('title.study')),
        h('button', { type: 'button', 'data-testid': 'title-compare', onclick: () => goTo('#/compare') }, t('title.compare')),
      ),
    ),
  );
}
