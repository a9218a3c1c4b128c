import { createStore } from 'zustand/vanilla';
import { writeCsv } from '../analytics/csv';
import { cdnowToCsv, detectColumns, readHeader } from '../lab/lab-columns';
import { rescoreRfm, type LabColumns, type LabProgress, type LabResult } from '../lab/lab-core';
import { resultRows } from '../lab/lab-table';
import { startLab, type LabRun } from '../workers/lab-host';
import { download } from './dom';
import { list, t } from './i18n';
import { errorLine } from './lab-errors';
import type { TableSort } from './lab-results';
import { draftFrom, readDraft, type CutDraft } from './lab-rfm';

// The Analytics Lab's state: the transactions file and the columns found in it, the options as typed, the run in
// its Web Worker and its progress, the results (with the class's own RFM cut-offs, if set) or the located
// problems, and where the focus goes after the next drawing.

export interface LabState {
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
  /** The currency sign of the file's amounts: ¥ for a class's own file, $ for the CDNOW sample (US dollars). */
  currency: string;
  /** Read the file's dates in the other forms a messy export holds (2025/9/2, 2025年9月2日), when asked to. */
  repairDates: boolean;
  /** The last run failed on dates that repairing would read: the page offers the repair. */
  repairable: boolean;
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
  /** The element (a selector) that gets the focus once the page is drawn again. */
  focus: string | null;
}

export const labStore = createStore<LabState>()(() => ({
  file: null,
  fileName: '',
  header: [],
  columns: null,
  calibrationEnd: '',
  horizon: '39',
  margin: '30',
  discount: '10',
  clvMonths: '12',
  currency: '¥',
  repairDates: false,
  repairable: false,
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
}));

const set = labStore.setState;

export async function loadLabFile(file: Blob, name: string, currency = '¥'): Promise<void> {
  cancelLabRun();
  let header: string[] = [];
  try {
    header = readHeader(await file.slice(0, 1 << 16).text());
  } catch {
    header = [];
  }
  const columns = detectColumns(header);
  set({
    file,
    fileName: name,
    header,
    columns,
    // The calibration end belongs to a file's dates: a new file starts again from its own last date, with its
    // own currency, and its dates are read strictly until its owner asks for a repair.
    calibrationEnd: '',
    currency,
    repairDates: false,
    repairable: false,
    result: null,
    ...(columns
      ? { errors: [], errorCount: 0, focus: '[data-testid="lab-run"]' }
      : { errors: [`${name}:1: ${t('lab.err.fewColumns', { found: list(header.map((x) => `"${x}"`)) || '—' })}`], errorCount: 1, focus: '[data-testid="lab-errors"]' }),
  });
}

export async function loadLabSample(): Promise<void> {
  set({ loadingSample: true });
  try {
    const raw = (await import('../../assets/cdnow/CDNOW_sample.txt?raw')).default;
    set({ loadingSample: false });
    // CDNOW's amounts are US dollars.
    await loadLabFile(new Blob([cdnowToCsv(raw)], { type: 'text/csv' }), 'CDNOW_sample.csv', '$');
  } catch (err) {
    set({ loadingSample: false, errors: [t('lab.err.sample', { detail: err instanceof Error ? err.message : String(err) })], errorCount: 1 });
  }
}

/** Stops the run in progress (its worker is terminated); nothing of it is shown. */
export function cancelLabRun(focus: string | null = null): void {
  const { run } = labStore.getState();
  if (!run) return;
  run.cancel();
  set({ run: null, progress: null, ...(focus ? { focus } : {}) });
}

function numberOrNaN(text: string): number {
  return text.trim() === '' ? NaN : Number(text);
}

export async function runLab(): Promise<void> {
  const s = labStore.getState();
  if (!s.file || !s.columns || s.run) return;
  const name = s.fileName;
  const typed = { margin: s.margin, 'discount-annual': s.discount, 'clv-months': s.clvMonths };
  const current = startLab(
    s.file,
    {
      columns: s.columns,
      calibrationEnd: s.calibrationEnd,
      horizonWeeks: numberOrNaN(s.horizon),
      margin: numberOrNaN(s.margin) / 100,
      discountAnnual: numberOrNaN(s.discount) / 100,
      clvMonths: numberOrNaN(s.clvMonths),
      repairDates: s.repairDates,
      currency: s.currency,
    },
    (p) => {
      if (labStore.getState().run === current) set({ progress: p });
    },
  );
  set({ run: current, progress: { stage: 'parse', fraction: 0, rows: 0 }, errors: [], errorCount: 0, repairable: false, result: null, focus: '[data-testid="lab-cancel"]' });
  try {
    const outcome = await current.done;
    if (labStore.getState().run !== current) return;
    if (outcome.ok) {
      set({ run: null, progress: null, result: outcome.result, resultFile: name, cuts: draftFrom(outcome.result.rfmQuintiles), cutsError: null, focus: '#lab-results-h' });
    } else {
      const repairable = !s.repairDates && outcome.errors.some((e) => e.code === 'bad-date' && e.repairable === true);
      set({ run: null, progress: null, errors: outcome.errors.map((e) => errorLine(name, e, typed)), errorCount: outcome.errorCount, repairable, focus: '[data-testid="lab-errors"]' });
    }
  } catch (err) {
    if (labStore.getState().run !== current) return;
    set({ run: null, progress: null, errors: [t('lab.err.crash', { detail: err instanceof Error ? err.message : String(err) })], errorCount: 1, focus: '[data-testid="lab-errors"]' });
  }
}

/** The currency of the amounts: results already shown say their money in it at once (no figure changes). */
export function setLabCurrency(currency: string): void {
  const { result } = labStore.getState();
  set({ currency, ...(result ? { result: { ...result, options: { ...result.options, currency } } } : {}) });
}

/** Reads the file's dates in a messy export's forms too (2025/9/2, 2025年9月2日) and runs the analysis again. */
export function repairLabDates(): void {
  set({ repairDates: true, repairable: false });
  void runLab();
}

/** Scores RFM again with the cut-offs being edited, or says in one line which one is wrong. */
export function applyLabCuts(): void {
  const { result, cuts } = labStore.getState();
  if (!result || !cuts) return;
  const read = readDraft(cuts);
  if (!read.ok) set({ cutsError: { text: read.error, field: read.field }, focus: `#${read.field}` });
  else set({ result: rescoreRfm(result, read.cuts), cutsError: null, focus: '[data-testid="lab-cuts-status"]' });
}

export function quintileLabCuts(): void {
  const { result } = labStore.getState();
  if (!result) return;
  const rescored = rescoreRfm(result, null);
  set({ result: rescored, cuts: draftFrom(rescored.rfmQuintiles), cutsError: null, focus: '[data-testid="lab-cuts-status"]' });
}

/** One box of the cut-off editor, as typed (read when applied). */
export function typeLabCut(dim: keyof CutDraft, k: number, value: string): void {
  const { cuts, result } = labStore.getState();
  const draft = cuts ?? (result ? draftFrom(result.rfmQuintiles) : null);
  if (draft) set({ cuts: { ...draft, [dim]: draft[dim].map((x, j) => (j === k ? value : x)) } });
}

export function sortLabTable(sort: TableSort): void {
  set({ sort, focus: `[data-testid="lab-sort-${sort.key}"]` });
}

export function exportLabResults(): void {
  const { result, resultFile } = labStore.getState();
  if (!result) return;
  const base = resultFile.replace(/\.[^.]*$/, '') || 'transactions';
  download(`${base}-analysis.csv`, writeCsv(resultRows(result)), 'text/csv;charset=utf-8');
}
