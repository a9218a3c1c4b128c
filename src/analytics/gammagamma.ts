// Gamma-Gamma spend model (Fader & Hardie 2013, "The Gamma-Gamma Model of Monetary Value"):
// a customer's transaction values are Gamma(p, ν) with ν ~ Gamma(q, γ) across customers, independent of
// the purchase process. Fitted on repeat buyers only (x > 0), with z̄ their mean spend per repeat purchase-day.
import { lnGamma } from './special';
import { boxed, boxPenalty, nelderMead } from './optimize';

export interface GammaGammaParams {
  p: number;
  q: number;
  gamma: number;
}

export interface SpendHistory {
  frequency: number;
  monetary: number;
}

export interface GammaGammaFit {
  params: GammaGammaParams;
  logLikelihood: number;
  /** Customers used: x > 0 and z̄ > 0. */
  customers: number;
  iterations: number;
  /** Likelihood evaluations used by the optimiser. */
  evaluations: number;
  converged: boolean;
}

interface Compiled {
  weight: Float64Array;
  xi: Int32Array;
  xs: number[];
  logZ: Float64Array;
  xz: Float64Array;
}

function compile(rows: readonly SpendHistory[], scale: number): Compiled {
  const xIndex = new Map<number, number>();
  const groups = new Map<string, number>();
  const gw: number[] = [];
  const gx: number[] = [];
  const gz: number[] = [];
  for (const { frequency: x, monetary: z } of rows) {
    if (!(x > 0 && z > 0)) continue;
    const key = `${x}|${z}`;
    const g = groups.get(key);
    if (g !== undefined) {
      gw[g]++;
      continue;
    }
    groups.set(key, gw.length);
    let i = xIndex.get(x);
    if (i === undefined) xIndex.set(x, (i = xIndex.size));
    gx.push(i);
    gz.push(z * scale);
    gw.push(1);
  }
  const xs = new Array<number>(xIndex.size);
  for (const [v, i] of xIndex) xs[i] = v;
  return {
    weight: Float64Array.from(gw),
    xi: Int32Array.from(gx),
    xs,
    logZ: Float64Array.from(gz, Math.log),
    xz: Float64Array.from(gz, (z, g) => z * xs[gx[g]]),
  };
}

function logLikelihoodCompiled(params: GammaGammaParams, d: Compiled): number {
  const { p, q, gamma } = params;
  if (!(p > 0 && q > 0 && gamma > 0)) return -Infinity;
  const nx = d.xs.length;
  const base = new Float64Array(nx);
  const px = new Float64Array(nx);
  const lgq = lnGamma(q);
  const qlg = q * Math.log(gamma);
  for (let i = 0; i < nx; i++) {
    const x = d.xs[i];
    px[i] = p * x;
    // ln Γ(px+q) − ln Γ(px) − ln Γ(q) + q ln γ + px ln x
    base[i] = lnGamma(px[i] + q) - lnGamma(px[i]) - lgq + qlg + px[i] * Math.log(x);
  }
  let ll = 0;
  for (let g = 0; g < d.weight.length; g++) {
    const i = d.xi[g];
    ll += d.weight[g] * (base[i] + (px[i] - 1) * d.logZ[g] - (px[i] + q) * Math.log(gamma + d.xz[g]));
  }
  return ll;
}

/** Log-likelihood of the repeat buyers' mean spends (customers with x = 0 or z̄ ≤ 0 contribute nothing). */
export function gammaGammaLogLikelihood(params: GammaGammaParams, rows: readonly SpendHistory[]): number {
  return logLikelihoodCompiled(params, compile(rows, 1));
}

/**
 * Maximum likelihood by Nelder–Mead from p = q = γ = 1. Spends are first divided by their mean
 * (so γ starts near the right order of magnitude); p and q are scale-free and γ is scaled back.
 * Each search coordinate stays within ±10, as for BG/NBD.
 */
export function fitGammaGamma(rows: readonly SpendHistory[]): GammaGammaFit {
  let sum = 0;
  let count = 0;
  for (const { frequency, monetary } of rows) {
    if (frequency > 0 && monetary > 0) {
      sum += monetary;
      count++;
    }
  }
  if (count < 2) throw new RangeError('the spend model needs at least 2 repeat buyers with positive spend');
  const scale = count / sum;
  const d = compile(rows, scale);
  // Search coordinates: log p, log q, log(γ/q). When customers do not differ in their mean spend the MLE runs
  // off to q, γ → ∞ with γ/q fixed; in these coordinates that is a plateau along one axis.
  const unpack = (v: number[]): GammaGammaParams => {
    const [lp, lq, lratio] = boxed(v);
    const q = Math.exp(lq);
    return { p: Math.exp(lp), q, gamma: q * Math.exp(lratio) };
  };
  const res = nelderMead((v) => -logLikelihoodCompiled(unpack(v), d) + boxPenalty(v), [0, 0, 0], { step: 0.5, ftol: 1e-11 });
  const scaled = unpack(res.x);
  const params = { ...scaled, gamma: scaled.gamma / scale };
  return {
    params,
    logLikelihood: logLikelihoodCompiled(params, compile(rows, 1)),
    customers: count,
    iterations: res.iterations,
    evaluations: res.evaluations,
    converged: res.converged,
  };
}

/**
 * E[Z | z̄, x] = (q−1)/(px+q−1) · pγ/(q−1) + px/(px+q−1) · z̄: a weighted mean of the population mean pγ/(q−1)
 * and the customer's own mean. For x = 0 this is the population mean. Needs q > 1 (finite population mean).
 */
export function conditionalExpectedSpend(params: GammaGammaParams, x: number, zbar: number): number {
  const { p, q, gamma } = params;
  if (!(q > 1)) throw new RangeError(`Gamma-Gamma mean spend needs q > 1, got q=${q}`);
  const px = p * x;
  const w = px / (px + q - 1);
  return (1 - w) * ((p * gamma) / (q - 1)) + w * (x > 0 ? zbar : 0);
}

/** Population mean spend per transaction, pγ/(q−1). */
export function populationMeanSpend(params: GammaGammaParams): number {
  return conditionalExpectedSpend(params, 0, 0);
}
