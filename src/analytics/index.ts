// Analytics entry point: from a store's transactions to model parameters and per-customer scores.
import { abcClassify, type AbcClass, type AbcOptions } from './abc';
import { conditionalExpectedPurchases, fitBgNbd, pAlive, type BgNbdParams } from './bgnbd';
import { clvSettings, customerLifetimeValue, type ClvSettings } from './clv';
import { conditionalExpectedSpend, fitGammaGamma, type GammaGammaParams } from './gammagamma';
import { rfmScores, rfmSegment, type RfmCuts, type RfmSegment } from './rfm';
import { summarize, type CustomerSummary, type Transaction } from './summary';

export * from './abc';
export * from './bgnbd';
export * from './clv';
export * from './csv';
export * from './dates';
export * from './gammagamma';
export * from './loyalty';
export * from './rfm';
export * from './satisfaction';
export * from './special';
export * from './summary';
export * from './warning';

export interface AnalyzeOptions {
  /** Last calibration day (day number); default the last day in the data. */
  calibrationEnd?: number;
  /** Weeks ahead for expectedPurchases (default 39). */
  horizonWeeks?: number;
  /** Yearly discount rate for CLV (default 0.1). Give this or discountMonthly, not both. */
  discountAnnual?: number;
  /** Monthly discount rate for CLV, instead of a yearly one. */
  discountMonthly?: number;
  /** CLV horizon in months (default 12). */
  clvMonths?: number;
  /** Share of spend that is margin, for CLV (default 0.3). */
  margin?: number;
  /** A class's own R/F/M cut-offs; absent = quintile scores. */
  rfmCuts?: RfmCuts;
  abc?: AbcOptions;
}

export interface CustomerScore {
  id: string;
  frequency: number;
  recency: number;
  T: number;
  monetary: number;
  pAlive: number;
  expectedPurchases: number;
  /** Present value of the expected margin over the CLV horizon (see ClvSettings). */
  clv: number;
  rfm: { r: number; f: number; m: number; segment: RfmSegment };
  abc: AbcClass;
}

export interface AnalysisResult {
  model: { bgnbd: BgNbdParams; gammaGamma: GammaGammaParams };
  /** How CLV was computed: horizon, margin share, yearly and monthly discount rates. */
  clv: ClvSettings;
  customers: CustomerScore[];
}

/** The CLV settings of these options, defaults filled in (RangeError for impossible ones). */
export function clvSettingsOf(options: AnalyzeOptions = {}): ClvSettings {
  return clvSettings({ horizonMonths: options.clvMonths, discountAnnual: options.discountAnnual, discountMonthly: options.discountMonthly, margin: options.margin });
}

export interface Models {
  bgnbd: BgNbdParams;
  gammaGamma: GammaGammaParams;
}

/** Fits both models on calibration summaries. */
export function fitModels(summaries: readonly CustomerSummary[]): Models {
  const bgnbd = fitBgNbd(summaries).params;
  const gammaGamma = fitGammaGamma(summaries).params;
  return { bgnbd, gammaGamma };
}

/** Scores every customer under fitted models; order follows the summaries. */
export function scoreCustomers(summaries: readonly CustomerSummary[], models: Models, options: AnalyzeOptions = {}): CustomerScore[] {
  const horizon = options.horizonWeeks ?? 39;
  const settings = clvSettingsOf(options);
  const clvOptions = { horizonMonths: settings.horizonMonths, discountMonthly: settings.discountMonthly, margin: settings.margin };
  const rfm = rfmScores(summaries.map((s) => ({ recencyGap: s.T - s.recency, frequency: s.purchaseDays, monetary: s.totalSpend })), options.rfmCuts);
  const abc = abcClassify(
    summaries.map((s) => s.totalSpend),
    options.abc,
  );
  return summaries.map((s, i) => {
    const spend = conditionalExpectedSpend(models.gammaGamma, s.frequency, s.monetary);
    return {
      id: s.id,
      frequency: s.frequency,
      recency: s.recency,
      T: s.T,
      monetary: s.monetary,
      pAlive: pAlive(models.bgnbd, s.frequency, s.recency, s.T),
      expectedPurchases: conditionalExpectedPurchases(models.bgnbd, horizon, s.frequency, s.recency, s.T),
      clv: customerLifetimeValue(models.bgnbd, s, spend, clvOptions),
      rfm: { ...rfm[i], segment: rfmSegment(rfm[i].r, rfm[i].f) },
      abc: abc[i],
    };
  });
}

/** Summaries → BG/NBD + Gamma-Gamma fits → per-customer P(alive), expected purchases, CLV (discounted margin), RFM and ABC. */
export function analyzeTransactions(transactions: readonly Transaction[], options: AnalyzeOptions = {}): AnalysisResult {
  const summaries = summarize(transactions, { calibrationEnd: options.calibrationEnd });
  const models = fitModels(summaries);
  const clv = clvSettingsOf(options);
  return { model: { bgnbd: models.bgnbd, gammaGamma: models.gammaGamma }, clv, customers: scoreCustomers(summaries, models, options) };
}
