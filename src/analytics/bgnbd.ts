// BG/NBD model (Fader, Hardie & Lee 2005, "Counting Your Customers the Easy Way"): likelihood, fit and
// the per-customer and population predictions. Time is in weeks throughout.
import { hyp2f1, hyp2f1DeltaOverB, lnBeta, lnGamma, lnRising } from './special';
import { boxed, boxPenalty, nelderMead } from './optimize';

export interface BgNbdParams {
  r: number;
  alpha: number;
  a: number;
  b: number;
}

/** (x, t_x, T): repeat purchase-days, weeks to the last purchase, weeks of age. */
export interface RepeatHistory {
  frequency: number;
  recency: number;
  T: number;
}

/**
 * Customers grouped by identical (x, t_x, T), with the x, T and t_x values each stored once, so one likelihood
 * evaluation costs one exp and one log1p per group plus a log per distinct T and t_x.
 */
interface Compiled {
  weight: Float64Array;
  xi: Int32Array;
  Ti: Int32Array;
  ti: Int32Array;
  xs: number[];
  Ts: Float64Array;
  txs: Float64Array;
}

function compile(rows: readonly RepeatHistory[], scale: number): Compiled {
  const xIndex = new Map<number, number>();
  const TIndex = new Map<number, number>();
  const tIndex = new Map<number, number>();
  const groups = new Map<string, number>();
  const gx: number[] = [];
  const gT: number[] = [];
  const gt: number[] = [];
  const gw: number[] = [];
  const idx = (m: Map<number, number>, v: number) => {
    let i = m.get(v);
    if (i === undefined) m.set(v, (i = m.size));
    return i;
  };
  for (const row of rows) {
    const { frequency: x, recency: tx, T } = row;
    if (!(Number.isInteger(x) && x >= 0 && tx >= 0 && T >= tx)) {
      throw new RangeError(`BG/NBD needs integer x ≥ 0 and 0 ≤ t_x ≤ T, got x=${x}, t_x=${tx}, T=${T}`);
    }
    const key = `${x}|${tx}|${T}`;
    const g = groups.get(key);
    if (g !== undefined) {
      gw[g]++;
      continue;
    }
    groups.set(key, gw.length);
    gx.push(idx(xIndex, x));
    gT.push(idx(TIndex, T));
    gt.push(idx(tIndex, tx));
    gw.push(1);
  }
  const values = (m: Map<number, number>) => {
    const a = new Float64Array(m.size);
    for (const [v, i] of m) a[i] = v * scale;
    return a;
  };
  const xs = new Array<number>(xIndex.size);
  for (const [v, i] of xIndex) xs[i] = v;
  return {
    weight: Float64Array.from(gw),
    xi: Int32Array.from(gx),
    Ti: Int32Array.from(gT),
    ti: Int32Array.from(gt),
    xs,
    Ts: values(TIndex),
    txs: values(tIndex),
  };
}

function logLikelihoodCompiled(p: BgNbdParams, d: Compiled): number {
  const { r, alpha, a, b } = p;
  if (!(r > 0 && alpha > 0 && a > 0 && b > 0)) return -Infinity;
  const nx = d.xs.length;
  const base = new Float64Array(nx);
  const drop = new Float64Array(nx);
  const rx = new Float64Array(nx);
  const common = r * Math.log(alpha);
  for (let i = 0; i < nx; i++) {
    const x = d.xs[i];
    // ln Γ(r+x)/Γ(r) + r ln α + ln B(a, b+x)/B(a, b)
    base[i] = lnRising(r, x) + common + lnRising(b, x) - lnRising(a + b, x);
    drop[i] = x > 0 ? Math.log(a) - Math.log(b + x - 1) : -Infinity;
    rx[i] = r + x;
  }
  const LT = d.Ts.map((T) => Math.log(alpha + T));
  const Lt = d.txs.map((t) => Math.log(alpha + t));
  let ll = 0;
  const n = d.weight.length;
  for (let g = 0; g < n; g++) {
    const i = d.xi[g];
    const alive = -rx[i] * LT[d.Ti[g]];
    const dropped = drop[i] - rx[i] * Lt[d.ti[g]];
    // log(e^alive + e^dropped), written out: this loop is the whole cost of a fit.
    const hi = alive > dropped ? alive : dropped;
    const lo = alive > dropped ? dropped : alive;
    ll += d.weight[g] * (base[i] + (lo === -Infinity ? hi : hi + Math.log1p(Math.exp(lo - hi))));
  }
  return ll;
}

/** Total log-likelihood of the histories under the parameters (FHL 2005, eq. 6). */
export function bgnbdLogLikelihood(params: BgNbdParams, rows: readonly RepeatHistory[]): number {
  return logLikelihoodCompiled(params, compile(rows, 1));
}

export interface BgNbdFit {
  params: BgNbdParams;
  logLikelihood: number;
  iterations: number;
  /** Likelihood evaluations used by the optimiser. */
  evaluations: number;
  converged: boolean;
}

/**
 * Maximum likelihood by Nelder–Mead from r = α = a = b = 1. Times are first scaled so the oldest customer is
 * 10 units old (as lifetimes does) to keep α near 1; r, a, b are scale-free and α is scaled back.
 * Each search coordinate stays within ±10 (see optimize.ts): a + b ≤ e^10 and a mean dropout chance ≥ 4.5e-5
 * per purchase are indistinguishable from "no heterogeneity" / "no dropout", and predictions stay well-conditioned.
 */
export function fitBgNbd(rows: readonly RepeatHistory[]): BgNbdFit {
  let maxT = 0;
  for (const row of rows) maxT = Math.max(maxT, row.T);
  if (!(maxT > 0)) throw new RangeError('BG/NBD fit needs at least one customer with T > 0');
  const scale = 10 / maxT;
  const d = compile(rows, scale);
  // Search coordinates: log r, log(r/α) (mean purchase rate), logit of a/(a+b) (mean dropout), log(a+b).
  // When customers do not differ in rate or in dropout the MLE runs off to r, α → ∞ or a, b → ∞ with these
  // means fixed; in these coordinates that is a plateau along one axis, which the simplex leaves quickly.
  const unpack = (v: number[]): BgNbdParams => {
    const [lr, lmean, logit, lsum] = boxed(v);
    const r = Math.exp(lr);
    const mean = 1 / (1 + Math.exp(-logit));
    const sum = Math.exp(lsum);
    return { r, alpha: r / Math.exp(lmean), a: sum * mean, b: sum * (1 - mean) };
  };
  const res = nelderMead((v) => -logLikelihoodCompiled(unpack(v), d) + boxPenalty(v), [0, 0, 0, Math.LN2], { step: 0.5, ftol: 1e-11 });
  const scaled = unpack(res.x);
  const params = { ...scaled, alpha: scaled.alpha / scale };
  return {
    params,
    logLikelihood: logLikelihoodCompiled(params, compile(rows, 1)),
    iterations: res.iterations,
    evaluations: res.evaluations,
    converged: res.converged,
  };
}

/** P(alive | x, t_x, T) = 1 / [1 + 1{x>0} · a/(b+x−1) · ((α+T)/(α+t_x))^(r+x)]. */
export function pAlive(p: BgNbdParams, x: number, tx: number, T: number): number {
  if (x === 0) return 1;
  const logRatio = Math.log(p.a) - Math.log(p.b + x - 1) + (p.r + x) * (Math.log(p.alpha + T) - Math.log(p.alpha + tx));
  return 1 / (1 + Math.exp(logRatio));
}

/**
 * [1 − (1−z)^A · 2F1(A, B; C; z)] / (a − 1), the part both expectations share, with A = r+x, B = b+x,
 * C = a+b+x−1 and z the time fraction. Since C − B = a − 1, Euler's transform gives
 * (1−z)^A 2F1(A,B;C;z) = (1−z)^(a−1) 2F1(C−A, a−1; C; z), and dividing the a − 1 out analytically,
 *   [1 − (1−z)^(a−1)] / (a−1) − (1−z)^(a−1) · (2F1(C−A, a−1; C; z) − 1) / (a−1),
 * which is finite and accurate at a = 1 and never forms (1−z)^(−x) for heavy buyers.
 */
function expectationCore(A: number, B: number, a: number, z: number): number {
  const C = a + B - 1;
  const L = Math.log1p(-z);
  const y = (a - 1) * L;
  if (A + B - C > 0) {
    const first = y === 0 ? -L : (-L * Math.expm1(y)) / y;
    return first - Math.exp(y) * hyp2f1DeltaOverB(C - A, a - 1, C, z);
  }
  // A + B − C ≤ 0 only when x = 0 and a ≥ 1 + r, so a − 1 ≥ r > 0 and the direct series is fine.
  return (1 - Math.exp(A * L) * hyp2f1(A, B, C, z)) / (a - 1);
}

/**
 * E[Y(t) | x, t_x, T]: expected purchases in the next t weeks (FHL 2005, eq. 10):
 * (a+b+x−1)/(a−1) · [1 − ((α+T)/(α+T+t))^(r+x) · 2F1(r+x, b+x; a+b+x−1; t/(α+T+t))] / [1 + 1{x>0} a/(b+x−1) ((α+T)/(α+t_x))^(r+x)].
 */
export function conditionalExpectedPurchases(p: BgNbdParams, t: number, x: number, tx: number, T: number): number {
  if (t <= 0) return 0;
  const { r, alpha, a, b } = p;
  const z = t / (alpha + T + t);
  return (a + b + x - 1) * expectationCore(r + x, b + x, a, z) * pAlive(p, x, tx, T);
}

/** E[X(t)] for a customer observed from birth (FHL 2005, eq. 9): (a+b−1)/(a−1) · [1 − (α/(α+t))^r 2F1(r, b; a+b−1; t/(α+t))]. */
export function expectedPurchases(p: BgNbdParams, t: number): number {
  if (t <= 0) return 0;
  const { r, alpha, a, b } = p;
  return (a + b - 1) * expectationCore(r, b, a, t / (alpha + t));
}

/** P(X(t) = x) for a customer observed from birth (FHL 2005, eq. 8). */
export function probPurchases(p: BgNbdParams, t: number, x: number): number {
  if (!Number.isInteger(x) || x < 0) return 0;
  const { r, alpha, a, b } = p;
  if (t <= 0) return x === 0 ? 1 : 0;
  const lq = Math.log(alpha / (alpha + t));
  const lz = Math.log(t / (alpha + t));
  // Negative binomial pmf of purchases while alive: Γ(r+j)/(Γ(r) j!) q^r z^j.
  const nbAtX = Math.exp(lnGamma(r + x) - lnGamma(r) - lnGamma(x + 1) + r * lq + x * lz);
  const first = Math.exp(lnBeta(a, b + x) - lnBeta(a, b)) * nbAtX;
  if (x === 0) return first;
  return first + Math.exp(lnBeta(a + 1, b + x - 1) - lnBeta(a, b)) * nbTail(r, lq, Math.exp(lz), x, nbAtX);
}

// P(N ≥ x) for the negative binomial, summed from whichever side avoids cancellation; successive terms by the
// ratio pmf(j+1)/pmf(j) = (r+j)/(j+1) · z.
function nbTail(r: number, lq: number, z: number, x: number, pmfAtX: number): number {
  let pmf = Math.exp(r * lq);
  let cdf = 0;
  for (let j = 0; j < x; j++) {
    cdf += pmf;
    pmf *= ((r + j) / (j + 1)) * z;
  }
  if (cdf < 0.5) return 1 - cdf;
  let tail = 0;
  pmf = pmfAtX;
  for (let j = x; j < x + 1_000_000; j++) {
    tail += pmf;
    if (pmf <= 1e-17 * tail) break;
    pmf *= ((r + j) / (j + 1)) * z;
  }
  return tail;
}
