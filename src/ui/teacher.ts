import { isZipName, ZIP_LIMITS } from '../run/zip';
import { gradebookCsv, gradebookMarkdown } from '../run/gradebook';
import type { Leaderboard } from '../run/leaderboard';
import { verifyClass, type ClassFile } from '../store/teacher';
import { download, h } from './dom';
import { num, t, type MessageKey } from './i18n';

// The teacher's page: drop the class's run files, each is verified by re-simulation (in a worker, with a
// progress bar), tampered or foreign files are flagged with the reason and never ranked, the rest are ranked
// with the stated tie breaks; possible copies are pointed out; export the gradebook CSV or print the report.

let board: Leaderboard | null = null;
let progress: { done: number; total: number; name: string } | null = null;
let seedFilter = '';

export function renderTeacher(root: HTMLElement): void {
  const input = h('input', { type: 'file', id: 'class-files', multiple: true, accept: '.json,.zip,application/json,application/zip', 'data-testid': 'class-files' });
  input.addEventListener('change', () => void load(root, input.files));
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
    void load(root, e.dataTransfer?.files ?? null);
  });
  drop.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      input.click();
    }
  });
  const seed = h('input', { id: 'class-seed', value: seedFilter, placeholder: t('teacher.seedAuto') });
  seed.addEventListener('change', () => (seedFilter = seed.value.trim()));
  root.replaceChildren(
    h('h2', {}, t('teacher.heading')),
    h('p', {}, t('teacher.intro')),
    h('div', { class: 'form no-print' }, h('label', { for: 'class-seed' }, t('teacher.seed')), seed),
    h('div', { class: 'no-print' }, drop, input),
    progress
      ? h(
          'div',
          { class: 'progress', role: 'status', 'aria-live': 'polite' },
          h('progress', { max: progress.total, value: progress.done, 'aria-label': t('teacher.progress', progress) }),
          ' ',
          t('teacher.progress', progress),
        )
      : '',
    board ? boardView(board) : '',
  );
}

async function load(root: HTMLElement, files: FileList | null): Promise<void> {
  if (!files || files.length === 0) return;
  const entries: ClassFile[] = [];
  for (const f of Array.from(files)) entries.push(await classFile(f));
  board = null;
  progress = { done: 0, total: entries.length, name: '' };
  renderTeacher(root);
  board = await verifyClass(entries, seedFilter ? { seed: seedFilter } : {}, (done, total, name) => {
    progress = { done, total, name };
    const bar = root.querySelector('progress');
    if (bar) {
      bar.max = total;
      bar.value = done;
      bar.nextSibling!.textContent = ` ${t('teacher.progress', progress)}`;
    }
  });
  progress = null;
  renderTeacher(root);
}

/** A zip goes to the worker as bytes (refused unread when it is over the size limit); anything else as text. */
async function classFile(f: File): Promise<ClassFile> {
  if (!isZipName(f.name) && f.type !== 'application/zip' && f.type !== 'application/x-zip-compressed') return { name: f.name, text: await f.text() };
  if (f.size > ZIP_LIMITS.zipBytes) return { name: f.name, problem: `the zip is ${Math.round(f.size / (1024 * 1024))} MB, the limit is ${ZIP_LIMITS.zipBytes / (1024 * 1024)} MB` };
  return { name: f.name, zip: new Uint8Array(await f.arrayBuffer()) };
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
  void import('./charts').then((m) => m.trajectoriesChart(chart, b.trajectories, seasons));
  return h(
    'div',
    {},
    h(
      'p',
      {},
      t('teacher.expected', { scenario: b.expected.scenarioId ?? '—', seed: b.expected.seed ?? '—', seasons: b.expected.seasons }),
    ),
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

