// Deterministic Nelder–Mead minimiser: fixed start, fixed simplex, fixed stopping rules, no randomness.

export interface MinimizeOptions {
  /** Initial simplex edge along each axis. */
  step?: number;
  maxIterations?: number;
  /** A run stops when the spread of f over the simplex is below ftol · (|f_best| + 1e-12). */
  ftol?: number;
  /** ... and the simplex fits in a box of this edge (default Infinity: f alone decides, so flat directions end too). */
  xtol?: number;
  /** Restarts from the best point with a fresh simplex until a restart no longer improves f by more than ftol. */
  maxRestarts?: number;
}

export interface MinimizeResult {
  x: number[];
  f: number;
  iterations: number;
  evaluations: number;
  converged: boolean;
}

/** Minimises f; non-finite values of f count as +Infinity so the search steps away from them. */
export function nelderMead(f: (x: number[]) => number, start: readonly number[], options: MinimizeOptions = {}): MinimizeResult {
  const step = options.step ?? 0.5;
  const maxIterations = options.maxIterations ?? 2000;
  const ftol = options.ftol ?? 1e-12;
  const xtol = options.xtol ?? Infinity;
  const maxRestarts = options.maxRestarts ?? 5;
  let evaluations = 0;
  const g = (x: number[]): number => {
    evaluations++;
    const v = f(x);
    return Number.isFinite(v) ? v : Infinity;
  };
  let best = { x: [...start], f: g([...start]) };
  let iterations = 0;
  let converged = false;
  for (let restart = 0; restart <= maxRestarts; restart++) {
    const run = simplexRun(g, best.x, step, maxIterations, ftol, xtol);
    iterations += run.iterations;
    const improvement = best.f - run.f;
    const settled = run.converged && improvement <= ftol * (Math.abs(run.f) + 1e-12);
    if (run.f <= best.f) best = { x: run.x, f: run.f };
    converged = run.converged;
    // A run that used up its iterations is not polished by more of the same: stop and report it.
    if (!run.converged || (settled && restart > 0)) break;
  }
  return { x: best.x, f: best.f, iterations, evaluations, converged };
}

function simplexRun(
  g: (x: number[]) => number,
  start: number[],
  step: number,
  maxIterations: number,
  ftol: number,
  xtol: number,
): { x: number[]; f: number; iterations: number; converged: boolean } {
  const n = start.length;
  const pts: number[][] = [start.slice()];
  for (let i = 0; i < n; i++) {
    const p = start.slice();
    p[i] += step;
    pts.push(p);
  }
  const fs = pts.map(g);
  const order = pts.map((_, i) => i);
  const stallWindow = 100 * n;
  let stallMark = Infinity;
  let it = 0;
  for (; it < maxIterations; it++) {
    // Stable sort by value then index keeps the run reproducible when values tie.
    order.sort((i, j) => fs[i] - fs[j] || i - j);
    const bi = order[0];
    const wi = order[n];
    const si = order[n - 1];
    let size = 0;
    for (let k = 1; k <= n; k++) for (let d = 0; d < n; d++) size = Math.max(size, Math.abs(pts[order[k]][d] - pts[bi][d]));
    const tol = ftol * (Math.abs(fs[bi]) + 1e-12);
    if (Math.abs(fs[wi] - fs[bi]) <= tol && size <= xtol) {
      return { x: pts[bi].slice(), f: fs[bi], iterations: it, converged: true };
    }
    // Stall: when rounding noise in f is as large as the tolerance the spread never closes, but the best value
    // also stops moving; 100 iterations per dimension without a gain beyond the tolerance ends the run.
    if (it % stallWindow === 0) {
      if (it > 0 && stallMark - fs[bi] <= tol) return { x: pts[bi].slice(), f: fs[bi], iterations: it, converged: true };
      stallMark = fs[bi];
    }
    const centroid = new Array<number>(n).fill(0);
    for (let k = 0; k < n; k++) for (let d = 0; d < n; d++) centroid[d] += pts[order[k]][d] / n;
    const along = (t: number) => centroid.map((c, d) => c + t * (pts[wi][d] - c));
    const xr = along(-1);
    const fr = g(xr);
    if (fr < fs[bi]) {
      const xe = along(-2);
      const fe = g(xe);
      if (fe < fr) replace(wi, xe, fe);
      else replace(wi, xr, fr);
    } else if (fr < fs[si]) {
      replace(wi, xr, fr);
    } else {
      const outside = fr < fs[wi];
      const xc = along(outside ? -0.5 : 0.5);
      const fc = g(xc);
      if (fc < (outside ? fr : fs[wi])) {
        replace(wi, xc, fc);
      } else {
        for (let k = 1; k <= n; k++) {
          const idx = order[k];
          pts[idx] = pts[idx].map((v, d) => pts[bi][d] + 0.5 * (v - pts[bi][d]));
          fs[idx] = g(pts[idx]);
        }
      }
    }
  }
  order.sort((i, j) => fs[i] - fs[j] || i - j);
  return { x: pts[order[0]].slice(), f: fs[order[0]], iterations: it, converged: false };

  function replace(i: number, x: number[], fx: number): void {
    pts[i] = x;
    fs[i] = fx;
  }
}

/** Log-parameters are searched within ±LOG_BOX (e^10 ≈ 22026): see the fits for why. */
export const LOG_BOX = 10;

/** The point clamped into the box. */
export function boxed(v: readonly number[]): number[] {
  return v.map((x) => Math.min(LOG_BOX, Math.max(-LOG_BOX, x)));
}

/** Squared distance outside the box, added to the objective so the simplex is pulled back in. */
export function boxPenalty(v: readonly number[]): number {
  let s = 0;
  for (const x of v) {
    const out = Math.abs(x) - LOG_BOX;
    if (out > 0) s += out * out;
  }
  return s;
}
