import { ZIP_LIMITS } from '../run/zip';
import { gradebookCsv, gradebookMarkdown, type GradebookLabels } from '../run/gradebook';
import type { Leaderboard } from '../run/leaderboard';
import { download, h } from './dom';
import { list, num, pick, say, t } from './i18n';
import { reasonText } from './teacher-reasons';
import { stopAll, watch, watchLang, type Page } from './page';
import {
  cancelVerification,
  chooseClassScenario,
  chooseClassScenarioFile,
  dropClassFiles,
  pauseVerification,
  resumeVerification,
  setClassSeed,
  shippedScenarios,
  teacherStore,
  typeClassScenarioHash,
  type TeacherState,
  type Words,
} from './teacher-store';

// The teacher's page: drop the class's run files, each is verified by re-simulation (in a worker, with a
// progress bar and a button to cancel), tampered or foreign files are flagged with the reason and never ranked,
// the rest are ranked with the stated tie breaks; possible copies are pointed out; export the gradebook CSV or
// print the report. The teacher can state the class's scenario (a shipped one, a scenario file, or its SHA-256)
// and seed; otherwise they are voted, and a tie is left to the teacher. The state is the page's store
// (teacher-store.ts); progress moves the bar in place, anything else draws the page again. Leaving the page
// stops a verification still running; it starts again when the page is shown again.

export const teacherPage: Page = {
  mount(root) {
    // The chart code (ECharts) is loaded and run while the teacher picks files, not in the task that draws the board.
    void import('./charts');
    const draw = () => renderTeacher(root);
    const stops = [
      watch(teacherStore, (s) => [s.board, s.notice, s.scenarioHash, s.scenarioLabel, s.seed, s.progress === null, s.shipped], draw),
      watch(teacherStore, (s) => s.progress, () => showProgress(root)),
      watchLang(draw),
    ];
    draw();
    resumeVerification();
    return () => {
      stopAll(stops)();
      pauseVerification();
    };
  },
};

const words = (w: Words) => (typeof w === 'string' ? w : say(w));

function renderTeacher(root: HTMLElement): void {
  const { board, notice, progress, seed: seedFilter } = teacherStore.getState();
  const input = h('input', { type: 'file', id: 'class-files', multiple: true, accept: '.json,.zip,application/json,application/zip', 'data-testid': 'class-files' });
  input.addEventListener('change', () => dropClassFiles(input.files));
  const drop = h(
    'label',
    { for: 'class-files', class: 'drop-zone', tabindex: 0 },
    h('strong', {}, t('teacher.drop')),
    h('span', { class: 'hint' }, t('teacher.dropHint')),
    h('span', { class: 'hint' }, t('teacher.zipHint', { entries: ZIP_LIMITS.entries, mb: ZIP_LIMITS.totalBytes / (1024 * 1024) })),
  );
  drop.addEventListener('dragover', (e) => {
    e.preventDefault();
    drop.classList.add('over');
  });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', (e) => {
    e.preventDefault();
    drop.classList.remove('over');
    dropClassFiles(e.dataTransfer?.files ?? null);
  });
  drop.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      input.click();
    }
  });
  const seed = h('input', { id: 'class-seed', value: seedFilter, placeholder: t('teacher.seedAuto'), 'data-testid': 'class-seed' });
  seed.addEventListener('change', () => setClassSeed(seed.value.trim()));
  root.replaceChildren(
    h('h2', {}, t('teacher.heading')),
    h('p', {}, t('teacher.intro')),
    scenarioForm(teacherStore.getState()),
    h('div', { class: 'form no-print' }, h('label', { for: 'class-seed' }, t('teacher.seed')), seed),
    h('div', { class: 'no-print' }, drop, input),
    notice ? h('p', { class: 'notice', role: 'status', 'data-testid': 'teacher-notice' }, words(notice)) : '',
    progress
      ? h(
          'div',
          { class: 'progress', role: 'status', 'aria-live': 'polite' },
          h('progress', { max: progress.total, value: progress.done, 'aria-label': t('teacher.progress', progress) }),
          h('span', {}, ` ${t('teacher.progress', progress)} `),
          h('button', { type: 'button', 'data-testid': 'teacher-cancel', onclick: () => cancelVerification() }, t('teacher.cancel')),
        )
      : '',
    board ? boardView(board) : '',
  );
}

/** The verification's progress, moved in place (the page is not drawn again for it). */
function showProgress(root: HTMLElement): void {
  const { progress } = teacherStore.getState();
  const bar = root.querySelector('progress');
  if (!progress || !bar) return;
  bar.max = progress.total;
  bar.value = progress.done;
  (bar.nextSibling as HTMLElement).textContent = ` ${t('teacher.progress', progress)} `;
}

/** The class scenario: automatic, a shipped one, one read from a scenario file, or a typed SHA-256. */
function scenarioForm({ scenarioHash, scenarioLabel }: TeacherState): HTMLElement {
  const list = shippedScenarios();
  const known = list.find((x) => scenarioHash !== '' && x.hash.startsWith(scenarioHash));
  const label = words(scenarioLabel);
  const select = h(
    'select',
    { id: 'class-scenario', 'data-testid': 'class-scenario' },
    h('option', { value: '' }, t('teacher.scenarioAuto')),
    ...list.map((x) => h('option', { value: x.hash }, `${pick(x.title)} · ${x.hash.slice(0, 12)}`)),
    scenarioHash !== '' && !known ? h('option', { value: scenarioHash }, `${label || '?'} · ${scenarioHash.slice(0, 12)}`) : '',
  );
  select.value = known ? known.hash : scenarioHash;
  select.addEventListener('change', () => chooseClassScenario(select.value));
  const hash = h('input', { id: 'class-scenario-hash', value: known ? '' : scenarioHash, placeholder: t('teacher.scenarioHash'), 'data-testid': 'class-scenario-hash', spellcheck: false });
  hash.addEventListener('change', () => typeClassScenarioHash(hash.value));
  const file = h('button', { type: 'button', 'data-testid': 'class-scenario-file', onclick: () => void chooseClassScenarioFile() }, t('teacher.scenarioFile'));
  return h('div', { class: 'form no-print' }, h('label', { for: 'class-scenario' }, t('teacher.scenario')), select, hash, file);
}

const PARTS = ['satisfaction', 'loyalty', 'churn', 'profit', 'residual'] as const;

/** The gradebook's columns as this page's table names them, in the page's language, with its statuses and reasons. */
export function gradebookLabels(): GradebookLabels {
  return {
    rank: t('teacher.rank'),
    team: t('teacher.csv.team'),
    file: t('teacher.csv.file'),
    total: t('report.total'),
    parts: { satisfaction: t('report.part.satisfaction'), loyalty: t('report.part.loyalty'), churn: t('report.part.churn'), profit: t('report.part.profit'), residual: t('report.part.residual') },
    season: (n) => t('final.seasonLine', { n }),
    status: t('teacher.status'),
    reason: t('teacher.csv.reason'),
    copyOf: t('teacher.csv.copyOf'),
    statusText: (s) => t(`teacher.status.${s}`),
    reasonText,
    list: (files) => list(files),
  };
}

/** A scenario by its title when it is one the game ships, else by the id its files carry. */
function scenarioName(hash: string | null, id: string | null): string {
  const shipped = hash ? shippedScenarios().find((x) => x.hash === hash) : undefined;
  return shipped ? pick(shipped.title) : (id ?? '—');
}

function boardView(b: Leaderboard): HTMLElement {
  const seasons = Math.max(b.expected.seasons, ...b.rows.map((r) => r.seasonTotals.length));
  const table = h(
    'table',
    { class: 'board class-board', 'data-testid': 'leaderboard' },
    h('caption', {}, t('teacher.ranking', { ranked: b.ranked.length, flagged: b.flagged.length })),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'col' }, t('teacher.rank')),
        h('th', { scope: 'col' }, t('teacher.team')),
        h('th', { scope: 'col' }, t('report.total')),
        ...PARTS.map((p) => h('th', { scope: 'col' }, t(`report.part.${p}`))),
        ...Array.from({ length: seasons }, (_, k) => h('th', { scope: 'col' }, t('final.seasonLine', { n: k + 1 }))),
        h('th', { scope: 'col' }, t('teacher.status')),
      ),
    ),
    h(
      'tbody',
      {},
      ...b.rows.map((r) =>
        h(
          'tr',
          { class: r.status === 'ranked' ? '' : 'flagged', 'data-status': r.status },
          h('td', {}, r.rank === null ? '—' : String(r.rank)),
          h('td', {}, r.team ?? '?', h('br', {}), h('small', { class: 'hint' }, r.name)),
          h('td', { class: 'num' }, r.final ? num(r.final.total, 2) : '—'),
          ...PARTS.map((p) => h('td', { class: 'num' }, r.final ? num(r.final[p], 1) : '—')),
          ...Array.from({ length: seasons }, (_, k) => h('td', { class: 'num' }, r.seasonTotals[k] === undefined ? '—' : num(r.seasonTotals[k], 1))),
          h(
            'td',
            { class: 'status' },
            r.status === 'ranked' ? `✓ ${t('teacher.status.ranked')}` : `⚠ ${t(`teacher.status.${r.status}`)}`,
            r.reason ? h('div', { class: 'hint', 'data-testid': 'teacher-reason' }, reasonText(r.reason)) : '',
            r.possibleCopyOf.length ? h('div', { class: 'copy' }, `≈ ${t('teacher.copyOf', { files: list(r.possibleCopyOf) })}`) : '',
          ),
        ),
      ),
    ),
  );
  const chart = h('div', { class: 'chart', role: 'img', 'aria-label': t('teacher.trajectories') });
  // Drawn in a task of its own after the table, so neither holds the page for long.
  void import('./charts').then((m) => setTimeout(() => m.trajectoriesChart(chart, b.trajectories, seasons), 0));
  return h(
    'div',
    {},
    h(
      'p',
      { 'data-testid': 'teacher-expected' },
      t('teacher.expected', { scenario: scenarioName(b.expected.scenarioHash, b.expected.scenarioId), hash: b.expected.scenarioHash?.slice(0, 12) ?? '—', seed: b.expected.seed ?? '—', seasons: b.expected.seasons }),
    ),
    b.expected.undecided ? h('p', { class: 'notice', role: 'alert', 'data-testid': 'teacher-undecided' }, t('teacher.undecided', { reason: reasonText(b.expected.undecided) })) : '',
    h('p', { class: 'hint' }, t('teacher.rule'), ' ', t('teacher.tieBreak')),
    h(
      'div',
      { class: 'row no-print' },
      h('button', { type: 'button', class: 'primary', 'data-testid': 'gradebook-csv', onclick: () => download('gradebook.csv', gradebookCsv(b, gradebookLabels()), 'text/csv;charset=utf-8') }, t('teacher.csv')),
      h('button', { type: 'button', onclick: () => download('leaderboard.md', gradebookMarkdown(b), 'text/markdown;charset=utf-8') }, t('teacher.markdown')),
      h('button', { type: 'button', onclick: () => window.print() }, t('teacher.print')),
    ),
    // A class with long names or many seasons scrolls inside its card rather than spilling out of it.
    h('div', { class: 'board-scroll' }, table),
    h('section', { class: 'card' }, h('h3', {}, t('teacher.trajectories')), chart),
    h('p', { class: 'hint' }, t('teacher.formula')),
  );
}

