import {
  abcClassify,
  churnWarnings,
  clvSettings,
  customerPyramid,
  fitBgNbd,
  fitGammaGamma,
  formatDay,
  parseCsv,
  parseDay,
  rfmGroup,
  rfmImportance,
  rfmQuintileCuts,
  rfmScores,
  rfmSegment,
  RFM_GROUPS,
  scoreCustomers,
  summarize,
  topShare,
  type AbcClass,
  type BgNbdParams,
  type ClvSettings,
  type CustomerScore,
  type GammaGammaParams,
  type RfmCuts,
  type RfmGroup,
  type RfmImportance,
  type Transaction,
  type WarningReason,
} from '../analytics/index';
import { parseDayLoose } from '../analytics/dates';

// The Analytics Lab's work, free of the DOM and of workers so it runs the same in a test: a transactions CSV
// (any column names) → located errors, or BG/NBD + Gamma-Gamma parameters, per-customer scores and the
// summaries the page draws — exactly what `npm run analyze` computes on the same file and options. RFM can then
// be scored again with a class's own cut-offs (rescoreRfm) without fitting anything again.

export interface LabColumns {
  id: string;
  date: string;
  amount: string;
}

export interface LabOptions {
  columns: LabColumns;
  /** YYYY-MM-DD or YYYYMMDD; empty or absent = the last date in the file. */
  calibrationEnd?: string;
  horizonWeeks: number;
  /** Share of spend that is margin, 0–1 (the page asks for a percentage). */
  margin: number;
  /** Yearly discount rate for CLV (the page asks for a percentage). */
  discountAnnual: number;
  /** CLV horizon in months (default 12). */
  clvMonths?: number;
  /**
   * Also read dates written 2025/9/2, 2025.9.2 or 2025年9月2日 (a messy export's forms) as that year, month and
   * day; the result counts how many were. Off by default: a date in another form is a located error.
   */
  repairDates?: boolean;
  /** The currency sign of the amounts, as the results show money ("¥" by default; the CDNOW sample is in "$"). */
  currency?: string;
}

export const LAB_STAGES = ['parse', 'summarize', 'bgnbd', 'gammagamma', 'score'] as const;
export type LabStage = (typeof LAB_STAGES)[number];

export interface LabProgress {
  stage: LabStage;
  /** Overall share done, 0..1. */
  fraction: number;
  /** Rows read so far (parse stage). */
  rows?: number;
}

/** What went wrong, with an id the page translates and the English sentence as the command line prints it. */
export type LabErrorCode =
  | 'syntax'
  | 'empty-file'
  | 'missing-columns'
  | 'field-count'
  | 'empty-id'
  | 'bad-date'
  | 'bad-amount'
  | 'no-rows'
  | 'no-calibration'
  | 'bad-option'
  | 'fit'
  | 'bad-answer'
  | 'no-answers';

export interface LabError {
  code: LabErrorCode;
  /** 1-based line in the file, when the problem has one. */
  line?: number;
  /** Column name for a bad value, or a 1-based character position for a syntax error. */
  column?: string | number;
  /** The text found (a value, a field count, the header…). */
  found?: string;
  /** What was expected, for codes that need it (a column list, a field count). */
  expected?: string;
  /** English detail, as `npm run analyze` words it. */
  message: string;
  /** A bad date that repairing the file's dates (LabOptions.repairDates) would read. */
  repairable?: boolean;
}

export interface LabCustomer extends CustomerScore {
  group: RfmGroup;
  /** 重要 important (M ≥ 3) or 一般 general. */
  importance: RfmImportance;
  /** Purchase-days, the F of RFM (frequency + 1). */
  purchaseDays: number;
  totalSpend: number;
  reasons: WarningReason[];
}

export interface LabResult {
  rows: number;
  /** Dates read in another form than YYYY-MM-DD or YYYYMMDD, when the dates were repaired. */
  repairedDates: number;
  customers: LabCustomer[];
  calibrationEnd: string;
  firstDate: string;
  lastDate: string;
  model: { bgnbd: BgNbdParams; gammaGamma: GammaGammaParams };
  repeatBuyers: number;
  rfmGrid: number[][];
  groups: Record<RfmGroup, number>;
  /** Of each group, the customers with M ≥ 3 (重要价值客户, 重要发展客户, …). */
  important: Record<RfmGroup, number>;
  /** The cut-offs the quintile scores amount to (R in weeks since the last purchase, F purchase-days, M spend). */
  rfmQuintiles: RfmCuts;
  /** The class's own cut-offs the scores use, or null for quintile scores. */
  rfmCuts: RfmCuts | null;
  pyramid: { abc: AbcClass; customers: number; customerShare: number; revenue: number; revenueShare: number }[];
  top10: number;
  top20: number;
  clvBins: { from: number; to: number; count: number; open?: boolean }[];
  meanClv: number;
  totalClv: number;
  atRisk: { id: string; reasons: WarningReason[]; pAlive: number; gapWeeks: number; valueAtRisk: number }[];
  atRiskCount: number;
  options: { horizonWeeks: number; clv: ClvSettings; currency: string };
}

export type LabOutcome = { ok: true; result: LabResult } | { ok: false; errors: LabError[]; errorCount: number };

export const MAX_ERRORS = 10;

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const CHUNK = 1 << 20;

/** Ends of chunks of whole lines (never inside a quoted field) of about CHUNK characters. */
function chunkEnds(text: string): number[] {
  const ends: number[] = [];
  let start = 0;
  while (start < text.length) {
    let end = Math.min(text.length, start + CHUNK);
    let quotes = countQuotes(text, start, end);
    // Extend to the next line end with an even number of quotes since the chunk start: no quoted field is open.
    while (end < text.length) {
      const nl = text.indexOf('\n', end);
      const next = nl < 0 ? text.length : nl + 1;
      quotes += countQuotes(text, end, next);
      end = next;
      if (quotes % 2 === 0) break;
    }
    ends.push(end);
    start = end;
  }
  return ends;
}

function countQuotes(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === 34) n++;
  return n;
}

function lineBreaks(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) n++;
    else if (c === 13 && text.charCodeAt(i + 1) !== 10) n++;
  }
  return n;
}

const quoteList = (xs: readonly string[]) => xs.map((x) => `"${x}"`).join(', ');

/**
 * Reads and checks every row (all problems are counted; the first MAX_ERRORS are kept), then fits and scores.
 * `progress` is called at each stage and every chunk of rows; it never changes the result.
 */
export function runLab(text: string, options: LabOptions, progress: (p: LabProgress) => void = () => {}): LabOutcome {
  const errors: LabError[] = [];
  let errorCount = 0;
  const fail = (e: LabError): void => {
    errorCount++;
    if (errors.length < MAX_ERRORS) errors.push(e);
  };
  const stop = (e: LabError): LabOutcome => ({ ok: false, errors: [e], errorCount: 1 });

  let calibrationEnd: number | undefined;
  const endText = (options.calibrationEnd ?? '').trim();
  if (endText !== '') {
    const d = parseDay(endText);
    if (d === null) return stop({ code: 'bad-option', column: 'calibration-end', found: endText, message: `calibration end: expected a date YYYY-MM-DD or YYYYMMDD, found "${endText}"` });
    calibrationEnd = d;
  }
  if (!(Number.isFinite(options.horizonWeeks) && options.horizonWeeks >= 0)) {
    return stop({ code: 'bad-option', column: 'horizon-weeks', found: String(options.horizonWeeks), message: `horizon weeks: expected a number of weeks ≥ 0, found "${options.horizonWeeks}"` });
  }
  if (!(options.margin >= 0 && options.margin <= 1)) {
    return stop({ code: 'bad-option', column: 'margin', found: String(options.margin), message: `margin: expected a share of spend from 0 to 1 such as 0.3, found "${options.margin}"` });
  }
  if (!(Number.isFinite(options.discountAnnual) && options.discountAnnual > -1)) {
    return stop({ code: 'bad-option', column: 'discount-annual', found: String(options.discountAnnual), message: `yearly discount: expected a yearly rate > −1 such as 0.1, found "${options.discountAnnual}"` });
  }
  const clvMonths = options.clvMonths ?? 12;
  if (!(Number.isInteger(clvMonths) && clvMonths >= 0 && clvMonths <= 600)) {
    return stop({ code: 'bad-option', column: 'clv-months', found: String(clvMonths), message: `CLV months: expected a whole number of months from 0 to 600, found "${clvMonths}"` });
  }
  const clv = clvSettings({ horizonMonths: clvMonths, margin: options.margin, discountAnnual: options.discountAnnual });

  progress({ stage: 'parse', fraction: 0, rows: 0 });
  const ends = chunkEnds(text);
  const total = Math.max(1, text.length);
  const { id: idCol, date: dateCol, amount: amountCol } = options.columns;
  let header: string[] | null = null;
  let idIdx = -1;
  let dateIdx = -1;
  let amountIdx = -1;
  const transactions: Transaction[] = [];
  let rows = 0;
  let repairedDates = 0;
  let lineOffset = 0;
  let start = 0;
  for (const end of ends) {
    const chunk = text.slice(start, end);
    const parsed = parseCsv(chunk);
    for (const e of parsed.errors) {
      const line = e.line + lineOffset;
      fail({ code: 'syntax', line, column: e.column, message: e.message });
      return { ok: false, errors, errorCount };
    }
    for (const row of parsed.rows) {
      const line = row.line + lineOffset;
      if (!header) {
        header = row.fields.map((x) => x.trim());
        const missing = [idCol, dateCol, amountCol].filter((name, k, all) => !header!.includes(name) && all.indexOf(name) === k);
        if (missing.length > 0) {
          return stop({
            code: 'missing-columns',
            line,
            column: 1,
            expected: quoteList(missing),
            found: quoteList(header),
            message: `expected column${missing.length > 1 ? 's' : ''} ${quoteList(missing)} in the header, found ${quoteList(header)}`,
          });
        }
        idIdx = header.indexOf(idCol);
        dateIdx = header.indexOf(dateCol);
        amountIdx = header.indexOf(amountCol);
        continue;
      }
      rows++;
      const f = row.fields;
      if (f.length !== header.length) {
        fail({ code: 'field-count', line, column: 1, expected: String(header.length), found: String(f.length), message: `expected ${header.length} fields, found ${f.length}` });
        continue;
      }
      const id = f[idIdx].trim();
      if (id === '') {
        fail({ code: 'empty-id', line, column: idCol, found: '', message: 'expected a customer id, found an empty value' });
        continue;
      }
      let day = parseDay(f[dateIdx]);
      if (day === null) {
        const loose = parseDayLoose(f[dateIdx]);
        if (loose !== null && options.repairDates) {
          day = loose;
          repairedDates++;
        } else {
          const repairable = loose !== null;
          fail({ code: 'bad-date', line, column: dateCol, found: f[dateIdx], message: `expected a date YYYY-MM-DD or YYYYMMDD, found "${f[dateIdx]}"`, ...(repairable ? { repairable } : {}) });
          continue;
        }
      }
      const amountText = f[amountIdx].trim();
      if (!NUMBER.test(amountText)) {
        fail({ code: 'bad-amount', line, column: amountCol, found: f[amountIdx], message: `expected a number, found "${f[amountIdx]}"` });
        continue;
      }
      transactions.push({ customerId: id, day, amount: Number(amountText) });
    }
    lineOffset += lineBreaks(text, start, end);
    start = end;
    progress({ stage: 'parse', fraction: 0.3 * (end / total), rows });
  }
  if (!header) return stop({ code: 'empty-file', line: 1, column: 1, message: 'expected a header row, found an empty file' });
  if (errorCount > 0) return { ok: false, errors, errorCount };
  if (transactions.length === 0) return stop({ code: 'no-rows', message: 'expected transactions after the header, found none' });

  let first = Infinity;
  let last = -Infinity;
  for (const tr of transactions) {
    if (tr.day < first) first = tr.day;
    if (tr.day > last) last = tr.day;
  }
  if (calibrationEnd !== undefined && first > calibrationEnd) {
    return stop({ code: 'no-calibration', found: formatDay(calibrationEnd), message: `no purchases on or before the calibration end ${formatDay(calibrationEnd)}` });
  }
  const end = calibrationEnd ?? last;

  progress({ stage: 'summarize', fraction: 0.3 });
  const summaries = summarize(transactions, { calibrationEnd: end });
  transactions.length = 0;
  let bgnbd: BgNbdParams;
  let gammaGamma: GammaGammaParams;
  try {
    progress({ stage: 'bgnbd', fraction: 0.4 });
    bgnbd = fitBgNbd(summaries).params;
    progress({ stage: 'gammagamma', fraction: 0.5 });
    gammaGamma = fitGammaGamma(summaries).params;
  } catch (err) {
    if (err instanceof RangeError) return stop({ code: 'fit', found: err.message, message: `cannot fit the models: ${err.message}` });
    throw err;
  }
  progress({ stage: 'score', fraction: 0.55 });
  const scores = scoreCustomers(summaries, { bgnbd, gammaGamma }, { horizonWeeks: options.horizonWeeks, clvMonths, discountMonthly: clv.discountMonthly, margin: clv.margin });
  const revenue = summaries.map((s) => s.totalSpend);
  const classes = abcClassify(revenue);
  const warnings = churnWarnings(summaries.map((s, k) => ({ summary: s, pAlive: scores[k].pAlive, abc: classes[k] })));
  const reasonsById = new Map(warnings.map((w) => [w.id, w.reasons]));
  const scored: LabCustomer[] = scores.map((sc, k) => ({
    ...sc,
    group: rfmGroup(sc.rfm),
    importance: rfmImportance(sc.rfm),
    purchaseDays: summaries[k].purchaseDays,
    totalSpend: summaries[k].totalSpend,
    reasons: reasonsById.get(sc.id) ?? [],
  }));
  const rfm = rfmTables(scored, null);
  const clvs = scores.map((x) => x.clv).filter((v) => Number.isFinite(v));
  const totalClv = clvs.reduce((a, b) => a + b, 0);
  progress({ stage: 'score', fraction: 1 });
  return {
    ok: true,
    result: {
      rows,
      repairedDates,
      calibrationEnd: formatDay(end),
      firstDate: formatDay(first),
      lastDate: formatDay(last),
      model: { bgnbd, gammaGamma },
      repeatBuyers: summaries.filter((s) => s.frequency > 0).length,
      ...rfm,
      rfmQuintiles: rfmQuintileCuts(rfmInputs(scored)),
      pyramid: customerPyramid(revenue, classes),
      top10: topShare(revenue, 0.1),
      top20: topShare(revenue, 0.2),
      clvBins: clvBins(clvs),
      meanClv: totalClv / Math.max(1, clvs.length),
      totalClv,
      atRisk: warnings.slice(0, 20).map((w) => ({ id: w.id, reasons: w.reasons, pAlive: w.pAlive, gapWeeks: w.gapWeeks, valueAtRisk: w.valueAtRisk })),
      atRiskCount: warnings.length,
      options: { horizonWeeks: options.horizonWeeks, clv, currency: options.currency ?? '¥' },
    },
  };
}

/** The RFM inputs of the Lab's customers: weeks since the last purchase, purchase-days, total spend. */
function rfmInputs(customers: readonly LabCustomer[]): { recencyGap: number; frequency: number; monetary: number }[] {
  return customers.map((c) => ({ recencyGap: c.T - c.recency, frequency: c.purchaseDays, monetary: c.totalSpend }));
}

/** Scores, groups and the grid of customers under cut-offs (null = quintile scores). */
function rfmTables(
  customers: readonly LabCustomer[],
  cuts: RfmCuts | null,
): Pick<LabResult, 'customers' | 'rfmGrid' | 'groups' | 'important' | 'rfmCuts'> {
  const scores = rfmScores(rfmInputs(customers), cuts ?? undefined);
  const rfmGrid = [0, 1, 2, 3, 4].map(() => [0, 0, 0, 0, 0]);
  const groups = Object.fromEntries(RFM_GROUPS.map((g) => [g, 0])) as Record<RfmGroup, number>;
  const important = Object.fromEntries(RFM_GROUPS.map((g) => [g, 0])) as Record<RfmGroup, number>;
  const out = customers.map((c, k) => {
    const sc = scores[k];
    const group = rfmGroup(sc);
    const importance = rfmImportance(sc);
    rfmGrid[5 - sc.r][sc.f - 1]++;
    groups[group]++;
    if (importance === 'important') important[group]++;
    return { ...c, rfm: { ...sc, segment: rfmSegment(sc.r, sc.f) }, group, importance };
  });
  return { customers: out, rfmGrid, groups, important, rfmCuts: cuts };
}

/**
 * The same results with R, F and M scored from a class's own cut-offs (null: back to quintile scores). The
 * segments, the four groups, 重要 / 一般 and the grid follow; nothing else changes. RangeError when a cut-off
 * is out of order (see cutoffProblem).
 */
export function rescoreRfm(result: LabResult, cuts: RfmCuts | null): LabResult {
  return { ...result, ...rfmTables(result.customers, cuts) };
}

/**
 * About ten equal-width bins with a round width from 0 up to the 95th percentile of CLV, then one open bin
 * ("≥ from", `open: true`) for the long tail when there is one. Negative values, if any, count in the first bin.
 */
export function clvBins(values: readonly number[]): { from: number; to: number; count: number; open?: boolean }[] {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((p, q) => p - q);
  const max = sorted.length ? sorted[sorted.length - 1] : 0;
  if (max <= 0) return [{ from: 0, to: 1, count: values.length }];
  const p95 = sorted[Math.min(sorted.length - 1, Math.floor(0.95 * sorted.length))];
  const top = p95 > 0 ? p95 : max;
  const width = niceStep(top / 10);
  const closed = Math.max(1, Math.ceil(top / width - 1e-9));
  const bins: { from: number; to: number; count: number; open?: boolean }[] = [];
  for (let k = 0; k < closed; k++) bins.push({ from: k * width, to: (k + 1) * width, count: 0 });
  if (max >= closed * width) bins.push({ from: closed * width, to: max, count: 0, open: true });
  for (const v of sorted) bins[Math.max(0, Math.min(bins.length - 1, Math.floor(v / width)))].count++;
  return bins;
}

function niceStep(x: number): number {
  const p = 10 ** Math.floor(Math.log10(Math.max(x, 1e-9)));
  const m = x / p;
  return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * p;
}
