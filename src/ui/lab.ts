import { writeCsv } from '../analytics/csv';
import { cdnowToCsv, detectColumns, readHeader } from '../lab/lab-columns';
import { MAX_ERRORS, rescoreRfm, type LabColumns, type LabError, type LabProgress, type LabResult } from '../lab/lab-core';
import { resultRows } from '../lab/lab-table';
import { startLab, type LabRun } from '../workers/lab-host';
import { download, h, nextId } from './dom';
import { num, t, type MessageKey } from './i18n';
import { resultsView, type TableSort } from './lab-results';
import { draftFrom, readDraft, type CutDraft } from './lab-rfm';
import { addLabStyle } from './lab-style';
import { surveySection } from './lab-survey';

// The Analytics Lab (数据分析实验室): import any transactions CSV — the class's own shopping data, say — and get
// the RFM / ABC / CLV results of `npm run analyze` as tables and charts, computed in a Web Worker with a progress
// bar, with located messages for bad rows and a CSV export of every customer's scores. CLV is discounted margin
// (margin share, horizon and yearly rate are the page's options and are stated beside every CLV figure); the
// class can score RFM with its own cut-offs; and a survey CSV of 0–10 answers gives the class's own NPS.

interface LabState {
  file: Blob | null;
  fileName: string;
  header: string[];
  columns: LabColumns | null;
  calibrationEnd: string;
  horizon: string;
  /** Margin and yearly discount rate as the page asks for them, in %. */
  margin: string;
  discount: string;
  clvMonths: string;
  run: LabRun | null;
  progress: LabProgress | null;
  errors: string[];
  errorCount: number;
  result: LabResult | null;
  resultFile: string;
  sort: TableSort;
  /** The R/F/M cut-offs being edited, and the one-line problem with them, if any. */
  cuts: CutDraft | null;
  cutsError: { text: string; field: string } | null;
  loadingSample: boolean;
  focus: string | null;
}

const state: LabState = {
  file: null,
  fileName: '',
  header: [],
  columns: null,
  calibrationEnd: '',
  horizon: '39',
  margin: '30',
  discount: '10',
  clvMonths: '12',
  run: null,
  progress: null,
  errors: [],
  errorCount: 0,
  result: null,
  resultFile: '',
  sort: { key: 'clv', descending: true },
  cuts: null,
  cutsError: null,
  loadingSample: false,
  focus: null,
};

let root: HTMLElement | null = null;
let progressView: { bar: HTMLProgressElement; label: HTMLElement } | null = null;

function rerender(): void {
  if (root && root.isConnected) renderLab(root);
}

/**
 * One located line per problem, in the page's language: "file:line: column "date": expected …, found …".
 * `typed` gives an option's text as the person typed it (a percentage, say), to quote instead of the value used.
 */
export function errorLine(file: string, e: LabError, typed: Record<string, string> = {}): string {
  let where = file;
  if (e.line !== undefined) where += `:${e.line}`;
  if (typeof e.column === 'number') where += ` ${t('lab.err.char', { n: e.column })}`;
  if (e.code === 'bad-option') {
    const found = typeof e.column === 'string' && e.column in typed ? typed[e.column] : (e.found ?? '');
    return `${t('lab.err.option', { option: t(`lab.opt.${e.column}` as MessageKey) })}: ${t('lab.err.bad-option', { found })}`;
  }
  const col = typeof e.column === 'string' ? `: ${t('lab.err.column', { column: e.column })}` : '';
  const params = { found: e.found ?? '', expected: e.expected ?? '', detail: e.message };
  return `${where}${col}: ${t(`lab.err.${e.code}` as MessageKey, params)}`;
}

async function loadFile(file: Blob, name: string): Promise<void> {
  cancelRun();
  let header: string[] = [];
  try {
    header = readHeader(await file.slice(0, 1 << 16).text());
  } catch {
    header = [];
  }
  state.file = file;
  state.fileName = name;
  state.header = header;
  state.columns = detectColumns(header);
  // The calibration end belongs to a file's dates: a new file starts again from its own last date.
  state.calibrationEnd = '';
  state.result = null;
  state.errors = [];
  state.errorCount = 0;
  if (!state.columns) {
    state.errors = [`${name}:1: ${t('lab.err.fewColumns', { found: header.map((x) => `"${x}"`).join(', ') || '—' })}`];
    state.errorCount = 1;
    state.focus = '[data-testid="lab-errors"]';
  } else state.focus = '[data-testid="lab-run"]';
  rerender();
}

async function loadSample(): Promise<void> {
  state.loadingSample = true;
  rerender();
  try {
    const raw = (await import('../../assets/cdnow/CDNOW_sample.txt?raw')).default;
    state.loadingSample = false;
    await loadFile(new Blob([cdnowToCsv(raw)], { type: 'text/csv' }), 'CDNOW_sample.csv');
  } catch (err) {
    state.loadingSample = false;
    state.errors = [t('lab.err.sample', { detail: err instanceof Error ? err.message : String(err) })];
    state.errorCount = 1;
    rerender();
  }
}

function cancelRun(): void {
  if (state.run) {
    state.run.cancel();
    state.run = null;
    state.progress = null;
  }
}

function numberOrNaN(text: string): number {
  return text.trim() === '' ? NaN : Number(text);
}

async function run(): Promise<void> {
  if (!state.file || !state.columns || state.run) return;
  const file = state.file;
  const name = state.fileName;
  state.errors = [];
  state.errorCount = 0;
  state.result = null;
  state.progress = { stage: 'parse', fraction: 0, rows: 0 };
  const typed = { margin: state.margin, 'discount-annual': state.discount, 'clv-months': state.clvMonths };
  const current = startLab(
    file,
    {
      columns: state.columns,
      calibrationEnd: state.calibrationEnd,
      horizonWeeks: numberOrNaN(state.horizon),
      margin: numberOrNaN(state.margin) / 100,
      discountAnnual: numberOrNaN(state.discount) / 100,
      clvMonths: numberOrNaN(state.clvMonths),
    },
    (p) => {
      if (state.run !== current) return;
      state.progress = p;
      showProgress();
    },
  );
  state.run = current;
  state.focus = '[data-testid="lab-cancel"]';
  rerender();
  try {
    const outcome = await current.done;
    if (state.run !== current) return;
    state.run = null;
    state.progress = null;
    if (outcome.ok) {
      state.result = outcome.result;
      state.resultFile = name;
      state.cuts = draftFrom(outcome.result.rfmQuintiles);
      state.cutsError = null;
      state.focus = '#lab-results-h';
    } else {
      state.errors = outcome.errors.map((e) => errorLine(name, e, typed));
      state.errorCount = outcome.errorCount;
      state.focus = '[data-testid="lab-errors"]';
    }
  } catch (err) {
    if (state.run !== current) return;
    state.run = null;
    state.progress = null;
    state.errors = [t('lab.err.crash', { detail: err instanceof Error ? err.message : String(err) })];
    state.errorCount = 1;
    state.focus = '[data-testid="lab-errors"]';
  }
  rerender();
}

/** Scores RFM again with the cut-offs being edited, or says in one line which one is wrong. */
function applyCuts(): void {
  if (!state.result || !state.cuts) return;
  const read = readDraft(state.cuts);
  if (!read.ok) {
    state.cutsError = { text: read.error, field: read.field };
    state.focus = `#${read.field}`;
  } else {
    state.result = rescoreRfm(state.result, read.cuts);
    state.cutsError = null;
    state.focus = '[data-testid="lab-cuts-status"]';
  }
  rerender();
}

function quintileCuts(): void {
  if (!state.result) return;
  state.result = rescoreRfm(state.result, null);
  state.cuts = draftFrom(state.result.rfmQuintiles);
  state.cutsError = null;
  state.focus = '[data-testid="lab-cuts-status"]';
  rerender();
}

function exportResults(): void {
  if (!state.result) return;
  const base = state.resultFile.replace(/\.[^.]*$/, '') || 'transactions';
  download(`${base}-analysis.csv`, writeCsv(resultRows(state.result)), 'text/csv;charset=utf-8');
}

function stageText(p: LabProgress): string {
  const pctText = `${num(100 * p.fraction)}%`;
  return p.stage === 'parse' ? t('lab.stage.parse', { rows: num(p.rows ?? 0), pct: pctText }) : t(`lab.stage.${p.stage}` as MessageKey, { pct: pctText });
}

function showProgress(): void {
  if (!progressView || !state.progress) return;
  progressView.bar.value = state.progress.fraction;
  progressView.bar.textContent = `${num(100 * state.progress.fraction)}%`;
  progressView.label.textContent = stageText(state.progress);
}

function dropZone(input: HTMLInputElement): HTMLElement {
  const zone = h(
    'div',
    { class: 'lab-drop', 'data-testid': 'lab-drop' },
    h('p', { class: 'lab-drop-text' }, t('lab.drop')),
    h(
      'div',
      { class: 'row' },
      h('button', { type: 'button', class: 'primary', 'data-testid': 'lab-choose', onclick: () => input.click() }, t('lab.choose')),
      h('button', { type: 'button', 'data-testid': 'lab-sample', disabled: state.loadingSample, onclick: () => void loadSample() }, state.loadingSample ? t('lab.sample.loading') : t('lab.sample')),
    ),
    state.file ? h('p', { class: 'lab-file', 'data-testid': 'lab-file' }, t('lab.file', { name: state.fileName, size: num(state.file.size / 1024, 1) })) : h('p', { class: 'hint' }, t('lab.noFile')),
    h('p', { class: 'hint' }, t('lab.format')),
  );
  const text = zone.querySelector('.lab-drop-text')!;
  let depth = 0;
  zone.addEventListener('dragenter', (e) => {
    e.preventDefault();
    depth++;
    zone.classList.add('over');
    text.textContent = t('lab.dropNow');
  });
  zone.addEventListener('dragover', (e) => {
    e.preventDefault();
    if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
  });
  zone.addEventListener('dragleave', () => {
    if (--depth > 0) return;
    zone.classList.remove('over');
    text.textContent = t('lab.drop');
  });
  zone.addEventListener('drop', (e) => {
    e.preventDefault();
    depth = 0;
    zone.classList.remove('over');
    const file = e.dataTransfer?.files?.[0];
    if (file) void loadFile(file, file.name);
    else text.textContent = t('lab.drop');
  });
  // Clicking the zone's empty space opens the picker too; the buttons stay the keyboard path.
  zone.addEventListener('click', (e) => {
    if (e.target === zone || (e.target as HTMLElement).classList.contains('lab-drop-text')) input.click();
  });
  return zone;
}

function optionsForm(): HTMLElement {
  const busy = state.run !== null;
  const noFile = !state.file || !state.columns;
  const field = (id: string, label: string, control: HTMLElement, hint?: string) => {
    const hintId = hint ? `${id}-hint` : undefined;
    if (hintId) control.setAttribute('aria-describedby', hintId);
    return [h('label', { for: id }, label), h('div', {}, control, hint ? h('p', { class: 'hint', id: hintId }, hint) : null)];
  };
  const columnSelect = (role: keyof LabColumns, label: MessageKey) => {
    const id = `lab-col-${role}`;
    const sel = h(
      'select',
      { id, 'data-testid': id, disabled: noFile || busy, onchange: (e: Event) => {
        if (state.columns) state.columns = { ...state.columns, [role]: (e.target as HTMLSelectElement).value };
      } },
      ...(state.header.length ? state.header : ['—']).map((name) => h('option', { value: name, selected: state.columns?.[role] === name }, name || '—')),
    );
    return field(id, t(label), sel);
  };
  const input = (id: string, attrs: Record<string, string | number | boolean>, value: string, set: (v: string) => void) =>
    h('input', { id, 'data-testid': id, ...attrs, value, disabled: busy, oninput: (e: Event) => set((e.target as HTMLInputElement).value) });
  return h(
    'section',
    { class: 'card', 'aria-labelledby': 'lab-options-h' },
    h('h3', { id: 'lab-options-h' }, t('lab.options')),
    h(
      'div',
      { class: 'form' },
      ...columnSelect('id', 'lab.col.idColumn'),
      ...columnSelect('date', 'lab.col.dateColumn'),
      ...columnSelect('amount', 'lab.col.amountColumn'),
      ...field('lab-end', t('lab.opt.calibration-end'), input('lab-end', { type: 'date' }, state.calibrationEnd, (v) => (state.calibrationEnd = v)), t('lab.opt.endHint')),
      ...field('lab-horizon', t('lab.opt.horizon-weeks'), input('lab-horizon', { type: 'number', min: 0, step: 1, inputmode: 'numeric' }, state.horizon, (v) => (state.horizon = v)), t('lab.opt.horizonHint')),
      ...field('lab-margin', t('lab.opt.margin'), input('lab-margin', { type: 'number', min: 0, max: 100, step: 1, inputmode: 'decimal' }, state.margin, (v) => (state.margin = v)), t('lab.opt.marginHint')),
      ...field('lab-discount', t('lab.opt.discount-annual'), input('lab-discount', { type: 'number', min: 0, step: 0.5, inputmode: 'decimal' }, state.discount, (v) => (state.discount = v)), t('lab.opt.discountAnnualHint')),
      ...field('lab-clv-months', t('lab.opt.clv-months'), input('lab-clv-months', { type: 'number', min: 0, max: 600, step: 1, inputmode: 'numeric' }, state.clvMonths, (v) => (state.clvMonths = v)), t('lab.opt.clvMonthsHint')),
    ),
    h(
      'div',
      { class: 'row' },
      h('button', { type: 'button', class: 'primary big', 'data-testid': 'lab-run', disabled: noFile || busy, onclick: () => void run() }, t('lab.run')),
      noFile ? h('span', { class: 'hint' }, t('lab.runHint')) : null,
    ),
  );
}

function progressBox(): HTMLElement | null {
  if (!state.run || !state.progress) {
    progressView = null;
    return null;
  }
  const labelId = nextId('lab-progress');
  const label = h('span', { id: labelId, 'aria-live': 'polite' }, stageText(state.progress));
  const bar = h('progress', { max: 1, 'aria-labelledby': labelId, 'data-testid': 'lab-progress' }) as HTMLProgressElement;
  progressView = { bar, label };
  showProgress();
  return h(
    'section',
    { class: 'card lab-progress' },
    h('h3', {}, t('lab.running', { file: state.fileName })),
    bar,
    h('div', { class: 'row between' }, label, h('button', { type: 'button', 'data-testid': 'lab-cancel', onclick: () => {
      cancelRun();
      state.focus = '[data-testid="lab-run"]';
      rerender();
    } }, t('lab.cancel'))),
  );
}

function errorBox(): HTMLElement | null {
  if (state.errors.length === 0) return null;
  const more = state.errorCount - state.errors.length;
  return h(
    'section',
    { class: 'lab-errors', role: 'alert', tabindex: -1, 'data-testid': 'lab-errors' },
    h('h3', {}, t('lab.err.heading', { n: num(state.errorCount) })),
    h('ul', {}, ...state.errors.map((line) => h('li', { 'data-testid': 'lab-error' }, line))),
    more > 0 ? h('p', {}, t('lab.err.more', { n: num(more), max: MAX_ERRORS })) : null,
    h('p', { class: 'hint' }, t('lab.err.fix')),
  );
}

export function renderLab(target: HTMLElement): void {
  addLabStyle();
  root = target;
  const input = h('input', { type: 'file', accept: '.csv,.txt,text/csv,text/plain', class: 'visually-hidden', tabindex: -1, 'aria-hidden': 'true', 'data-testid': 'lab-input' });
  input.addEventListener('change', () => {
    const file = input.files?.[0];
    if (file) void loadFile(file, file.name);
    input.value = '';
  });
  target.replaceChildren(
    h(
      'div',
      { class: 'lab', 'data-testid': 'lab' },
      h('h2', {}, t('lab.heading')),
      h('p', {}, t('lab.intro')),
      input,
      h('div', { class: 'grid' }, h('section', { class: 'card', 'aria-labelledby': 'lab-data-h' }, h('h3', { id: 'lab-data-h' }, t('lab.data')), dropZone(input)), optionsForm()),
      progressBox(),
      errorBox(),
      state.result
        ? resultsView(
            state.result,
            state.resultFile,
            state.sort,
            (s) => {
              state.sort = s;
              state.focus = `[data-testid="lab-sort-${s.key}"]`;
              rerender();
            },
            exportResults,
            {
              draft: state.cuts ?? draftFrom(state.result.rfmQuintiles),
              error: state.cutsError,
              onInput: (dim, k, v) => {
                state.cuts = { ...(state.cuts ?? draftFrom(state.result!.rfmQuintiles)) };
                state.cuts[dim] = state.cuts[dim].map((x, j) => (j === k ? v : x));
              },
              onApply: applyCuts,
              onQuintiles: quintileCuts,
            },
          )
        : null,
      surveySection(rerender),
    ),
  );
  if (state.focus) {
    const el = target.querySelector<HTMLElement>(state.focus);
    state.focus = null;
    el?.focus();
  }
}
