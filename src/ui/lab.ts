import { MAX_ERRORS, type LabColumns, type LabProgress } from '../lab/lab-core';
import { h } from './dom';
import { num, t, type MessageKey } from './i18n';
import { resultsView } from './lab-results';
import { draftFrom } from './lab-rfm';
import {
  applyLabCuts,
  cancelLabRun,
  exportLabResults,
  labStore,
  loadLabFile,
  loadLabSample,
  quintileLabCuts,
  repairLabDates,
  runLab,
  setLabCurrency,
  sortLabTable,
  typeLabCut,
  type LabState,
} from './lab-store';
import { addLabStyle } from './lab-style';
import { surveySection } from './lab-survey';
import { surveyStore } from './lab-survey-store';
import { stopAll, watch, watchLang, type Page } from './page';

// The Analytics Lab (数据分析实验室): import any transactions CSV — the class's own shopping data, say — and get
// the RFM / ABC / CLV results of `npm run analyze` as tables and charts, computed in a Web Worker with a progress
// bar, with located messages for bad rows and a CSV export of every customer's scores. CLV is discounted margin
// (margin share, horizon and yearly rate are the page's options and are stated beside every CLV figure); the
// class can score RFM with its own cut-offs; and a survey CSV of 0–10 answers gives the class's own NPS.
// The page draws from its stores (lab-store.ts, lab-survey-store.ts): the options and cut-offs being typed are
// kept as they are typed and do not draw the page again, so the field being edited keeps the focus; progress
// moves the bar in place. Leaving the page stops a run in progress.

/** The currencies a file's amounts can be in, by sign, with their names in the locale files. */
const CURRENCIES = [
  { sign: '¥', label: 'lab.currency.yuan' },
  { sign: '$', label: 'lab.currency.dollar' },
  { sign: '€', label: 'lab.currency.euro' },
] as const satisfies readonly { sign: string; label: MessageKey }[];

export const labPage: Page = {
  mount(root) {
    addLabStyle();
    const draw = () => renderLab(root);
    const stops = [
      watch(
        labStore,
        (s) => [s.file, s.fileName, s.header, s.run === null, s.progress === null, s.errors, s.errorCount, s.repairable, s.result, s.resultFile, s.sort, s.cutsError, s.loadingSample],
        draw,
      ),
      watch(surveyStore, (s) => [s.fileName, s.text, s.header, s.column, s.outcome], draw),
      watch(labStore, (s) => s.progress, (p) => {
        const bar = root.querySelector<HTMLProgressElement>('[data-testid="lab-progress"]');
        const label = root.querySelector<HTMLElement>('#lab-progress-label');
        if (p && bar && label) showProgress(bar, label, p);
      }),
      watchLang(draw),
    ];
    draw();
    return () => {
      stopAll(stops)();
      cancelLabRun();
    };
  },
};

function stageText(p: LabProgress): string {
  const pctText = `${num(100 * p.fraction)}%`;
  return p.stage === 'parse' ? t('lab.stage.parse', { rows: num(p.rows ?? 0), pct: pctText }) : t(`lab.stage.${p.stage}`, { pct: pctText });
}

function showProgress(bar: HTMLProgressElement, label: HTMLElement, p: LabProgress): void {
  bar.value = p.fraction;
  bar.textContent = `${num(100 * p.fraction)}%`;
  label.textContent = stageText(p);
}

function dropZone(state: LabState, input: HTMLInputElement): HTMLElement {
  const zone = h(
    'div',
    { class: 'lab-drop', 'data-testid': 'lab-drop' },
    h('p', { class: 'lab-drop-text' }, t('lab.drop')),
    h(
      'div',
      { class: 'row' },
      h('button', { type: 'button', class: 'primary', 'data-testid': 'lab-choose', onclick: () => input.click() }, t('lab.choose')),
      h('button', { type: 'button', 'data-testid': 'lab-sample', disabled: state.loadingSample, onclick: () => void loadLabSample() }, state.loadingSample ? t('lab.sample.loading') : t('lab.sample')),
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
    if (file) void loadLabFile(file, file.name);
    else text.textContent = t('lab.drop');
  });
  // Clicking the zone's empty space opens the picker too; the buttons stay the keyboard path.
  zone.addEventListener('click', (e) => {
    if (e.target === zone || (e.target as HTMLElement).classList.contains('lab-drop-text')) input.click();
  });
  return zone;
}

/** The columns and options. What is typed goes into the store as it is typed, without drawing the page again. */
function optionsForm(state: LabState): HTMLElement {
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
        const { columns } = labStore.getState();
        if (columns) labStore.setState({ columns: { ...columns, [role]: (e.target as HTMLSelectElement).value } });
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
      ...field(
        'lab-currency',
        t('lab.opt.currency'),
        h(
          'select',
          { id: 'lab-currency', 'data-testid': 'lab-currency', disabled: busy, onchange: (e: Event) => setLabCurrency((e.target as HTMLSelectElement).value) },
          ...CURRENCIES.map((c) => h('option', { value: c.sign, selected: state.currency === c.sign }, t(c.label))),
        ),
        t('lab.opt.currencyHint'),
      ),
      ...field('lab-end', t('lab.opt.calibration-end'), input('lab-end', { type: 'date' }, state.calibrationEnd, (v) => labStore.setState({ calibrationEnd: v })), t('lab.opt.endHint')),
      ...field('lab-horizon', t('lab.opt.horizon-weeks'), input('lab-horizon', { type: 'number', min: 0, step: 1, inputmode: 'numeric' }, state.horizon, (v) => labStore.setState({ horizon: v })), t('lab.opt.horizonHint')),
      ...field('lab-margin', t('lab.opt.margin'), input('lab-margin', { type: 'number', min: 0, max: 100, step: 1, inputmode: 'decimal' }, state.margin, (v) => labStore.setState({ margin: v })), t('lab.opt.marginHint')),
      ...field('lab-discount', t('lab.opt.discount-annual'), input('lab-discount', { type: 'number', min: 0, step: 0.5, inputmode: 'decimal' }, state.discount, (v) => labStore.setState({ discount: v })), t('lab.opt.discountAnnualHint')),
      ...field('lab-clv-months', t('lab.opt.clv-months'), input('lab-clv-months', { type: 'number', min: 0, max: 600, step: 1, inputmode: 'numeric' }, state.clvMonths, (v) => labStore.setState({ clvMonths: v })), t('lab.opt.clvMonthsHint')),
    ),
    h(
      'div',
      { class: 'row' },
      h('button', { type: 'button', class: 'primary big', 'data-testid': 'lab-run', disabled: noFile || busy, onclick: () => void runLab() }, t('lab.run')),
      noFile ? h('span', { class: 'hint' }, t('lab.runHint')) : null,
    ),
  );
}

function progressBox(state: LabState): HTMLElement | null {
  if (!state.run || !state.progress) return null;
  const labelId = 'lab-progress-label';
  const label = h('span', { id: labelId, 'aria-live': 'polite' }, stageText(state.progress));
  const bar = h('progress', { max: 1, 'aria-labelledby': labelId, 'data-testid': 'lab-progress' });
  showProgress(bar, label, state.progress);
  return h(
    'section',
    { class: 'card lab-progress' },
    h('h3', {}, t('lab.running', { file: state.fileName })),
    bar,
    h('div', { class: 'row between' }, label, h('button', { type: 'button', 'data-testid': 'lab-cancel', onclick: () => cancelLabRun('[data-testid="lab-run"]') }, t('lab.cancel'))),
  );
}

function errorBox(state: LabState): HTMLElement | null {
  if (state.errors.length === 0) return null;
  const more = state.errorCount - state.errors.length;
  return h(
    'section',
    { class: 'lab-errors', role: 'alert', tabindex: -1, 'data-testid': 'lab-errors' },
    h('h3', {}, t('lab.err.heading', { n: num(state.errorCount) })),
    h('ul', {}, ...state.errors.map((line) => h('li', { 'data-testid': 'lab-error' }, line))),
    more > 0 ? h('p', {}, t('lab.err.more', { n: num(more), max: MAX_ERRORS })) : null,
    // Dates the game's own export writes in other forms (2025/9/2, 2025年9月2日): offer to read them, not only refuse.
    state.repairable
      ? h(
          'p',
          { 'data-testid': 'lab-repair' },
          t('lab.repair.offer'),
          ' ',
          h('button', { type: 'button', class: 'primary', 'data-testid': 'lab-repair-dates', onclick: () => repairLabDates() }, t('lab.repair.button')),
        )
      : null,
    h('p', { class: 'hint' }, t('lab.err.fix')),
  );
}

function renderLab(root: HTMLElement): void {
  const state = labStore.getState();
  const input = h('input', { type: 'file', accept: '.csv,.txt,text/csv,text/plain', class: 'visually-hidden', tabindex: -1, 'aria-hidden': 'true', 'data-testid': 'lab-input' });
  input.addEventListener('change', () => {
    const file = input.files?.[0];
    if (file) void loadLabFile(file, file.name);
    input.value = '';
  });
  root.replaceChildren(
    h(
      'div',
      { class: 'lab', 'data-testid': 'lab' },
      h('h2', {}, t('lab.heading')),
      h('p', {}, t('lab.intro')),
      input,
      h('div', { class: 'grid' }, h('section', { class: 'card', 'aria-labelledby': 'lab-data-h' }, h('h3', { id: 'lab-data-h' }, t('lab.data')), dropZone(state, input)), optionsForm(state)),
      progressBox(state),
      errorBox(state),
      state.result
        ? resultsView(state.result, state.resultFile, state.sort, sortLabTable, exportLabResults, {
            draft: state.cuts ?? draftFrom(state.result.rfmQuintiles),
            error: state.cutsError,
            onInput: typeLabCut,
            onApply: applyLabCuts,
            onQuintiles: quintileLabCuts,
          })
        : null,
      surveySection(),
    ),
  );
  // Focus follows the last action: asked for by the action, given once the page is drawn.
  const focus = labStore.getState().focus ?? surveyStore.getState().focus;
  labStore.setState({ focus: null });
  surveyStore.setState({ focus: null });
  if (focus) root.querySelector<HTMLElement>(focus)?.focus();
}
