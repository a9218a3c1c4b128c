import { ZIP_LIMITS } from '../run/zip';
import { gradebookCsv, gradebookMarkdown } from '../run/gradebook';
import type { Leaderboard } from '../run/leaderboard';
import { parseScenarioOffThread } from '../workers/parse-host';
import { bundledScenarios } from '../store/scenarios';
import { verifyClass, type ClassFile, type ClassOptions, type Verification } from '../workers/class-verify';
import { download, h, pickFile } from './dom';
import { num, t, type MessageKey } from './i18n';

// The teacher's page: drop the class's run files, each is verified by re-simulation (in a worker, with a
// progress bar and a button to cancel), tampered or foreign files are flagged with the reason and never ranked,
// the rest are ranked with the stated tie breaks; possible copies are pointed out; export the gradebook CSV or
// print the report. The teacher can state the class's scenario (a shipped one, a scenario file, or its SHA-256)
// and seed; otherwise they are voted, and a tie is left to the teacher.

let board: Leaderboard | null = null;
let progress: { done: number; total: number; name: string } | null = null;
let seedFilter = '';
/** The class scenario as stated: its SHA-256 (or 8+ leading hex digits) and how to name it; '' = automatic. */
let scenarioHash = '';
let scenarioLabel = '';
let notice: string | null = null;
/** The files last dropped, kept unread, so a change of scenario or seed verifies them again. */
let lastFiles: ClassFile[] | null = null;
let job: Verification | null = null;
/** Bumped by every verification started: a result that arrives after a newer start is dropped. */
let generation = 0;
let shipped: { id: string; hash: string }[] | null = null;

function shippedScenarios(): { id: string; hash: string }[] {
  shipped ??= bundledScenarios().map((b) => ({ id: b.scenario.id, hash: b.hash }));
  return shipped;
}

export function renderTeacher(root: HTMLElement): void {
  // The chart code (ECharts) is loaded and run while the teacher picks files, not in the task that draws the board.
  void import('./charts');
  const input = h('input', { type: 'file', id: 'class-files', multiple: true, accept: '.json,.zip,application/json,application/zip', 'data-testid': 'class-files' });
  input.addEventListener('change', () => load(root, input.files));
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
    load(root, e.dataTransfer?.files ?? null);
  });
  drop.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      input.click();
    }
  });
  const seed = h('input', { id: 'class-seed', value: seedFilter, placeholder: t('teacher.seedAuto'), 'data-testid': 'class-seed' });
  seed.addEventListener('change', () => {
    seedFilter = seed.value.trim();
    again(root);
  });
  root.replaceChildren(
    h('h2', {}, t('teacher.heading')),
    h('p', {}, t('teacher.intro')),
    scenarioForm(root),
    h('div', { class: 'form no-print' }, h('label', { for: 'class-seed' }, t('teacher.seed')), seed),
    h('div', { class: 'no-print' }, drop, input),
    notice ? h('p', { class: 'notice', role: 'status', 'data-testid': 'teacher-notice' }, notice) : '',
    progress
      ? h(
          'div',
          { class: 'progress', role: 'status', 'aria-live': 'polite' },
          h('progress', { max: progress.total, value: progress.done, 'aria-label': t('teacher.progress', progress) }),
          h('span', {}, ` ${t('teacher.progress', progress)} `),
          h('button', { type: 'button', 'data-testid': 'teacher-cancel', onclick: () => job?.cancel() }, t('teacher.cancel')),
        )
      : '',
    board ? boardView(board) : '',
  );
}

/** The class scenario: automatic, a shipped one, one read from a scenario file, or a typed SHA-256. */
function scenarioForm(root: HTMLElement): HTMLElement {
  const list = shippedScenarios();
  const known = list.find((x) => scenarioHash !== '' && x.hash.startsWith(scenarioHash));
  const select = h(
    'select',
    { id: 'class-scenario', 'data-testid': 'class-scenario' },
    h('option', { value: '' }, t('teacher.scenarioAuto')),
    ...list.map((x) => h('option', { value: x.hash }, `${x.id} · ${x.hash.slice(0, 12)}`)),
    scenarioHash !== '' && !known ? h('option', { value: scenarioHash }, `${scenarioLabel || '?'} · ${scenarioHash.slice(0, 12)}`) : '',
  );
  select.value = known ? known.hash : scenarioHash;
  select.addEventListener('change', () => {
    scenarioHash = select.value;
    scenarioLabel = list.find((x) => x.hash === select.value)?.id ?? '';
    notice = null;
    again(root);
  });
  const hash = h('input', { id: 'class-scenario-hash', value: known ? '' : scenarioHash, placeholder: t('teacher.scenarioHash'), 'data-testid': 'class-scenario-hash', spellcheck: false });
  hash.addEventListener('change', () => {
    const v = hash.value.trim().toLowerCase();
    if (v !== '' && !/^[0-9a-f]{8,64}$/.test(v)) {
      notice = t('teacher.hashInvalid', { found: v.slice(0, 80) });
      renderTeacher(root);
      return;
    }
    scenarioHash = v;
    scenarioLabel = list.find((x) => v !== '' && x.hash.startsWith(v))?.id ?? '';
    notice = null;
    again(root);
  });
  const file = h('button', { type: 'button', 'data-testid': 'class-scenario-file' }, t('teacher.scenarioFile'));
  file.addEventListener('click', async () => {
    const picked = await pickFile('.yaml,.yml,.json');
    if (!picked) return;
    const r = await parseScenarioOffThread(picked.name, picked.text);
    if (!r.ok) notice = `${picked.name}: ${r.issues[0]?.message ?? ''}`;
    else {
      scenarioHash = r.value.hash;
      scenarioLabel = t('teacher.scenarioFromFile', { id: r.value.scenario.id, file: picked.name });
      notice = null;
    }
    again(root);
  });
  return h('div', { class: 'form no-print' }, h('label', { for: 'class-scenario' }, t('teacher.scenario')), select, hash, file);
}

function options(): ClassOptions {
  return { ...(seedFilter ? { seed: seedFilter } : {}), ...(scenarioHash ? { scenarioHash } : {}), knownScenarios: shippedScenarios().map((x) => x.hash) };
}

function load(root: HTMLElement, files: FileList | null): void {
  if (!files || files.length === 0) return;
  // Handed to the worker unread: it checks each size before reading anything.
  lastFiles = Array.from(files, (f): ClassFile => ({ name: f.name, blob: f }));
  start(root);
}

/** The same files again, after the class scenario or seed changed. */
function again(root: HTMLElement): void {
  if (lastFiles) start(root);
  else renderTeacher(root);
}

/** Verifies the files last dropped; a verification still running is stopped, and its result never shown. */
function start(root: HTMLElement): void {
  if (!lastFiles) return;
  job?.cancel();
  const gen = ++generation;
  board = null;
  notice = null;
  progress = { done: 0, total: lastFiles.length, name: '' };
  renderTeacher(root);
  const current = verifyClass(lastFiles, options(), (done, total, name) => {
    if (gen !== generation) return;
    progress = { done, total, name };
    const bar = root.querySelector('progress');
    if (bar) {
      bar.max = total;
      bar.value = done;
      (bar.nextSibling as HTMLElement).textContent = ` ${t('teacher.progress', progress)} `;
    }
  });
  job = current;
  current.done.then(
    (b) => {
      if (gen !== generation) return;
      job = null;
      progress = null;
      board = b;
      if (!b) notice = t('teacher.cancelled');
      renderTeacher(root);
    },
    (err: Error) => {
      if (gen !== generation) return;
      job = null;
      progress = null;
      notice = t('teacher.failed', { reason: err.message });
      renderTeacher(root);
    },
  );
}

const PARTS = ['satisfaction', 'loyalty', 'churn', 'profit', 'residual'] as const;

function boardView(b: Leaderboard): HTMLElement {
  const seasons = Math.max(b.expected.seasons, ...b.rows.map((r) => r.seasonTotals.length));
  const table = h(
    'table',
    { class: 'board', 'data-testid': 'leaderboard' },
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
        ...PARTS.map((p) => h('th', { scope: 'col' }, t(`report.part.${p}` as MessageKey))),
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
          h('td', {}, r.final ? num(r.final.total, 2) : '—'),
          ...PARTS.map((p) => h('td', {}, r.final ? num(r.final[p], 1) : '—')),
          ...Array.from({ length: seasons }, (_, k) => h('td', {}, r.seasonTotals[k] === undefined ? '—' : num(r.seasonTotals[k], 1))),
          h(
            'td',
            {},
            r.status === 'ranked' ? `✓ ${t('teacher.status.ranked')}` : `⚠ ${t(`teacher.status.${r.status}` as MessageKey)}`,
            r.reason ? h('div', { class: 'hint' }, r.season ? `#${r.season}: ${r.reason}` : r.reason) : '',
            r.possibleCopyOf.length ? h('div', { class: 'copy' }, `≈ ${t('teacher.copyOf', { files: r.possibleCopyOf.join(', ') })}`) : '',
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
      t('teacher.expected', { scenario: b.expected.scenarioId ?? '—', hash: b.expected.scenarioHash?.slice(0, 12) ?? '—', seed: b.expected.seed ?? '—', seasons: b.expected.seasons }),
    ),
    b.expected.undecided ? h('p', { class: 'notice', role: 'alert', 'data-testid': 'teacher-undecided' }, t('teacher.undecided', { reason: b.expected.undecided })) : '',
    h('p', { class: 'hint' }, t('teacher.rule'), ' ', t('teacher.tieBreak')),
    h(
      'div',
      { class: 'row no-print' },
      h('button', { type: 'button', class: 'primary', 'data-testid': 'gradebook-csv', onclick: () => download('gradebook.csv', gradebookCsv(b), 'text/csv;charset=utf-8') }, t('teacher.csv')),
      h('button', { type: 'button', onclick: () => download('leaderboard.md', gradebookMarkdown(b), 'text/markdown;charset=utf-8') }, t('teacher.markdown')),
      h('button', { type: 'button', onclick: () => window.print() }, t('teacher.print')),
    ),
    table,
    h('section', { class: 'card' }, h('h3', {}, t('teacher.trajectories')), chart),
    h('p', { class: 'hint' }, t('teacher.formula')),
  );
}

